// Households as a viewer may see them. Scope sits in every `where`: out of scope is not found.
import "server-only";
import { db } from "@/lib/db/client";
import { withResults } from "./assessment-read";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import { today } from "@/lib/clock";
import { visitDue, type VisitDue } from "@/lib/domain/visit-status";
import { maskNationalId, canSeeHealth, canSeeNationalIds } from "@/lib/domain/masking";

export const PAGE_SIZE = 30;

export interface HouseholdListItem {
  id: string;
  number: string;
  headName: string;
  villageName: string;
  registeredStatus: string;
  monitoringCategory: string | null;
  assessedStatus: string | null;
  candidate: string | null;
  candidateCategory: string | null;
  unmetIndicators: string[];
  lastVisitAt: string | null;
  visitDue: VisitDue;
  memberCount: number;
}

export async function listMyHouseholds(viewer: Viewer, opts: { q?: string; page?: number } = {}) {
  const where: Prisma.HouseholdWhereInput = {
    AND: [householdScope(viewer), opts.q ? { headName: { contains: opts.q.trim() } } : {}],
  };
  const page = Math.max(1, opts.page ?? 1);
  const [total, rows] = await Promise.all([
    db().household.count({ where }),
    db().household.findMany({
      where,
      orderBy: [{ lastVisitAt: { sort: "asc", nulls: "first" } }, { headName: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        number: true,
        headName: true,
        registeredStatus: true,
        monitoringCategory: true,
        assessedStatus: true,
        candidate: true,
        candidateCategory: true,
        unmetIndicators: true,
        lastVisitAt: true,
        memberCount: true,
        createdAt: true,
        village: { select: { name: true } },
      },
    }),
  ]);
  const now = today();
  const items: HouseholdListItem[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    headName: r.headName,
    villageName: r.village.name,
    registeredStatus: r.registeredStatus,
    monitoringCategory: r.monitoringCategory,
    assessedStatus: r.assessedStatus,
    candidate: r.candidate,
    candidateCategory: r.candidateCategory,
    unmetIndicators: r.unmetIndicators,
    lastVisitAt: r.lastVisitAt?.toISOString().slice(0, 10) ?? null,
    visitDue: visitDue(r.lastVisitAt, now, r.createdAt),
    memberCount: r.memberCount,
  }));
  return { items, total, page, pageSize: PAGE_SIZE };
}

/** Coverage for a cadre: share of their current households visited this calendar month. */
export async function myCoverage(viewer: Viewer) {
  const monthStart = new Date(`${today().slice(0, 7)}-01T00:00:00Z`);
  const where = householdScope(viewer);
  const [total, visited] = await Promise.all([
    db().household.count({ where }),
    db().household.count({ where: { AND: [where, { lastVisitAt: { gte: monthStart } }] } }),
  ]);
  return { total, visited };
}

/** One household with everything its page shows, or null when out of scope. */
export async function getHousehold(viewer: Viewer, id: string) {
  const h = await db().household.findFirst({
    where: { AND: [{ id }, householdScope(viewer)] },
    include: {
      village: { select: { id: true, name: true, parent: { select: { name: true } } } },
      members: { orderBy: [{ active: "desc" }, { birthDate: "asc" }] },
      measures: { orderBy: { startDate: "desc" } },
      evidence: { orderBy: { createdAt: "desc" }, take: 50 },
      visits: {
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
        take: 24,
        include: { cadre: { select: { name: true } }, followUps: true },
      },
      assessments: { orderBy: { createdAt: "desc" }, take: 24 },
      assignments: {
        where: { validTo: null },
        include: { cadre: { select: { id: true, name: true, phone: true } }, unit: { select: { name: true } } },
      },
    },
  });
  if (!h) return null;
  // each assessment as the engine produced it: stored (older rows) or rendered from its input (decision 0054)
  const assessments = await withResults(db(), h.assessments);
  const assigned = h.assignments.some((a) => a.cadreId === viewer.id);
  const showIds = canSeeNationalIds(viewer, assigned);
  const showHealth = canSeeHealth(viewer, assigned);
  return {
    ...h,
    assessments,
    nationalIdsShown: showIds ? ("full" as const) : ("masked" as const),
    healthShown: showHealth,
    members: h.members.map((m) => ({
      ...m,
      nationalId: showIds ? m.nationalId : maskNationalId(m.nationalId),
      health: showHealth ? m.health : null,
      disability: showHealth ? m.disability : null,
    })),
  };
}

export type HouseholdDetail = NonNullable<Awaited<ReturnType<typeof getHousehold>>>;

/** What the register form offers: the households in the viewer's scope (a split's origin) and their villages. */
export async function registerChoices(viewer: Viewer) {
  const rows = await db().household.findMany({
    where: householdScope(viewer),
    select: { id: true, villageId: true, number: true, headName: true, village: { select: { name: true } } },
    orderBy: [{ villageId: "asc" }, { number: "asc" }],
  });
  const villages = [...new Map(rows.map((h) => [h.villageId, { id: h.villageId, name: h.village.name }])).values()];
  return { villages, households: rows.map(({ village: _v, ...h }) => h) };
}
