// The county's exit metrics from an evaluation, by the same domain function as the CLI
// (lib/domain/exit-metrics.ts countyExitFromCounts; `npm run metrics`), with the counts behind each.
// Team only. All rates are in PEOPLE (approval in households):
//  - wrongly-lifted rate = people of the checked lifted households found wrongly lifted ÷ people
//    of the checked lifted households;
//  - missed rate = people of the checked non-registered households found missed ÷ people of the
//    checked non-registered households;
//  - public approval = households answering "approve" ÷ questionnaires answered (unsure is not approval);
//  - comprehensive incidence = (registered-poor people on the frozen list + missed rate ×
//    non-registered people on it + wrongly-lifted rate × lifted people on it) ÷ people on it:
//    the sample's rates SCALED UP to the county.
// "Registered" is the status frozen at the draw; people are the households' current member counts.
// The denominators count the households CHECKED so far (a questionnaire saved), so the figures are
// right at every point of the field work; the page shows how many of the sample are checked.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";
import { loadPolicyRows } from "@/lib/data/assessment";
import { countyExitFromCounts, type CountyExitCounts, type CountyExitResult, type ExitMetric } from "@/lib/domain/exit-metrics";
import { resolvePolicy, type RegionZone } from "@/lib/domain/policy";
import { teamEvaluation, type EvaluationRow } from "./access";

export interface MetricsCounts extends CountyExitCounts {
  sampled: number;
  sampledLifted: number;
  sampledNonRegistered: number;
  checked: number;
  frozenHouseholds: number;
  approving: number;
  disapproving: number;
  unsure: number;
  discrepanciesByKind: Record<string, number>;
}

export interface EvaluationMetrics {
  zone: RegionZone;
  policyVersion: string;
  thresholds: { incidence: number; wronglyLifted: number; missed: number; approval: number };
  counts: MetricsCounts;
  result: CountyExitResult;
  /** the four metrics in display order */
  verdict: { pass: boolean; metrics: ExitMetric[] };
}

/** Counts for one evaluation, in three grouped queries. */
export async function metricsCounts(evaluationId: string, client: Db | Tx = db()): Promise<MetricsCounts> {
  const [sample] = await client.$queryRaw<
    {
      sampled: number;
      sampledLifted: number;
      sampledNonRegistered: number;
      checked: number;
      liftedPeople: number;
      wronglyLiftedPeople: number;
      nonRegisteredPeople: number;
      missedPeople: number;
      surveyed: number;
      approving: number;
      disapproving: number;
      unsure: number;
    }[]
  >`
    WITH found AS (
      SELECT "householdId",
        bool_or(kind = 'wrongly_lifted') AS wrong, bool_or(kind = 'missed') AS missed
      FROM discrepancy WHERE "evaluationId" = ${evaluationId} GROUP BY "householdId"
    )
    SELECT count(*)::int AS sampled,
      count(*) FILTER (WHERE l."registeredStatus" = 'lifted')::int AS "sampledLifted",
      count(*) FILTER (WHERE l."registeredStatus" = 'not_registered')::int AS "sampledNonRegistered",
      count(q.id)::int AS checked,
      coalesce(sum(h."memberCount") FILTER (WHERE q.id IS NOT NULL AND l."registeredStatus" = 'lifted'), 0)::int AS "liftedPeople",
      coalesce(sum(h."memberCount") FILTER (WHERE q.id IS NOT NULL AND l."registeredStatus" = 'lifted' AND f.wrong), 0)::int AS "wronglyLiftedPeople",
      coalesce(sum(h."memberCount") FILTER (WHERE q.id IS NOT NULL AND l."registeredStatus" = 'not_registered'), 0)::int AS "nonRegisteredPeople",
      coalesce(sum(h."memberCount") FILTER (WHERE q.id IS NOT NULL AND l."registeredStatus" = 'not_registered' AND f.missed), 0)::int AS "missedPeople",
      count(q.id) FILTER (WHERE q.approval IS NOT NULL)::int AS surveyed,
      count(q.id) FILTER (WHERE q.approval = 'approve')::int AS approving,
      count(q.id) FILTER (WHERE q.approval = 'disapprove')::int AS disapproving,
      count(q.id) FILTER (WHERE q.approval = 'unsure')::int AS unsure
    FROM sample_household s
    JOIN evaluation_list_entry l ON l."evaluationId" = s."evaluationId" AND l."householdId" = s."householdId"
    JOIN household h ON h.id = s."householdId"
    LEFT JOIN questionnaire q ON q."evaluationId" = s."evaluationId" AND q."householdId" = s."householdId"
    LEFT JOIN found f ON f."householdId" = s."householdId"
    WHERE s."evaluationId" = ${evaluationId}`;
  const [register] = await client.$queryRaw<
    { households: number; people: number; poorPeople: number; liftedPeople: number; notRegisteredPeople: number }[]
  >`
    SELECT count(*)::int AS households, coalesce(sum(h."memberCount"), 0)::int AS people,
      coalesce(sum(h."memberCount") FILTER (WHERE l."registeredStatus" = 'registered_poor'), 0)::int AS "poorPeople",
      coalesce(sum(h."memberCount") FILTER (WHERE l."registeredStatus" = 'lifted'), 0)::int AS "liftedPeople",
      coalesce(sum(h."memberCount") FILTER (WHERE l."registeredStatus" = 'not_registered'), 0)::int AS "notRegisteredPeople"
    FROM evaluation_list_entry l JOIN household h ON h.id = l."householdId"
    WHERE l."evaluationId" = ${evaluationId}`;
  const found = await client.$queryRaw<{ kind: string; households: number }[]>`
    SELECT d.kind::text AS kind, count(DISTINCT d."householdId")::int AS households
    FROM discrepancy d
    WHERE d."evaluationId" = ${evaluationId}
    GROUP BY d.kind`;
  const s = sample ?? {
    sampled: 0,
    sampledLifted: 0,
    sampledNonRegistered: 0,
    checked: 0,
    liftedPeople: 0,
    wronglyLiftedPeople: 0,
    nonRegisteredPeople: 0,
    missedPeople: 0,
    surveyed: 0,
    approving: 0,
    disapproving: 0,
    unsure: 0,
  };
  return {
    sampled: s.sampled,
    sampledLifted: s.sampledLifted,
    sampledNonRegistered: s.sampledNonRegistered,
    checked: s.checked,
    frozenHouseholds: register?.households ?? 0,
    approving: s.approving,
    disapproving: s.disapproving,
    unsure: s.unsure,
    discrepanciesByKind: Object.fromEntries(found.map((f) => [f.kind, f.households])),
    population: {
      rural: register?.people ?? 0,
      registeredPoor: register?.poorPeople ?? 0,
      lifted: register?.liftedPeople ?? 0,
      notRegistered: register?.notRegisteredPeople ?? 0,
    },
    sampleLiftedPeople: s.liftedPeople,
    sampleWronglyLiftedPeople: s.wronglyLiftedPeople,
    sampleNotRegisteredPeople: s.nonRegisteredPeople,
    sampleMissedPeople: s.missedPeople,
    surveyedHouseholds: s.surveyed,
    approvingHouseholds: s.approving,
  };
}

export async function metricsFor(e: Pick<EvaluationRow, "id" | "countyId" | "year">, client: Db | Tx = db()): Promise<EvaluationMetrics> {
  const [counts, rows, county] = await Promise.all([
    metricsCounts(e.id, client),
    loadPolicyRows(client),
    client.region.findUnique({ where: { id: e.countyId }, select: { zone: true } }),
  ]);
  const policy = resolvePolicy(rows, e.year, e.countyId.slice(0, 2));
  const zone: RegionZone = (county?.zone as RegionZone | null) ?? "east";
  const p = policy.values;
  const result = countyExitFromCounts(counts, zone, p);
  return {
    zone,
    policyVersion: policy.version,
    thresholds: {
      incidence: zone === "west" ? p.exitIncidenceWest : p.exitIncidenceEast,
      wronglyLifted: p.wronglyLiftedMaxRate,
      missed: p.missedMaxRate,
      approval: p.approvalMinRate,
    },
    counts,
    result,
    verdict: {
      pass: result.pass.county,
      metrics: [result.metrics.incidence, result.metrics.wronglyLifted, result.metrics.missed, result.metrics.approval],
    },
  };
}

/** The evaluation's metrics, for its team. */
export async function evaluationMetrics(viewer: Viewer, evaluationId: string): Promise<EvaluationMetrics> {
  const e = await teamEvaluation(viewer, evaluationId);
  return metricsFor(e);
}
