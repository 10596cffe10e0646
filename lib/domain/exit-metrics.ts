/**
 * Village and county exit metrics (贫困村退出 / 贫困县摘帽). Pure.
 *
 * Wording decides the boundary (以下/以上 include the number, 低于/高于 do not);
 * one function decides each metric, used by the CLI and every page:
 *   village incidence       2% or less (3% in the west)   "le"   降至2%以下
 *   comprehensive incidence 2% or less (3% in the west)   "le"
 *   wrongly lifted (错退率)  below 2%                      "lt"   低于2%
 *   missed (漏评率)          below 2%                      "lt"   低于2%
 *   approval (认可度)        above 90%                     "gt"   高于90%
 * Rates are in PEOPLE (approval in households surveyed). The comprehensive
 * incidence scales the sample's rates up to the county:
 *   (remaining registered-poor people + missed rate x non-registered rural people
 *    + wrongly-lifted rate x lifted people) / rural people.
 * `value` is rounded half up to 2 decimals for display only; `exact` is the
 * unrounded percent; the verdict compares the exact ratio with the threshold in
 * integer arithmetic (BigInt cross-multiplication).
 * A zero denominator gives null and does not pass.
 * Counts must be non-negative integers and a numerator never exceeds its
 * denominator; otherwise a RangeError is thrown (an input error, not a verdict).
 */
import { formatQuantity } from "./format";
import type { PolicyValues, RegionZone } from "./policy";

export type ExitMetricKey = "village_incidence" | "county_incidence" | "wrongly_lifted_rate" | "missed_rate" | "approval_rate";

export type Comparison = "lt" | "le" | "gt";

export interface ExitMetric {
  key: ExitMetricKey;
  /** percent rounded half up to 2 decimals; null when the denominator is 0 */
  value: number | null;
  /** percent, unrounded; null when the denominator is 0 */
  exact: number | null;
  /** percent, from the policy */
  threshold: number;
  comparison: Comparison;
  pass: boolean;
  numerator: number;
  denominator: number;
  /** the rule itself */
  rule: { zh: string; en: string };
  /** the rule applied to these numbers */
  reason: { zh: string; en: string };
}

type IncidencePolicy = Pick<PolicyValues, "exitIncidenceEast" | "exitIncidenceWest">;

interface Rational {
  num: bigint;
  den: bigint;
}

/** Exact decimal value of a policy threshold (up to 6 decimals), as a fraction. */
function toRational(x: number, what: string): Rational {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`${what} must be a non-negative number: ${x}`);
  for (let k = 0; k <= 6; k++) {
    const scale = 10 ** k;
    const scaled = x * scale;
    const r = Math.round(scaled);
    if (Math.abs(scaled - r) <= 1e-9 * Math.max(1, Math.abs(scaled))) {
      return { num: BigInt(r), den: BigInt(scale) };
    }
  }
  throw new RangeError(`${what} has more than 6 decimals: ${x}`);
}

function mustBeCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer: ${n}`);
}

/** numerator / denominator as a percent, rounded half up to 2 decimals. */
export function percent(numerator: number, denominator: number): number {
  mustBeCount(numerator, "numerator");
  mustBeCount(denominator, "denominator");
  if (denominator === 0) throw new RangeError("denominator is 0");
  const n = BigInt(numerator) * 10000n;
  const d = BigInt(denominator);
  const hundredths = (2n * n + d) / (2n * d);
  return Number(hundredths) / 100;
}

/** Sign of (ratio * 100) - threshold, exactly. */
function compareRatio(ratio: Rational, threshold: Rational): number {
  const left = ratio.num * 100n * threshold.den;
  const right = threshold.num * ratio.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The rule each metric is held to (by the wording of the rules). */
export const METRIC_COMPARISON: Record<ExitMetricKey, Comparison> = {
  village_incidence: "le",
  county_incidence: "le",
  wrongly_lifted_rate: "lt",
  missed_rate: "lt",
  approval_rate: "gt",
};

/** The one decision for a metric: ratio (a fraction, not a percent) against a percent threshold. */
export function passes(key: ExitMetricKey, ratio: Rational | null, thresholdPercent: number): boolean {
  if (ratio === null || ratio.den === 0n) return false;
  const c = compareRatio(ratio, toRational(thresholdPercent, `${key} threshold`));
  const op = METRIC_COMPARISON[key];
  return op === "lt" ? c < 0 : op === "le" ? c <= 0 : c > 0;
}

/** Unrounded percent of a ratio. */
function percentOf(r: Rational): number {
  const n = r.num * 100n;
  const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
  // one correctly rounded division when both fit (100 * 1 / 51 is exactly what JS gives)
  if (n <= SAFE && r.den <= SAFE) return Number(n) / Number(r.den);
  // scale to keep precision for large bigints
  const q = (r.num * 100n * 10n ** 12n) / r.den;
  const rem = (r.num * 100n * 10n ** 12n) % r.den;
  return (Number(q) + Number(rem) / Number(r.den)) / 1e12;
}

/** Rounded half up to 2 decimals. */
function percentRounded(r: Rational): number {
  const n = r.num * 10000n;
  const hundredths = (2n * n + r.den) / (2n * r.den);
  return Number(hundredths) / 100;
}

export type { Rational };

const OP_ZH: Record<Comparison, string> = { lt: "低于", le: "不高于", gt: "高于" };
const OP_EN: Record<Comparison, string> = { lt: "below", le: "at most", gt: "above" };

function metric(
  key: ExitMetricKey,
  numerator: number,
  denominator: number,
  threshold: number,
  rule: { zh: string; en: string },
  name: { zh: string; en: string },
  ratio?: Rational,
): ExitMetric {
  const comparison = METRIC_COMPARISON[key];
  if (ratio === undefined) {
    mustBeCount(numerator, `${key} numerator`);
    mustBeCount(denominator, `${key} denominator`);
    if (numerator > denominator) {
      throw new RangeError(`${key}: numerator ${numerator} exceeds denominator ${denominator}`);
    }
  }
  toRational(threshold, `${key} threshold`);
  const T = `${formatQuantity(threshold)}%`;
  const N = formatQuantity(Math.round(numerator * 100) / 100);
  const D = formatQuantity(denominator);
  const r: Rational | null = ratio ?? (denominator === 0 ? null : { num: BigInt(numerator), den: BigInt(denominator) });
  if (r === null || r.den === 0n) {
    return {
      key,
      value: null,
      exact: null,
      threshold,
      comparison,
      pass: false,
      numerator,
      denominator,
      rule,
      reason: {
        zh: `${name.zh}无法计算（分母为 0），没有数据不能证明达标`,
        en: `${name.en} cannot be computed (denominator 0); without data it cannot be shown to pass`,
      },
    };
  }
  const pass = passes(key, r, threshold);
  const value = percentRounded(r);
  const V = `${formatQuantity(value)}%`;
  return {
    key,
    value,
    exact: percentOf(r),
    threshold,
    comparison,
    pass,
    numerator,
    denominator,
    rule,
    reason: {
      zh: `${name.zh} ${V}（${N} ÷ ${D}），${pass ? "符合" : "不符合"}“${OP_ZH[comparison]} ${T}”的标准`,
      en: `${name.en} ${V} (${N} / ${D}) ${pass ? "meets" : "does not meet"} the rule: ${OP_EN[comparison]} ${T}`,
    },
  };
}

/** Incidence threshold in percent: the west's value in the west, the east's elsewhere (central too). */
export function incidenceThreshold(zone: RegionZone, policy: IncidencePolicy): number {
  return zone === "west" ? policy.exitIncidenceWest : policy.exitIncidenceEast;
}

/** Village poverty incidence = registered-poor people / registered rural population; 2% or less (3% in the west). */
export function villageIncidence(
  input: { registeredPoorPeople: number; population: number },
  zone: RegionZone,
  policy: IncidencePolicy,
): ExitMetric {
  const threshold = incidenceThreshold(zone, policy);
  const T = `${formatQuantity(threshold)}%`;
  return metric(
    "village_incidence",
    input.registeredPoorPeople,
    input.population,
    threshold,
    {
      zh: `贫困村退出：贫困发生率（建档立卡贫困人口 ÷ 户籍农村人口）须降至 ${T} 以下（含 ${T}）`,
      en: `Village exit: poverty incidence (registered poor people / registered rural population) must be ${T} or less`,
    },
    { zh: "贫困发生率", en: "Poverty incidence" },
  );
}

export const SAMPLE_STATUSES = ["registered_poor", "lifted", "not_registered"] as const;
export const SAMPLE_FINDINGS = ["ok", "wrongly_lifted", "missed"] as const;
export const APPROVALS = ["approve", "disapprove", "unsure"] as const;
export type SampleFinding = (typeof SAMPLE_FINDINGS)[number];
export type Approval = (typeof APPROVALS)[number];

/** The county's register, in people. */
export interface CountyPopulation {
  rural: number;
  registeredPoor: number;
  lifted: number;
  notRegistered: number;
}

/** One sampled household as the evaluation found it. */
export interface SampleRow {
  registeredStatus: (typeof SAMPLE_STATUSES)[number];
  /** counted people of the household */
  people: number;
  finding: SampleFinding;
  /** the survey answer; absent when not surveyed */
  approval?: Approval | null;
}

/** What the county metrics are computed from: the register and the sample, in counts. */
export interface CountyExitCounts {
  population: CountyPopulation;
  /** people of the lifted households in the sample, and of those found wrongly lifted */
  sampleLiftedPeople: number;
  sampleWronglyLiftedPeople: number;
  /** people of the non-registered households in the sample, and of those found missed */
  sampleNotRegisteredPeople: number;
  sampleMissedPeople: number;
  /** households surveyed, and those that approve (unsure is not approval) */
  surveyedHouseholds: number;
  approvingHouseholds: number;
}

/** Sample rows -> counts. A finding that contradicts the row's status is a RangeError. */
export function sampleCounts(population: CountyPopulation, rows: readonly SampleRow[]): CountyExitCounts {
  const c: CountyExitCounts = {
    population,
    sampleLiftedPeople: 0,
    sampleWronglyLiftedPeople: 0,
    sampleNotRegisteredPeople: 0,
    sampleMissedPeople: 0,
    surveyedHouseholds: 0,
    approvingHouseholds: 0,
  };
  rows.forEach((r, i) => {
    mustBeCount(r.people, `sample.${i}.people`);
    if (r.finding === "wrongly_lifted" && r.registeredStatus !== "lifted") {
      throw new RangeError(`sample.${i}.finding: only a lifted household can be wrongly lifted`);
    }
    if (r.finding === "missed" && r.registeredStatus !== "not_registered") {
      throw new RangeError(`sample.${i}.finding: only a non-registered household can be missed`);
    }
    if (r.registeredStatus === "lifted") {
      c.sampleLiftedPeople += r.people;
      if (r.finding === "wrongly_lifted") c.sampleWronglyLiftedPeople += r.people;
    } else if (r.registeredStatus === "not_registered") {
      c.sampleNotRegisteredPeople += r.people;
      if (r.finding === "missed") c.sampleMissedPeople += r.people;
    }
    if (r.approval !== undefined && r.approval !== null) {
      c.surveyedHouseholds += 1;
      if (r.approval === "approve") c.approvingHouseholds += 1;
    }
  });
  return c;
}

export interface CountyExitResult {
  /** percent, unrounded; null when the denominator is 0 */
  wronglyLiftedRate: number | null;
  missedRate: number | null;
  comprehensiveIncidence: number | null;
  approvalRate: number | null;
  pass: { incidence: boolean; wronglyLifted: boolean; missed: boolean; approval: boolean; county: boolean };
  /** the same four, with rule, reason and the numbers behind them (for the pages) */
  metrics: { incidence: ExitMetric; wronglyLifted: ExitMetric; missed: ExitMetric; approval: ExitMetric };
  counts: CountyExitCounts;
}

type CountyPolicy = Pick<
  PolicyValues,
  "exitIncidenceEast" | "exitIncidenceWest" | "wronglyLiftedMaxRate" | "missedMaxRate" | "approvalMinRate"
>;

function ratio(num: number, den: number): Rational | null {
  return den === 0 ? null : { num: BigInt(num), den: BigInt(den) };
}

/**
 * Comprehensive incidence as an exact fraction: (R + m/M * N + w/W * L) / P.
 * A rate whose county population is 0 contributes 0 whether or not the sample
 * could measure it; a rate the sample cannot measure (null) for a population
 * that exists makes the whole figure null.
 */
export function comprehensiveRatio(c: CountyExitCounts): Rational | null {
  const P = BigInt(c.population.rural);
  if (P === 0n) return null;
  const missed = c.population.notRegistered === 0 ? { num: 0n, den: 1n } : ratio(c.sampleMissedPeople, c.sampleNotRegisteredPeople);
  const wrong = c.population.lifted === 0 ? { num: 0n, den: 1n } : ratio(c.sampleWronglyLiftedPeople, c.sampleLiftedPeople);
  if (missed === null || wrong === null) return null;
  const R = BigInt(c.population.registeredPoor);
  const N = BigInt(c.population.notRegistered);
  const L = BigInt(c.population.lifted);
  return {
    num: R * missed.den * wrong.den + missed.num * N * wrong.den + wrong.num * L * missed.den,
    den: missed.den * wrong.den * P,
  };
}

/** The comprehensive incidence (综合贫困发生率): 2% or less (3% in the west). */
export function comprehensiveIncidence(
  c: CountyExitCounts,
  zone: RegionZone,
  policy: Pick<PolicyValues, "exitIncidenceEast" | "exitIncidenceWest">,
): ExitMetric {
  const pop = c.population;
  for (const [k, v] of Object.entries(pop)) mustBeCount(v, `population.${k}`);
  if (pop.registeredPoor > pop.rural) throw new RangeError("population.registeredPoor exceeds population.rural");
  const threshold = incidenceThreshold(zone, policy);
  const T = `${formatQuantity(threshold)}%`;
  const cr = comprehensiveRatio(c);
  return metric(
    "county_incidence",
    cr === null ? 0 : Math.round((Number(cr.num) / Number(cr.den)) * pop.rural * 100) / 100,
    pop.rural,
    threshold,
    {
      zh: `贫困县退出：综合贫困发生率 =（剩余贫困人口 + 漏评率 × 非建档立卡农村人口 + 错退率 × 已脱贫人口）÷ 农村人口，须降至 ${T} 以下（含 ${T}）`,
      en: `County exit: comprehensive incidence = (remaining registered poor + missed rate × non-registered rural people + wrongly-lifted rate × lifted people) / rural people, ${T} or less`,
    },
    { zh: "综合贫困发生率", en: "Comprehensive incidence" },
    cr ?? { num: 0n, den: 0n },
  );
}

/** The four county exit metrics from counts; the county may exit only when all pass. */
export function countyExitFromCounts(c: CountyExitCounts, zone: RegionZone, policy: CountyPolicy): CountyExitResult {
  const incidence = comprehensiveIncidence(c, zone, policy);
  const WT = `${formatQuantity(policy.wronglyLiftedMaxRate)}%`;
  const MT = `${formatQuantity(policy.missedMaxRate)}%`;
  const AT = `${formatQuantity(policy.approvalMinRate)}%`;

  const wronglyLifted = metric(
    "wrongly_lifted_rate",
    c.sampleWronglyLiftedPeople,
    c.sampleLiftedPeople,
    policy.wronglyLiftedMaxRate,
    {
      zh: `错退率（抽样中错退人口 ÷ 抽样中已脱贫人口）须低于 ${WT}`,
      en: `Wrongly-lifted rate (wrongly lifted people / lifted people, in the sample) must be below ${WT}`,
    },
    { zh: "错退率", en: "Wrongly-lifted rate" },
  );
  const missed = metric(
    "missed_rate",
    c.sampleMissedPeople,
    c.sampleNotRegisteredPeople,
    policy.missedMaxRate,
    {
      zh: `漏评率（抽样中漏评人口 ÷ 抽样中非建档立卡人口）须低于 ${MT}`,
      en: `Missed rate (missed people / non-registered people, in the sample) must be below ${MT}`,
    },
    { zh: "漏评率", en: "Missed rate" },
  );
  const approval = metric(
    "approval_rate",
    c.approvingHouseholds,
    c.surveyedHouseholds,
    policy.approvalMinRate,
    {
      zh: `群众认可度（认可户数 ÷ 调查户数，“说不清”不算认可）须高于 ${AT}`,
      en: `Public approval (approving households / households surveyed; unsure is not approval) must be above ${AT}`,
    },
    { zh: "群众认可度", en: "Public approval" },
  );
  const pass = {
    incidence: incidence.pass,
    wronglyLifted: wronglyLifted.pass,
    missed: missed.pass,
    approval: approval.pass,
    county: incidence.pass && wronglyLifted.pass && missed.pass && approval.pass,
  };
  return {
    wronglyLiftedRate: wronglyLifted.exact,
    missedRate: missed.exact,
    comprehensiveIncidence: incidence.exact,
    approvalRate: approval.exact,
    pass,
    metrics: { incidence, wronglyLifted, missed, approval },
    counts: c,
  };
}

/** The county exit metrics from the register and the sample rows (the CLI's contract). */
export function countyExitMetrics(
  input: { zone: RegionZone; population: CountyPopulation; sample: readonly SampleRow[] },
  policy: CountyPolicy,
): CountyExitResult {
  return countyExitFromCounts(sampleCounts(input.population, input.sample), input.zone, policy);
}
