"use server";
// A cadre records an assistance measure (帮扶措施) for one of their households. The measure and
// its audit event are one transaction; a household outside the cadre's reach reads as not found.
// The device makes the id: a retried or doubled submission stores one measure.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/safe-action";
import { addMeasureSchema, measureProblems } from "@/lib/validation/household-register";
import { db } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/auth/errors";
import { audit } from "@/lib/audit";
import { dateOnly } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { randomUUID } from "node:crypto";

export const addMeasure = defineAction({
  name: "measure.create",
  permission: "measure.create",
  schema: addMeasureSchema,
  handler: async (input, viewer) => {
    const problems = measureProblems(input);
    if (Object.keys(problems).length) {
      const fieldErrors = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [`householdEdit.problems.${v}`]]));
      throw new AppError("invalid", Object.values(fieldErrors)[0]![0], { fieldErrors });
    }
    const id = input.id ?? randomUUID();
    // an id already stored: the same household and the same author answer as a replay, anyone
    // else as not found (never someone else's measure)
    const replayOf = async () => {
      const m = await db().assistanceMeasure.findUnique({ where: { id }, select: { id: true, householdId: true, createdById: true } });
      if (!m) return null;
      if (m.householdId !== input.householdId || m.createdById !== viewer.id)
        throw new AppError("not_found", "measure id belongs to another", { id });
      return m;
    };
    const create = () =>
      db().$transaction(async (tx) => {
        const h = await tx.household.findFirst({
          where: { AND: [{ id: input.householdId }, householdScope(viewer)] },
          select: { id: true, countyId: true },
        });
        if (!h) throw new AppError("not_found", "household not found", { householdId: input.householdId });
        const m = await tx.assistanceMeasure.create({
          data: {
            id,
            householdId: h.id,
            countyId: h.countyId,
            category: input.category,
            description: input.description,
            amount: input.amount,
            startDate: dateOnly(input.startDate),
            endDate: input.endDate ? dateOnly(input.endDate) : null,
            createdById: viewer.id,
          },
        });
        await audit(
          tx,
          { id: viewer.id, role: viewer.role },
          {
            action: "measure.create",
            entity: "assistance_measure",
            entityId: m.id,
            countyId: h.countyId,
            after: {
              householdId: h.id,
              category: input.category,
              description: input.description,
              amount: input.amount,
              startDate: input.startDate,
              endDate: input.endDate ?? null,
            },
          },
        );
        return m;
      });
    let measure = await replayOf();
    if (!measure) {
      try {
        measure = await create();
      } catch (e) {
        // the same request twice at once: the primary key let one in
        if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
        measure = await replayOf();
        if (!measure) throw e;
      }
    }
    revalidatePath(`/households/${input.householdId}`);
    const t = await getTranslations("householdEdit.measure");
    return { ok: true as const, data: { id: measure.id }, message: t("saved") };
  },
});
