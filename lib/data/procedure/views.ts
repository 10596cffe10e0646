// What the proposal page, the facilitator's home and the household timeline read. Scoped in the
// `where` clause; plain objects out.
import "server-only";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";
import { householdScope } from "@/lib/auth/scope";
import { today } from "@/lib/clock";
import { canTake, nextSteps, type CanTake, type ProcedureStep } from "@/lib/domain/procedure";
import { noticeState } from "@/lib/domain/notice";
import { mayActOnObjections } from "./decisions";
import { isCountyOfficial, isTownshipReviewer, proposalScope } from "@/lib/auth/scope";
import { currentExitAgreement, currentHomeVerification, flagsOf, isoDay, proposalSelect, stateOf, stepContext } from "./state";
import { objectionsOf } from "./objections";
import { OPEN_STAGES } from "@/lib/domain/eligibility";
import { chinaDay } from "@/lib/domain/china-time";
import { signedIncomeRecord } from "@/lib/data/income-records";
import type { ProposalKind } from "@/lib/generated/prisma/enums";

export type StepActor =
  "explain" | "agenda" | "meeting" | "first_notice" | "township" | "second_notice" | "county" | "announce" | "send_back" | null;

/** Which control, if any, this viewer gets for a next step (the server re-checks on submit). */
function actorFor(viewer: Viewer, step: ProcedureStep, p: { villageId: string; countyId: string }): StepActor {
  const facilitator = viewer.role === "facilitator" && viewer.regionId === p.villageId;
  const township = isTownshipReviewer(viewer) && p.villageId.startsWith(viewer.regionId);
  const county = isCountyOfficial(viewer) && viewer.regionId === p.countyId;
  switch (step) {
    case "comparison_explained":
      return viewer.role === "cadre" || facilitator ? "explain" : null;
    case "on_agenda":
      return facilitator ? "agenda" : null;
    case "voted":
      return facilitator ? "meeting" : null;
    case "first_notice":
      return facilitator ? "first_notice" : null;
    case "township_review":
      return township ? "township" : null;
    case "second_notice":
      return facilitator || township ? "second_notice" : null;
    case "county_approval":
      return county ? "county" : null;
    case "announced":
      return county ? "announce" : null;
    case "reverify":
      return mayActOnObjections(viewer, p) ? "send_back" : null;
    default:
      return null;
  }
}

export async function getProposalView(viewer: Viewer, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const scope = await proposalScope(db(), viewer);
  const p = await db().proposal.findFirst({ where: { AND: [{ id }, scope] }, select: proposalSelect });
  if (!p) return null;
  const now = today();
  const [household, village, objections, agenda, meetings] = await Promise.all([
    db().household.findUnique({
      where: { id: p.householdId },
      select: {
        id: true,
        headName: true,
        number: true,
        version: true,
        registeredStatus: true,
        monitoringCategory: true,
        assessedStatus: true,
      },
    }),
    db().region.findUnique({ where: { id: p.villageId }, select: { name: true, parent: { select: { name: true } } } }),
    objectionsOf(db(), p.id),
    db().agendaItem.findMany({
      where: { proposalId: p.id },
      select: {
        id: true,
        position: true,
        ballot: true,
        yes: true,
        no: true,
        abstain: true,
        passed: true,
        meeting: { select: { id: true, date: true, place: true, state: true, rosterSize: true } },
      },
    }),
    viewer.role === "facilitator" && viewer.regionId === p.villageId
      ? db().meeting.findMany({
          where: { villageId: p.villageId, state: { in: ["draft", "open"] } },
          orderBy: { date: "asc" },
          select: { id: true, date: true, place: true, state: true },
        })
      : Promise.resolve([]),
  ]);
  const actorIds = [
    ...new Set(
      [...p.steps.map((s) => s.actorId), p.raisedById, p.homeCheckById, ...objections.map((o) => o.recordedById)].filter((x): x is string =>
        Boolean(x),
      ),
    ),
  ];
  const users = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, role: true } });
  const nameOf = (uid: string | null) => (uid ? (users.find((u) => u.id === uid)?.name ?? "—") : null);

  // a withdrawn proposal (e.g. the household refused the exit) has no next step
  const state = p.stage === "withdrawn" ? null : stateOf(p, now);
  const ctx = await stepContext(db(), p, { today: now });
  // sending back is offered only when an objection waits (an objection recorded in the village
  // sends the item back at once; one from the household card waits for someone to do it)
  const open = objections.filter((o) => !o.resolvedAt).length;
  const next = (state ? nextSteps(state) : [])
    .filter((step) => step !== "reverify" || open > 0)
    .map((step) => {
      const stepCtx = step === "first_notice" || step === "second_notice" ? { ...ctx, noticeStart: now } : ctx;
      const check: CanTake = step === "voted" ? { ok: true } : canTake(state!, step, stepCtx);
      return { step, actor: actorFor(viewer, step, p), check };
    });

  const noticeRows = p.notices
    .map((n) => n.notice)
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
    .map((n) => ({
      id: n.id,
      kind: n.kind,
      start: isoDay(n.startDate),
      end: isoDay(n.endDate),
      days: n.days,
      state: noticeState(isoDay(n.startDate), n.days, now),
    }));
  const running =
    noticeRows
      .filter(
        (n) =>
          n.state === "open" &&
          ((p.stage === "first_notice" && n.kind === "first") || (p.stage === "second_notice" && n.kind === "second")),
      )
      .at(-1) ?? null;

  // home verification and (exit) the household's own agreement, of the current round
  const hv = currentHomeVerification(p);
  const agreement = p.kind === "exit" ? currentExitAgreement(p) : null;
  const recorders = await db().user.findMany({
    where: { id: { in: [hv?.recordedById, agreement?.recordedById].filter((x): x is string => Boolean(x)) } },
    select: { id: true, name: true },
  });
  const recorderName = (id: string | undefined) => recorders.find((u) => u.id === id)?.name ?? null;
  const mayRecord = viewer.role === "cadre" || (viewer.role === "facilitator" && viewer.regionId === p.villageId);
  // (exit) the household's signed income record of the year the exit was raised (收入核算), shown beside what was found
  const incomeYear = Number(chinaDay(p.raisedAt).slice(0, 4));
  const signedIncome = p.kind === "exit" ? await signedIncomeRecord(p.householdId, incomeYear) : null;
  const latestAssessment = p.assessmentId
    ? await db().assessment.findUnique({ where: { id: p.assessmentId }, select: { perCapitaIncome: true } })
    : null;

  return {
    id: p.id,
    version: p.version,
    kind: p.kind,
    category: p.monitoringCategory,
    source: p.source,
    reason: p.reason,
    stage: p.stage,
    raisedAt: p.raisedAt,
    raisedBy: nameOf(p.raisedById),
    villageId: p.villageId,
    countyId: p.countyId,
    villageName: village?.name ?? p.villageId,
    townshipName: village?.parent?.name ?? "",
    household: household && {
      ...household,
      // while the procedure runs: the announcement itself bumps the version
      changedSince: (OPEN_STAGES as readonly string[]).includes(p.stage) && household.version !== p.householdVersion,
    },
    householdVersion: p.householdVersion,
    assessmentId: p.assessmentId,
    flags: flagsOf(p),
    flagExplanation: p.flagExplanation,
    homeVerification: hv && {
      id: hv.id,
      checkedOn: isoDay(hv.checkedOn),
      checkedByName: hv.checkedByName,
      recordedBy: recorderName(hv.recordedById),
      perCapitaIncome: Number(hv.perCapitaIncome),
      guarantees: hv.guarantees as Record<string, boolean>,
      findings: hv.findings,
      signatureEvidenceId: hv.signatureEvidenceId,
      at: hv.createdAt,
    },
    /** before the agenda (or when sent back) a verification may be recorded */
    canVerify: mayRecord && ["proposed", "comparison_explained", "reverify"].includes(p.stage),
    /** the income the record holds, to prefill the check */
    recordIncome: latestAssessment ? Number(latestAssessment.perCapitaIncome) : null,
    authorisationEvidenceId: p.authorisationEvidenceId,
    exit:
      p.kind === "exit"
        ? {
            agreement: agreement && {
              outcome: agreement.outcome,
              method: agreement.method,
              evidenceId: agreement.evidenceId,
              perCapitaIncome: Number(agreement.perCapitaIncome),
              guarantees: agreement.guarantees as Record<string, boolean>,
              refusalReason: agreement.refusalReason,
              recordedBy: recorderName(agreement.recordedById),
              at: agreement.createdAt,
            },
            /** the year's income record as the household signed it (null: none signed yet) */
            incomeYear,
            signedIncome: signedIncome && {
              id: signedIncome.id,
              perCapitaIncome: signedIncome.perCapitaIncome,
              signedOn: chinaDay(signedIncome.signedAt),
            },
            /** after the vote passed, before the first notice */
            canAgree: mayRecord && p.stage === "voted" && !agreement && hv !== null,
          }
        : null,
    steps: p.steps.map((s) => ({ id: s.id, stage: s.stage, decision: s.decision, reason: s.reason, at: s.at, actor: nameOf(s.actorId) })),
    votes: agenda
      .filter((a) => a.meeting.state === "closed")
      .sort((a, b) => a.meeting.date.getTime() - b.meeting.date.getTime())
      .map((a) => ({
        meetingId: a.meeting.id,
        date: isoDay(a.meeting.date),
        place: a.meeting.place,
        yes: a.yes,
        no: a.no,
        abstain: a.abstain,
        passed: a.passed,
        roster: a.meeting.rosterSize,
      })),
    pendingMeetings: agenda
      .filter((a) => a.meeting.state !== "closed")
      .map((a) => ({ meetingId: a.meeting.id, date: isoDay(a.meeting.date), state: a.meeting.state })),
    notices: noticeRows,
    runningNotice: running,
    objections: objections.map((o) => ({ ...o, recordedBy: nameOf(o.recordedById) })),
    openObjections: open,
    next,
    meetings: meetings.map((m) => ({ id: m.id, date: isoDay(m.date), place: m.place, state: m.state })),
    canObject: running !== null && ["facilitator", "cadre", "county_official"].includes(viewer.role),
    today: now,
  };
}

export type ProposalView = NonNullable<Awaited<ReturnType<typeof getProposalView>>>;

/** The facilitator's village: engine candidates and where each household's procedure stands. */
export async function villageProcedure(viewer: Viewer) {
  const scope = await proposalScope(db(), viewer);
  const [open, recent] = await Promise.all([
    db().proposal.findMany({
      where: { AND: [scope, { stage: { in: [...OPEN_STAGES] } }] },
      orderBy: { raisedAt: "asc" },
      take: 300,
      select: {
        id: true,
        householdId: true,
        kind: true,
        monitoringCategory: true,
        stage: true,
        flags: true,
        flagExplanation: true,
        version: true,
      },
    }),
    db().proposal.findMany({
      where: { AND: [scope, { stage: { in: ["announced", "failed"] } }] },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: {
        id: true,
        householdId: true,
        kind: true,
        monitoringCategory: true,
        stage: true,
        flags: true,
        flagExplanation: true,
        version: true,
      },
    }),
  ]);
  const households = await db().household.findMany({
    where: { AND: [{ id: { in: [...open, ...recent].map((p) => p.householdId) } }, householdScope(viewer)] },
    select: { id: true, headName: true },
  });
  const name = (id: string) => households.find((h) => h.id === id)?.headName ?? "—";
  const row = (p: (typeof open)[number]) => ({
    id: p.id,
    householdId: p.householdId,
    headName: name(p.householdId),
    kind: p.kind,
    category: p.monitoringCategory,
    stage: p.stage,
    flagged: Array.isArray(p.flags) && p.flags.length > 0,
  });
  return { open: open.map(row), recent: recent.map(row), openByHousehold: new Map(open.map((p) => [p.householdId, p.id])) };
}

export interface TimelineEvent {
  at: Date;
  kind: "raised" | "flags" | "step" | "vote" | "notice" | "objection" | "objection_resolved" | "decision";
  proposalId: string;
  proposalKind: ProposalKind;
  title: string;
  detail: string | null;
  stage?: string;
  noticeId?: string;
  passed?: boolean | null;
  actor?: string | null;
}

/**
 * Every proposal of a household and all that happened to it, in order: raised (with its flags),
 * each step, each vote, each notice, each objection and the decisions. Null when the household
 * is out of the viewer's scope.
 */
export async function householdTimeline(viewer: Viewer, householdId: string): Promise<TimelineEvent[] | null> {
  const h = await db().household.findFirst({ where: { AND: [{ id: householdId }, householdScope(viewer)] }, select: { id: true } });
  if (!h) return null;
  const proposals = await db().proposal.findMany({
    where: { householdId },
    orderBy: { raisedAt: "asc" },
    select: {
      ...proposalSelect,
      agenda: {
        select: {
          id: true,
          passed: true,
          yes: true,
          no: true,
          abstain: true,
          meetingId: true,
          meeting: { select: { id: true, date: true, state: true, closedAt: true, rosterSize: true } },
        },
      },
      objections: {
        select: { id: true, source: true, text: true, lodgedAt: true, resolvedAt: true, resolution: true, recordedById: true },
      },
    },
  });
  const ids = [
    ...new Set(
      proposals
        .flatMap((p) => [p.raisedById, ...p.steps.map((s) => s.actorId), ...p.objections.map((o) => o.recordedById)])
        .filter((x): x is string => Boolean(x)),
    ),
  ];
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const who = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? null) : null);
  const events: TimelineEvent[] = [];
  for (const p of proposals) {
    const base = { proposalId: p.id, proposalKind: p.kind };
    events.push({ ...base, at: p.raisedAt, kind: "raised", title: p.source, detail: p.reason, actor: who(p.raisedById) });
    const flags = flagsOf(p);
    if (flags.length)
      events.push({ ...base, at: p.raisedAt, kind: "flags", title: flags.map((f) => f.code).join(","), detail: p.flagExplanation });
    // votes and notices come from their own rows below (with the counts and the period)
    for (const s of p.steps) {
      if (["proposed", "voted", "first_notice", "second_notice", "announced"].includes(s.stage)) continue;
      const decision = s.stage === "township_review" || s.stage === "county_approval";
      events.push({
        ...base,
        at: s.at,
        kind: decision ? "decision" : "step",
        title: s.stage,
        stage: s.stage,
        detail: s.reason,
        actor: who(s.actorId),
      });
    }
    for (const a of p.agenda.filter((x) => x.meeting.state === "closed" && x.meeting.closedAt)) {
      events.push({
        ...base,
        at: a.meeting.closedAt!,
        kind: "vote",
        title: isoDay(a.meeting.date),
        detail: `${a.yes ?? 0}/${a.no ?? 0}/${a.abstain ?? 0}`,
        passed: a.passed,
      });
    }
    for (const n of p.notices.map((x) => x.notice)) {
      const announced = n.kind === "announcement";
      events.push({
        ...base,
        at: n.publishedAt,
        kind: announced ? "decision" : "notice",
        title: announced ? "announced" : n.kind,
        stage: announced ? "announced" : undefined,
        detail: announced ? isoDay(n.startDate) : `${isoDay(n.startDate)} – ${isoDay(n.endDate)}`,
        noticeId: n.id,
      });
    }
    for (const o of p.objections) {
      events.push({ ...base, at: o.lodgedAt, kind: "objection", title: o.source, detail: o.text, actor: who(o.recordedById) });
      if (o.resolvedAt) events.push({ ...base, at: o.resolvedAt, kind: "objection_resolved", title: o.source, detail: o.resolution });
    }
  }
  // in time order; at the same moment, in the order the procedure writes them
  const rank: Record<TimelineEvent["kind"], number> = {
    raised: 0,
    flags: 1,
    step: 2,
    vote: 2,
    objection: 3,
    decision: 4,
    notice: 5,
    objection_resolved: 6,
  };
  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.kind] - rank[b.kind]);
}
