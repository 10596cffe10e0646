/**
 * The spot check's comparison: an evaluator's re-check of one sampled household against its
 * record, and the discrepancies it shows. Pure and deterministic (no database, no clock, no
 * Next): the data layer loads the record and the policy, calls recheckHousehold(), stores what
 * comes out. Unit-tested at every boundary (tests/unit/evaluation-compare.test.ts).
 *
 * The rules (named constants, so a reader sees them in one place):
 *  - income overstated / understated: the recorded household net income differs from the
 *    re-surveyed one by MORE than the tolerance = max(INCOME_TOLERANCE_PERCENT % of the recorded
 *    net income (its absolute value), INCOME_TOLERANCE_MIN_YUAN). Exactly on the tolerance is
 *    not a discrepancy. Integer cents throughout.
 *  - indicator wrong: an indicator the record has as met is found not met. Income's re-check
 *    verdict is computed from the re-surveyed income (per capita strictly above the line), the
 *    six others are what the evaluator ticked.
 *  - wrongly lifted (错退): registered lifted, and the re-assessment is below_standard.
 *  - missed (漏评): not registered, not under monitoring, and the re-assessment is below_standard.
 *  - paper exit (数字脱贫, suspected): registered lifted, the RECORDED per-capita income is above
 *    the line by at most PAPER_EXIT_MARGIN_PERCENT % of the line (line < pc ≤ line × 1.10), and
 *    no income evidence (bank statements, …) was seen.
 * The re-assessment is the status engine's own rule (lib/domain/status.ts statusFrom) over the
 * re-checked verdicts: income from the re-surveyed items (same counted members, same policy),
 * the six others as ticked, the rigid-expenditure shock as recorded.
 */
import { assess, statusFrom, type Assessment } from "@/lib/domain/assess";
import { householdInputFromRecord, type HouseholdRecord, type MemberRecord } from "@/lib/domain/input-from-record";
import { INDICATOR_KEYS, type IndicatorKey } from "@/lib/domain/indicator";
import type { IncomeInput, RegisteredStatus } from "@/lib/domain/household";
import { householdNetIncomeCents } from "@/lib/domain/household";
import type { ResolvedPolicy } from "@/lib/domain/policy";
import type { AssessedStatus } from "@/lib/domain/status";
import { formatCents } from "@/lib/domain/format";
import { fromCents, toCents } from "@/lib/domain/money";
import type { ApprovalAnswerValue, CheckedIndicator, EvidenceSeen } from "@/lib/validation/evaluation";

/** Income differences up to this share of the recorded household net income are tolerated (percent). */
export const INCOME_TOLERANCE_PERCENT = 10;
/** … and never less than this many yuan. */
export const INCOME_TOLERANCE_MIN_YUAN = 500;
/** A lifted household whose recorded per-capita income sits at most this far above the line (percent of the line), with no income evidence, is a suspected paper exit. */
export const PAPER_EXIT_MARGIN_PERCENT = 10;

export const DISCREPANCY_KINDS = [
  "income_overstated",
  "income_understated",
  "indicator_wrong",
  "wrongly_lifted",
  "missed",
  "paper_exit",
] as const;
export type DiscrepancyKindValue = (typeof DISCREPANCY_KINDS)[number];

export interface RecheckAnswers {
  income: IncomeInput;
  indicators: { income: { evidence: EvidenceSeen[] } } & Record<CheckedIndicator, { met: boolean; evidence: EvidenceSeen[] }>;
  approval: ApprovalAnswerValue;
}

/** What the record says (as the status engine reads it now). */
export interface RecordedSide {
  registeredStatus: RegisteredStatus;
  monitored: boolean;
  householdNetIncome: number;
  perCapitaIncome: number;
  indicatorsMet: Record<IndicatorKey, boolean>;
  status: AssessedStatus;
}

/** What the evaluator found. */
export interface RecheckSide {
  householdNetIncome: number;
  perCapitaIncome: number;
  countedMembers: number;
  indicatorsMet: Record<IndicatorKey, boolean>;
  /** the re-assessment */
  status: AssessedStatus;
  evidence: Record<IndicatorKey, EvidenceSeen[]>;
}

export interface FoundDiscrepancy {
  kind: DiscrepancyKindValue;
  /** set for indicator_wrong */
  indicator: IndicatorKey | null;
  /** the numbers behind it, and a sentence in both languages */
  detail: Record<string, unknown> & { zh: string; en: string };
  /** evidence codes seen for the indicator(s) concerned, comma-separated; null when none */
  evidence: string | null;
}

export interface ComparisonContext {
  povertyLine: number;
}

/** The tolerance in cents for a recorded household net income in cents. */
export function incomeToleranceCents(recordedNetCents: number): number {
  const share = Math.round((Math.abs(recordedNetCents) * INCOME_TOLERANCE_PERCENT) / 100);
  return Math.max(share, INCOME_TOLERANCE_MIN_YUAN * 100);
}

/** recorded − re-surveyed, compared with the tolerance exactly (integer cents). */
export function incomeDirection(recordedNet: number, resurveyedNet: number): "overstated" | "understated" | null {
  const rec = toCents(recordedNet);
  const diff = rec - toCents(resurveyedNet);
  const abs = Math.abs(diff);
  // beyond the tolerance: above the minimum AND above the percentage, both strictly
  const beyond = abs > INCOME_TOLERANCE_MIN_YUAN * 100 && abs * 100 > Math.abs(rec) * INCOME_TOLERANCE_PERCENT;
  if (!beyond) return null;
  return diff > 0 ? "overstated" : "understated";
}

/** line < pc ≤ line × (1 + margin), exactly in cents. */
export function justAboveLine(perCapitaIncome: number, povertyLine: number): boolean {
  const pc = toCents(perCapitaIncome);
  const line = toCents(povertyLine);
  return pc > line && pc * 100 <= line * (100 + PAPER_EXIT_MARGIN_PERCENT);
}

const yuan = (n: number) => formatCents(toCents(n));
const list = (e: readonly string[]) => (e.length ? [...e].sort().join(",") : null);

/** The discrepancies between a record and its re-check, in a fixed order. */
export function compareRecheck(recorded: RecordedSide, recheck: RecheckSide, ctx: ComparisonContext): FoundDiscrepancy[] {
  const out: FoundDiscrepancy[] = [];
  const incomeEvidence = recheck.evidence.income;

  const direction = incomeDirection(recorded.householdNetIncome, recheck.householdNetIncome);
  if (direction) {
    const recC = toCents(recorded.householdNetIncome);
    const resC = toCents(recheck.householdNetIncome);
    const tol = incomeToleranceCents(recC);
    const R = yuan(recorded.householdNetIncome);
    const S = yuan(recheck.householdNetIncome);
    const D = formatCents(Math.abs(recC - resC));
    const T = formatCents(tol);
    out.push({
      kind: direction === "overstated" ? "income_overstated" : "income_understated",
      indicator: null,
      detail: {
        recordedNetIncome: recorded.householdNetIncome,
        resurveyedNetIncome: recheck.householdNetIncome,
        difference: fromCents(recC - resC),
        tolerance: fromCents(tol),
        tolerancePercent: INCOME_TOLERANCE_PERCENT,
        toleranceMinYuan: INCOME_TOLERANCE_MIN_YUAN,
        zh:
          direction === "overstated"
            ? `登记家庭纯收入 ${R} 元，复核为 ${S} 元，多记 ${D} 元，超过允许误差 ${T} 元（${INCOME_TOLERANCE_PERCENT}%，且不少于 ${INCOME_TOLERANCE_MIN_YUAN} 元）`
            : `登记家庭纯收入 ${R} 元，复核为 ${S} 元，少记 ${D} 元，超过允许误差 ${T} 元（${INCOME_TOLERANCE_PERCENT}%，且不少于 ${INCOME_TOLERANCE_MIN_YUAN} 元）`,
        en:
          direction === "overstated"
            ? `Recorded household net income ${R} yuan, re-surveyed ${S}: overstated by ${D}, beyond the ${T} tolerance (${INCOME_TOLERANCE_PERCENT}%, at least ${INCOME_TOLERANCE_MIN_YUAN} yuan)`
            : `Recorded household net income ${R} yuan, re-surveyed ${S}: understated by ${D}, beyond the ${T} tolerance (${INCOME_TOLERANCE_PERCENT}%, at least ${INCOME_TOLERANCE_MIN_YUAN} yuan)`,
      },
      evidence: list(incomeEvidence),
    });
  }

  for (const key of INDICATOR_KEYS) {
    if (recorded.indicatorsMet[key] && !recheck.indicatorsMet[key]) {
      out.push({
        kind: "indicator_wrong",
        indicator: key,
        detail: {
          indicator: key,
          recorded: true,
          recheck: false,
          ...(key === "income" ? { resurveyedPerCapita: recheck.perCapitaIncome, povertyLine: ctx.povertyLine } : {}),
          zh:
            key === "income"
              ? `收入指标登记为达标，复核人均纯收入 ${yuan(recheck.perCapitaIncome)} 元，未高于 ${yuan(ctx.povertyLine)} 元标准线`
              : `“${INDICATOR_ZH[key]}”登记为达标，复核未达标`,
          en:
            key === "income"
              ? `Income recorded as met; the re-surveyed per-capita income ${yuan(recheck.perCapitaIncome)} is not above the ${yuan(ctx.povertyLine)} line`
              : `"${key}" recorded as met, found not met`,
        },
        evidence: list(recheck.evidence[key]),
      });
    }
  }

  const unmet = INDICATOR_KEYS.filter((k) => !recheck.indicatorsMet[k]);
  const allEvidence = list([...new Set(INDICATOR_KEYS.flatMap((k) => recheck.evidence[k]))]);
  const why = {
    zh: `复核评估为未达标（${unmet.map((k) => INDICATOR_ZH[k]).join("、")}未达标；复核人均纯收入 ${yuan(recheck.perCapitaIncome)} 元，标准线 ${yuan(ctx.povertyLine)} 元）`,
    en: `re-assessed below standard (not met: ${unmet.join(", ")}; re-surveyed per-capita income ${yuan(recheck.perCapitaIncome)}, line ${yuan(ctx.povertyLine)})`,
  };
  if (recorded.registeredStatus === "lifted" && recheck.status === "below_standard") {
    out.push({
      kind: "wrongly_lifted",
      indicator: null,
      detail: {
        registeredStatus: "lifted",
        recheckStatus: recheck.status,
        unmet,
        resurveyedPerCapita: recheck.perCapitaIncome,
        povertyLine: ctx.povertyLine,
        zh: `已脱贫户，${why.zh}：错退`,
        en: `Lifted, but ${why.en}: wrongly lifted`,
      },
      evidence: allEvidence,
    });
  }
  if (recorded.registeredStatus === "not_registered" && !recorded.monitored && recheck.status === "below_standard") {
    out.push({
      kind: "missed",
      indicator: null,
      detail: {
        registeredStatus: "not_registered",
        monitored: false,
        recheckStatus: recheck.status,
        unmet,
        resurveyedPerCapita: recheck.perCapitaIncome,
        povertyLine: ctx.povertyLine,
        zh: `未建档、未纳入监测，${why.zh}：漏评`,
        en: `Not registered and not monitored, but ${why.en}: missed`,
      },
      evidence: allEvidence,
    });
  }
  if (recorded.registeredStatus === "lifted" && incomeEvidence.length === 0 && justAboveLine(recorded.perCapitaIncome, ctx.povertyLine)) {
    const ceiling = fromCents(Math.floor((toCents(ctx.povertyLine) * (100 + PAPER_EXIT_MARGIN_PERCENT)) / 100));
    out.push({
      kind: "paper_exit",
      indicator: null,
      detail: {
        recordedPerCapita: recorded.perCapitaIncome,
        povertyLine: ctx.povertyLine,
        ceiling,
        marginPercent: PAPER_EXIT_MARGIN_PERCENT,
        incomeEvidence: [],
        zh: `登记人均纯收入 ${yuan(recorded.perCapitaIncome)} 元，仅高出 ${yuan(ctx.povertyLine)} 元标准线不到 ${PAPER_EXIT_MARGIN_PERCENT}%（上限 ${yuan(ceiling)} 元），且未见任何收入证据：疑似数字脱贫`,
        en: `Recorded per-capita income ${yuan(recorded.perCapitaIncome)} is within ${PAPER_EXIT_MARGIN_PERCENT}% above the ${yuan(ctx.povertyLine)} line (up to ${yuan(ceiling)}) and no income evidence was seen: suspected paper exit`,
      },
      evidence: null,
    });
  }
  return out;
}

const INDICATOR_ZH: Record<IndicatorKey, string> = {
  income: "收入",
  food: "不愁吃",
  clothing: "不愁穿",
  medical: "基本医疗",
  housing: "住房安全",
  water: "饮水安全",
  education: "义务教育",
};

export interface RecheckResult {
  recorded: RecordedSide;
  recheck: RecheckSide;
  povertyLine: number;
  monitoringThreshold: number | null;
  policyVersion: string;
  discrepancies: FoundDiscrepancy[];
}

/**
 * Assess the record as it stands and the re-check, then compare. `registeredStatus` is the
 * status the household had when the list was frozen for the draw (the one the sample was drawn
 * under). Throws RangeError when nobody in the household is counted.
 */
export function recheckHousehold(
  record: HouseholdRecord,
  members: readonly MemberRecord[],
  registeredStatus: RegisteredStatus,
  answers: RecheckAnswers,
  policy: ResolvedPolicy,
  asOf: string,
): RecheckResult {
  const input = householdInputFromRecord(record, members, policy.year, asOf, registeredStatus);
  const recordedAssessment: Assessment = assess(input, policy);
  const resurveyed: Assessment = assess({ ...input, income: { ...answers.income } }, policy);

  const recordedMet = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, recordedAssessment.indicators[k].met])) as Record<
    IndicatorKey,
    boolean
  >;
  const recheckMet = Object.fromEntries(
    INDICATOR_KEYS.map((k) => [k, k === "income" ? resurveyed.indicators.income.met : answers.indicators[k].met]),
  ) as Record<IndicatorKey, boolean>;
  const status = statusFrom({
    allIndicatorsMet: INDICATOR_KEYS.every((k) => recheckMet[k]),
    perCapitaIncome: resurveyed.perCapitaIncome,
    monitoringThreshold: resurveyed.monitoringThreshold,
    suddenHardship: resurveyed.shock,
    year: policy.year,
  });

  const recorded: RecordedSide = {
    registeredStatus,
    monitored: input.monitored,
    householdNetIncome: recordedAssessment.householdNetIncome,
    perCapitaIncome: recordedAssessment.perCapitaIncome,
    indicatorsMet: recordedMet,
    status: recordedAssessment.status,
  };
  const recheck: RecheckSide = {
    householdNetIncome: fromCents(householdNetIncomeCents(answers.income)),
    perCapitaIncome: resurveyed.perCapitaIncome,
    countedMembers: resurveyed.countedMembers,
    indicatorsMet: recheckMet,
    status,
    evidence: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, [...answers.indicators[k].evidence]])) as Record<
      IndicatorKey,
      EvidenceSeen[]
    >,
  };
  const ctx = { povertyLine: policy.values.povertyLine };
  return {
    recorded,
    recheck,
    povertyLine: policy.values.povertyLine,
    monitoringThreshold: resurveyed.monitoringThreshold,
    policyVersion: policy.version,
    discrepancies: compareRecheck(recorded, recheck, ctx),
  };
}

/** The key under which a stored discrepancy is matched when a questionnaire is saved again. */
export function discrepancyKey(d: { kind: string; indicator?: string | null; detail?: unknown }): string {
  const indicator = d.indicator ?? (d.detail as { indicator?: string } | null)?.indicator ?? "";
  return d.kind === "indicator_wrong" ? `${d.kind}:${indicator}` : d.kind;
}
