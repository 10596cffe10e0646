// Public notices (公示) and the announcement (公告). The first notice lists a closed meeting's
// passed items (published by the village's facilitator); the second (identification only) those
// the township has reviewed (facilitator or township reviewer); the announcement those the county
// approved (county official) — and only the announcement changes a household's registered status.
// A notice runs for noticeDaysFor(kind) days (policy): items of different lengths get one notice
// each. What a notice shows the public: the head's name, the kind and the reason; never national
// IDs, health details or incomes.
import { displayHotline } from "@/lib/domain/hotline";
import { stripControls } from "@/lib/validation/public-text";
import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { audit, actorOf } from "@/lib/audit";
import { dateOnly, today } from "@/lib/clock";
import { noticeDaysFor, noticeEnd } from "@/lib/domain/notice";
import { applyAnnouncement } from "./decisions";
import { fieldError } from "./proposals";
import { isTownshipReviewer, mustApproveCounty, mustFacilitate, regionReach } from "@/lib/auth/scope";
import { isoDay, loadProposal, procedurePolicy, stepContext, takeStep, type LoadedProposal } from "./state";
import type { NoticeKind, Prisma } from "@/lib/generated/prisma/client";
import { messageKey } from "@/i18n/keys";
import { chinaDay } from "@/lib/domain/china-time";

/** A further notice id derived from the device's one, so a retry gives the same ids. */
export function derivedNoticeId(id: string, days: number): string {
  const h = createHash("sha256").update(`${id}:${days}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface PublishOutcome {
  noticeIds: string[];
  replay: boolean;
}

async function replayOf(viewer: Viewer, id: string): Promise<PublishOutcome | null> {
  const n = await db().notice.findUnique({
    where: { id },
    select: { id: true, publishedById: true, publishedAt: true, villageId: true, meetingId: true },
  });
  if (!n) return null;
  if (n.publishedById !== viewer.id) throw new AppError("not_found", "notice id belongs to another", { id });
  // the notices published with it (same publisher, same moment)
  const all = await db().notice.findMany({
    where: { publishedById: viewer.id, publishedAt: n.publishedAt, villageId: n.villageId },
    select: { id: true },
  });
  return { noticeIds: all.map((x) => x.id), replay: true };
}

function checkStart(startDate: string, notBefore: string | null) {
  if (startDate > today()) throw fieldError("startDate", messageKey("procedure.validation.noticeStartFuture"));
  if (notBefore && startDate < notBefore)
    throw new AppError("invalid", messageKey("procedure.validation.noticeStartTooEarly"), {
      fieldErrors: { startDate: [messageKey("procedure.validation.noticeStartTooEarly")] },
      params: { date: notBefore },
    });
}

/** Creates the notice(s) for the proposals, grouped by their notice length, and takes their step. */
async function publish(
  tx: Tx,
  viewer: Viewer,
  args: {
    id: string;
    kind: NoticeKind;
    villageId: string;
    countyId: string;
    meetingId: string | null;
    startDate: string;
    proposals: LoadedProposal[];
  },
): Promise<string[]> {
  const policy = await procedurePolicy(tx, args.countyId);
  const groups = new Map<number, LoadedProposal[]>();
  for (const p of args.proposals) {
    const days = args.kind === "announcement" ? policy.noticeDays : noticeDaysFor(p.kind, policy);
    groups.set(days, [...(groups.get(days) ?? []), p]);
  }
  const ids: string[] = [];
  const step = args.kind === "first" ? "first_notice" : args.kind === "second" ? "second_notice" : "announced";
  const publishedAt = new Date();
  for (const [i, [days, proposals]] of [...groups.entries()].sort((a, b) => b[0] - a[0]).entries()) {
    const noticeId = i === 0 ? args.id : derivedNoticeId(args.id, days);
    const end = noticeEnd(args.startDate, days);
    await tx.notice.create({
      data: {
        id: noticeId,
        villageId: args.villageId,
        countyId: args.countyId,
        kind: args.kind,
        meetingId: args.meetingId,
        startDate: dateOnly(args.startDate),
        days,
        endDate: dateOnly(end),
        publishedById: viewer.id,
        publishedAt,
      },
    });
    await tx.noticeItem.createMany({ data: proposals.map((p) => ({ noticeId, proposalId: p.id })) });
    for (const p of proposals) {
      const ctx = await stepContext(tx, p, { policy, ...(args.kind === "announcement" ? {} : { noticeStart: args.startDate }) });
      await takeStep(tx, p, step, ctx, {
        actor: actorOf(viewer),
        reason: args.kind === "announcement" ? `公告 ${args.startDate}` : `公示 ${args.startDate} 至 ${end}（${days} 天）`,
        decision: noticeId,
        auditAfter: { noticeId, start: args.startDate, days, end },
      });
      if (args.kind === "announcement") {
        await applyAnnouncement(tx, await loadProposal(tx, { id: p.id }), actorOf(viewer), noticeId);
      }
    }
    await audit(tx, actorOf(viewer), {
      action: `notice.publish_${args.kind}`,
      entity: "notice",
      entityId: noticeId,
      countyId: args.countyId,
      after: {
        villageId: args.villageId,
        meetingId: args.meetingId,
        start: args.startDate,
        days,
        end,
        proposalIds: proposals.map((p) => p.id),
      },
    });
    ids.push(noticeId);
  }
  return ids;
}

async function proposalsOf(tx: Tx, ids: string[], where: Prisma.ProposalWhereInput): Promise<LoadedProposal[]> {
  const out: LoadedProposal[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      out.push(await loadProposal(tx, { id, ...where }));
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found")
        throw fieldError("proposalIds", messageKey("procedure.validation.itemNotEligible"));
      throw e;
    }
  }
  return out;
}

/** First notice: the passed items of a closed meeting of the facilitator's village. */
export async function publishFirstNotice(
  viewer: Viewer,
  input: { id: string; meetingId: string; proposalIds: string[]; startDate: string },
): Promise<PublishOutcome> {
  const before = await replayOf(viewer, input.id);
  if (before) return before;
  return db().$transaction(async (tx) => {
    const m = await tx.meeting.findUnique({
      where: { id: input.meetingId },
      select: { id: true, villageId: true, countyId: true, state: true, date: true },
    });
    if (!m) throw new AppError("not_found", "meeting not found");
    mustFacilitate(viewer, m.villageId);
    if (m.state !== "closed") throw new AppError("invalid", messageKey("procedure.validation.meetingNotClosed"));
    checkStart(input.startDate, isoDay(m.date));
    const proposals = await proposalsOf(tx, input.proposalIds, {
      villageId: m.villageId,
      stage: "voted",
      agenda: { some: { meetingId: m.id, passed: true } },
    });
    const noticeIds = await publish(tx, viewer, {
      id: input.id,
      kind: "first",
      villageId: m.villageId,
      countyId: m.countyId,
      meetingId: m.id,
      startDate: input.startDate,
      proposals,
    });
    return { noticeIds, replay: false };
  });
}

/** Second notice (identification): items the township reviewed, in one village. */
export async function publishSecondNotice(
  viewer: Viewer,
  input: { id: string; proposalIds: string[]; startDate: string },
): Promise<PublishOutcome> {
  const before = await replayOf(viewer, input.id);
  if (before) return before;
  return db().$transaction(async (tx) => {
    // an item outside the caller's village or township: the same answer as one not eligible
    // (nothing said about it), and the refusal recorded as a scope denial (#16.12)
    const reach: Prisma.ProposalWhereInput | null =
      viewer.role === "facilitator"
        ? regionReach(viewer.regionId, "village")
        : isTownshipReviewer(viewer)
          ? regionReach(viewer.regionId, "township")
          : null;
    if (reach) {
      const outside = await tx.proposal.findMany({ where: { id: { in: input.proposalIds }, NOT: reach }, select: { id: true } });
      if (outside.length) {
        throw new AppError("invalid", messageKey("procedure.validation.itemNotEligible"), {
          fieldErrors: { proposalIds: [messageKey("procedure.validation.itemNotEligible")] },
          outOfScope: { field: "proposalIds", proposals: outside.map((o) => o.id) },
        });
      }
    }
    const proposals = await proposalsOf(tx, input.proposalIds, { kind: "identify", stage: "township_review" });
    const villages = new Set(proposals.map((p) => p.villageId));
    if (villages.size !== 1) throw fieldError("proposalIds", messageKey("procedure.validation.oneVillage"));
    const p0 = proposals[0]!;
    if (viewer.role === "facilitator") mustFacilitate(viewer, p0.villageId);
    else if (!isTownshipReviewer(viewer)) throw new AppError("forbidden", "second notice");
    else if (!p0.villageId.startsWith(viewer.regionId)) throw new AppError("not_found", "village not in the reviewer's township");
    // not before the township review of any of them
    const reviewed = proposals
      .map((p) => p.steps.filter((s) => s.stage === "township_review").at(-1)?.at)
      .filter((d): d is Date => Boolean(d));
    const latest = reviewed.length ? new Date(Math.max(...reviewed.map((d) => d.getTime()))) : null;
    checkStart(input.startDate, latest ? isoDayChina(latest) : null);
    const noticeIds = await publish(tx, viewer, {
      id: input.id,
      kind: "second",
      villageId: p0.villageId,
      countyId: p0.countyId,
      meetingId: null,
      startDate: input.startDate,
      proposals,
    });
    return { noticeIds, replay: false };
  });
}

function isoDayChina(d: Date): string {
  const s = chinaDay(d);
  return s < today() ? s : today();
}

/**
 * The announcement (公告) of county-approved items of one village, by the county official: each
 * item's "announced" step and its household's status change, all in one transaction.
 */
export async function announce(viewer: Viewer, input: { id: string; proposalIds: string[] }): Promise<PublishOutcome> {
  const before = await replayOf(viewer, input.id);
  if (before) return before;
  return db().$transaction(async (tx) => {
    const proposals: LoadedProposal[] = [];
    for (const id of [...new Set(input.proposalIds)]) proposals.push(await loadProposal(tx, { id }));
    for (const p of proposals) mustApproveCounty(viewer, p.countyId);
    if (new Set(proposals.map((p) => p.villageId)).size !== 1)
      throw fieldError("proposalIds", messageKey("procedure.validation.oneVillage"));
    const p0 = proposals[0]!;
    const noticeIds = await publish(tx, viewer, {
      id: input.id,
      kind: "announcement",
      villageId: p0.villageId,
      countyId: p0.countyId,
      meetingId: null,
      startDate: today(),
      proposals,
    });
    return { noticeIds, replay: false };
  });
}

// ───────────────────────── the public, printable notice ─────────────────────────

/**
 * A notice as posted: no sign-in (it hangs in the village), so only what a notice may show —
 * the place, the period, and per household the head's name, the kind and the reason.
 */
export async function getPublicNotice(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const n = await db().notice.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      villageId: true,
      countyId: true,
      startDate: true,
      endDate: true,
      days: true,
      publishedAt: true,
      items: { select: { proposal: { select: { id: true, kind: true, monitoringCategory: true, reason: true, householdId: true } } } },
    },
  });
  if (!n) return null;
  const villageId = n.villageId;
  const chain = [villageId, villageId.slice(0, 9), villageId.slice(0, 6)];
  const [regions, households] = await Promise.all([
    db().region.findMany({ where: { id: { in: chain } }, select: { id: true, name: true, hotline: true } }),
    db().household.findMany({
      where: { id: { in: n.items.map((i) => i.proposal.householdId) } },
      select: { id: true, headName: true, number: true },
    }),
  ]);
  const name = (rid: string) => regions.find((r) => r.id === rid)?.name ?? "";
  const hotline = displayHotline(chain.map((rid) => regions.find((r) => r.id === rid)?.hotline).find((h) => Boolean(h?.trim())));
  const byId = new Map(households.map((h) => [h.id, h]));
  return {
    id: n.id,
    kind: n.kind,
    village: name(villageId),
    township: name(chain[1]!),
    county: name(chain[2]!),
    start: isoDay(n.startDate),
    end: isoDay(n.endDate),
    days: n.days,
    publishedOn: isoDayChina(n.publishedAt),
    hotline,
    items: n.items
      .map((i) => ({
        // printed for anyone: without bidi or zero-width controls that could reorder or hide text
        headName: stripControls(byId.get(i.proposal.householdId)?.headName ?? ""),
        number: byId.get(i.proposal.householdId)?.number ?? "",
        kind: i.proposal.kind,
        category: i.proposal.monitoringCategory,
        reason: stripControls(i.proposal.reason),
      }))
      .sort((a, b) => a.number.localeCompare(b.number)),
  };
}

export type PublicNotice = NonNullable<Awaited<ReturnType<typeof getPublicNotice>>>;
