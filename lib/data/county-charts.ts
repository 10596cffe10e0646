// Figures behind the county charts: each one grouped SQL query over the county's rows.
import "server-only";
import { readDb } from "@/lib/db/client";
import { today } from "@/lib/clock";
import type { ReviewCountyId } from "@/lib/auth/scope";

/** Households by registered status × assessed status ("none": not yet assessed). */
export async function statusMatrix(countyId: ReviewCountyId) {
  return readDb().$queryRaw<{ registered: string; assessed: string; households: number; people: number }[]>`
    SELECT "registeredStatus"::text AS registered, coalesce("assessedStatus"::text, 'none') AS assessed,
      count(*)::int AS households, coalesce(sum("memberCount"), 0)::int AS people
    FROM household WHERE "countyId" = ${countyId}
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** Main causes of poverty of households registered, lifted or monitored ("none": not recorded). */
export async function causes(countyId: ReviewCountyId) {
  return readDb().$queryRaw<{ cause: string; households: number }[]>`
    SELECT coalesce("mainCause"::text, 'none') AS cause, count(*)::int AS households
    FROM household
    WHERE "countyId" = ${countyId} AND ("registeredStatus" IN ('registered_poor', 'lifted') OR "monitoringCategory" IS NOT NULL)
    GROUP BY 1 ORDER BY 2 DESC, 1`;
}

/**
 * Visit coverage over the last 12 months (the current one included): for each month, the
 * households with a cadre assignment in force at some point of the month, and how many of them
 * had an accepted or conflicting (not rejected) visit that month. One query grouped by month.
 */
export async function visitCoverage(countyId: ReviewCountyId, now = new Date()) {
  const first = `${today(now).slice(0, 7)}-01`;
  return readDb().$queryRaw<{ month: string; assigned: number; visited: number }[]>`
    WITH months AS (
      SELECT generate_series(${first}::date - interval '11 months', ${first}::date, interval '1 month')::date AS m
    )
    SELECT to_char(m.m, 'YYYY-MM') AS month,
      count(DISTINCT a."householdId")::int AS assigned,
      count(DISTINCT v."householdId")::int AS visited
    FROM months m
    LEFT JOIN cadre_assignment a
      ON a."countyId" = ${countyId}
     AND a."validFrom" < (m.m + interval '1 month')
     AND (a."validTo" IS NULL OR a."validTo" >= m.m)
    LEFT JOIN visit v
      ON v."householdId" = a."householdId"
     AND v."countyId" = ${countyId}
     AND v.state <> 'rejected'
     AND v.date >= m.m AND v.date < (m.m + interval '1 month')
    GROUP BY m.m ORDER BY m.m`;
}

/**
 * Registered poor households at the end of each year, from the registration history: each change
 * into registered_poor adds one, each change out of it takes one away; a running sum over the
 * years (the current year: as of today). Lifted households likewise. One query.
 */
export async function registeredTrend(countyId: ReviewCountyId, now = new Date()) {
  const year = Number(today(now).slice(0, 4));
  return readDb().$queryRaw<{ year: number; registeredPoor: number; lifted: number }[]>`
    WITH net AS (
      SELECT extract(year FROM effective)::int AS y,
        sum((("toStatus" = 'registered_poor')::int) - (("fromStatus" = 'registered_poor')::int))::int AS poor,
        sum((("toStatus" = 'lifted')::int) - (("fromStatus" = 'lifted')::int))::int AS lifted
      FROM registration_change
      WHERE "countyId" = ${countyId} AND effective <= ${today(now)}::date
      GROUP BY 1
    ), years AS (
      SELECT generate_series(coalesce((SELECT min(y) FROM net), ${year}), ${year}) AS y
    )
    SELECT years.y AS year,
      (sum(coalesce(net.poor, 0)) OVER (ORDER BY years.y))::int AS "registeredPoor",
      (sum(coalesce(net.lifted, 0)) OVER (ORDER BY years.y))::int AS lifted
    FROM years LEFT JOIN net ON net.y = years.y
    ORDER BY years.y`;
}

export type StatusMatrix = Awaited<ReturnType<typeof statusMatrix>>;
export type Causes = Awaited<ReturnType<typeof causes>>;
export type VisitCoverage = Awaited<ReturnType<typeof visitCoverage>>;
export type RegisteredTrend = Awaited<ReturnType<typeof registeredTrend>>;
