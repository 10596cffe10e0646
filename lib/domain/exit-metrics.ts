/**
 * Village and county exit metrics (贫困村退出 / 贫困县摘帽). Pure.
 *
 * Every metric is a ratio of whole counts (people or households) shown as a
 * percent. `value` is rounded half up to 2 decimals for display only; the
 * verdict compares the exact ratio with the threshold in integer arithmetic
 * (BigInt cross-multiplication), so 2 of 100 is exactly 2% and 200001 of
 * 10000000 is above 2% even though both display as 2.00.
 *
 * Comparisons:   village incidence  < threshold (exactly on it fails)
 *                county incidence   <= threshold
 *                wrongly lifted     <= threshold
 *                missed             <= threshold
 *                approval           >= threshold
 * Zero denominators give value null and:
 *   - incidences and approval FAIL: they must be shown from data, and an empty
 *     population or survey shows nothing;
 *   - the two error rates PASS: with no lifted (or no non-registered) household in
 *     the sample there is nothing that could have been wrongly lifted (missed),
 *     and the numerator, a subset of the denominator, is necessarily 0.
 * Counts must be non-negative integers and a numerator never exceeds its
 * denominator; otherwise a RangeError is thrown (an input error, not a verdict).
 */
import { formatQuantity } from "./format";
import type { PolicyValues, RegionZone } from "./policy";

export type ExitMetricKey =
  | "village_incidence"
  | "county_incidence"
  | "wrongly_lifted_rate"
  | "missed_rate"
  | "approval_rate";

export type Comparison = "lt" | "le" | "ge";

export interface ExitMetric {
  key: ExitMetricKey;
  /** percent rounded half up to 2 decimals; null when the denominator is 0 */
  value: number | null;
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

/** Sign of (numerator / denominator * 100) - threshold, exactly. */
function comparePercent(numerator: number, denominator: number, threshold: Rational): number {
  const left = BigInt(numerator) * 100n * threshold.den;
  const right = threshold.num * BigInt(denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}

const OP_ZH: Record<Comparison, string> = { lt: "低于", le: "不高于", ge: "不低于" };
const OP_EN: Record<Comparison, string> = { lt: "below", le: "at most", ge: "at least" };

function metric(
  key: ExitMetricKey,
  numerator: number,
  denominator: number,
  threshold: number,
  comparison: Comparison,
  passWhenEmpty: boolean,
  rule: { zh: string; en: string },
  name: { zh: string; en: string },
): ExitMetric {
  mustBeCount(numerator, `${key} numerator`);
  mustBeCount(denominator, `${key} denominator`);
  if (numerator > denominator) {
    throw new RangeError(`${key}: numerator ${numerator} exceeds denominator ${denominator}`);
  }
  const t = toRational(threshold, `${key} threshold`);
  const T = `${formatQuantity(threshold)}%`;
  const N = formatQuantity(numerator);
  const D = formatQuantity(denominator);
  if (denominator === 0) {
    return {
      key,
      value: null,
      threshold,
      comparison,
      pass: passWhenEmpty,
      numerator,
      denominator,
      rule,
      reason: passWhenEmpty
        ? {
            zh: `${name.zh}无法计算（分母为 0），样本中没有可能出错的对象，视为达标`,
            en: `${name.en} cannot be computed (denominator 0); nothing in the sample could be wrong, so it passes`,
          }
        : {
            zh: `${name.zh}无法计算（分母为 0），没有数据不能证明达标`,
            en: `${name.en} cannot be computed (denominator 0); without data it cannot be shown to pass`,
          },
    };
  }
  const c = comparePercent(numerator, denominator, t);
  const pass = comparison === "lt" ? c < 0 : comparison === "le" ? c <= 0 : c >= 0;
  const value = percent(numerator, denominator);
  const V = `${formatQuantity(value)}%`;
  return {
    key,
    value,
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

/** Village poverty incidence = registered-poor people / registered rural population; exits when strictly below. */
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
    "lt",
    false,
    {
      zh: `贫困村退出：贫困发生率（建档立卡贫困人口 ÷ 户籍农村人口）须低于 ${T}，恰好等于不算`,
      en: `Village exit: poverty incidence (registered poor people / registered rural population) must be below ${T}; exactly ${T} fails`,
    },
    { zh: "贫困发生率", en: "Poverty incidence" },
  );
}

/** County comprehensive incidence = (remaining registered poor + missed + wrongly lifted people) / rural population. */
export function countyIncidence(
  input: { remainingRegisteredPoor: number; missed: number; wronglyLifted: number; ruralPopulation: number },
  zone: RegionZone,
  policy: IncidencePolicy,
): ExitMetric {
  mustBeCount(input.remainingRegisteredPoor, "remainingRegisteredPoor");
  mustBeCount(input.missed, "missed");
  mustBeCount(input.wronglyLifted, "wronglyLifted");
  const threshold = incidenceThreshold(zone, policy);
  const T = `${formatQuantity(threshold)}%`;
  return metric(
    "county_incidence",
    input.remainingRegisteredPoor + input.missed + input.wronglyLifted,
    input.ruralPopulation,
    threshold,
    "le",
    false,
    {
      zh: `贫困县退出：综合贫困发生率（剩余贫困人口 + 漏评人口 + 错退人口）÷ 农村人口，须不高于 ${T}`,
      en: `County exit: comprehensive incidence (remaining registered poor + missed + wrongly lifted people) / rural population must be at most ${T}`,
    },
    { zh: "综合贫困发生率", en: "Comprehensive incidence" },
  );
}

/** 错退率 = wrongly lifted / lifted, in the evaluation sample. */
export function wronglyLiftedRate(
  input: { wronglyLifted: number; liftedInSample: number },
  policy: Pick<PolicyValues, "wronglyLiftedMaxRate">,
): ExitMetric {
  const T = `${formatQuantity(policy.wronglyLiftedMaxRate)}%`;
  return metric(
    "wrongly_lifted_rate",
    input.wronglyLifted,
    input.liftedInSample,
    policy.wronglyLiftedMaxRate,
    "le",
    true,
    {
      zh: `错退率（抽样中错退户 ÷ 抽样中已脱贫户）须不高于 ${T}`,
      en: `Wrongly-lifted rate (wrongly lifted / lifted, in the sample) must be at most ${T}`,
    },
    { zh: "错退率", en: "Wrongly-lifted rate" },
  );
}

/** 漏评率 = missed / sampled non-registered households. */
export function missedRate(
  input: { missed: number; sampledNonRegistered: number },
  policy: Pick<PolicyValues, "missedMaxRate">,
): ExitMetric {
  const T = `${formatQuantity(policy.missedMaxRate)}%`;
  return metric(
    "missed_rate",
    input.missed,
    input.sampledNonRegistered,
    policy.missedMaxRate,
    "le",
    true,
    {
      zh: `漏评率（抽样中漏评户 ÷ 抽样中非建档立卡户）须不高于 ${T}`,
      en: `Missed rate (missed / sampled non-registered) must be at most ${T}`,
    },
    { zh: "漏评率", en: "Missed rate" },
  );
}

/** 群众认可度 = approving respondents / respondents surveyed. */
export function approvalRate(
  input: { approving: number; surveyed: number },
  policy: Pick<PolicyValues, "approvalMinRate">,
): ExitMetric {
  const T = `${formatQuantity(policy.approvalMinRate)}%`;
  return metric(
    "approval_rate",
    input.approving,
    input.surveyed,
    policy.approvalMinRate,
    "ge",
    false,
    {
      zh: `群众认可度（抽样调查中认可人数 ÷ 调查人数）须不低于 ${T}`,
      en: `Public approval (approving / surveyed, in the sample survey) must be at least ${T}`,
    },
    { zh: "群众认可度", en: "Public approval" },
  );
}

export interface CountyExitInput {
  remainingRegisteredPoor: number;
  /** missed people (漏评), for the comprehensive incidence */
  missedPeople: number;
  /** wrongly lifted people (错退), for the comprehensive incidence */
  wronglyLiftedPeople: number;
  ruralPopulation: number;
  /** sample counts, for the two error rates */
  sampleWronglyLifted: number;
  sampleLifted: number;
  sampleMissed: number;
  sampleNonRegistered: number;
  surveyApproving: number;
  surveyed: number;
}

export interface CountyExitVerdict {
  /** every metric passes */
  pass: boolean;
  metrics: [ExitMetric, ExitMetric, ExitMetric, ExitMetric];
}

/** The four county exit metrics; the county may exit only when all pass. */
export function countyExit(
  input: CountyExitInput,
  zone: RegionZone,
  policy: Pick<
    PolicyValues,
    "exitIncidenceEast" | "exitIncidenceWest" | "wronglyLiftedMaxRate" | "missedMaxRate" | "approvalMinRate"
  >,
): CountyExitVerdict {
  const metrics: CountyExitVerdict["metrics"] = [
    countyIncidence(
      {
        remainingRegisteredPoor: input.remainingRegisteredPoor,
        missed: input.missedPeople,
        wronglyLifted: input.wronglyLiftedPeople,
        ruralPopulation: input.ruralPopulation,
      },
      zone,
      policy,
    ),
    wronglyLiftedRate({ wronglyLifted: input.sampleWronglyLifted, liftedInSample: input.sampleLifted }, policy),
    missedRate({ missed: input.sampleMissed, sampledNonRegistered: input.sampleNonRegistered }, policy),
    approvalRate({ approving: input.surveyApproving, surveyed: input.surveyed }, policy),
  ];
  return { pass: metrics.every((m) => m.pass), metrics };
}
