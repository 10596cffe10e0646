// Who serves which household: the county's households without a current cadre, the cadre
// picker, and the one write path for (re)assignment. A change ends the old assignment at once
// (validTo = now: lib/auth/scope.ts stops the old cadre's access in the same instant), opens
// the new one and writes an audit event with the reason, all in one transaction.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { auditMany } from "@/lib/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { today } from "@/lib/clock";
import { visitDue, type VisitDue } from "@/lib/domain/visit-status";
import { countHouseholds, currentAssignment } from "./county-households";
import { ASSIGN_PAGE_SIZE, type AssignParams } from "@/lib/validation/county";
import type { ReviewCountyId } from "@/lib/auth/scope";

/** The most a single bulk assignment may move. */
export const BULK_LIMIT = 2000;

/** Households that need a cadre: on or once on the list, monitored, or not securely above the standard. */
export const NEEDS_CADRE: Prisma.HouseholdWhereInput = {
  OR: [
    { registeredStatus: { not: "not_registered" } },
    { monitoringCategory: { not: null } },
    { assessedStatus: { not: "secure" } },
    { assessedStatus: null },
  ],
};

/** The assignment list's filter (page and "all matching" bulk assignment share it). */
export function assignableWhere(
  viewer: Viewer,
  countyId: ReviewCountyId,
  p: Pick<AssignParams, "village" | "need" | "show" | "q">,
  now = new Date(),
): Prisma.HouseholdWhereInput {
  const and: Prisma.HouseholdWhereInput[] = [householdScope(viewer, now), { countyId }];
  if (p.village) and.push({ villageId: p.village });
  if ((p.need ?? "1") === "1") and.push(NEEDS_CADRE);
  if ((p.show ?? "unassigned") === "unassigned") and.push({ assignments: { none: currentAssignment(now) } });
  if (p.q) and.push({ OR: [{ headName: { contains: p.q } }, { number: p.q }] });
  return { AND: and };
}

export interface AssignableRow {
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
  mainCause: string | null;
  cadres: { id: string; name: string }[];
  lastVisitAt: string | null;
  visitDue: VisitDue;
}

export async function assignableHouseholds(viewer: Viewer, countyId: ReviewCountyId, p: AssignParams, now = new Date()) {
  const where = assignableWhere(viewer, countyId, p, now);
  const page = p.page ?? 1;
  const [total, rows, unassignedAll] = await Promise.all([
    countHouseholds(where),
    db().household.findMany({
      where,
      orderBy: [{ villageId: "asc" }, { number: "asc" }],
      skip: (page - 1) * ASSIGN_PAGE_SIZE,
      take: ASSIGN_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        headName: true,
        villageId: true,
        memberCount: true,
        registeredStatus: true,
        monitoringCategory: true,
        assessedStatus: true,
        candidate: true,
        mainCause: true,
        lastVisitAt: true,
        createdAt: true,
        village: { select: { name: true } },
        assignments: { where: currentAssignment(now), select: { cadre: { select: { id: true, name: true } } } },
      },
    }),
    // county-wide: how many households that need a cadre have none (the page's headline)
    countHouseholds(assignableWhere(viewer, countyId, { need: "1", show: "unassigned" }, now)),
  ]);
  const todayIso = today(now);
  const items: AssignableRow[] = rows.map((r) => ({
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
    mainCause: r.mainCause,
    cadres: r.assignments.map((a) => a.cadre),
    lastVisitAt: r.lastVisitAt?.toISOString().slice(0, 10) ?? null,
    visitDue: visitDue(r.lastVisitAt, todayIso, r.createdAt),
  }));
  const pages = Math.max(1, Math.ceil(total / ASSIGN_PAGE_SIZE));
  return { items, total, page, pageSize: ASSIGN_PAGE_SIZE, pages, outOfRange: page > pages, unassignedAll };
}

/** Villages of the county that have households (for the village filter). */
export async function countyVillagesWithHouseholds(countyId: ReviewCountyId) {
  return db().region.findMany({
    where: { level: "village", parent: { parentId: countyId }, households: { some: {} } },
    select: { id: true, name: true, parent: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
}

/** One household with its current cadre(s) and assignment history, or null when out of scope. */
export async function householdForAssignment(viewer: Viewer, countyId: ReviewCountyId, householdId: string, now = new Date()) {
  return db().household.findFirst({
    where: { AND: [{ id: householdId, countyId }, householdScope(viewer, now)] },
    select: {
      id: true,
      number: true,
      headName: true,
      registeredStatus: true,
      assessedStatus: true,
      monitoringCategory: true,
      candidate: true,
      village: { select: { id: true, name: true, parent: { select: { name: true } } } },
      assignments: {
        orderBy: { validFrom: "desc" },
        take: 10,
        select: {
          id: true,
          validFrom: true,
          validTo: true,
          reason: true,
          cadre: { select: { id: true, name: true } },
          unit: { select: { name: true } },
        },
      },
    },
  });
}

export interface CadreOption {
  id: string;
  name: string;
  username: string;
  villageName: string;
  townshipName: string | null;
  /** households currently assigned */
  load: number;
}

/**
 * Cadres of the county (enabled) whose name or username contains q, with their current load;
 * those of the `near` village first (the household's own village), then the rest.
 */
export async function searchCountyCadres(countyId: ReviewCountyId, q: string, near?: string, now = new Date()): Promise<CadreOption[]> {
  const where = (region: Prisma.StringFilter) => ({
    role: "cadre" as const,
    disabled: false,
    regionId: region,
    ...(q ? { OR: [{ name: { contains: q } }, { username: { startsWith: q.toLowerCase() } }] } : {}),
  });
  const find = (region: Prisma.StringFilter, take: number) =>
    take <= 0
      ? Promise.resolve([])
      : db().user.findMany({
          where: where(region),
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take,
          select: {
            id: true,
            name: true,
            username: true,
            region: { select: { name: true, parent: { select: { name: true } } } },
            _count: { select: { assignments: { where: currentAssignment(now) } } },
          },
        });
  const local = near && near.startsWith(countyId) ? await find({ equals: near }, 20) : [];
  const rest = await find(
    near && near.startsWith(countyId) ? { startsWith: countyId, not: near } : { startsWith: countyId },
    20 - local.length,
  );
  return [...local, ...rest].map((u) => ({
    id: u.id,
    name: u.name,
    username: u.username,
    villageName: u.region.name,
    townshipName: u.region.parent?.name ?? null,
    load: u._count.assignments,
  }));
}

export type CadreProblem = "notInCounty" | "notCadre" | "disabled";

/** Which of these users may not take households of the county, and why. */
export async function checkCadres(countyId: ReviewCountyId, cadreIds: readonly string[]): Promise<Map<string, CadreProblem>> {
  const users = await db().user.findMany({
    where: { id: { in: [...cadreIds] } },
    select: { id: true, role: true, regionId: true, disabled: true },
  });
  const problems = new Map<string, CadreProblem>();
  for (const id of cadreIds) {
    const u = users.find((x) => x.id === id);
    if (!u || !u.regionId.startsWith(countyId)) problems.set(id, "notInCounty");
    else if (u.role !== "cadre") problems.set(id, "notCadre");
    else if (u.disabled) problems.set(id, "disabled");
  }
  return problems;
}

export interface AssignmentPlanItem {
  householdId: string;
  cadreId: string;
}

export interface AssignmentOutcome {
  changed: number;
  unchanged: number;
  ended: number;
}

/**
 * Apply a plan inside a transaction: lock the households, end their current assignments where
 * the cadre changes (validTo = now), open the new ones (validFrom = now) and audit each household
 * with the reason. A household already served by exactly that cadre is left alone.
 * Households must be in the county; otherwise nothing is written and the caller gets not_found.
 */
export async function applyAssignments(
  tx: Tx,
  actor: Pick<Viewer, "id" | "role">,
  countyId: string,
  plan: readonly AssignmentPlanItem[],
  reason: string,
  now = new Date(),
): Promise<AssignmentOutcome> {
  const ids = [...new Set(plan.map((p) => p.householdId))];
  if (ids.length !== plan.length) throw new AppError("invalid", "duplicate household in plan");
  if (ids.length === 0) return { changed: 0, unchanged: 0, ended: 0 };
  // one writer per household at a time: a concurrent reassignment waits here, then sees ours
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM household WHERE id = ANY(${ids}::text[]) AND "countyId" = ${countyId} FOR UPDATE`;
  if (locked.length !== ids.length) {
    const found = new Set(locked.map((r) => r.id));
    throw new AppError("not_found", "household not in county", { householdIds: ids.filter((id) => !found.has(id)).slice(0, 20) });
  }
  const current = await tx.cadreAssignment.findMany({
    where: { householdId: { in: ids }, ...currentAssignment(now) },
    select: { id: true, householdId: true, cadreId: true },
  });
  const byHousehold = new Map<string, { id: string; cadreId: string }[]>();
  for (const a of current) (byHousehold.get(a.householdId) ?? byHousehold.set(a.householdId, []).get(a.householdId)!).push(a);

  const changes = plan.filter((p) => {
    const cur = byHousehold.get(p.householdId) ?? [];
    return !(cur.length === 1 && cur[0]!.cadreId === p.cadreId);
  });
  const toEnd = changes.flatMap((p) => (byHousehold.get(p.householdId) ?? []).map((a) => a.id));
  if (toEnd.length) await tx.cadreAssignment.updateMany({ where: { id: { in: toEnd } }, data: { validTo: now } });
  if (changes.length) {
    // (places) the pairing keeps the cadre's sending unit as it is now (结对帮扶: unit and cadre)
    const units = await tx.user.findMany({
      where: { id: { in: [...new Set(changes.map((p) => p.cadreId))] } },
      select: { id: true, unitId: true },
    });
    const unitOf = new Map(units.map((u) => [u.id, u.unitId]));
    await tx.cadreAssignment.createMany({
      data: changes.map((p) => ({
        householdId: p.householdId,
        countyId,
        cadreId: p.cadreId,
        validFrom: now,
        reason,
        createdById: actor.id,
        unitId: unitOf.get(p.cadreId) ?? null,
      })),
    });
    // one audit event per household, appended to the hash chain in the same transaction
    await auditMany(
      tx,
      { id: actor.id, role: actor.role },
      changes.map((p) => {
        const before = (byHousehold.get(p.householdId) ?? []).map((a) => ({ assignmentId: a.id, cadreId: a.cadreId }));
        return {
          action: before.length ? "assignment.reassign" : "assignment.assign",
          entity: "household",
          entityId: p.householdId,
          countyId,
          before: before.length ? { cadres: before } : null,
          after: { cadreId: p.cadreId, validFrom: now.toISOString() },
          reason,
        };
      }),
    );
  }
  return { changed: changes.length, unchanged: plan.length - changes.length, ended: toEnd.length };
}

/** Round-robin: the i-th household (in the given order) goes to team[i mod n]. */
export function roundRobin(householdIds: readonly string[], team: readonly string[]): AssignmentPlanItem[] {
  if (team.length === 0) return [];
  return householdIds.map((householdId, i) => ({ householdId, cadreId: team[i % team.length]! }));
}

/** The ids of every household matching the assignment list's filter, in list order. */
export async function assignableIds(
  viewer: Viewer,
  countyId: ReviewCountyId,
  p: Pick<AssignParams, "village" | "need" | "show" | "q">,
  limit: number,
  now = new Date(),
) {
  const rows = await db().household.findMany({
    where: assignableWhere(viewer, countyId, p, now),
    orderBy: [{ villageId: "asc" }, { number: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Ids in the official's county (and scope), in list order; unknown or foreign ids are left out. */
export async function householdsInCounty(viewer: Viewer, countyId: ReviewCountyId, ids: readonly string[], now = new Date()) {
  const rows = await db().household.findMany({
    where: { AND: [{ id: { in: [...ids] }, countyId }, householdScope(viewer, now)] },
    orderBy: [{ villageId: "asc" }, { number: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export type { Tx };
