// The county official's view: one row per village, aggregated in SQL (one grouped query over the
// county's households, no per-village queries), filtered, sorted and paginated on the server.
import "server-only";
import { db, readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IndicatorKey } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { today, currentYear } from "@/lib/clock";
import { loadPolicyRows } from "./assessment";
import { resolvePolicy, type RegionZone } from "@/lib/domain/policy";
import { comprehensiveIncidence, villageIncidence, type ExitMetric } from "@/lib/domain/exit-metrics";
import { countHouseholds, currentAssignment } from "./county-households";
import { NEEDS_CADRE } from "./county-assignments";
import { VILLAGE_NUMERIC, VILLAGE_PAGE_SIZE, VILLAGE_SORTS, type VillageParams, type VillageSort } from "@/lib/validation/county";
import { reviewCountyId, reviewTownshipId, type ReviewCountyId } from "@/lib/auth/scope";

export { VILLAGE_SORTS, type VillageSort };

export interface VillageRow {
  id: string;
  name: string;
  townshipId: string;
  townshipName: string;
  households: number;
  people: number;
  poorHouseholds: number;
  poorPeople: number;
  /** percent, 2 decimals; null without population */
  incidence: number | null;
  /** exact: poorPeople / people <= threshold, 2% or less (null without population) */
  belowThreshold: boolean | null;
  monitored: number;
  monUnstable: number;
  monMarginal: number;
  monSudden: number;
  /** 漏评 (estimate): not registered, below standard, not monitored */
  missed: number;
  missedPeople: number;
  /** 错退 (estimate): lifted, below standard, not monitored */
  wronglyLifted: number;
  wronglyLiftedPeople: number;
  assigned: number;
  visited: number;
  /** percent of assigned households visited this month; null when none is assigned */
  coverage: number | null;
  /** items waiting for county approval: 0 until the meetings procedure lands */
  pending: number;
}

/** The county the viewer may review, or not found. */
export async function reviewCounty(viewer: Viewer, countyId?: string) {
  const id = reviewCountyId(viewer, countyId);
  const county = await db().region.findFirst({ where: { id, level: "county" }, select: { name: true, zone: true, hotline: true } });
  if (!county) throw new AppError("not_found");
  return { id, ...county };
}

export type ReviewedCounty = Awaited<ReturnType<typeof reviewCounty>>;

/**
 * What a village reviewer may open: a county official's county, or for a township reviewer (a
 * county official whose scope is a township) the county its township lies in, limited to the
 * township's villages (`within`: the region id every reachable village id starts with).
 */
export async function reviewArea(viewer: Viewer): Promise<{ county: ReviewedCounty; within: string; township: boolean }> {
  if (viewer.role === "county_official" && viewer.regionLevel === "township") {
    const { county: id } = reviewTownshipId(viewer);
    const county = await db().region.findFirst({ where: { id, level: "county" }, select: { name: true, zone: true, hotline: true } });
    if (!county) throw new AppError("not_found");
    return { county: { id, ...county }, within: viewer.regionId, township: true };
  }
  const county = await reviewCounty(viewer);
  return { county, within: county.id, township: false };
}

/** Exit threshold for village incidence (percent), from the policy of the current year. */
export async function exitThreshold(countyId: string, zone: string | null): Promise<number> {
  const policy = resolvePolicy(await loadPolicyRows(db()), currentYear(), countyId.slice(0, 2));
  return zone === "west" ? policy.values.exitIncidenceWest : policy.values.exitIncidenceEast;
}

/** A village of this county, or null (the caller answers "not found" and audits). */
export async function villageInCounty(countyId: ReviewCountyId, villageId: string, within: string = countyId) {
  if (!/^\d{12}$/.test(villageId) || !villageId.startsWith(countyId) || !villageId.startsWith(within)) return null;
  return db().region.findFirst({
    where: { id: villageId, level: "village", parent: { parentId: countyId } },
    select: { id: true, name: true, parent: { select: { id: true, name: true } } },
  });
}

/** Every village of the county with its aggregates: the derived table the list filters and sorts. */
function villageAggregateSql(countyId: string, threshold: number, opts: { villageId?: string; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const monthStart = `${today(now).slice(0, 7)}-01`;
  const onlyVillage = opts.villageId ? Prisma.sql`AND h."villageId" = ${opts.villageId}` : Prisma.empty;
  const onlyVillageAssignments = opts.villageId
    ? Prisma.sql`AND "householdId" IN (SELECT id FROM household WHERE "villageId" = ${opts.villageId})`
    : Prisma.empty;
  const onlyRegion = opts.villageId ? Prisma.sql`AND v.id = ${opts.villageId}` : Prisma.empty;
  return Prisma.sql`
    WITH cur AS (
      SELECT DISTINCT "householdId" FROM cadre_assignment
      WHERE "countyId" = ${countyId} AND "validFrom" <= ${now} AND ("validTo" IS NULL OR "validTo" > ${now}) ${onlyVillageAssignments}
    ), agg AS (
      SELECT h."villageId",
        count(*)::int AS households,
        coalesce(sum(h."memberCount"), 0)::int AS people,
        count(*) FILTER (WHERE h."registeredStatus" = 'registered_poor')::int AS "poorHouseholds",
        coalesce(sum(h."memberCount") FILTER (WHERE h."registeredStatus" = 'registered_poor'), 0)::int AS "poorPeople",
        coalesce(sum(h."memberCount") FILTER (WHERE h."registeredStatus" = 'lifted'), 0)::int AS "liftedPeople",
        coalesce(sum(h."memberCount") FILTER (WHERE h."registeredStatus" = 'not_registered'), 0)::int AS "notRegisteredPeople",
        count(*) FILTER (WHERE h."monitoringCategory" = 'unstable_lifted')::int AS "monUnstable",
        count(*) FILTER (WHERE h."monitoringCategory" = 'marginal')::int AS "monMarginal",
        count(*) FILTER (WHERE h."monitoringCategory" = 'sudden_hardship')::int AS "monSudden",
        count(*) FILTER (WHERE h."assessedStatus" = 'below_standard' AND h."registeredStatus" = 'not_registered' AND h."monitoringCategory" IS NULL)::int AS missed,
        coalesce(sum(h."memberCount") FILTER (WHERE h."assessedStatus" = 'below_standard' AND h."registeredStatus" = 'not_registered' AND h."monitoringCategory" IS NULL), 0)::int AS "missedPeople",
        count(*) FILTER (WHERE h."assessedStatus" = 'below_standard' AND h."registeredStatus" = 'lifted' AND h."monitoringCategory" IS NULL)::int AS "wronglyLifted",
        coalesce(sum(h."memberCount") FILTER (WHERE h."assessedStatus" = 'below_standard' AND h."registeredStatus" = 'lifted' AND h."monitoringCategory" IS NULL), 0)::int AS "wronglyLiftedPeople",
        count(cur."householdId")::int AS assigned,
        count(cur."householdId") FILTER (WHERE h."lastVisitAt" >= ${monthStart}::date)::int AS visited
      FROM household h
      LEFT JOIN cur ON cur."householdId" = h.id
      WHERE h."countyId" = ${countyId} ${onlyVillage}
      GROUP BY h."villageId"
    )
    SELECT v.id, v.name, t.id AS "townshipId", t.name AS "townshipName",
      coalesce(agg.households, 0) AS households, coalesce(agg.people, 0) AS people,
      coalesce(agg."poorHouseholds", 0) AS "poorHouseholds", coalesce(agg."poorPeople", 0) AS "poorPeople",
      coalesce(agg."liftedPeople", 0) AS "liftedPeople", coalesce(agg."notRegisteredPeople", 0) AS "notRegisteredPeople",
      CASE WHEN coalesce(agg.people, 0) = 0 THEN NULL ELSE round(100.0 * agg."poorPeople" / agg.people, 2)::float8 END AS incidence,
      CASE WHEN coalesce(agg.people, 0) = 0 THEN NULL ELSE agg."poorPeople"::numeric * 100 <= ${threshold}::numeric * agg.people END AS "belowThreshold",
      coalesce(agg."monUnstable" + agg."monMarginal" + agg."monSudden", 0) AS monitored,
      coalesce(agg."monUnstable", 0) AS "monUnstable", coalesce(agg."monMarginal", 0) AS "monMarginal", coalesce(agg."monSudden", 0) AS "monSudden",
      coalesce(agg.missed, 0) AS missed, coalesce(agg."missedPeople", 0) AS "missedPeople",
      coalesce(agg."wronglyLifted", 0) AS "wronglyLifted", coalesce(agg."wronglyLiftedPeople", 0) AS "wronglyLiftedPeople",
      coalesce(agg.assigned, 0) AS assigned, coalesce(agg.visited, 0) AS visited,
      CASE WHEN coalesce(agg.assigned, 0) = 0 THEN NULL ELSE round(100.0 * agg.visited / agg.assigned, 1)::float8 END AS coverage,
      coalesce(pend.n, 0) AS pending
    FROM region v
    JOIN region t ON t.id = v."parentId"
    LEFT JOIN agg ON agg."villageId" = v.id
    -- decisions waiting for the county: reviewed by the township, in the second notice, or approved awaiting the announcement
    LEFT JOIN (
      SELECT "villageId", count(*)::int AS n FROM proposal
      WHERE "countyId" = ${countyId} AND stage IN ('township_review', 'second_notice', 'county_approval')
      GROUP BY "villageId"
    ) pend ON pend."villageId" = v.id
    WHERE v.level = 'village' AND t."parentId" = ${countyId} ${onlyRegion}`;
}

/** Column expressions over the derived table (whitelisted: user input never becomes SQL text). */
const COLUMN: Record<VillageSort, string> = {
  township: `"townshipId"`,
  name: `name`,
  households: `households`,
  people: `people`,
  poorHouseholds: `"poorHouseholds"`,
  poorPeople: `"poorPeople"`,
  incidence: `incidence`,
  monitored: `monitored`,
  missed: `missed`,
  wronglyLifted: `"wronglyLifted"`,
  coverage: `coverage`,
  pending: `pending`,
};

/** The WHERE clause of the village list over the derived table. */
export function villageFilterSql(p: VillageParams): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (p.q) parts.push(Prisma.sql`(strpos(name, ${p.q}) > 0 OR strpos("townshipName", ${p.q}) > 0)`);
  if (p.township) parts.push(Prisma.sql`"townshipId" = ${p.township}`);
  if (p.inc === "below") parts.push(Prisma.sql`"belowThreshold"`);
  if (p.inc === "above") parts.push(Prisma.sql`NOT "belowThreshold"`);
  for (const col of VILLAGE_NUMERIC) {
    const min = p[`${col}Min`];
    const max = p[`${col}Max`];
    if (min !== undefined) parts.push(Prisma.sql`${Prisma.raw(COLUMN[col])} >= ${min}`);
    if (max !== undefined) parts.push(Prisma.sql`${Prisma.raw(COLUMN[col])} <= ${max}`);
  }
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

export interface VillageListOptions extends VillageParams {
  pageSize?: number;
  now?: Date;
}

export async function villageList(countyId: ReviewCountyId, threshold: number, opts: VillageListOptions = {}) {
  const sort: VillageSort = opts.sort && VILLAGE_SORTS.includes(opts.sort) ? opts.sort : "township";
  const dir = opts.dir === "desc" ? "desc" : "asc";
  const pageSize = opts.pageSize ?? VILLAGE_PAGE_SIZE;
  const page = Math.max(1, opts.page ?? 1);
  const base = villageAggregateSql(countyId, threshold, { now: opts.now });
  const rows = await readDb().$queryRaw<(VillageRow & { total: number })[]>`
    SELECT *, count(*) OVER ()::int AS total FROM (${base}) x ${villageFilterSql(opts)}
    ORDER BY ${Prisma.raw(COLUMN[sort])} ${Prisma.raw(dir === "desc" ? "DESC" : "ASC")} NULLS LAST, "townshipId", id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    // past the end: say how many there are
    const [c] = await readDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${base}) x ${villageFilterSql(opts)}`;
    total = c?.n ?? 0;
  }
  return {
    rows: rows.map(({ total: _t, ...r }) => r as VillageRow),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    sort,
    dir,
  };
}

/** Every village matching the filters, in the list's order (for the CSV export: a few hundred rows). */
export async function villageRowsForExport(countyId: ReviewCountyId, threshold: number, opts: VillageParams = {}) {
  const sort: VillageSort = opts.sort ?? "township";
  const dir = opts.dir === "desc" ? "DESC" : "ASC";
  return readDb().$queryRaw<VillageRow[]>`
    SELECT * FROM (${villageAggregateSql(countyId, threshold)}) x ${villageFilterSql(opts)}
    ORDER BY ${Prisma.raw(COLUMN[sort])} ${Prisma.raw(dir)} NULLS LAST, "townshipId", id`;
}

/** One village's aggregates (the header of the village page), and how many households needing a cadre have none. */
export async function villageSummary(countyId: ReviewCountyId, villageId: string, threshold: number, now = new Date()) {
  const [[row], unassignedNeeding] = await Promise.all([
    readDb().$queryRaw<VillageRow[]>`SELECT * FROM (${villageAggregateSql(countyId, threshold, { villageId, now })}) x`,
    countHouseholds({ AND: [{ countyId, villageId }, NEEDS_CADRE, { assignments: { none: currentAssignment(now) } }] }),
  ]);
  return row ? { ...row, unassignedNeeding } : null;
}

export interface TotalsRow {
  townshipId: string | null;
  townshipName: string | null;
  villages: number;
  villagesWithPeople: number;
  villagesBelow: number;
  households: number;
  people: number;
  poorHouseholds: number;
  poorPeople: number;
  liftedPeople: number;
  notRegisteredPeople: number;
  missed: number;
  missedPeople: number;
  wronglyLifted: number;
  wronglyLiftedPeople: number;
  monitored: number;
  assigned: number;
  visited: number;
}

/** Township subtotals and the county total, in one grouped query. */
export async function countyTotals(countyId: ReviewCountyId, threshold: number, now?: Date) {
  const base = villageAggregateSql(countyId, threshold, { now });
  const rows = await readDb().$queryRaw<TotalsRow[]>`
    SELECT "townshipId", CASE WHEN GROUPING("townshipId") = 1 THEN NULL ELSE max("townshipName") END AS "townshipName",
      count(*)::int AS villages, count(*) FILTER (WHERE people > 0)::int AS "villagesWithPeople",
      count(*) FILTER (WHERE "belowThreshold")::int AS "villagesBelow",
      sum(households)::int AS households, sum(people)::int AS people, sum("poorHouseholds")::int AS "poorHouseholds",
      sum("poorPeople")::int AS "poorPeople", sum("liftedPeople")::int AS "liftedPeople", sum("notRegisteredPeople")::int AS "notRegisteredPeople", sum(missed)::int AS missed, sum("missedPeople")::int AS "missedPeople",
      sum("wronglyLifted")::int AS "wronglyLifted", sum("wronglyLiftedPeople")::int AS "wronglyLiftedPeople",
      sum(monitored)::int AS monitored, sum(assigned)::int AS assigned, sum(visited)::int AS visited
    FROM (${base}) x GROUP BY ROLLUP ("townshipId") ORDER BY "townshipId" NULLS LAST`;
  const total = rows.find((r) => r.townshipId === null) ?? emptyTotals();
  return { townships: rows.filter((r) => r.townshipId !== null), total };
}

function emptyTotals(): TotalsRow {
  return {
    townshipId: null,
    townshipName: null,
    villages: 0,
    villagesWithPeople: 0,
    villagesBelow: 0,
    households: 0,
    people: 0,
    poorHouseholds: 0,
    poorPeople: 0,
    liftedPeople: 0,
    notRegisteredPeople: 0,
    missed: 0,
    missedPeople: 0,
    wronglyLifted: 0,
    wronglyLiftedPeople: 0,
    monitored: 0,
    assigned: 0,
    visited: 0,
  };
}

export interface CountySummary {
  threshold: number;
  /** register-based estimate until evaluations exist */
  comprehensive: ExitMetric;
  /** the village exit rule (its text names the threshold) */
  villageRule: ExitMetric["rule"];
  villagesWithPeople: number;
  villagesBelow: number;
  /** percent of villages with population whose incidence is at or below the threshold; null when none has people */
  villagesBelowShare: number | null;
}

/** The county's exit picture as far as the register allows (pure arithmetic over the totals). */
export function countySummary(total: TotalsRow, zone: RegionZone | null, threshold: number): CountySummary {
  const policy = { exitIncidenceEast: threshold, exitIncidenceWest: threshold };
  const z: RegionZone = zone ?? "east";
  // the register as its own "sample": every household counts, so the scaled-up rates give back the
  // estimated missed and wrongly-lifted people themselves. Same function as the evaluation and the CLI.
  const comprehensive = comprehensiveIncidence(
    {
      population: {
        rural: total.people,
        registeredPoor: total.poorPeople,
        lifted: total.liftedPeople,
        notRegistered: total.notRegisteredPeople,
      },
      sampleLiftedPeople: total.liftedPeople,
      sampleWronglyLiftedPeople: total.wronglyLiftedPeople,
      sampleNotRegisteredPeople: total.notRegisteredPeople,
      sampleMissedPeople: total.missedPeople,
      surveyedHouseholds: 0,
      approvingHouseholds: 0,
    },
    z,
    policy,
  );
  const villageRule = villageIncidence({ registeredPoorPeople: 0, population: 0 }, z, policy).rule;
  return {
    threshold,
    comprehensive,
    villageRule,
    villagesWithPeople: total.villagesWithPeople,
    villagesBelow: total.villagesBelow,
    villagesBelowShare: total.villagesWithPeople ? Math.round((1000 * total.villagesBelow) / total.villagesWithPeople) / 10 : null,
  };
}

/** Townships of the county (for the filter's select). */
export async function countyTownships(countyId: ReviewCountyId) {
  return db().region.findMany({
    where: { parentId: countyId, level: "township" },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
}

export interface GuaranteeGapRow {
  id: string;
  number: string;
  headName: string;
  villageId: string;
  villageName: string;
  registeredStatus: string;
  unmetIndicators: IndicatorKey[];
}

/**
 * Guarantee gaps (三保障问题): households whose latest assessment meets the income line but not
 * every guarantee. Never identification candidates; the county closes them by measures (危房改造,
 * water works, insurance enrolment). One query, the first `limit` rows and the total.
 */
export async function guaranteeGaps(countyId: ReviewCountyId, limit = 20): Promise<{ rows: GuaranteeGapRow[]; total: number }> {
  const rows = await readDb().$queryRaw<(GuaranteeGapRow & { total: number })[]>`
    SELECT h.id, h.number, h."headName", h."villageId", v.name AS "villageName", h."registeredStatus"::text AS "registeredStatus",
      h."unmetIndicators", count(*) OVER ()::int AS total
    FROM household h JOIN region v ON v.id = h."villageId"
    WHERE h."countyId" = ${countyId} AND cardinality(h."unmetIndicators") > 0 AND NOT ('income' = ANY(h."unmetIndicators"))
    ORDER BY h."villageId", h.number
    LIMIT ${limit}`;
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** The monitoring threshold in force this year for the county's province, and whether it is stale (carried more than a year). */
export async function monitoringThresholdStatus(
  countyId: ReviewCountyId,
): Promise<{ value: number | null; year: number | null; stale: boolean }> {
  const policy = resolvePolicy(await loadPolicyRows(db()), currentYear(), countyId.slice(0, 2));
  const source = policy.sources.monitoringThreshold;
  return { value: policy.values.monitoringThreshold, year: source?.year ?? null, stale: source?.stale ?? false };
}

/**
 * The county's exit metrics from its latest closed evaluation, by the same function and under the
 * same names as the evaluator's report (lib/data/evaluation/metrics.ts), or null when none is closed.
 */
export async function latestEvaluationMetrics(countyId: ReviewCountyId) {
  const e = await db().evaluation.findFirst({
    where: { countyId, state: "closed" },
    orderBy: [{ closedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, countyId: true, year: true, name: true },
  });
  if (!e) return null;
  const { metricsFor } = await import("./evaluation/metrics");
  return { evaluation: e, metrics: await metricsFor(e) };
}
