// The annual income record (收入核算, decision 0045): per household and year, the itemised income,
// the counted members and the per-capita income computed by the income rule, read back to the
// household and signed by it (on the pad, or a photographed thumb-printed form). A signed record
// is never changed (a trigger refuses it too): a correction is a new revision superseding the last,
// the history kept. Who: a cadre for an assigned household, an official over its region (the
// household scope); out of scope reads as not found.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError, fieldRefusal } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { householdScope, type ReviewCountyId } from "@/lib/auth/scope";
import { audit, actorOf } from "@/lib/audit";
import { currentYear } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { removeStored } from "@/lib/storage/files";
import { countedMembers, householdNetIncomeCents, perCapitaIncomeCents } from "@/lib/domain/household";
import { memberInputFromRecord } from "@/lib/domain/input-from-record";
import { fromCents } from "@/lib/domain/money";
import {
  ALL_ITEM_COLUMNS,
  incomeInputOf,
  type IncomeItemColumn,
  type RecordIncomeInput,
  type SignIncomeInput,
} from "@/lib/validation/income-record";
import { createEvidence, storeConsentFile } from "@/lib/data/procedure/consent-files";
import { messageKey } from "@/i18n/keys";

export interface IncomeRecordOutcome {
  id: string;
  replay: boolean;
  revision: number;
  perCapitaIncome: number;
}

/** Records (or corrects, as a new revision) a household's income of one year. Unsigned until signed. */
export async function recordIncome(viewer: Viewer, input: RecordIncomeInput): Promise<IncomeRecordOutcome> {
  if (input.year > currentYear()) throw fieldRefusal("year", messageKey("countyRecords.validation.yearInFuture"));
  const replayOf = async () => {
    const r = await db().incomeRecord.findUnique({
      where: { id: input.id },
      select: { householdId: true, recordedById: true, revision: true, perCapitaIncome: true },
    });
    if (!r) return null;
    if (r.householdId !== input.householdId || r.recordedById !== viewer.id)
      throw new AppError("not_found", "income record id belongs to another", { id: input.id });
    return { id: input.id, replay: true, revision: r.revision, perCapitaIncome: Number(r.perCapitaIncome) };
  };
  const before = await replayOf();
  if (before) return before;
  try {
    return await db().$transaction(async (tx) => {
      const h = await tx.household.findFirst({
        where: { AND: [{ id: input.householdId }, householdScope(viewer)] },
        select: { id: true, countyId: true, members: { where: { active: true } } },
      });
      if (!h) throw new AppError("not_found", "household not found", { householdId: input.householdId });
      const members = h.members.map(memberInputFromRecord);
      const n = countedMembers(members).length;
      if (n === 0) throw fieldRefusal("year", messageKey("countyRecords.validation.noCountedMember"));
      const items = Object.fromEntries(ALL_ITEM_COLUMNS.map((c) => [c, input[c]])) as Record<IncomeItemColumn, number>;
      const income = incomeInputOf(items);
      const net = fromCents(householdNetIncomeCents(income));
      const pc = fromCents(perCapitaIncomeCents({ income, members }));
      const last = await tx.incomeRecord.findFirst({
        where: { householdId: h.id, year: input.year, current: true },
        select: { id: true, revision: true },
      });
      if ((last?.revision ?? 0) !== input.expectedRevision) throw new AppError("conflict", messageKey("countyRecords.validation.stale"));
      if (last) await tx.incomeRecord.update({ where: { id: last.id }, data: { current: false } });
      const revision = (last?.revision ?? 0) + 1;
      await tx.incomeRecord.create({
        data: {
          id: input.id,
          householdId: h.id,
          countyId: h.countyId,
          year: input.year,
          revision,
          supersedesId: last?.id ?? null,
          correctionReason: last ? input.correctionReason : null,
          ...items,
          countedMembers: n,
          householdNetIncome: net,
          perCapitaIncome: pc,
          recordedById: viewer.id,
        },
      });
      await audit(tx, actorOf(viewer), {
        action: last ? "income_record.correct" : "income_record.create",
        entity: "income_record",
        entityId: input.id,
        countyId: h.countyId,
        before: last ? { recordId: last.id, revision: last.revision } : undefined,
        after: { householdId: h.id, year: input.year, revision, ...items, countedMembers: n, householdNetIncome: net, perCapitaIncome: pc },
        reason: last ? input.correctionReason : undefined,
      });
      return { id: input.id, replay: false, revision, perCapitaIncome: pc };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await replayOf();
      if (again) return again;
      // another revision of the same year got in first
      throw new AppError("conflict", messageKey("countyRecords.validation.stale"));
    }
    throw e;
  }
}

export interface SignOutcome {
  id: string;
  replay: boolean;
}

/** The household signs the current revision read back to it. A signed record stays as signed. */
export async function signIncome(
  viewer: Viewer,
  input: Omit<SignIncomeInput, "signature" | "formPhoto"> & { signature?: Blob; formPhoto?: Blob },
): Promise<SignOutcome> {
  const target = await db().incomeRecord.findFirst({
    where: { id: input.recordId, household: householdScope(viewer) },
    select: { id: true, householdId: true, countyId: true, current: true, signedAt: true },
  });
  if (!target) throw new AppError("not_found", "income record not found", { recordId: input.recordId });
  if (target.signedAt) return { id: target.id, replay: true };
  if (!target.current) throw new AppError("invalid", messageKey("countyRecords.validation.superseded"));
  const blob = input.method === "signature" ? input.signature : input.formPhoto;
  const field = input.method === "signature" ? "signature" : "formPhoto";
  if (!blob)
    throw fieldRefusal(
      field,
      input.method === "signature"
        ? messageKey("countyRecords.validation.signatureRequired")
        : messageKey("countyRecords.validation.formPhotoRequired"),
    );
  const file = await storeConsentFile(
    field,
    blob,
    input.method === "signature" ? "signature" : "photo",
    target.countyId,
    target.householdId,
  );
  try {
    return await db().$transaction(async (tx) => {
      const evidenceId = await createEvidence(tx, viewer, target, file);
      const signedAt = new Date();
      const moved = await tx.incomeRecord.updateMany({
        where: { id: target.id, signedAt: null, current: true },
        data: { signedAt, signMethod: input.method, signatureEvidenceId: evidenceId, signedRecordedById: viewer.id },
      });
      if (moved.count === 0) throw new AppError("conflict", messageKey("countyRecords.validation.stale"));
      await audit(tx, actorOf(viewer), {
        action: "income_record.sign",
        entity: "income_record",
        entityId: target.id,
        countyId: target.countyId,
        after: { householdId: target.householdId, method: input.method, evidenceId, signedAt: signedAt.toISOString() },
      });
      return { id: target.id, replay: false };
    });
  } catch (e) {
    await removeStored([file.key]);
    // signed by someone else at the same moment: it is signed, which is what was asked
    const now = await db().incomeRecord.findUnique({ where: { id: target.id }, select: { signedAt: true } });
    if (now?.signedAt) return { id: target.id, replay: true };
    throw e;
  }
}

export interface IncomeRecordRow {
  id: string;
  year: number;
  revision: number;
  current: boolean;
  correctionReason: string | null;
  items: Record<IncomeItemColumn, number>;
  countedMembers: number;
  householdNetIncome: number;
  perCapitaIncome: number;
  recordedBy: string | null;
  createdAt: Date;
  signedAt: Date | null;
  signMethod: "signature" | "thumbprint_form" | null;
  signatureEvidenceId: string | null;
}

const ROW_SELECT = {
  id: true,
  year: true,
  revision: true,
  current: true,
  correctionReason: true,
  ...Object.fromEntries(ALL_ITEM_COLUMNS.map((c) => [c, true])),
  countedMembers: true,
  householdNetIncome: true,
  perCapitaIncome: true,
  recordedById: true,
  createdAt: true,
  signedAt: true,
  signMethod: true,
  signatureEvidenceId: true,
} as const satisfies Prisma.IncomeRecordSelect;

type Raw = Prisma.IncomeRecordGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(r: Raw, names: Map<string, string>): IncomeRecordRow {
  const rec = r as unknown as Record<string, unknown>;
  return {
    id: r.id,
    year: r.year,
    revision: r.revision,
    current: r.current,
    correctionReason: r.correctionReason,
    items: Object.fromEntries(ALL_ITEM_COLUMNS.map((c) => [c, Number(rec[c])])) as Record<IncomeItemColumn, number>,
    countedMembers: r.countedMembers,
    householdNetIncome: Number(r.householdNetIncome),
    perCapitaIncome: Number(r.perCapitaIncome),
    recordedBy: names.get(r.recordedById) ?? null,
    createdAt: r.createdAt,
    signedAt: r.signedAt,
    signMethod: r.signMethod,
    signatureEvidenceId: r.signatureEvidenceId,
  };
}

/** Every revision of a household's income records, newest year first (the household is already in scope). */
export async function incomeRecordsOf(householdId: string, client: Tx | ReturnType<typeof db> = db()): Promise<IncomeRecordRow[]> {
  const rows = await client.incomeRecord.findMany({
    where: { householdId },
    orderBy: [{ year: "desc" }, { revision: "desc" }],
    select: ROW_SELECT,
    take: 200,
  });
  const users = await client.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.recordedById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => toRow(r as Raw, names));
}

/** The household's signed, current income record of a year, or null (the household is already in scope). */
export async function signedIncomeRecord(
  householdId: string,
  year: number,
  client: Tx | ReturnType<typeof db> = db(),
): Promise<{ id: string; year: number; revision: number; perCapitaIncome: number; signedAt: Date } | null> {
  const r = await client.incomeRecord.findFirst({
    where: { householdId, year, current: true, signedAt: { not: null } },
    select: { id: true, year: true, revision: true, perCapitaIncome: true, signedAt: true },
  });
  return r && r.signedAt
    ? { id: r.id, year: r.year, revision: r.revision, perCapitaIncome: Number(r.perCapitaIncome), signedAt: r.signedAt }
    : null;
}

/** The county's current records of a year not yet signed (a count in SQL). */
export async function unsignedIncomeCount(countyId: ReviewCountyId, year: number): Promise<number> {
  return db().incomeRecord.count({ where: { countyId, year, current: true, signedAt: null } });
}
