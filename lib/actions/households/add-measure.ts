"use server";
// A cadre records an assistance measure (帮扶措施) for one of their households: its kind, the cause
// or risk it answers, and the kind's own details (decision 0047). The measure and its audit event
// are one transaction; a household outside the cadre's reach reads as not found.
// The device makes the id: a retried or doubled submission stores one measure.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/safe-action";
import { measureSchema, measureProblems, type MeasureDetails } from "@/lib/validation/measure";
import { loanDueDate, splitAnswer } from "@/lib/domain/measures";
import { db } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/auth/errors";
import { audit } from "@/lib/audit";
import { dateOnly } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { randomUUID } from "node:crypto";

const DETAIL_KEYS = new Set(["bank", "termMonths", "interestSubsidy", "loanStatus", "repaidOn", "overdueSince", "post", "monthlyPay"]);

export const addMeasure = defineAction({
  name: "measure.create",
  permission: "measure.create",
  schema: measureSchema,
  handler: async (input, viewer) => {
    const d: MeasureDetails = input;
    const problems = measureProblems(input);
    if (Object.keys(problems).length) {
      const fieldErrors = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [`householdEdit.problems.${v}`]]));
      throw new AppError("invalid", Object.values(fieldErrors)[0]![0], { fieldErrors });
    }
    const id = input.id ?? randomUUID();
    // a loan's due date: given, or the issue date plus its term
    const endDate = input.endDate ?? (d.termMonths ? loanDueDate(input.startDate, d.termMonths) : undefined);
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
            kind: input.kind,
            ...splitAnswer(input.answers),
            description: input.description,
            amount: input.amount,
            startDate: dateOnly(input.startDate),
            endDate: endDate ? dateOnly(endDate) : null,
            bank: d.bank ?? null,
            termMonths: d.termMonths ?? null,
            interestSubsidy: d.interestSubsidy ?? null,
            loanStatus: d.loanStatus ?? null,
            repaidOn: d.repaidOn ? dateOnly(d.repaidOn) : null,
            overdueSince: d.overdueSince ? dateOnly(d.overdueSince) : null,
            post: d.post ?? null,
            monthlyPay: d.monthlyPay ?? null,
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
              kind: input.kind,
              answers: input.answers,
              description: input.description,
              amount: input.amount,
              startDate: input.startDate,
              endDate: endDate ?? null,
              ...Object.fromEntries(Object.entries(d).filter(([k]) => DETAIL_KEYS.has(k))),
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
