// A stored proposal as the pure state machine sees it (lib/domain/procedure.ts), and the one
// way a step is taken: canTake/take on that state, then the proposal's stage (checked against
// the version that was read), the step record and the audit event, in the caller's transaction.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import { audit, type Actor } from "@/lib/audit";
import { today } from "@/lib/clock";
import { loadPolicyRows } from "@/lib/data/assessment";
import { STORED_ASSESSMENT_SELECT, withResults } from "@/lib/data/assessment-read";
import { resolvePolicy } from "@/lib/domain/policy";
import {
  resolveProcedureSettings,
  take,
  type ProcedureSettings,
  type ComparisonFlagCode,
  type IncomeAssessment,
  type ProcedurePolicy,
  type ProcedureState,
  type ProcedureStep,
  type RiskEliminationInput,
  type StepContext,
  type StepRecord,
} from "@/lib/domain/procedure";
import type { Prisma, ProposalStage } from "@/lib/generated/prisma/client";
import { toDayNumber } from "@/lib/domain/working-days";
import { messageKey } from "@/i18n/keys";
import { chinaDay } from "@/lib/domain/china-time";

type Client = Db | Tx;

export const proposalSelect = {
  id: true,
  householdId: true,
  countyId: true,
  villageId: true,
  kind: true,
  monitoringCategory: true,
  source: true,
  reason: true,
  raisedById: true,
  raisedAt: true,
  assessmentId: true,
  householdVersion: true,
  flags: true,
  flagExplanation: true,
  stage: true,
  householdAgreedAt: true,
  agreementEvidenceId: true,
  homeCheckAt: true,
  homeCheckById: true,
  authorisationEvidenceId: true,
  version: true,
  homeVerifications: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      checkedOn: true,
      checkedByName: true,
      perCapitaIncome: true,
      guarantees: true,
      findings: true,
      signatureEvidenceId: true,
      recordedById: true,
    },
  },
  exitAgreements: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      outcome: true,
      method: true,
      evidenceId: true,
      perCapitaIncome: true,
      guarantees: true,
      refusalReason: true,
      recordedById: true,
    },
  },
  steps: {
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, stage: true, decision: true, reason: true, actorId: true, at: true },
  },
  notices: {
    select: {
      notice: { select: { id: true, kind: true, startDate: true, days: true, endDate: true, publishedAt: true, meetingId: true } },
    },
  },
  agenda: {
    select: { id: true, passed: true, meetingId: true, meeting: { select: { id: true, date: true, state: true, closedAt: true } } },
  },
} satisfies Prisma.ProposalSelect;

export type LoadedProposal = Prisma.ProposalGetPayload<{ select: typeof proposalSelect }>;

export interface ComparisonFlag {
  code: ComparisonFlagCode;
  detail: string;
  /** the province made this flag a red line (set by the comparison from the policy) */
  redLine?: boolean;
  /** raised by a department's data (docs/department-feeds.md), not the household's own answer */
  source?: { department: string; asOf: string };
}

const dateOnlyOf = (d: string) => new Date(`${d}T00:00:00Z`);

/** A @db.Date value as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const earlier = (a: string, b: string) => (toDayNumber(a) <= toDayNumber(b) ? a : b);

export function flagsOf(p: Pick<LoadedProposal, "flags">): ComparisonFlag[] {
  return Array.isArray(p.flags) ? (p.flags as unknown as ComparisonFlag[]) : [];
}

/** Stages after a passed vote (the vote's result is "passed" while the proposal sits in one). */
const AFTER_PASSED: readonly ProposalStage[] = [
  "voted",
  "first_notice",
  "township_review",
  "second_notice",
  "county_approval",
  "announced",
];

/** The notices of the current round: those published after the last return to re-verification. */
export function currentNotices(p: LoadedProposal) {
  const lastReverify = [...p.steps].reverse().find((s) => s.stage === "reverify");
  return p.notices
    .map((n) => n.notice)
    .filter((n) => !lastReverify || n.publishedAt >= lastReverify.at)
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
}

/** The meeting whose vote decided the current round (the latest closed one). */
export function votingMeeting(p: LoadedProposal) {
  return p.agenda
    .filter((a) => a.meeting.state === "closed" && a.passed !== null)
    .sort((a, b) => (a.meeting.closedAt?.getTime() ?? 0) - (b.meeting.closedAt?.getTime() ?? 0))
    .at(-1);
}

/**
 * The pure state of a stored proposal. `since` is the day the current stage was entered:
 * the meeting's date after a vote, the posting day of a notice, else the day the step was
 * recorded (never after today, so a pinned clock stays consistent).
 */
export function stateOf(p: LoadedProposal, now: string = today()): ProcedureState {
  if (p.stage === "withdrawn") throw new AppError("closed", messageKey("procedure.validation.withdrawn"));
  const stage: ProcedureStep = p.stage === "failed" ? "voted" : p.stage;
  const votePassed = p.stage === "failed" ? false : AFTER_PASSED.includes(p.stage) ? true : null;
  const notices = currentNotices(p);
  const first = notices.filter((n) => n.kind === "first").at(-1);
  const second = notices.filter((n) => n.kind === "second").at(-1);
  let notice: ProcedureState["notice"] = null;
  if (
    stage === "first_notice" ||
    stage === "township_review" ||
    (p.kind !== "identify" && (stage === "county_approval" || stage === "announced"))
  ) {
    notice = first ? { which: "first", start: isoDay(first.startDate), days: first.days } : null;
  } else if (stage === "second_notice" || stage === "county_approval" || stage === "announced") {
    notice = second ? { which: "second", start: isoDay(second.startDate), days: second.days } : null;
  }
  const last = p.steps.at(-1);
  let since = last ? earlier(chinaDay(last.at), now) : earlier(chinaDay(p.raisedAt), now);
  if (stage === "voted") {
    const m = votingMeeting(p);
    if (m) since = isoDay(m.meeting.date);
  } else if ((stage === "first_notice" || stage === "second_notice") && notice) {
    since = notice.start;
  }
  const history: StepRecord[] = p.steps.map((s) => ({
    step: s.stage === "failed" ? "voted" : (s.stage as ProcedureStep),
    on: earlier(chinaDay(s.at), now),
    actorId: s.actorId ?? "",
    reason: s.reason ?? "",
    ...(s.stage === "voted" ? { passed: s.decision === "passed" } : {}),
  }));
  return {
    kind: p.kind,
    category: p.kind === "monitor" ? p.monitoringCategory : null,
    stage,
    since,
    votePassed,
    notice,
    rounds: p.steps.filter((s) => s.stage === "voted").length,
    history,
  };
}

export async function procedurePolicy(
  client: Client,
  countyId: string,
  on: string = today(),
): Promise<ProcedurePolicy & ProcedureSettings> {
  const rows = await loadPolicyRows(client);
  const year = Number(on.slice(0, 4));
  const province = countyId.slice(0, 2);
  const v = resolvePolicy(rows, year, province).values;
  return {
    noticeDays: v.noticeDays,
    monitoringNoticeDays: v.monitoringNoticeDays,
    riskEliminationMonths: v.riskEliminationMonths,
    quorumNumerator: v.quorumNumerator,
    quorumDenominator: v.quorumDenominator,
    ...resolveProcedureSettings(rows, year, province),
  };
}

/** The moment the current round began: the last return to re-verification, else the start. */
export function roundStart(p: Pick<LoadedProposal, "steps">): Date {
  const last = [...p.steps].reverse().find((s) => s.stage === "reverify");
  return last ? last.at : new Date(0);
}

/** The home verification of the current round (the latest one made after the round began). */
export function currentHomeVerification(p: Pick<LoadedProposal, "steps" | "homeVerifications">) {
  const from = roundStart(p);
  return p.homeVerifications.filter((h) => h.createdAt >= from).at(-1) ?? null;
}

/** The household's exit agreement of the current round (after the round's vote). */
export function currentExitAgreement(p: Pick<LoadedProposal, "steps" | "exitAgreements">) {
  const from = roundStart(p);
  return p.exitAgreements.filter((a) => a.createdAt >= from).at(-1) ?? null;
}

export async function openObjections(client: Client, proposalId: string): Promise<number> {
  return client.objection.count({ where: { proposalId, resolvedAt: null } });
}

/**
 * What risk elimination rests on, from the stored record: every assessment's per-capita income
 * against that assessment's own monitoring threshold, the latest assessment's rigid expenditure
 * and guarantees, and the active members' labour capacity and subsistence allowance.
 */
export async function riskEliminationInput(client: Client, householdId: string, now: string = today()): Promise<RiskEliminationInput> {
  // sequential: the client may be a transaction (one connection)
  const assessments = await client.assessment
    .findMany({
      where: { householdId },
      orderBy: [{ asOf: "asc" }, { createdAt: "asc" }],
      select: { asOf: true, perCapitaIncome: true, ...STORED_ASSESSMENT_SELECT },
    })
    .then((rows) => withResults(client, rows));
  const members = await client.member.findMany({
    where: { householdId, active: true },
    select: { laborCapacity: true, subsistenceAllowance: true, counted: true },
  });
  const period = await client.monitoringPeriod.findFirst({
    where: { householdId, toDate: null },
    orderBy: { fromDate: "desc" },
    select: { fromDate: true },
  });
  // households registered as monitored before periods were kept carry only the household's date
  const household = period
    ? null
    : await client.household.findUnique({ where: { id: householdId }, select: { monitoringSince: true, monitoringCategory: true } });
  const since = period
    ? isoDay(period.fromDate)
    : household?.monitoringCategory && household.monitoringSince
      ? isoDay(household.monitoringSince)
      : null;
  const measuresDelivered = since
    ? await client.assistanceMeasure.count({
        where: {
          householdId,
          startDate: { lte: new Date(`${now}T00:00:00Z`) },
          OR: [{ endDate: null }, { endDate: { gte: dateOnlyOf(since) } }],
        },
      })
    : 0;
  const list: IncomeAssessment[] = assessments.map((a) => ({
    date: isoDay(a.asOf),
    perCapitaIncome: Number(a.perCapitaIncome),
    monitoringThreshold: Number((a.result as { monitoringThreshold?: number } | null)?.monitoringThreshold ?? Number.POSITIVE_INFINITY),
  }));
  const latest = assessments.at(-1)?.result as { suddenHardship?: boolean; indicators?: Record<string, { met: boolean }> } | undefined;
  const guarantees = latest?.indicators ? Object.entries(latest.indicators).filter(([k]) => k !== "income") : [];
  return {
    assessments: list.filter((a) => Number.isFinite(a.monitoringThreshold)),
    rigidExpenditureResolved: latest ? latest.suddenHardship !== true : false,
    allGuaranteesMet: guarantees.length > 0 && guarantees.every(([, v]) => v.met),
    noLabourCapacity: members.length > 0 && members.every((m) => m.laborCapacity === "none"),
    livesOnSubsistenceAllowance: members.some((m) => m.subsistenceAllowance),
    monitoringSince: since,
    measuresDelivered,
  };
}

/** The facts every step may need; the caller adds the meeting or the notice start. */
export async function stepContext(client: Client, p: LoadedProposal, extra: Partial<StepContext> = {}): Promise<StepContext> {
  const now = extra.today ?? today();
  const policy = extra.policy ?? (await procedurePolicy(client, p.countyId, now));
  const objections = await openObjections(client, p.id);
  const risk = p.kind === "eliminate_risk" ? await riskEliminationInput(client, p.householdId, now) : undefined;
  const agreement = currentExitAgreement(p);
  return {
    today: now,
    policy,
    comparisonFlags: flagsOf(p).map((f) => ({ code: f.code, explained: Boolean(p.flagExplanation?.trim()), redLine: f.redLine === true })),
    homeVerified: currentHomeVerification(p) !== null,
    openObjections: objections,
    exit:
      p.kind === "exit"
        ? { householdAgreementSigned: agreement?.outcome === "agreed", householdRefused: agreement?.outcome === "refused" }
        : undefined,
    riskElimination: risk,
    ...extra,
  };
}

/** A step the rules refuse: every reason, in both languages (the action picks the viewer's). */
export class ProcedureRefusal extends AppError {
  constructor(
    readonly missing: string[],
    readonly missingEn: string[],
    readonly codes: string[],
  ) {
    super("invalid", missing.join("；"), { missing, missingEn, codes, worded: { zh: missing.join("；"), en: missingEn.join("; ") } });
    this.name = "ProcedureRefusal";
  }
}

export async function loadProposal(client: Client, where: Prisma.ProposalWhereInput): Promise<LoadedProposal> {
  const p = await client.proposal.findFirst({ where, select: proposalSelect });
  if (!p) throw new AppError("not_found", "proposal not found");
  return p;
}

export interface TakeOptions {
  actor: Actor;
  reason: string;
  /** the step record's decision (e.g. "passed", "failed", "approved") */
  decision?: string;
  /** more proposal fields to write with the stage */
  data?: Prisma.ProposalUpdateManyMutationInput;
  /** the version the person saw (defaults to the one just read) */
  expectVersion?: number;
  auditAfter?: Record<string, unknown>;
}

/**
 * Takes `step` on a loaded proposal: the rules decide (ProcedureRefusal with every reason when
 * they say no), then the stage moves only if nobody moved it since it was read.
 */
export async function takeStep(
  tx: Tx,
  p: LoadedProposal,
  step: ProcedureStep,
  ctx: StepContext,
  opts: TakeOptions,
): Promise<{ state: ProcedureState; stage: ProposalStage; version: number }> {
  if (opts.expectVersion !== undefined && opts.expectVersion !== p.version) throw staleProposal();
  const before = stateOf(p, ctx.today);
  const r = take(before, step, ctx, { actorId: opts.actor.id ?? "", reason: opts.reason });
  if (!r.ok) throw new ProcedureRefusal(r.missing, r.missingEn, r.codes);
  const stage: ProposalStage = step === "voted" && r.state.votePassed === false ? "failed" : step;
  const moved = await tx.proposal.updateMany({
    where: { id: p.id, version: p.version, stage: p.stage },
    data: { ...opts.data, stage, version: { increment: 1 } },
  });
  if (moved.count === 0) throw staleProposal();
  await tx.procedureStepRecord.create({
    data: {
      proposalId: p.id,
      countyId: p.countyId,
      stage: step,
      decision: opts.decision ?? (step === "voted" ? (r.state.votePassed ? "passed" : "failed") : null),
      reason: opts.reason,
      actorId: opts.actor.id,
    },
  });
  await audit(tx, opts.actor, {
    action: `procedure.${step}`,
    entity: "proposal",
    entityId: p.id,
    countyId: p.countyId,
    before: { stage: p.stage, version: p.version },
    after: { stage, version: p.version + 1, ...opts.auditAfter },
    reason: opts.reason,
  });
  return { state: r.state, stage, version: p.version + 1 };
}

export function staleProposal(): AppError {
  return new AppError("conflict", messageKey("procedure.validation.staleProposal"));
}
