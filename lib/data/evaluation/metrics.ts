// The county's exit metrics from an evaluation (lib/domain/exit-metrics.ts countyExit), with
// the counts behind each. Team only.
//  - wrongly-lifted rate = wrongly lifted ÷ lifted households checked in the sample;
//  - missed rate = missed ÷ not-registered households checked in the sample;
//  - public approval = "approve" answers ÷ questionnaires answered;
//  - comprehensive incidence = (registered-poor people on the frozen list + people of the
//    missed and wrongly lifted households found) ÷ people of all households on the frozen list.
//    The sample's findings are NOT scaled up to the county: the register counts plus what was
//    found. "Registered" is the status frozen at the draw; people are the households' current
//    member counts.
// The denominators of the two rates and approval count the households CHECKED so far (a
// questionnaire saved), so the figures are right at every point of the field work; the page
// shows how many of the sample are checked.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";
import { loadPolicyRows } from "@/lib/data/assessment";
import { countyExit, type CountyExitInput, type CountyExitVerdict } from "@/lib/domain/exit-metrics";
import { resolvePolicy, type RegionZone } from "@/lib/domain/policy";
import { teamEvaluation, type EvaluationRow } from "./access";

export interface MetricsCounts extends CountyExitInput {
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
  verdict: CountyExitVerdict;
}

/** Counts for one evaluation, in three grouped queries. */
export async function metricsCounts(evaluationId: string, client: Db | Tx = db()): Promise<MetricsCounts> {
  const [sample] = await client.$queryRaw<
    { sampled: number; sampledLifted: number; sampledNonRegistered: number; checked: number; checkedLifted: number; checkedNonRegistered: number; approving: number; disapproving: number; unsure: number }[]
  >`
    SELECT count(*)::int AS sampled,
      count(*) FILTER (WHERE l."registeredStatus" = 'lifted')::int AS "sampledLifted",
      count(*) FILTER (WHERE l."registeredStatus" = 'not_registered')::int AS "sampledNonRegistered",
      count(q.id)::int AS checked,
      count(q.id) FILTER (WHERE l."registeredStatus" = 'lifted')::int AS "checkedLifted",
      count(q.id) FILTER (WHERE l."registeredStatus" = 'not_registered')::int AS "checkedNonRegistered",
      count(q.id) FILTER (WHERE q.approval = 'approve')::int AS approving,
      count(q.id) FILTER (WHERE q.approval = 'disapprove')::int AS disapproving,
      count(q.id) FILTER (WHERE q.approval = 'unsure')::int AS unsure
    FROM sample_household s
    JOIN evaluation_list_entry l ON l."evaluationId" = s."evaluationId" AND l."householdId" = s."householdId"
    LEFT JOIN questionnaire q ON q."evaluationId" = s."evaluationId" AND q."householdId" = s."householdId"
    WHERE s."evaluationId" = ${evaluationId}`;
  const [register] = await client.$queryRaw<{ households: number; people: number; poorPeople: number }[]>`
    SELECT count(*)::int AS households, coalesce(sum(h."memberCount"), 0)::int AS people,
      coalesce(sum(h."memberCount") FILTER (WHERE l."registeredStatus" = 'registered_poor'), 0)::int AS "poorPeople"
    FROM evaluation_list_entry l JOIN household h ON h.id = l."householdId"
    WHERE l."evaluationId" = ${evaluationId}`;
  const found = await client.$queryRaw<{ kind: string; households: number; people: number }[]>`
    SELECT d.kind::text AS kind, count(DISTINCT d."householdId")::int AS households, coalesce(sum(h."memberCount"), 0)::int AS people
    FROM discrepancy d JOIN household h ON h.id = d."householdId"
    WHERE d."evaluationId" = ${evaluationId}
    GROUP BY d.kind`;
  const kind = (k: string) => found.find((f) => f.kind === k);
  const s = sample ?? { sampled: 0, sampledLifted: 0, sampledNonRegistered: 0, checked: 0, checkedLifted: 0, checkedNonRegistered: 0, approving: 0, disapproving: 0, unsure: 0 };
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
    remainingRegisteredPoor: register?.poorPeople ?? 0,
    missedPeople: kind("missed")?.people ?? 0,
    wronglyLiftedPeople: kind("wrongly_lifted")?.people ?? 0,
    ruralPopulation: register?.people ?? 0,
    sampleWronglyLifted: kind("wrongly_lifted")?.households ?? 0,
    sampleLifted: s.checkedLifted,
    sampleMissed: kind("missed")?.households ?? 0,
    sampleNonRegistered: s.checkedNonRegistered,
    surveyApproving: s.approving,
    surveyed: s.checked,
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
  return {
    zone,
    policyVersion: policy.version,
    thresholds: { incidence: zone === "west" ? p.exitIncidenceWest : p.exitIncidenceEast, wronglyLifted: p.wronglyLiftedMaxRate, missed: p.missedMaxRate, approval: p.approvalMinRate },
    counts,
    verdict: countyExit(counts, zone, p),
  };
}

/** The evaluation's metrics, for its team. */
export async function evaluationMetrics(viewer: Viewer, evaluationId: string): Promise<EvaluationMetrics> {
  const e = await teamEvaluation(viewer, evaluationId);
  return metricsFor(e);
}
