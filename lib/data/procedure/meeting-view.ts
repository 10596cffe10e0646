// What the meeting page and the projected tally show: roster and attendance, the agenda with
// each item's live count, quorum, and (once closed) the results and the notices published.
import "server-only";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";
import { quorumFrom, quorumMet, quorumMinimum, yesNeeded } from "@/lib/domain/meeting";
import { meetingScope } from "@/lib/auth/scope";
import { flagsOf, isoDay, procedurePolicy } from "./state";

export interface LiveTally {
  yes: number;
  no: number;
  abstain: number;
  notVoted: number;
  /** secret ballot: counts entered; roll call: votes cast */
  counted: boolean;
}

export async function getMeetingView(viewer: Viewer, meetingId: string) {
  const m = await db().meeting.findFirst({
    where: { AND: [{ id: meetingId }, meetingScope(viewer)] },
    select: {
      id: true,
      villageId: true,
      countyId: true,
      date: true,
      place: true,
      state: true,
      rosterSize: true,
      quorumMet: true,
      minutes: true,
      minutesKey: true,
      openedAt: true,
      closedAt: true,
      facilitatorId: true,
      attendance: { select: { representativeId: true, present: true, representative: { select: { name: true } } } },
      agenda: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          ballot: true,
          yes: true,
          no: true,
          abstain: true,
          passed: true,
          proposal: {
            select: {
              id: true,
              kind: true,
              monitoringCategory: true,
              reason: true,
              householdId: true,
              stage: true,
              flags: true,
              flagExplanation: true,
            },
          },
          votes: { select: { representativeId: true, choice: true } },
        },
      },
    },
  });
  if (!m) return null;
  const [village, households, policy, activeReps, notices] = await Promise.all([
    db().region.findUnique({ where: { id: m.villageId }, select: { name: true, parent: { select: { name: true } } } }),
    db().household.findMany({
      where: { id: { in: m.agenda.map((a) => a.proposal.householdId) } },
      select: { id: true, headName: true, number: true },
    }),
    procedurePolicy(db(), m.countyId),
    m.state === "draft" ? db().representative.count({ where: { villageId: m.villageId, active: true } }) : Promise.resolve(0),
    db().notice.findMany({
      where: { meetingId: m.id },
      orderBy: { publishedAt: "asc" },
      select: { id: true, kind: true, startDate: true, endDate: true, days: true, items: { select: { proposalId: true } } },
    }),
  ]);
  const byId = new Map(households.map((h) => [h.id, h]));
  const roster = m.state === "draft" ? activeReps : m.attendance.length;
  const attendingIds = new Set(m.attendance.filter((a) => a.present).map((a) => a.representativeId));
  const attending = attendingIds.size;
  const q = quorumFrom(policy);
  const sits = roster > 0 && attending <= roster ? quorumMet(attending, roster, q) : false;
  const names = new Map(m.attendance.map((a) => [a.representativeId, a.representative.name]));
  const noticed = new Set(notices.flatMap((n) => n.items.map((i) => i.proposalId)));
  const items = m.agenda.map((a) => {
    const h = byId.get(a.proposal.householdId);
    let tally: LiveTally;
    if (a.ballot === "secret") {
      tally = { yes: a.yes ?? 0, no: a.no ?? 0, abstain: a.abstain ?? 0, notVoted: 0, counted: a.yes !== null };
    } else {
      const cast = a.votes.filter((v) => attendingIds.has(v.representativeId) || m.state === "closed");
      const n = (c: string) => cast.filter((v) => v.choice === c).length;
      tally = {
        yes: n("yes"),
        no: n("no"),
        abstain: n("abstain"),
        notVoted: Math.max(0, attending - cast.length),
        counted: cast.length > 0,
      };
    }
    return {
      id: a.id,
      position: a.position,
      ballot: a.ballot,
      passed: a.passed,
      proposalId: a.proposal.id,
      kind: a.proposal.kind,
      category: a.proposal.monitoringCategory,
      reason: a.proposal.reason,
      stage: a.proposal.stage,
      flagCount: Array.isArray(a.proposal.flags) ? a.proposal.flags.length : 0,
      // each comparison flag as the meeting sees it: a department's (with its department and
      // as-of day) apart from the household's own answers, and whether the province made it a red line
      flags: flagsOf(a.proposal).map((f) => ({
        code: f.code,
        detail: f.detail,
        redLine: f.redLine === true,
        source: f.source ? { department: f.source.department, asOf: f.source.asOf } : null,
      })),
      flagExplanation: a.proposal.flagExplanation,
      householdId: a.proposal.householdId,
      headName: h?.headName ?? "—",
      number: h?.number ?? "",
      tally,
      votes: a.votes.map((v) => ({ representativeId: v.representativeId, choice: v.choice })),
      noticed: noticed.has(a.proposal.id),
    };
  });
  return {
    id: m.id,
    villageId: m.villageId,
    villageName: village?.name ?? m.villageId,
    townshipName: village?.parent?.name ?? "",
    date: isoDay(m.date),
    place: m.place,
    state: m.state,
    minutes: m.minutes,
    hasScan: Boolean(m.minutesKey),
    closedAt: m.closedAt,
    roster,
    attending,
    quorum: { numerator: q.numerator, denominator: q.denominator, minimum: roster > 0 ? quorumMinimum(roster, q) : null, met: sits },
    yesNeeded: yesNeeded(attending),
    representatives: m.attendance
      .map((a) => ({ id: a.representativeId, name: names.get(a.representativeId) ?? "", present: a.present }))
      .sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    items,
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      start: isoDay(n.startDate),
      end: isoDay(n.endDate),
      days: n.days,
      count: n.items.length,
    })),
    /** passed items still waiting for their first notice */
    awaitingNotice: items.filter((i) => i.passed === true && i.stage === "voted" && !i.noticed),
  };
}

export type MeetingView = NonNullable<Awaited<ReturnType<typeof getMeetingView>>>;
