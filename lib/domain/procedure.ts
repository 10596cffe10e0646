/**
 * "Two public notices and one announcement" (两公示一公告) for one proposal,
 * as a pure state machine. The registered status changes only at the
 * announcement (see registeredStatusAfter); nothing here touches storage.
 *
 * Steps, in order (a step is named by the stage it leads to):
 *   proposed → comparison_explained → on_agenda → voted (passed | failed)
 *     → first_notice → township_review → second_notice (identify only)
 *     → county_approval → announced
 *   first_notice | township_review | second_notice → reverify (an objection, or the
 *     reviewer's return) → comparison_explained
 *     → on_agenda → voted (a new vote) → first_notice (a new notice) ...
 * A failed vote and the announcement end the procedure.
 *
 * What each step needs from the caller (StepContext):
 *   every step             today (not before the date of the previous step)
 *   comparison_explained   comparisonFlags: every flag explained (an empty list is fine)
 *   on_agenda              every kind: a signed home verification (homeVerified); identify and
 *                          monitor: no comparison flag the province made a red line;
 *                          eliminate_risk: the risk-elimination evidence (below)
 *   voted                  meeting: closed, quorum met; passed = more than half of attendance
 *   first/second_notice    noticeStart between the previous step's date and today;
 *                          exit (first notice): the household's own exit agreement, not refused
 *   township_review        first notice ended; openObjections = 0
 *   county_approval        (identify) second notice ended; openObjections = 0;
 *                          the kind's requirements again (home verification, exit agreement,
 *                          risk elimination)
 *   reverify               openObjections >= 1 (objections the village's check let stand), or
 *                          reviewReturn: the reviewer sends the item back at its review
 *                          (township at the first notice, county after the township review
 *                          or the second notice), with its reason
 * Risk elimination: in monitoring for at least M months (settings), at least K assistance
 * measures delivered, per-capita income strictly above the monitoring threshold in every
 * assessment since the latest one dated on or before (today − N months), N = policy
 * riskEliminationMonths, so the record covers at least N months; rigid expenditure resolved
 * (no shock); all guarantees met; and never for a household whose members all lack labour
 * capacity, with or without subsistence allowance (暂不标注风险消除).
 */
import type { MonitoringCategory } from "./candidate";
import { formatCents } from "./format";
import type { RegisteredStatus } from "./household";
import { itemPasses, quorumFrom, quorumMet, quorumMinimum } from "./meeting";
import { toCents } from "./money";
import { noticeDaysFor, noticeEnd, noticeEnded } from "./notice";
import type { PolicyValues } from "./policy";
import { addDays, addMonths, toDayNumber } from "./working-days";
import { isIsoDate } from "./dates";

export type ProposalKind = "identify" | "exit" | "monitor" | "eliminate_risk";

export const PROCEDURE_STEPS = [
  "proposed",
  "comparison_explained",
  "on_agenda",
  "voted",
  "first_notice",
  "township_review",
  "second_notice",
  "county_approval",
  "announced",
  "reverify",
] as const;
export type ProcedureStep = (typeof PROCEDURE_STEPS)[number];

export const STEP_LABELS: Record<ProcedureStep, { zh: string; en: string }> = {
  proposed: { zh: "提出", en: "proposed" },
  comparison_explained: { zh: "比对疑点说明", en: "comparison flags explained" },
  on_agenda: { zh: "列入评议议程", en: "on the meeting agenda" },
  voted: { zh: "民主评议表决", en: "voted" },
  first_notice: { zh: "第一次公示", en: "first public notice" },
  township_review: { zh: "乡镇审核", en: "township review" },
  second_notice: { zh: "第二次公示", en: "second public notice" },
  county_approval: { zh: "县级审批", en: "county approval" },
  announced: { zh: "公告", en: "announced" },
  reverify: { zh: "重新核实", en: "re-verification" },
};

export const COMPARISON_FLAG_CODES = [
  "public_employee",
  "village_committee",
  "vehicle",
  "commercial_housing",
  "business",
  "recent_split",
  "duplicate_id",
] as const;
export type ComparisonFlagCode = (typeof COMPARISON_FLAG_CODES)[number];

export const COMPARISON_FLAG_LABELS: Record<ComparisonFlagCode, { zh: string; en: string }> = {
  public_employee: { zh: "家庭成员为公职人员", en: "a member is a public employee" },
  village_committee: { zh: "家庭成员为村两委成员或其近亲属", en: "a member is a village committee member or close relative" },
  vehicle: { zh: "拥有价值 3 万元以上的车辆", en: "owns a vehicle worth 30,000 yuan or more" },
  commercial_housing: { zh: "拥有商品房", en: "owns commercial housing" },
  business: { zh: "登记有工商企业", en: "has a registered business" },
  recent_split: { zh: "近期分户", en: "recently split from another household" },
  duplicate_id: { zh: "身份证号出现在其他家庭", en: "a national ID appears in another household" },
};

export interface StepRecord {
  step: ProcedureStep;
  /** YYYY-MM-DD */
  on: string;
  actorId: string;
  reason: string;
  /** voted: the result */
  passed?: boolean;
  /** voted: the counts behind it */
  votes?: { roster: number; attending: number; yes: number };
  /** first_notice / second_notice */
  notice?: { start: string; days: number; end: string };
}

export interface NoticePeriod {
  which: "first" | "second";
  start: string;
  days: number;
}

export interface ProcedureState {
  kind: ProposalKind;
  /** set for "monitor" only */
  category: MonitoringCategory | null;
  stage: ProcedureStep;
  /** date the current stage was entered */
  since: string;
  /** result of the vote of the current round; null before it */
  votePassed: boolean | null;
  /** the notice of the current round (running or ended); null before it */
  notice: NoticePeriod | null;
  /** votes held so far (each re-verification needs one more) */
  rounds: number;
  history: StepRecord[];
}

export interface IncomeAssessment {
  /** YYYY-MM-DD */
  date: string;
  perCapitaIncome: number;
  monitoringThreshold: number;
}

export interface RiskEliminationInput {
  assessments: readonly IncomeAssessment[];
  rigidExpenditureResolved: boolean;
  allGuaranteesMet: boolean;
  noLabourCapacity: boolean;
  livesOnSubsistenceAllowance: boolean;
  /** the day the current monitoring period began (YYYY-MM-DD); null: not in monitoring */
  monitoringSince: string | null;
  /** assistance measures delivered (started on or before today) since monitoring began */
  measuresDelivered: number;
}

/**
 * The procedure's own settings. Policy rows may set each (a province's row over the national
 * one, the latest year on or before the target); where none does, the default stands.
 */
export interface ProcedureSettings {
  /** risk elimination: at least this many months in monitoring */
  riskEliminationMonitoringMonths: number;
  /** risk elimination: at least this many assistance measures delivered */
  riskEliminationMinMeasures: number;
  /** a monitoring proposal is decided within this many calendar days of being raised */
  decisionDays: number;
}

export const PROCEDURE_SETTING_DEFAULTS: ProcedureSettings = {
  riskEliminationMonitoringMonths: 6,
  riskEliminationMinMeasures: 1,
  decisionDays: 15,
};

const SETTING_KEYS = Object.keys(PROCEDURE_SETTING_DEFAULTS) as (keyof ProcedureSettings)[];

function validSetting(key: keyof ProcedureSettings, v: unknown): boolean {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= (key === "riskEliminationMinMeasures" ? 0 : 1);
}

/**
 * The procedure settings for a year and province from policy rows (their `values` may hold
 * these keys next to the PolicyValues ones): per key, the province's latest row on or before
 * the year, else the nation's, else the default. A malformed value is ignored.
 */
export function resolveProcedureSettings(
  rows: readonly { year: number; provinceCode: string | null; values: unknown }[],
  year: number,
  provinceCode: string | null,
): ProcedureSettings {
  const out: Record<string, unknown> = { ...PROCEDURE_SETTING_DEFAULTS };
  for (const key of SETTING_KEYS) {
    let best: { year: number; province: boolean; value: unknown } | undefined;
    for (const r of rows) {
      if (r.year > year || (r.provinceCode !== null && r.provinceCode !== provinceCode)) continue;
      const v = (r.values as Record<string, unknown> | null)?.[key];
      if (v === undefined || !validSetting(key, v)) continue;
      const province = r.provinceCode !== null;
      if (!best || province > best.province || (province === best.province && r.year > best.year))
        best = { year: r.year, province, value: v };
    }
    if (best) out[key] = best.value;
  }
  return out as unknown as ProcedureSettings;
}

export type ProcedurePolicy = Pick<
  PolicyValues,
  "noticeDays" | "monitoringNoticeDays" | "riskEliminationMonths" | "quorumNumerator" | "quorumDenominator"
> &
  Partial<ProcedureSettings>;

function settingsOf(policy: ProcedurePolicy): ProcedureSettings {
  return {
    riskEliminationMonitoringMonths: policy.riskEliminationMonitoringMonths ?? PROCEDURE_SETTING_DEFAULTS.riskEliminationMonitoringMonths,
    riskEliminationMinMeasures: policy.riskEliminationMinMeasures ?? PROCEDURE_SETTING_DEFAULTS.riskEliminationMinMeasures,
    decisionDays: policy.decisionDays ?? PROCEDURE_SETTING_DEFAULTS.decisionDays,
  };
}

// ---------------------------------------------------------------- time limits

/** Kinds with the decision time limit (a monitoring lead: DOMAIN "time limits"). */
export const TIME_LIMITED_KINDS: readonly ProposalKind[] = ["monitor"];

export interface DecisionDeadline {
  /** the last day to decide on (raised + decisionDays calendar days) */
  due: string;
  /** days past `due` (0 when not overdue) */
  daysLate: number;
  overdue: boolean;
}

/**
 * When a proposal raised on `raisedOn` must be decided (announced, or failed): within
 * `decisionDays` calendar days, so it is overdue from due + 1. Null for kinds without the limit.
 */
export function decisionDeadline(kind: ProposalKind, raisedOn: string, today: string, policy: ProcedurePolicy): DecisionDeadline | null {
  if (!TIME_LIMITED_KINDS.includes(kind)) return null;
  if (!isIsoDate(raisedOn) || !isIsoDate(today)) throw new RangeError(`not a YYYY-MM-DD date: ${raisedOn} / ${today}`);
  const due = addDays(raisedOn, settingsOf(policy).decisionDays);
  const late = toDayNumber(today) - toDayNumber(due);
  return { due, daysLate: Math.max(0, late), overdue: late > 0 };
}

export interface StepContext {
  /** the date the step is taken, YYYY-MM-DD */
  today: string;
  policy: ProcedurePolicy;
  /** redLine: the province made this flag a red line (policy redLine* keys, set by the comparison) */
  comparisonFlags?: readonly { code: ComparisonFlagCode; explained: boolean; redLine?: boolean }[];
  /** a signed home verification (入户核实) of the current round is on record */
  homeVerified?: boolean;
  meeting?: { closed: boolean; roster: number; attending: number; yes: number };
  /** the day the notice was posted */
  noticeStart?: string;
  /** objections lodged against the current notice and not yet sent to re-verification */
  openObjections?: number;
  /** exit: the household's own exit agreement (拟退出贫困户认可): signed, or refused */
  exit?: { householdAgreementSigned: boolean; householdRefused?: boolean };
  riskElimination?: RiskEliminationInput;
  /** reverify: the township reviewer (at the first notice) or the county (awaiting its approval) sends the item back */
  reviewReturn?: boolean;
}

export type RefusalCode =
  | "finished"
  | "out_of_order"
  | "invalid_date"
  | "before_previous_step"
  | "comparison_missing"
  | "comparison_unexplained"
  | "meeting_missing"
  | "meeting_open"
  | "meeting_counts_invalid"
  | "no_quorum"
  | "notice_start_missing"
  | "notice_start_invalid"
  | "notice_not_ended"
  | "objections_unknown"
  | "objection_open"
  | "no_objection"
  | "exit_evidence_missing"
  | "household_agreement_missing"
  | "household_refused"
  | "home_check_missing"
  | "red_line"
  | "monitoring_too_short"
  | "no_measure_delivered"
  | "no_labour_capacity"
  | "risk_evidence_missing"
  | "income_history_short"
  | "income_not_above_threshold"
  | "assessment_in_future"
  | "rigid_expenditure_unresolved"
  | "guarantees_unmet"
  | "no_labour_on_subsistence";

export type CanTake = { ok: true } | { ok: false; missing: string[]; missingEn: string[]; codes: RefusalCode[] };

class Reasons {
  readonly zh: string[] = [];
  readonly en: string[] = [];
  readonly codes: RefusalCode[] = [];
  add(code: RefusalCode, zh: string, en: string): void {
    this.codes.push(code);
    this.zh.push(zh);
    this.en.push(en);
  }
  get empty(): boolean {
    return this.codes.length === 0;
  }
  result(): CanTake {
    return this.empty ? { ok: true } : { ok: false, missing: this.zh, missingEn: this.en, codes: this.codes };
  }
}

// ---------------------------------------------------------------- start and order

export function startProcedure(input: {
  kind: ProposalKind;
  category?: MonitoringCategory | null;
  on: string;
  actorId: string;
  reason: string;
}): ProcedureState {
  const category = input.category ?? null;
  if (input.kind === "monitor" && category === null) throw new RangeError("a monitor proposal needs a category");
  if (input.kind !== "monitor" && category !== null) {
    throw new RangeError(`a ${input.kind} proposal takes no monitoring category`);
  }
  if (!isIsoDate(input.on)) throw new RangeError(`not a YYYY-MM-DD date: ${input.on}`);
  return {
    kind: input.kind,
    category,
    stage: "proposed",
    since: input.on,
    votePassed: null,
    notice: null,
    rounds: 0,
    history: [{ step: "proposed", on: input.on, actorId: input.actorId, reason: input.reason }],
  };
}

/** The steps that may follow the current stage, in the procedure's order ([] when finished). */
export function nextSteps(state: Pick<ProcedureState, "kind" | "stage" | "votePassed">): ProcedureStep[] {
  switch (state.stage) {
    case "proposed":
      return ["comparison_explained"];
    case "comparison_explained":
      return ["on_agenda"];
    case "on_agenda":
      return ["voted"];
    case "voted":
      return state.votePassed ? ["first_notice"] : [];
    case "first_notice":
      return ["township_review", "reverify"];
    case "township_review":
      return state.kind === "identify" ? ["second_notice"] : ["county_approval", "reverify"];
    case "second_notice":
      return ["county_approval", "reverify"];
    case "county_approval":
      return ["announced"];
    case "announced":
      return [];
    case "reverify":
      return ["comparison_explained"];
  }
}

function label(step: ProcedureStep): { zh: string; en: string } {
  return STEP_LABELS[step];
}

// ---------------------------------------------------------------- risk elimination

export type IncomeStability = { ok: true; since: string } | { ok: false; missing: string[]; missingEn: string[]; codes: RefusalCode[] };

/**
 * Income strictly above the monitoring threshold (compared in cents) in every
 * assessment of at least the last `months` months: there must be an assessment
 * dated on or before today − months, and it and every later one must be above.
 */
export function incomeAboveThresholdFor(assessments: readonly IncomeAssessment[], today: string, months: number): IncomeStability {
  if (!Number.isSafeInteger(months) || months < 1) throw new RangeError(`months must be a positive integer: ${months}`);
  const r = new Reasons();
  for (const a of assessments) {
    if (!isIsoDate(a.date)) throw new RangeError(`assessment date is not YYYY-MM-DD: ${a.date}`);
    if (toDayNumber(a.date) > toDayNumber(today)) {
      r.add("assessment_in_future", `收入评估日期 ${a.date} 晚于今天 ${today}`, `Assessment dated ${a.date} is after today ${today}`);
    }
  }
  if (!r.empty) return r.result() as IncomeStability;

  const windowStart = addMonths(today, -months);
  const sorted = assessments.slice().sort((a, b) => toDayNumber(a.date) - toDayNumber(b.date));
  let anchor: IncomeAssessment | undefined;
  for (const a of sorted) if (toDayNumber(a.date) <= toDayNumber(windowStart)) anchor = a;
  if (anchor === undefined) {
    const first = sorted[0];
    if (first === undefined) {
      r.add("income_history_short", "没有收入评估记录", "There is no income assessment on record");
    } else {
      r.add(
        "income_history_short",
        `收入评估记录不足 ${months} 个月：最早一次为 ${first.date}，须有不晚于 ${windowStart} 的评估`,
        `Income assessments cover less than ${months} months: the earliest is ${first.date}, one on or before ${windowStart} is needed`,
      );
    }
    return r.result() as IncomeStability;
  }
  const since = anchor.date;
  for (const a of sorted) {
    if (toDayNumber(a.date) < toDayNumber(since)) continue;
    const income = toCents(a.perCapitaIncome);
    const threshold = toCents(a.monitoringThreshold);
    if (income <= threshold) {
      const I = formatCents(income);
      const T = formatCents(threshold);
      r.add(
        "income_not_above_threshold",
        `${a.date} 人均纯收入 ${I} 元，未高于监测线 ${T} 元`,
        `On ${a.date} per-capita income ${I} yuan was not above the ${T} monitoring threshold`,
      );
    }
  }
  return r.empty ? { ok: true, since } : (r.result() as IncomeStability);
}

function homeVerification(ctx: StepContext, r: Reasons): void {
  if (ctx.homeVerified !== true) {
    r.add(
      "home_check_missing",
      "尚未入户核实：须有核实人签字的入户核实记录（收入和各项保障）",
      "No home verification is on record: a signed check of income and each guarantee is needed",
    );
  }
}

function exitAgreement(ctx: StepContext, r: Reasons): void {
  if (ctx.exit === undefined) {
    r.add("exit_evidence_missing", "缺少农户本人的退出认可记录", "The household's exit agreement is not on record");
    return;
  }
  if (ctx.exit.householdRefused) {
    r.add("household_refused", "农户不认可退出，退出程序终止", "The household refused the exit; the exit stops here");
  } else if (!ctx.exit.householdAgreementSigned) {
    r.add(
      "household_agreement_missing",
      "缺少农户本人签字（或按手印）认可退出",
      "The household has not signed (or thumb-printed) its agreement to exit",
    );
  }
}

/** Identification and monitoring only: a red line never keeps a household on the list. */
function redLines(state: ProcedureState, ctx: StepContext, r: Reasons): void {
  if (state.kind !== "identify" && state.kind !== "monitor") return;
  for (const f of ctx.comparisonFlags ?? []) {
    if (f.redLine === true) {
      const l = COMPARISON_FLAG_LABELS[f.code];
      r.add(
        "red_line",
        `比对疑点为本省“红线”，不能列入评议：${l.zh}`,
        `A red-line comparison flag of the province excludes the item: ${l.en}`,
      );
    }
  }
}

function riskRequirements(ctx: StepContext, r: Reasons): void {
  const re = ctx.riskElimination;
  if (re === undefined) {
    r.add(
      "risk_evidence_missing",
      "缺少风险消除所需的收入评估和保障情况",
      "The income assessments and guarantee status needed for risk elimination are missing",
    );
    return;
  }
  const settings = settingsOf(ctx.policy);
  if (re.noLabourCapacity) {
    r.add(
      "no_labour_capacity",
      `家庭成员均无劳动能力，暂不标注风险消除（${re.livesOnSubsistenceAllowance ? "已纳入低保" : "未纳入低保"}，均应继续监测）`,
      `Every member lacks labour capacity: not marked risk-eliminated (${re.livesOnSubsistenceAllowance ? "on" : "not on"} subsistence allowance; stays monitored either way)`,
    );
  }
  const months = settings.riskEliminationMonitoringMonths;
  if (re.monitoringSince === null || !isIsoDate(re.monitoringSince)) {
    r.add("monitoring_too_short", "没有在监测中的记录", "There is no monitoring period on record");
  } else if (toDayNumber(re.monitoringSince) > toDayNumber(addMonths(ctx.today, -months))) {
    r.add(
      "monitoring_too_short",
      `纳入监测不满 ${months} 个月（自 ${re.monitoringSince} 起，须不晚于 ${addMonths(ctx.today, -months)}）`,
      `In monitoring for less than ${months} months (since ${re.monitoringSince}; it must be on or before ${addMonths(ctx.today, -months)})`,
    );
  }
  const minMeasures = settings.riskEliminationMinMeasures;
  if (re.measuresDelivered < minMeasures) {
    r.add(
      "no_measure_delivered",
      `落实帮扶措施 ${re.measuresDelivered} 项，少于 ${minMeasures} 项`,
      `${re.measuresDelivered} assistance measure(s) delivered, fewer than ${minMeasures}`,
    );
  }
  const income = incomeAboveThresholdFor(re.assessments, ctx.today, ctx.policy.riskEliminationMonths);
  if (!income.ok) {
    income.codes.forEach((code, i) => r.add(code, income.missing[i]!, income.missingEn[i]!));
  }
  if (!re.rigidExpenditureResolved) {
    r.add(
      "rigid_expenditure_unresolved",
      "刚性支出问题尚未解决（仍有突发变故）",
      "Rigid expenditure has not been resolved (a shock remains)",
    );
  }
  if (!re.allGuaranteesMet) {
    r.add(
      "guarantees_unmet",
      "“两不愁三保障”及饮水安全尚未全部达标",
      "Not all guarantees (food, clothing, medical care, housing, water, education) are met",
    );
  }
}

/** What the kind needs at the agenda (before) or at county approval (again, after). */
function kindRequirements(state: ProcedureState, ctx: StepContext, r: Reasons, at: "agenda" | "approval"): void {
  homeVerification(ctx, r);
  if (at === "agenda") redLines(state, ctx, r);
  if (state.kind === "exit" && at === "approval") exitAgreement(ctx, r);
  if (state.kind === "eliminate_risk") riskRequirements(ctx, r);
}

function noticeChecks(state: ProcedureState, ctx: StepContext, r: Reasons): void {
  const n = state.notice;
  if (n !== null && !noticeEnded(n.start, n.days, ctx.today)) {
    const end = noticeEnd(n.start, n.days);
    const which = n.which === "first" ? "第一次" : "第二次";
    r.add("notice_not_ended", `${which}公示期尚未结束（至 ${end}）`, `The ${n.which} notice period has not ended (runs through ${end})`);
  }
  objectionCheck(ctx, r);
}

function objectionCheck(ctx: StepContext, r: Reasons): void {
  if (ctx.openObjections === undefined) {
    r.add("objections_unknown", "缺少公示期异议情况", "Whether objections are open is not given");
  } else if (ctx.openObjections > 0) {
    r.add(
      "objection_open",
      `有 ${ctx.openObjections} 条异议尚未处理`,
      `${ctx.openObjections} objection${ctx.openObjections === 1 ? " is" : "s are"} still open`,
    );
  }
}

// ---------------------------------------------------------------- canTake / take

/** Whether `step` may be taken now, and if not, everything that is missing. */
export function canTake(state: ProcedureState, step: ProcedureStep, ctx: StepContext): CanTake {
  const r = new Reasons();
  const allowed = nextSteps(state);
  if (allowed.length === 0) {
    if (state.stage === "announced") {
      r.add("finished", "流程已结束（已公告）", "The procedure has ended (announced)");
    } else {
      r.add("finished", "表决未通过，流程已结束", "The vote failed; the procedure has ended");
    }
    return r.result();
  }
  if (!allowed.includes(step)) {
    const cur = label(state.stage);
    const zhNext = allowed.map((s) => `「${label(s).zh}」`).join("或");
    const enNext = allowed.map((s) => `"${label(s).en}"`).join(" or ");
    r.add(
      "out_of_order",
      `不能跳过或颠倒步骤：当前为「${cur.zh}」，下一步只能是${zhNext}`,
      `Steps cannot be skipped or reordered: now at "${cur.en}", the next step can only be ${enNext}`,
    );
    return r.result();
  }
  if (!isIsoDate(ctx.today)) {
    r.add("invalid_date", `日期无效：${ctx.today}`, `Invalid date: ${ctx.today}`);
    return r.result();
  }
  if (toDayNumber(ctx.today) < toDayNumber(state.since)) {
    r.add(
      "before_previous_step",
      `日期 ${ctx.today} 早于上一步（${label(state.stage).zh}，${state.since}）`,
      `The date ${ctx.today} is before the previous step (${label(state.stage).en}, ${state.since})`,
    );
  }

  switch (step) {
    case "comparison_explained": {
      if (ctx.comparisonFlags === undefined) {
        r.add("comparison_missing", "尚未进行比对（缺少比对结果）", "The comparison checks have not been run");
      } else {
        for (const f of ctx.comparisonFlags) {
          if (!f.explained) {
            const l = COMPARISON_FLAG_LABELS[f.code];
            r.add("comparison_unexplained", `比对疑点未说明：${l.zh}`, `Comparison flag not explained: ${l.en}`);
          }
        }
      }
      break;
    }
    case "on_agenda":
      kindRequirements(state, ctx, r, "agenda");
      break;
    case "voted": {
      const m = ctx.meeting;
      if (m === undefined) {
        r.add("meeting_missing", "缺少评议会议记录", "No appraisal meeting is given");
        break;
      }
      if (!m.closed) {
        r.add("meeting_open", "评议会议尚未结束，表决结果未定", "The meeting is not closed; its result is not final");
      }
      const counts = [m.roster, m.attending, m.yes];
      if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0) || m.attending > m.roster || m.yes > m.attending) {
        r.add(
          "meeting_counts_invalid",
          `会议人数不合理：名册 ${m.roster}，出席 ${m.attending}，赞成 ${m.yes}`,
          `Meeting counts are inconsistent: roster ${m.roster}, attending ${m.attending}, yes ${m.yes}`,
        );
        break;
      }
      const q = quorumFrom(ctx.policy);
      if (!quorumMet(m.attending, m.roster, q)) {
        const min = quorumMinimum(m.roster, q);
        const need = min === null ? "名册为空" : `至少 ${min} 人`;
        const needEn = min === null ? "the roster is empty" : `at least ${min} needed`;
        r.add(
          "no_quorum",
          `出席 ${m.attending} 人，不足代表名册 ${m.roster} 人的 ${q.numerator}/${q.denominator}（${need}），会议不能表决`,
          `${m.attending} of ${m.roster} representatives attended, below ${q.numerator}/${q.denominator} (${needEn}); the meeting cannot vote`,
        );
      }
      break;
    }
    case "first_notice":
    case "second_notice": {
      const s = ctx.noticeStart;
      if (s === undefined) {
        r.add("notice_start_missing", "缺少公示张贴日期", "The date the notice was posted is missing");
      } else if (!isIsoDate(s)) {
        r.add("notice_start_invalid", `公示张贴日期无效：${s}`, `Invalid notice posting date: ${s}`);
      } else if (toDayNumber(s) < toDayNumber(state.since)) {
        r.add(
          "notice_start_invalid",
          `公示张贴日期 ${s} 早于上一步（${state.since}）`,
          `The notice posting date ${s} is before the previous step (${state.since})`,
        );
      } else if (isIsoDate(ctx.today) && toDayNumber(s) > toDayNumber(ctx.today)) {
        r.add(
          "notice_start_invalid",
          `公示张贴日期 ${s} 晚于今天 ${ctx.today}`,
          `The notice posting date ${s} is after today ${ctx.today}`,
        );
      }
      // the household's own agreement comes after the vote and before the village sees the notice
      if (step === "first_notice" && state.kind === "exit") exitAgreement(ctx, r);
      break;
    }
    case "township_review":
      noticeChecks(state, ctx, r);
      break;
    case "county_approval":
      if (state.kind === "identify") noticeChecks(state, ctx, r);
      else objectionCheck(ctx, r);
      kindRequirements(state, ctx, r, "approval");
      break;
    case "reverify":
      // the reviewer's own return at its review (reviewReturn, with a reason) needs no objection
      if (!ctx.reviewReturn && (ctx.openObjections === undefined || ctx.openObjections < 1)) {
        r.add("no_objection", "没有待处理的异议，不能退回重新核实", "There is no open objection to send back for re-verification");
      }
      break;
    case "announced":
    case "proposed":
      break;
  }
  return r.result();
}

export type TakeResult = { ok: true; state: ProcedureState } | Extract<CanTake, { ok: false }>;

/** Takes the step if canTake allows it, returning the new state with the step recorded. */
export function take(state: ProcedureState, step: ProcedureStep, ctx: StepContext, by: { actorId: string; reason: string }): TakeResult {
  const check = canTake(state, step, ctx);
  if (!check.ok) return check;
  const record: StepRecord = { step, on: ctx.today, actorId: by.actorId, reason: by.reason };
  const next: ProcedureState = { ...state, stage: step, since: ctx.today, history: [...state.history, record] };

  if (step === "voted") {
    const m = ctx.meeting!;
    const passed = itemPasses(m.yes, m.attending);
    record.passed = passed;
    record.votes = { roster: m.roster, attending: m.attending, yes: m.yes };
    next.votePassed = passed;
    next.rounds = state.rounds + 1;
  }
  if (step === "first_notice" || step === "second_notice") {
    const start = ctx.noticeStart!;
    const days = noticeDaysFor(state.kind, ctx.policy);
    record.notice = { start, days, end: noticeEnd(start, days) };
    next.notice = { which: step === "first_notice" ? "first" : "second", start, days };
  }
  if (step === "reverify") {
    next.votePassed = null;
    next.notice = null;
  }
  return { ok: true, state: next };
}

// ---------------------------------------------------------------- the announcement's effect

export interface StatusChange {
  /** the new registered status, or "unchanged" */
  registeredStatus: RegisteredStatus | "unchanged";
  /** the new monitoring category, null to clear monitoring, or "unchanged" */
  monitoringCategory: MonitoringCategory | null | "unchanged";
}

/** What the announcement sets: the only place a registered status changes. */
export function registeredStatusAfter(kind: ProposalKind, category: MonitoringCategory | null = null): StatusChange {
  switch (kind) {
    case "identify":
      return { registeredStatus: "registered_poor", monitoringCategory: "unchanged" };
    case "exit":
      return { registeredStatus: "lifted", monitoringCategory: "unchanged" };
    case "monitor":
      if (category === null) throw new RangeError("a monitor proposal needs a category");
      return { registeredStatus: "unchanged", monitoringCategory: category };
    case "eliminate_risk":
      return { registeredStatus: "unchanged", monitoringCategory: null };
  }
}
