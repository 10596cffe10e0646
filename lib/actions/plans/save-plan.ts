"use server";
// A household's plan for a year (一户一策), made or changed by the cadre assigned to it or an
// official over it. One transaction: the plan (version checked: two editors never overwrite each
// other), its chosen measures (the household's own only), its steps (a step kept by its text keeps
// its progress), the audit event. A household out of reach reads as not found.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { savePlanSchema } from "@/lib/validation/plan";
import { db } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import { AppError, fieldError } from "@/lib/auth/errors";
import { audit } from "@/lib/audit";
import { messageKey } from "@/i18n/keys";

export const savePlan = defineAction({
  name: "plan.save",
  permission: "plan.edit",
  schema: savePlanSchema,
  handler: async (input, viewer) => {
    const result = await db().$transaction(async (tx) => {
      const h = await tx.household.findFirst({
        where: { AND: [{ id: input.householdId }, householdScope(viewer)] },
        select: { id: true, countyId: true },
      });
      if (!h) throw new AppError("not_found", "household not found", { householdId: input.householdId });
      const measures = input.measureIds.length
        ? await tx.assistanceMeasure.findMany({ where: { id: { in: input.measureIds }, householdId: h.id }, select: { id: true } })
        : [];
      if (measures.length !== new Set(input.measureIds).size) throw fieldError("measureIds", messageKey("plan.problems.measureNotFound"));
      const before = await tx.householdPlan.findUnique({
        where: { householdId_year: { householdId: h.id, year: input.year } },
        select: { id: true, version: true, items: { select: { id: true, text: true, doneAt: true } } },
      });
      if (before?.version !== input.baseVersion) throw new AppError("conflict", messageKey("plan.plan.conflict"));
      const data = {
        mainCause: input.mainCause ?? null,
        secondaryCauses: input.secondaryCauses.filter((c) => c !== input.mainCause),
        expectedIncome: input.expectedIncome,
        note: input.note ?? null,
        updatedById: viewer.id,
      };
      // the version in the where: a write between our read and this one updates nothing
      const plan = before
        ? await tx.householdPlan
            .updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } })
            .then((r) => {
              if (r.count !== 1) throw new AppError("conflict", messageKey("plan.plan.conflict"));
              return { id: before.id };
            })
        : await tx.householdPlan.create({
            data: { ...data, householdId: h.id, countyId: h.countyId, year: input.year },
            select: { id: true },
          });
      await tx.planMeasure.deleteMany({ where: { planId: plan.id } });
      if (measures.length)
        await tx.planMeasure.createMany({ data: measures.map((m) => ({ planId: plan.id, measureId: m.id, countyId: h.countyId })) });
      // steps: one kept by its text keeps its progress; the rest are new, the dropped ones go
      const kept = new Map((before?.items ?? []).map((i) => [i.text, i]));
      const keep = input.items.map((text) => kept.get(text)).filter((i): i is NonNullable<typeof i> => !!i);
      await tx.planItem.deleteMany({ where: { planId: plan.id, id: { notIn: keep.map((i) => i.id) } } });
      for (const [position, text] of input.items.entries()) {
        const old = kept.get(text);
        if (old) await tx.planItem.update({ where: { id: old.id }, data: { position } });
        else await tx.planItem.create({ data: { planId: plan.id, householdId: h.id, countyId: h.countyId, position, text } });
      }
      const version = (before?.version ?? 0) + 1;
      await audit(
        tx,
        { id: viewer.id, role: viewer.role },
        {
          action: before ? "plan.update" : "plan.create",
          entity: "household_plan",
          entityId: plan.id,
          countyId: h.countyId,
          after: { householdId: h.id, year: input.year, ...data, measureIds: measures.map((m) => m.id), items: input.items, version },
        },
      );
      return { id: plan.id, version };
    });
    revalidatePath(`/households/${input.householdId}`);
    return done(messageKey("plan.plan.saved"), result);
  },
});
