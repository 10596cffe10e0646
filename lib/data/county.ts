// The county official's view: one row per village, aggregated in SQL (no per-village queries),
// sortable and paginated on the server.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { today, currentYear } from "@/lib/clock";
import { loadPolicyRows } from "./assessment";
import { resolvePolicy } from "@/lib/domain/policy";

export const VILLAGE_SORTS = ["township", "name", "households", "people", "poorHouseholds", "poorPeople", "incidence", "monitored", "missed", "wronglyLifted", "coverage"] as const;
export type VillageSort = (typeof VILLAGE_SORTS)[number];

export interface VillageRow {
  id: string;
  name: string;
  townshipId: string;
  townshipName: string;
  households: number;
  people: number;
  poorHouseholds: number;
  poorPeople: number;
  incidence: number; // percent
  monUnstable: number;
  monMarginal: number;
  monSudden: number;
  missed: number; // 漏评: below standard, not registered
  wronglyLifted: number; // 错退 risk: lifted, below standard
  assigned: number;
  visited: number;
  coverage: number; // percent of assigned households visited this month
  pending: number;
}

/** The county the viewer may review, or not found. */
export async function reviewCounty(viewer: Viewer, countyId?: string) {
  const id = countyId ?? (viewer.regionLevel === "county" ? viewer.regionId : undefined);
  if (!id || !id.startsWith(viewer.regionId) || id.length !== 6) throw new AppError("not_found");
  const county = await db().region.findFirst({ where: { id, level: "county" }, select: { id: true, name: true, zone: true, hotline: true } });
  if (!county) throw new AppError("not_found");
  return county;
}

export async function exitThreshold(countyId: string, zone: string | null): Promise<number> {
  const policy = resolvePolicy(await loadPolicyRows(db()), currentYear(), countyId.slice(0, 2));
  return zone === "west" ? policy.values.exitIncidenceWest : policy.values.exitIncidenceEast;
}

const ORDER: Record<VillageSort, string> = {
  township: `"townshipId"`, name: `name`, households: `households`, people: `people`, poorHouseholds: `"poorHouseholds"`,
  poorPeople: `"poorPeople"`, incidence: `incidence`, monitored: `("monUnstable" + "monMarginal" + "monSudden")`,
  missed: `missed`, wronglyLifted: `"wronglyLifted"`, coverage: `coverage`,
};

function villageAggregateSql(countyId: string, monthStart: string) {
  return Prisma.sql`
    WITH agg AS (
      SELECT h."villageId",
        count(*)::int AS households,
        coalesce(sum(h."memberCount"), 0)::int AS people,
        count(*) FILTER (WHERE h."registeredStatus" = 'registered_poor')::int AS "poorHouseholds",
        coalesce(sum(h."memberCount") FILTER (WHERE h."registeredStatus" = 'registered_poor'), 0)::int AS "poorPeople",
        count(*) FILTER (WHERE h."monitoringCategory" = 'unstable_lifted')::int AS "monUnstable",
        count(*) FILTER (WHERE h."monitoringCategory" = 'marginal')::int AS "monMarginal",
        count(*) FILTER (WHERE h."monitoringCategory" = 'sudden_hardship')::int AS "monSudden",
        count(*) FILTER (WHERE h."assessedStatus" = 'below_standard' AND h."registeredStatus" = 'not_registered' AND h."monitoringCategory" IS NULL)::int AS missed,
        count(*) FILTER (WHERE h."assessedStatus" = 'below_standard' AND h."registeredStatus" = 'lifted' AND h."monitoringCategory" IS NULL)::int AS "wronglyLifted",
        count(*) FILTER (WHERE a."householdId" IS NOT NULL)::int AS assigned,
        count(*) FILTER (WHERE a."householdId" IS NOT NULL AND h."lastVisitAt" >= ${monthStart}::date)::int AS visited
      FROM household h
      LEFT JOIN (SELECT DISTINCT "householdId" FROM cadre_assignment WHERE "countyId" = ${countyId} AND "validTo" IS NULL) a ON a."householdId" = h.id
      WHERE h."countyId" = ${countyId}
      GROUP BY h."villageId"
    )
    SELECT v.id, v.name, t.id AS "townshipId", t.name AS "townshipName",
      coalesce(agg.households, 0) AS households, coalesce(agg.people, 0) AS people,
      coalesce(agg."poorHouseholds", 0) AS "poorHouseholds", coalesce(agg."poorPeople", 0) AS "poorPeople",
      CASE WHEN coalesce(agg.people, 0) = 0 THEN 0 ELSE round(100.0 * agg."poorPeople" / agg.people, 2)::float8 END AS incidence,
      coalesce(agg."monUnstable", 0) AS "monUnstable", coalesce(agg."monMarginal", 0) AS "monMarginal", coalesce(agg."monSudden", 0) AS "monSudden",
      coalesce(agg.missed, 0) AS missed, coalesce(agg."wronglyLifted", 0) AS "wronglyLifted",
      coalesce(agg.assigned, 0) AS assigned, coalesce(agg.visited, 0) AS visited,
      CASE WHEN coalesce(agg.assigned, 0) = 0 THEN 0 ELSE round(100.0 * agg.visited / agg.assigned, 1)::float8 END AS coverage,
      0 AS pending
    FROM region v
    JOIN region t ON t.id = v."parentId"
    LEFT JOIN agg ON agg."villageId" = v.id
    WHERE v.level = 'village' AND t."parentId" = ${countyId}`;
}

export async function villageList(
  countyId: string,
  opts: { sort?: VillageSort; dir?: "asc" | "desc"; page?: number; pageSize?: number; q?: string } = {},
) {
  const sort = opts.sort && VILLAGE_SORTS.includes(opts.sort) ? opts.sort : "township";
  const dir = opts.dir === "desc" ? "DESC" : "ASC";
  const pageSize = opts.pageSize ?? 50;
  const page = Math.max(1, opts.page ?? 1);
  const base = villageAggregateSql(countyId, `${today().slice(0, 7)}-01`);
  const filter = opts.q ? Prisma.sql`WHERE name LIKE ${"%" + opts.q + "%"} OR "townshipName" LIKE ${"%" + opts.q + "%"}` : Prisma.empty;
  const rows = await db().$queryRaw<(VillageRow & { total: number })[]>`
    SELECT *, count(*) OVER ()::int AS total FROM (${base}) x ${filter}
    ORDER BY ${Prisma.raw(ORDER[sort])} ${Prisma.raw(dir)}, "townshipId", id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return { rows, total: rows[0]?.total ?? 0, page, pageSize, sort, dir: dir.toLowerCase() as "asc" | "desc" };
}

/** Township subtotals and the county total, in one grouped query. */
export async function countyTotals(countyId: string) {
  const base = villageAggregateSql(countyId, `${today().slice(0, 7)}-01`);
  const rows = await db().$queryRaw<{ townshipId: string | null; townshipName: string | null; villages: number; households: number; people: number; poorHouseholds: number; poorPeople: number; missed: number; wronglyLifted: number; monitored: number; assigned: number; visited: number }[]>`
    SELECT "townshipId", CASE WHEN GROUPING("townshipId") = 1 THEN NULL ELSE max("townshipName") END AS "townshipName", count(*)::int AS villages,
      sum(households)::int AS households, sum(people)::int AS people, sum("poorHouseholds")::int AS "poorHouseholds",
      sum("poorPeople")::int AS "poorPeople", sum(missed)::int AS missed, sum("wronglyLifted")::int AS "wronglyLifted",
      sum("monUnstable" + "monMarginal" + "monSudden")::int AS monitored, sum(assigned)::int AS assigned, sum(visited)::int AS visited
    FROM (${base}) x GROUP BY ROLLUP ("townshipId") ORDER BY "townshipId" NULLS LAST`;
  const total = rows.find((r) => r.townshipId === null)!;
  return { townships: rows.filter((r) => r.townshipId !== null), total };
}
