"use server";
// An admin sets policy values for a year for their province (national values, published
// centrally, come with the data: a province's admin may override them for the province but
// never change them for every province — refused on the field and audited). The old row is
// retired, never edited; the edit is audited; households whose current-year policy changed
// are recomputed by a background job whose progress the page shows.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action";
import { savePolicySchema } from "@/lib/validation/policy";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError, outOfScopeField } from "@/lib/auth/errors";
import { POLICY_KEYS, resolvePolicy, type PolicyValues } from "@/lib/domain/policy";
import { loadPolicyRows } from "@/lib/data/assessment";
import { createRecomputeJob, runRecomputeJob } from "@/lib/data/recompute";
import { currentYear } from "@/lib/clock";
import { policyOutOfBounds } from "@/lib/domain/policy-bounds";

export const savePolicy = defineAction({
  name: "policy.save",
  permission: "policy.edit",
  schema: savePolicySchema,
  handler: async (input, viewer) => {
    const prisma = db();
    const t = await getTranslations("adminText");
    const { year, provinceId, note, ...rest } = input;
    if (!provinceId) {
      throw outOfScopeField("provinceId", t("nationalSetCentrally"), { provinceId: null });
    }
    if (!viewer.regionId.startsWith(provinceId) && !provinceId.startsWith(viewer.regionId)) throw new AppError("not_found");
    if (provinceId && !(await prisma.region.findFirst({ where: { id: provinceId, level: "province" } }))) {
      throw new AppError("invalid", t("noSuchProvince"), { fieldErrors: { provinceId: [t("noSuchProvince")] } });
    }
    const values: Partial<PolicyValues> = {};
    for (const k of POLICY_KEYS) if (rest[k] !== undefined) values[k] = rest[k];
    // each setting within its range (lib/domain/policy-bounds.ts), refused on its field
    const outside = policyOutOfBounds(values as Record<string, number | undefined>);
    if (outside.length) {
      const fieldErrors = Object.fromEntries(
        outside.map((o) => [o.key, [`须在 ${o.min} 到 ${o.max} 之间 (must be between ${o.min} and ${o.max})`]]),
      );
      throw new AppError("invalid", Object.values(fieldErrors)[0]![0]!, { fieldErrors });
    }
    if (Object.keys(values).length === 0) {
      throw new AppError("invalid", t("atLeastOne"), { fieldErrors: { _form: [t("atLeastOne")] } });
    }
    const provinces = [provinceId];
    const now = currentYear();

    const { changedProvinces, rowId } = await prisma.$transaction(async (tx) => {
      const beforeRows = await loadPolicyRows(tx);
      const old = await tx.policyRow.findFirst({ where: { year, provinceId, active: true } });
      const revision = (await tx.policyRow.count({ where: { year, provinceId } })) + 1;
      const id = `${provinceId}-${year}-r${revision}`;
      if (old) await tx.policyRow.update({ where: { id: old.id }, data: { active: false, retiredAt: new Date() } });
      await tx.policyRow.create({
        data: { id, year, provinceId, values: values as object, revision, note: note || null, createdById: viewer.id },
      });
      const afterRows = await loadPolicyRows(tx);
      // resolution must still work for every year that has assessments (no conflicting rows)
      const changed = provinces.filter((p) => resolvePolicy(beforeRows, now, p).version !== resolvePolicy(afterRows, now, p).version);
      await audit(
        tx,
        { id: viewer.id, role: viewer.role },
        {
          action: "policy.save",
          entity: "policy_row",
          entityId: id,
          before: old ? { id: old.id, values: old.values } : null,
          after: { id, year, provinceId, values, revision, affectsProvinces: changed },
          reason: note || null,
        },
      );
      return { changedProvinces: changed, rowId: id };
    });

    const jobs: string[] = [];
    for (const p of changedProvinces) {
      const job = await createRecomputeJob(prisma, { regionId: p, reason: `policy ${rowId}`, actorId: viewer.id });
      jobs.push(job.id);
      void runRecomputeJob(prisma, job.id).catch((e) => console.error(`[recompute ${job.id}]`, e));
    }
    revalidatePath("/admin/policy");
    return { ok: true as const, data: { rowId, jobs }, message: jobs.length ? t("savedRecomputing") : t("saved") };
  },
});
