// Household type (户属性): ordinary, 低保户 or 特困供养户, from a date, with its basis (decision
// 0045). Set by an official over the household's region; the history is kept (the current row
// flag moves to the new one); audited. Out of scope reads as not found.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { householdScope } from "@/lib/auth/scope";
import { audit, actorOf } from "@/lib/audit";
import { dateOnly, today } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SetHouseholdTypeInput, HouseholdTypeValue } from "@/lib/validation/income-record";
import { messageKey } from "@/i18n/keys";

export async function setHouseholdType(viewer: Viewer, input: SetHouseholdTypeInput): Promise<{ id: string; replay: boolean }> {
  if (input.since > today())
    throw new AppError("invalid", messageKey("countyRecords.validation.typeSinceFuture"), {
      fieldErrors: { since: [messageKey("countyRecords.validation.typeSinceFuture")] },
    });
  const replayOf = async () => {
    const r = await db().householdTypeRecord.findUnique({ where: { id: input.id }, select: { householdId: true, recordedById: true } });
    if (!r) return null;
    if (r.householdId !== input.householdId || r.recordedById !== viewer.id)
      throw new AppError("not_found", "type record id belongs to another", { id: input.id });
    return { id: input.id, replay: true };
  };
  const before = await replayOf();
  if (before) return before;
  try {
    return await db().$transaction(async (tx) => {
      const h = await tx.household.findFirst({
        where: { AND: [{ id: input.householdId }, householdScope(viewer)] },
        select: { id: true, countyId: true },
      });
      if (!h) throw new AppError("not_found", "household not found", { householdId: input.householdId });
      const prev = await tx.householdTypeRecord.findFirst({
        where: { householdId: h.id, current: true },
        select: { id: true, type: true, since: true, basis: true },
      });
      if (prev) await tx.householdTypeRecord.update({ where: { id: prev.id }, data: { current: false } });
      await tx.householdTypeRecord.create({
        data: {
          id: input.id,
          householdId: h.id,
          countyId: h.countyId,
          type: input.type,
          since: dateOnly(input.since),
          basis: input.basis,
          recordedById: viewer.id,
        },
      });
      await audit(tx, actorOf(viewer), {
        action: "household.type",
        entity: "household",
        entityId: h.id,
        countyId: h.countyId,
        before: prev ? { type: prev.type, since: prev.since.toISOString().slice(0, 10), basis: prev.basis } : { type: "ordinary" },
        after: { recordId: input.id, type: input.type, since: input.since, basis: input.basis },
      });
      return { id: input.id, replay: false };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await replayOf();
      if (again) return again;
    }
    throw e;
  }
}

export interface HouseholdTypeRow {
  id: string;
  type: HouseholdTypeValue;
  since: string;
  basis: string;
  current: boolean;
  createdAt: Date;
}

/** The household's type history, newest first (the household is already in scope). */
export async function householdTypesOf(householdId: string): Promise<HouseholdTypeRow[]> {
  const rows = await db().householdTypeRecord.findMany({
    where: { householdId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, type: true, since: true, basis: true, current: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, since: r.since.toISOString().slice(0, 10) }));
}
