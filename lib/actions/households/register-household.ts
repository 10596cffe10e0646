"use server";
// A cadre registers a household new to one of their villages (a family that split off or
// arrived): the household and its members, the cadre's assignment to it, its first assessment
// and the audit event are one transaction. Members follow the same rules as everywhere; a
// national ID already held by an active member is a field error, whether the check or the
// database's partial unique index (member_national_id_active_key) finds it.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/safe-action";
import { registerHouseholdSchema, registerProblems } from "@/lib/validation/household-register";
import { db } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/auth/errors";
import { audit } from "@/lib/audit";
import { recomputeHousehold } from "@/lib/data/assessment";
import { dateOnly, today } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordDenials, takenNationalIds, type Denial } from "@/lib/data/national-id-taken";

type Problem = [field: string, namespace: "validation" | "householdEdit.problems", key: string];

function invalid(problems: Problem[]): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, ns, key] of problems) (fieldErrors[field] ??= []).push(`${ns}.${key}`);
  return new AppError("invalid", Object.values(fieldErrors)[0]![0]!, { fieldErrors });
}

export const registerHousehold = defineAction({
  name: "household.register",
  permission: "household.register",
  schema: registerHouseholdSchema,
  handler: async (input, viewer) => {
    const rules = registerProblems(input);
    if (Object.keys(rules).length) throw invalid(Object.entries(rules).map(([f, k]) => [f, "householdEdit.problems", k]));
    const todayIso = today();
    if (input.splitAt && input.splitAt > todayIso) throw invalid([["splitAt", "validation", "futureDate"]]);
    const ids = input.members.map((m) => m.nationalId).filter((x): x is string => Boolean(x));

    let created: { id: string; status: string | null };
    const denials: Denial[] = [];
    try {
      created = await db().$transaction(async (tx) => {
        const now = new Date();
        // the village must be one where the cadre now has an assignment
        const anchor = await tx.household.findFirst({
          where: { AND: [{ villageId: input.villageId }, householdScope(viewer, now)] },
          select: { countyId: true },
        });
        if (!anchor) throw new AppError("forbidden", "not a village of this cadre", { villageId: input.villageId });

        const problems: Problem[] = [];
        if (await tx.household.findFirst({ where: { villageId: input.villageId, number: input.number }, select: { id: true } })) {
          problems.push(["number", "householdEdit.problems", "numberTaken"]);
        }
        if (ids.length) {
          const taken = await takenNationalIds(tx, viewer, ids, "household.register", denials);
          input.members.forEach((m, i) => {
            if (m.nationalId && taken.inScope.has(m.nationalId))
              problems.push([`members.${i}.nationalId`, "validation", "nationalIdDuplicate"]);
            else if (m.nationalId && taken.outside.has(m.nationalId))
              problems.push([`members.${i}.nationalId`, "validation", "nationalIdUnavailable"]);
          });
        }
        let splitFrom: { id: string; number: string } | null = null;
        if (input.splitFromId) {
          splitFrom = await tx.household.findFirst({
            where: { AND: [{ id: input.splitFromId, villageId: input.villageId }, householdScope(viewer, now)] },
            select: { id: true, number: true },
          });
          if (!splitFrom) problems.push(["splitFromId", "householdEdit.problems", "splitFromUnknown"]);
        }
        if (problems.length) throw invalid(problems);

        const head = input.members.find((m) => m.relation === "head")!;
        const h = await tx.household.create({
          data: {
            countyId: anchor.countyId,
            villageId: input.villageId,
            number: input.number,
            headName: head.name,
            address: input.address ?? null,
            phone: input.phone ?? null,
            splitFromId: splitFrom?.id ?? null,
            splitAt: splitFrom ? dateOnly(input.splitAt ?? todayIso) : null,
            ...(input.indicators ?? {}),
            ...(input.income ?? {}),
            members: {
              create: input.members.map((m) => ({
                ...m,
                nationalId: m.nationalId || null,
                birthDate: dateOnly(m.birthDate),
                countyId: anchor.countyId,
              })),
            },
          },
          select: { id: true, countyId: true },
        });
        await tx.cadreAssignment.create({
          data: { householdId: h.id, countyId: h.countyId, cadreId: viewer.id, validFrom: now, reason: "register", createdById: viewer.id },
        });
        const assessment = await recomputeHousehold(tx, h.id, { trigger: "edit", actorId: viewer.id });
        await audit(
          tx,
          { id: viewer.id, role: viewer.role },
          {
            action: "household.register",
            entity: "household",
            entityId: h.id,
            countyId: h.countyId,
            after: {
              villageId: input.villageId,
              number: input.number,
              headName: head.name,
              members: input.members.length,
              splitFromId: splitFrom?.id ?? null,
              splitAt: splitFrom ? (input.splitAt ?? todayIso) : null,
              cadreId: viewer.id,
              version: 1,
              assessment: assessment && {
                status: assessment.status,
                policyVersion: assessment.policyVersion,
                perCapitaIncome: assessment.perCapitaIncome,
              },
            },
            reason: input.reason ?? null,
          },
        );
        return { id: h.id, status: assessment?.status ?? null };
      });
    } catch (e) {
      await recordDenials(viewer, denials);
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
        const target = JSON.stringify(e.meta ?? {});
        // lost a race: the village number or a national ID was taken between the check and the insert
        if (/number|household_village/i.test(target)) throw invalid([["number", "householdEdit.problems", "numberTaken"]]);
        throw invalid([["members", "validation", "nationalIdDuplicate"]]);
      }
      throw e;
    }
    revalidatePath("/cadre");
    const t = await getTranslations("householdEdit.register");
    return { ok: true as const, data: created, message: t("saved") };
  },
});
