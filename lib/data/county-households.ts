// A village's households as a county official reviews them: filtered, sorted and paginated on
// the server with one `where` (scope included) shared by the page and the CSV export, so the
// export answers exactly what the page shows. The export reads in keyset batches.
import "server-only";
import { db } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import { today } from "@/lib/clock";
import { visitDue, type VisitDue } from "@/lib/domain/visit-status";
import type { HouseholdParams, HouseholdSort } from "@/lib/validation/county";
import type { ReviewCountyId } from "@/lib/auth/scope";

export const HOUSEHOLD_PAGE_SIZE = 50;

/** Assignments in force at `now`, as lib/auth/scope.ts reads them for a cadre. */
export function currentAssignment(now: Date): Prisma.CadreAssignmentWhereInput {
  return { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] };
}

/** First day of last month (YYYY-MM-DD): a household last visited before it is overdue. */
export function overdueBefore(todayIso: string): Date {
  const [y, m] = todayIso.split("-").map(Number) as [number, number];
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  return new Date(`${prev}-01T00:00:00Z`);
}

/**
 * The household filters of the village page and its export, inside the viewer's scope. Simple
 * conditions share one object (a flatter `where` compiles to a cheaper query); OR conditions and
 * the scope stay separate terms of the AND.
 */
export function householdWhere(
  viewer: Viewer,
  where: { countyId: string; villageId?: string },
  p: HouseholdParams,
  now = new Date(),
): Prisma.HouseholdWhereInput {
  const flat: Prisma.HouseholdWhereInput = { countyId: where.countyId };
  const and: Prisma.HouseholdWhereInput[] = [householdScope(viewer, now), flat];
  if (where.villageId) flat.villageId = where.villageId;
  if (p.q) and.push({ OR: [{ headName: { contains: p.q } }, { number: p.q }] });
  if (p.mismatch === "any") flat.candidate = { not: null };
  else if (p.mismatch) flat.candidate = p.mismatch;
  if (p.monitoring === "any") flat.monitoringCategory = { not: null };
  else if (p.monitoring === "none") flat.monitoringCategory = null;
  else if (p.monitoring) flat.monitoringCategory = p.monitoring;
  if (p.unmet) flat.unmetIndicators = { has: p.unmet };
  if (p.cause) flat.mainCause = p.cause;
  if (p.registered) flat.registeredStatus = p.registered;
  if (p.assessed === "none") flat.assessedStatus = null;
  else if (p.assessed) flat.assessedStatus = p.assessed;
  // overdue: served by a cadre, and not visited this month nor last
  if (p.overdue) {
    and.push({ assignments: { some: currentAssignment(now) } });
    // never visited: overdue once on the register since before last month (registered today is due)
    and.push({
      OR: [{ lastVisitAt: null, createdAt: { lt: overdueBefore(today(now)) } }, { lastVisitAt: { lt: overdueBefore(today(now)) } }],
    });
  }
  if (p.cadre === "none") and.push({ assignments: { none: currentAssignment(now) } });
  else if (p.cadre) and.push({ assignments: { some: { ...currentAssignment(now), cadreId: p.cadre } } });
  return { AND: and };
}

type Dir = "asc" | "desc";
export function householdOrder(sort: HouseholdSort, dir: Dir): Prisma.HouseholdOrderByWithRelationInput[] {
  const tail: Prisma.HouseholdOrderByWithRelationInput[] = [{ villageId: "asc" }, { number: "asc" }];
  switch (sort) {
    case "number":
      return [{ villageId: dir }, { number: dir }];
    case "head":
      return [{ headName: dir }, ...tail];
    case "members":
      return [{ memberCount: dir }, ...tail];
    case "registered":
      return [{ registeredStatus: dir }, { monitoringCategory: { sort: dir, nulls: "last" } }, ...tail];
    case "assessed":
      return [{ assessedStatus: { sort: dir, nulls: "last" } }, { candidate: { sort: dir, nulls: "last" } }, ...tail];
    case "cause":
      return [{ mainCause: { sort: dir, nulls: "last" } }, ...tail];
    // oldest first: never visited come first
    case "lastVisit":
      return [{ lastVisitAt: { sort: dir, nulls: dir === "asc" ? "first" : "last" } }, ...tail];
  }
}

const ROW_SELECT = (now: Date) =>
  ({
    id: true,
    number: true,
    headName: true,
    villageId: true,
    memberCount: true,
    registeredStatus: true,
    monitoringCategory: true,
    assessedStatus: true,
    candidate: true,
    candidateCategory: true,
    unmetIndicators: true,
    mainCause: true,
    lastVisitAt: true,
    createdAt: true,
    village: { select: { name: true } },
    assignments: {
      where: currentAssignment(now),
      orderBy: { validFrom: "desc" },
      select: { cadre: { select: { id: true, name: true } } },
    },
  }) satisfies Prisma.HouseholdSelect;

type RawRow = Prisma.HouseholdGetPayload<{ select: ReturnType<typeof ROW_SELECT> }>;

export interface CountyHouseholdRow {
  id: string;
  number: string;
  headName: string;
  villageId: string;
  villageName: string;
  memberCount: number;
  registeredStatus: string;
  monitoringCategory: string | null;
  assessedStatus: string | null;
  candidate: string | null;
  candidateCategory: string | null;
  unmetIndicators: string[];
  mainCause: string | null;
  cadres: { id: string; name: string }[];
  /** on or once on the list, monitored, or not securely above the standard: should have a cadre */
  needsCadre: boolean;
  lastVisitAt: string | null;
  visitDue: VisitDue;
}

export function needsCadre(r: { registeredStatus: string; monitoringCategory: string | null; assessedStatus: string | null }): boolean {
  return r.registeredStatus !== "not_registered" || r.monitoringCategory !== null || r.assessedStatus !== "secure";
}

function toRow(r: RawRow, todayIso: string): CountyHouseholdRow {
  return {
    id: r.id,
    number: r.number,
    headName: r.headName,
    villageId: r.villageId,
    villageName: r.village.name,
    memberCount: r.memberCount,
    registeredStatus: r.registeredStatus,
    monitoringCategory: r.monitoringCategory,
    assessedStatus: r.assessedStatus,
    candidate: r.candidate,
    candidateCategory: r.candidateCategory,
    unmetIndicators: r.unmetIndicators,
    mainCause: r.mainCause,
    cadres: r.assignments.map((a) => a.cadre),
    needsCadre: needsCadre(r),
    lastVisitAt: r.lastVisitAt?.toISOString().slice(0, 10) ?? null,
    visitDue: visitDue(r.lastVisitAt, todayIso, r.createdAt),
  };
}

/**
 * count(*) of households matching `where`, one round trip; the village page, the assignment list
 * and the village summary all count through here. (Asked as `select: { _all: true }`, which
 * measured no slower than a bare count() in bench/county.ts and sometimes faster.)
 */
export async function countHouseholds(where: Prisma.HouseholdWhereInput): Promise<number> {
  return (await db().household.count({ where, select: { _all: true } }))._all;
}

/** One page of a village's households: the page and the count run side by side. */
export async function villageHouseholds(viewer: Viewer, countyId: ReviewCountyId, villageId: string, p: HouseholdParams, now = new Date()) {
  const pageSize = Number(p.size ?? HOUSEHOLD_PAGE_SIZE);
  const page = p.page ?? 1;
  const sort = p.sort ?? "number";
  const dir = p.dir ?? "asc";
  const where = householdWhere(viewer, { countyId, villageId }, p, now);
  const [counted, rows] = await Promise.all([
    countHouseholds(where),
    db().household.findMany({
      where,
      orderBy: householdOrder(sort, dir),
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: ROW_SELECT(now),
    }),
  ]);
  const total = counted;
  const todayIso = today(now);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { rows: rows.map((r) => toRow(r, todayIso)), total, page, pageSize, pages, sort, dir, outOfRange: page > pages };
}

/** Cadres currently serving households of the village (for the cadre filter). */
export async function villageCadres(countyId: ReviewCountyId, villageId: string, now = new Date()) {
  return db().user.findMany({
    where: { role: "cadre", assignments: { some: { ...currentAssignment(now), countyId, household: { villageId } } } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export interface ExportHouseholdRow extends CountyHouseholdRow {
  headNationalId: string | null;
  perCapitaIncome: string | null;
  secondaryCauses: string[];
}

/**
 * The filtered households in keyset batches ordered by (village, number), never all in memory:
 * each batch continues after the last (villageId, number) seen.
 */
export async function* householdBatches(
  viewer: Viewer,
  where: { countyId: string; villageId?: string },
  p: HouseholdParams,
  batchSize = 2000,
  now = new Date(),
): AsyncGenerator<ExportHouseholdRow[]> {
  const base = householdWhere(viewer, where, p, now);
  const todayIso = today(now);
  let after: { villageId: string; number: string } | null = null;
  for (;;) {
    const keyset: Prisma.HouseholdWhereInput = after
      ? { OR: [{ villageId: { gt: after.villageId } }, { villageId: after.villageId, number: { gt: after.number } }] }
      : {};
    const batch = await db().household.findMany({
      where: { AND: [base, keyset] },
      orderBy: [{ villageId: "asc" }, { number: "asc" }],
      take: batchSize,
      select: {
        ...ROW_SELECT(now),
        perCapitaIncome: true,
        secondaryCauses: true,
        members: { where: { relation: "head", active: true }, select: { nationalId: true }, take: 1 },
      },
    });
    if (batch.length === 0) return;
    yield batch.map((r) => ({
      ...toRow(r, todayIso),
      headNationalId: r.members[0]?.nationalId ?? null,
      perCapitaIncome: r.perCapitaIncome?.toString() ?? null,
      secondaryCauses: r.secondaryCauses,
    }));
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1]!;
    after = { villageId: last.villageId, number: last.number };
  }
}
