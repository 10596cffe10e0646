// Small scoped overviews for the facilitator's and evaluator's home pages.
import "server-only";
import { db } from "@/lib/db/client";
import { householdScope, householdsUnderRegion, regionScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";

export async function villageOverview(viewer: Viewer) {
  const where = householdScope(viewer);
  const [byStatus, monitored, candidates] = await Promise.all([
    db().household.groupBy({ by: ["registeredStatus"], where, _count: { _all: true } }),
    db().household.count({ where: { AND: [where, { monitoringCategory: { not: null } }] } }),
    db().household.findMany({
      where: { AND: [where, { candidate: { not: null } }] },
      orderBy: [{ candidate: "asc" }, { headName: "asc" }],
      take: 100,
      select: {
        id: true,
        headName: true,
        number: true,
        registeredStatus: true,
        assessedStatus: true,
        candidate: true,
        candidateCategory: true,
        unmetIndicators: true,
      },
    }),
  ]);
  const count = (s: string) => byStatus.find((r) => r.registeredStatus === s)?._count._all ?? 0;
  return {
    households: byStatus.reduce((n, r) => n + r._count._all, 0),
    registeredPoor: count("registered_poor"),
    lifted: count("lifted"),
    monitored,
    candidates,
  };
}

/** Per-county figures under an evaluator's region, in two grouped queries. */
export async function countiesOverview(viewer: Viewer) {
  const where = householdsUnderRegion(viewer.regionId, viewer.regionLevel);
  const [byStatus, flags, counties] = await Promise.all([
    db().household.groupBy({ by: ["countyId", "registeredStatus"], where, _count: { _all: true } }),
    db().household.groupBy({
      by: ["countyId", "registeredStatus"],
      where: { AND: [where, { assessedStatus: "below_standard", monitoringCategory: null }] },
      _count: { _all: true },
    }),
    db().region.findMany({ where: { level: "county", ...regionScope(viewer) }, select: { id: true, name: true }, orderBy: { id: "asc" } }),
  ]);
  return counties
    .map((c) => {
      const rows = byStatus.filter((r) => r.countyId === c.id);
      const n = (s: string) => rows.find((r) => r.registeredStatus === s)?._count._all ?? 0;
      const f = (s: string) => flags.find((r) => r.countyId === c.id && r.registeredStatus === s)?._count._all ?? 0;
      return {
        id: c.id,
        name: c.name,
        households: rows.reduce((k, r) => k + r._count._all, 0),
        registeredPoor: n("registered_poor"),
        lifted: n("lifted"),
        missed: f("not_registered"),
        wronglyLifted: f("lifted"),
      };
    })
    .filter((c) => c.households > 0);
}
