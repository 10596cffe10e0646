// The village appraisal meeting (民主评议会), run by the village's facilitator: the assembly's
// roster, the agenda, attendance, votes (roll call or secret ballot), and the close that
// freezes it all and records each proposal's result. Rules: lib/domain/meeting.ts.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { audit, actorOf } from "@/lib/audit";
import { dateOnly, today } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { quorumFrom, quorumMet, quorumMinimum, tallyFromRollCall, validateSecretBallot, type Tally } from "@/lib/domain/meeting";
import { addMonths } from "@/lib/domain/working-days";
import { lockMeeting, meetingWrite } from "./meeting-guard";
import { fieldError } from "./proposals";
import { meetingScope, mustFacilitate, proposalScope } from "@/lib/auth/scope";
import { auditAccessDenied } from "@/lib/data/access-denied";
import { loadProposal, procedurePolicy, stepContext, takeStep, ProcedureRefusal } from "./state";
import { messageKey } from "@/i18n/keys";

function mustBeVillageFacilitator(viewer: Viewer): void {
  mustFacilitate(viewer, viewer.regionId);
}

// ───────────────────────── the assembly's roster ─────────────────────────

export async function addRepresentative(viewer: Viewer, input: { id?: string; name: string; phone: string }) {
  mustBeVillageFacilitator(viewer);
  const id = input.id ?? randomUUID();
  const replayOf = async () => {
    const r = await db().representative.findUnique({ where: { id }, select: { id: true, name: true, villageId: true } });
    if (!r) return null;
    // an id from another village (guessed, or a collision) is not theirs to learn about
    if (r.villageId !== viewer.regionId) throw new AppError("not_found", "representative id belongs to another", { id });
    return { id: r.id, name: r.name, replay: true };
  };
  const before = await replayOf();
  if (before) return before;
  try {
    return await db().$transaction(async (tx) => {
      const r = await tx.representative.create({
        data: { id, villageId: viewer.regionId, countyId: viewer.regionId.slice(0, 6), name: input.name, phone: input.phone || null },
        select: { id: true, name: true },
      });
      await audit(tx, actorOf(viewer), {
        action: "representative.add",
        entity: "representative",
        entityId: r.id,
        countyId: viewer.regionId.slice(0, 6),
        after: { name: r.name },
      });
      return { ...r, replay: false };
    });
  } catch (e) {
    // the same request sent twice at once: the primary key let one in; answer with that one
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const after = await replayOf();
      if (after) return after;
    }
    throw e;
  }
}

export async function setRepresentativeActive(viewer: Viewer, input: { representativeId: string; active: boolean }) {
  mustBeVillageFacilitator(viewer);
  return db().$transaction(async (tx) => {
    const r = await tx.representative.findFirst({
      where: { id: input.representativeId, villageId: viewer.regionId },
      select: { id: true, active: true, countyId: true },
    });
    if (!r) throw new AppError("not_found", "representative not found", { representativeId: input.representativeId });
    if (r.active === input.active) return { id: r.id, active: r.active };
    await tx.representative.update({ where: { id: r.id }, data: { active: input.active } });
    await audit(tx, actorOf(viewer), {
      action: input.active ? "representative.activate" : "representative.deactivate",
      entity: "representative",
      entityId: r.id,
      countyId: r.countyId,
      before: { active: r.active },
      after: { active: input.active },
    });
    return { id: r.id, active: input.active };
  });
}

// ───────────────────────── meetings ─────────────────────────

export async function createMeeting(viewer: Viewer, input: { id: string; date: string; place: string }) {
  mustBeVillageFacilitator(viewer);
  const replayOf = async () => {
    const existing = await db().meeting.findUnique({ where: { id: input.id }, select: { id: true, facilitatorId: true } });
    if (!existing) return null;
    // an id someone else used (guessed, or a collision): not theirs to learn about
    if (existing.facilitatorId !== viewer.id) throw new AppError("not_found", "meeting id belongs to another", { id: input.id });
    return { meetingId: existing.id, replay: true };
  };
  const before = await replayOf();
  if (before) return before;
  if (input.date > addMonths(today(), 12)) throw fieldError("date", messageKey("procedure.validation.meetingTooFar"));
  try {
    return await db().$transaction(async (tx) => {
      await tx.meeting.create({
        data: {
          id: input.id,
          villageId: viewer.regionId,
          countyId: viewer.regionId.slice(0, 6),
          date: dateOnly(input.date),
          place: input.place,
          facilitatorId: viewer.id,
        },
      });
      await audit(tx, actorOf(viewer), {
        action: "meeting.create",
        entity: "meeting",
        entityId: input.id,
        countyId: viewer.regionId.slice(0, 6),
        after: { date: input.date, place: input.place },
      });
      return { meetingId: input.id, replay: false };
    });
  } catch (e) {
    // the same id sent twice at once: the primary key let one in; answer as a replay only to its creator
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const after = await replayOf();
      if (after) return after;
    }
    throw e;
  }
}

/** A proposal whose comparison is explained goes on a draft or open meeting's agenda (step on_agenda). */
export async function addToAgenda(viewer: Viewer, input: { meetingId: string; proposalId: string }) {
  return meetingWrite(viewer, input.meetingId, "agenda.add", () =>
    db().$transaction(async (tx) => {
      const m = await lockMeeting(tx, viewer, input.meetingId, "update");
      const p = await loadProposal(tx, { id: input.proposalId, villageId: m.villageId });
      const position = (await tx.agendaItem.count({ where: { meetingId: m.id } })) + 1;
      const ctx = await stepContext(tx, p);
      await takeStep(tx, p, "on_agenda", ctx, {
        actor: actorOf(viewer),
        reason: `列入 ${m.date} 评议会议程（第 ${position} 项）`,
        decision: m.id,
        auditAfter: { meetingId: m.id, position },
      });
      const item = await tx.agendaItem.create({ data: { meetingId: m.id, proposalId: p.id, position }, select: { id: true } });
      return { agendaItemId: item.id, position };
    }),
  );
}

/** Opens the meeting: the roster is the village's active representatives at this moment. */
export async function openMeeting(viewer: Viewer, input: { meetingId: string }) {
  return meetingWrite(viewer, input.meetingId, "meeting.open", () =>
    db().$transaction(async (tx) => {
      const m = await lockMeeting(tx, viewer, input.meetingId, "update");
      if (m.state !== "draft") throw new AppError("invalid", messageKey("procedure.validation.meetingAlreadyOpen"));
      if (m.date > today()) throw new AppError("invalid", messageKey("procedure.validation.meetingInFuture"), { params: { date: m.date } });
      const reps = await tx.representative.findMany({ where: { villageId: m.villageId, active: true }, select: { id: true } });
      if (reps.length === 0) throw new AppError("invalid", messageKey("procedure.validation.noRepresentatives"));
      await tx.meetingAttendance.createMany({ data: reps.map((r) => ({ meetingId: m.id, representativeId: r.id, present: false })) });
      await tx.meeting.update({
        where: { id: m.id },
        data: { state: "open", openedAt: new Date(), rosterSize: reps.length, version: { increment: 1 } },
      });
      await audit(tx, actorOf(viewer), {
        action: "meeting.open",
        entity: "meeting",
        entityId: m.id,
        countyId: m.countyId,
        after: { rosterSize: reps.length },
      });
      return { rosterSize: reps.length };
    }),
  );
}

function mustBeOpen(m: { state: string }): void {
  if (m.state !== "open") throw new AppError("invalid", messageKey("procedure.validation.meetingNotOpen"));
}

/**
 * Marks one representative of the roster (or all of it) present or absent. A representative who
 * has voted is part of the count: marking them absent is refused with the items they voted on,
 * unless the facilitator withdraws their votes of this meeting, giving the reason (each withdrawn
 * vote kept in the history as a correction to "none").
 */
export async function recordAttendance(
  viewer: Viewer,
  input: { meetingId: string; representativeId: string; present: boolean; withdrawVotes?: boolean; reason?: string },
) {
  return meetingWrite(viewer, input.meetingId, "attendance.record", () =>
    db().$transaction(async (tx) => {
      const m = await lockMeeting(tx, viewer, input.meetingId, "update");
      mustBeOpen(m);
      const all = input.representativeId === "all";
      let withdrawn = 0;
      if (!input.present) {
        const votes = await tx.vote.findMany({
          where: { agendaItem: { meetingId: m.id }, ...(all ? {} : { representativeId: input.representativeId }) },
          select: { id: true, agendaItemId: true, representativeId: true, choice: true, agendaItem: { select: { position: true } } },
          orderBy: { agendaItem: { position: "asc" } },
        });
        if (votes.length > 0) {
          const items = [...new Set(votes.map((v) => v.agendaItem.position))].join("、");
          if (all) throw fieldError("representativeId", messageKey("procedure.validation.hasVotedAll"));
          if (!input.withdrawVotes)
            throw new AppError("invalid", messageKey("procedure.validation.hasVotedExplain"), {
              params: { items },
              fieldErrors: { representativeId: [messageKey("procedure.validation.hasVotedExplain")] },
              hasVoted: true,
            });
          const reason = input.reason?.trim() ?? "";
          if (!reason)
            throw new AppError("invalid", messageKey("procedure.validation.withdrawReasonRequired"), {
              params: { items },
              fieldErrors: { reason: [messageKey("procedure.validation.withdrawReasonRequired")] },
              hasVoted: true,
            });
          for (const v of votes) {
            await tx.voteCorrection.create({
              data: {
                voteId: v.id,
                meetingId: m.id,
                agendaItemId: v.agendaItemId,
                countyId: m.countyId,
                representativeId: v.representativeId,
                fromChoice: v.choice,
                toChoice: null,
                reason,
                correctedById: viewer.id,
              },
            });
          }
          await tx.vote.deleteMany({ where: { id: { in: votes.map((v) => v.id) } } });
          await audit(tx, actorOf(viewer), {
            action: "vote.withdraw",
            entity: "meeting",
            entityId: m.id,
            countyId: m.countyId,
            reason,
            before: { votes: votes.map((v) => ({ voteId: v.id, agendaItemId: v.agendaItemId, choice: v.choice })) },
            after: { representativeId: input.representativeId, present: false },
          });
          withdrawn = votes.length;
        }
      }
      const changed = await tx.meetingAttendance.updateMany({
        where: { meetingId: m.id, ...(all ? {} : { representativeId: input.representativeId }) },
        data: { present: input.present, recordedAt: new Date() },
      });
      if (!all && changed.count === 0) throw fieldError("representativeId", messageKey("procedure.validation.notOnRoster"));
      await audit(tx, actorOf(viewer), {
        action: "attendance.record",
        entity: "meeting",
        entityId: m.id,
        countyId: m.countyId,
        after: { representativeId: input.representativeId, present: input.present, rows: changed.count, withdrawnVotes: withdrawn },
      });
      return { ...(await attendanceCount(tx, m.id)), withdrawn };
    }),
  );
}

async function attendanceCount(tx: Tx, meetingId: string) {
  const rows = await tx.meetingAttendance.findMany({ where: { meetingId }, select: { representativeId: true, present: true } });
  return {
    roster: rows.length,
    attending: rows.filter((r) => r.present).length,
    attendingIds: rows.filter((r) => r.present).map((r) => r.representativeId),
  };
}

/** The meeting may sit (and vote) only with its quorum. */
async function mustHaveQuorum(tx: Tx, m: { id: string; countyId: string }, counts: { roster: number; attending: number }) {
  const policy = await procedurePolicy(tx, m.countyId);
  const q = quorumFrom(policy);
  if (!quorumMet(counts.attending, counts.roster, q)) {
    throw new AppError("invalid", messageKey("procedure.validation.noQuorum"), {
      params: {
        attending: counts.attending,
        roster: counts.roster,
        numerator: q.numerator,
        denominator: q.denominator,
        minimum: quorumMinimum(counts.roster, q) ?? 0,
      },
    });
  }
  return policy;
}

async function itemOf(tx: Tx, meetingId: string, agendaItemId: string) {
  const item = await tx.agendaItem.findFirst({
    where: { id: agendaItemId, meetingId },
    select: { id: true, ballot: true, yes: true, proposalId: true },
  });
  if (!item) throw fieldError("agendaItemId", messageKey("procedure.validation.notOnAgenda"));
  return item;
}

export interface VoteOutcome {
  voteId: string;
  replay: boolean;
  /** a correction of a recorded vote changed it */
  corrected?: boolean;
}

/**
 * One roll-call vote: an attending representative, once per item. The database's unique
 * (agendaItemId, representativeId) refuses a second vote even when two arrive at once.
 */
export async function recordVote(
  viewer: Viewer,
  input: {
    id?: string;
    meetingId: string;
    agendaItemId: string;
    representativeId: string;
    choice: "yes" | "no" | "abstain";
    correct?: boolean;
  },
): Promise<VoteOutcome> {
  if (input.correct) return correctVote(viewer, input);
  const id = input.id ?? randomUUID();
  try {
    return await meetingWrite(viewer, input.meetingId, "vote.record", () =>
      db().$transaction(async (tx) => {
        const m = await lockMeeting(tx, viewer, input.meetingId, "update");
        mustBeOpen(m);
        const item = await itemOf(tx, m.id, input.agendaItemId);
        if (item.ballot === "secret") throw fieldError("agendaItemId", messageKey("procedure.validation.secretBallotItem"));
        const counts = await attendanceCount(tx, m.id);
        if (!counts.attendingIds.includes(input.representativeId))
          throw fieldError("representativeId", messageKey("procedure.validation.notAttending"));
        await mustHaveQuorum(tx, m, counts);
        await tx.vote.create({
          data: { id, agendaItemId: item.id, representativeId: input.representativeId, choice: input.choice, recordedById: viewer.id },
        });
        await audit(tx, actorOf(viewer), {
          action: "vote.record",
          entity: "vote",
          entityId: id,
          countyId: m.countyId,
          after: { meetingId: m.id, agendaItemId: item.id, representativeId: input.representativeId, choice: input.choice },
        });
        return { voteId: id, replay: false };
      }),
    );
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      // the same vote sent twice (same id, same representative and item): answer with the stored one
      const stored = await db().vote.findUnique({ where: { id }, select: { agendaItemId: true, representativeId: true } });
      if (stored && stored.agendaItemId === input.agendaItemId && stored.representativeId === input.representativeId)
        return { voteId: id, replay: true };
      throw new AppError("conflict", messageKey("procedure.validation.duplicateVote"), {
        fieldErrors: { representativeId: [messageKey("procedure.validation.duplicateVote")] },
      });
    }
    throw e;
  }
}

/**
 * A mis-tapped roll-call vote corrected while the meeting is open: the stored vote takes the new
 * choice and the correction (who, when, from what to what) is kept; a closed meeting refuses it.
 */
async function correctVote(
  viewer: Viewer,
  input: { meetingId: string; agendaItemId: string; representativeId: string; choice: "yes" | "no" | "abstain" },
): Promise<VoteOutcome> {
  return meetingWrite(viewer, input.meetingId, "vote.correct", () =>
    db().$transaction(async (tx) => {
      const m = await lockMeeting(tx, viewer, input.meetingId, "update");
      mustBeOpen(m);
      const item = await itemOf(tx, m.id, input.agendaItemId);
      if (item.ballot === "secret") throw fieldError("agendaItemId", messageKey("procedure.validation.secretBallotItem"));
      const vote = await tx.vote.findFirst({
        where: { agendaItemId: item.id, representativeId: input.representativeId },
        select: { id: true, choice: true },
      });
      if (!vote) throw fieldError("representativeId", messageKey("procedure.validation.noVoteToCorrect"));
      if (vote.choice === input.choice) return { voteId: vote.id, replay: true, corrected: false };
      await tx.vote.update({ where: { id: vote.id }, data: { choice: input.choice, recordedById: viewer.id, recordedAt: new Date() } });
      await tx.voteCorrection.create({
        data: {
          voteId: vote.id,
          meetingId: m.id,
          agendaItemId: item.id,
          countyId: m.countyId,
          representativeId: input.representativeId,
          fromChoice: vote.choice,
          toChoice: input.choice,
          correctedById: viewer.id,
        },
      });
      await audit(tx, actorOf(viewer), {
        action: "vote.correct",
        entity: "vote",
        entityId: vote.id,
        countyId: m.countyId,
        before: { choice: vote.choice },
        after: { meetingId: m.id, agendaItemId: item.id, representativeId: input.representativeId, choice: input.choice },
      });
      return { voteId: vote.id, replay: false, corrected: true };
    }),
  );
}

/** Secret-ballot counts of one item: each a non-negative whole number, together the attendance. */
export async function recordSecretBallot(
  viewer: Viewer,
  input: { meetingId: string; agendaItemId: string; yes: number; no: number; abstain: number },
  lang: "zh" | "en" = "zh",
) {
  return meetingWrite(viewer, input.meetingId, "ballot.record", () =>
    db().$transaction(async (tx) => {
      const m = await lockMeeting(tx, viewer, input.meetingId, "update");
      mustBeOpen(m);
      const item = await itemOf(tx, m.id, input.agendaItemId);
      if ((await tx.vote.count({ where: { agendaItemId: item.id } })) > 0)
        throw fieldError("agendaItemId", messageKey("procedure.validation.rollCallItem"));
      const counts = await attendanceCount(tx, m.id);
      await mustHaveQuorum(tx, m, counts);
      const r = validateSecretBallot({ yes: input.yes, no: input.no, abstain: input.abstain }, counts.attending);
      if (!r.ok) {
        const message = lang === "en" ? r.messageEn : r.message;
        throw new AppError("invalid", message, { fieldErrors: Object.fromEntries(r.fields.map((f) => [f, [message]])) });
      }
      await tx.agendaItem.update({ where: { id: item.id }, data: { ballot: "secret", yes: r.yes, no: r.no, abstain: r.abstain } });
      await audit(tx, actorOf(viewer), {
        action: "ballot.record",
        entity: "agenda_item",
        entityId: item.id,
        countyId: m.countyId,
        before: { yes: item.yes },
        after: { meetingId: m.id, yes: r.yes, no: r.no, abstain: r.abstain, attending: counts.attending },
      });
      return { passed: r.passed };
    }),
  );
}

/**
 * Closes the meeting in one transaction: quorum, every item's tally (itemPasses: more than half
 * of those attending), each proposal's "voted" step (voted or failed), objections answered by the
 * new vote, the minutes, and the meeting frozen. Never reopened: a correction is a new proposal.
 */
export async function closeMeeting(
  viewer: Viewer,
  input: { meetingId: string; minutes: string; minutesKey?: string | null; minutesSha256?: string | null },
) {
  return meetingWrite(viewer, input.meetingId, "meeting.close", () =>
    db().$transaction(async (tx) => {
      const m = await lockMeeting(tx, viewer, input.meetingId, "update");
      mustBeOpen(m);
      const counts = await attendanceCount(tx, m.id);
      const policy = await mustHaveQuorum(tx, m, counts);
      const items = await tx.agendaItem.findMany({
        where: { meetingId: m.id },
        orderBy: { position: "asc" },
        select: {
          id: true,
          ballot: true,
          yes: true,
          no: true,
          abstain: true,
          proposalId: true,
          position: true,
          votes: { select: { representativeId: true, choice: true } },
        },
      });
      const now = today();
      const results: { itemId: string; proposalId: string; tally: Tally }[] = [];
      for (const item of items) {
        let tally: Tally;
        if (item.ballot === "roll_call") {
          const r = tallyFromRollCall(item.votes, counts.attendingIds);
          if (!r.ok) throw new ProcedureRefusal([r.message], [r.messageEn], [r.code]);
          tally = r;
        } else {
          // never both kinds on one item (the row lock keeps them apart; this refuses old data)
          if (item.votes.length > 0)
            throw new AppError("invalid", messageKey("procedure.validation.mixedBallot"), { params: { position: item.position } });
          if (item.yes === null || item.no === null || item.abstain === null)
            throw new AppError("invalid", messageKey("procedure.validation.itemNotCounted"), { params: { position: item.position } });
          const r = validateSecretBallot({ yes: item.yes, no: item.no, abstain: item.abstain }, counts.attending);
          if (!r.ok)
            throw new ProcedureRefusal([`第 ${item.position} 项：${r.message}`], [`Item ${item.position}: ${r.messageEn}`], [r.code]);
          tally = r;
        }
        results.push({ itemId: item.id, proposalId: item.proposalId, tally });
      }
      // results first: once the meeting is closed the database refuses any change to its items
      for (const r of results) {
        await tx.agendaItem.update({
          where: { id: r.itemId },
          data: { yes: r.tally.yes, no: r.tally.no, abstain: r.tally.abstain, passed: r.tally.passed },
        });
      }
      for (const r of results) {
        const p = await loadProposal(tx, { id: r.proposalId });
        const ctx = await stepContext(tx, p, {
          today: now,
          policy,
          meeting: { closed: true, roster: counts.roster, attending: counts.attending, yes: r.tally.yes },
        });
        const t = r.tally;
        const reason = `${m.date} 评议会表决：赞成 ${t.yes}，反对 ${t.no}，弃权 ${t.abstain}${t.notVoted ? `，未投票 ${t.notVoted}` : ""}；出席 ${counts.attending}/${counts.roster}`;
        await takeStep(tx, p, "voted", ctx, { actor: actorOf(viewer), reason, auditAfter: { meetingId: m.id, ...t } });
        await tx.objection.updateMany({
          where: { proposalId: p.id, resolvedAt: null },
          data: { resolvedAt: new Date(), resolution: `重新评议（${m.date}）：${t.passed ? "通过" : "未通过"}` },
        });
      }
      await tx.meeting.update({
        where: { id: m.id },
        data: {
          state: "closed",
          closedAt: new Date(),
          closedById: viewer.id,
          minutes: input.minutes,
          minutesKey: input.minutesKey ?? null,
          minutesSha256: input.minutesSha256 ?? null,
          quorumMet: true,
          rosterSize: counts.roster,
          version: { increment: 1 },
        },
      });
      await audit(tx, actorOf(viewer), {
        action: "meeting.close",
        entity: "meeting",
        entityId: m.id,
        countyId: m.countyId,
        after: {
          roster: counts.roster,
          attending: counts.attending,
          results: results.map((r) => ({
            proposalId: r.proposalId,
            yes: r.tally.yes,
            no: r.tally.no,
            abstain: r.tally.abstain,
            passed: r.tally.passed,
          })),
          minutesKey: input.minutesKey ?? null,
        },
      });
      return { results: results.map((r) => ({ proposalId: r.proposalId, passed: r.tally.passed })) };
    }),
  );
}

// ───────────────────────── reading ─────────────────────────

/** A meeting's minutes scan key, if the meeting is in the viewer's scope; else null, the refusal recorded. */
export async function meetingMinutesKey(viewer: Viewer, id: string): Promise<{ minutesKey: string | null } | null> {
  const m = /^[0-9a-f-]{36}$/i.test(id)
    ? await db().meeting.findFirst({ where: { AND: [{ id }, meetingScope(viewer)] }, select: { minutesKey: true } })
    : null;
  if (!m) await auditAccessDenied(viewer, "meeting_minutes", id, { code: "not_found" }).catch(() => {});
  return m;
}

/** The village's representatives with its county's quorum rule (the facilitator's page). */
export async function representativesView(viewer: Viewer) {
  const reps = await listRepresentatives(viewer);
  const policy = await procedurePolicy(db(), viewer.regionId.slice(0, 6));
  return { reps, quorum: { numerator: policy.quorumNumerator, denominator: policy.quorumDenominator } };
}

export async function listRepresentatives(viewer: Viewer) {
  mustBeVillageFacilitator(viewer);
  return db().representative.findMany({
    where: { villageId: viewer.regionId },
    orderBy: [{ active: "desc" }, { createdAt: "asc" }, { name: "asc" }],
    select: { id: true, name: true, phone: true, active: true },
  });
}

export async function listMeetings(viewer: Viewer) {
  mustBeVillageFacilitator(viewer);
  const rows = await db().meeting.findMany({
    where: { villageId: viewer.regionId },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: 50,
    select: { id: true, date: true, place: true, state: true, rosterSize: true, _count: { select: { agenda: true } } },
  });
  return rows.map((m) => ({
    id: m.id,
    date: m.date.toISOString().slice(0, 10),
    place: m.place,
    state: m.state,
    rosterSize: m.rosterSize,
    items: m._count.agenda,
  }));
}

/** Proposals of the facilitator's village waiting for the agenda (comparison explained). */
export async function agendaCandidates(viewer: Viewer) {
  const scope = await proposalScope(db(), viewer);
  const rows = await db().proposal.findMany({
    where: { AND: [scope, { stage: "comparison_explained" }] },
    orderBy: { raisedAt: "asc" },
    select: { id: true, kind: true, monitoringCategory: true, householdId: true, reason: true },
  });
  const households = await db().household.findMany({
    where: { id: { in: rows.map((r) => r.householdId) } },
    select: { id: true, headName: true },
  });
  return rows.map((r) => ({ ...r, headName: households.find((h) => h.id === r.householdId)?.headName ?? "—" }));
}
