// Objections (异议) during a public notice. Anyone may object while the notice runs:
//  - told to the village's facilitator, a cadre or an official, who records it (who, what, when);
//  - lodged by the household card (明白卡, source "card").
// Either way it is recorded open, and the proposal cannot be reviewed or approved while it is.
// The village then checks it (decisions.ts sendBack: is it about this item, is it new?): one
// that stands sends the item back for re-verification (then comparison, the agenda and a new
// vote), which the new vote answers (closeMeeting sets its resolution); one that does not is
// answered with the check's result and the procedure goes on.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { audit } from "@/lib/audit";
import { today } from "@/lib/clock";
import { noticeEnd, objectionsOpen } from "@/lib/domain/notice";
import { Prisma } from "@/lib/generated/prisma/client";
import { mayActOnObjections } from "./decisions";
import { proposalScope } from "@/lib/auth/scope";
import { currentNotices, isoDay, loadProposal, type LoadedProposal } from "./state";
import { messageKey } from "@/i18n/keys";

/** The notice now running for the proposal, or an "invalid" error naming why none is. */
function runningNotice(p: LoadedProposal) {
  const which = p.stage === "first_notice" ? "first" : p.stage === "second_notice" ? "second" : null;
  const n = which
    ? currentNotices(p)
        .filter((x) => x.kind === which)
        .at(-1)
    : undefined;
  if (!n) throw new AppError("invalid", messageKey("procedure.validation.noNoticeRunning"));
  const start = isoDay(n.startDate);
  if (!objectionsOpen(start, n.days, today())) {
    throw new AppError("invalid", messageKey("procedure.validation.noticeNotOpen"), { params: { start, end: noticeEnd(start, n.days) } });
  }
  return n;
}

export interface ObjectionOutcome {
  objectionId: string;
  replay: boolean;
}

/** A retry of the caller's own objection; an id someone else recorded is "not found", never a replay. */
async function storedObjection(
  client: Tx | ReturnType<typeof db>,
  id: string,
  proposalId: string,
  viewer: Viewer,
): Promise<ObjectionOutcome | null> {
  const o = await client.objection.findUnique({ where: { id }, select: { proposalId: true, recordedById: true } });
  if (!o) return null;
  if (o.proposalId !== proposalId || o.recordedById !== viewer.id)
    throw new AppError("not_found", "objection id belongs to another", { id });
  return { objectionId: id, replay: true };
}

/** An objection recorded by a facilitator, cadre or official: kept open for the village's check. */
export async function lodgeObjection(
  viewer: Viewer,
  input: { id: string; proposalId: string; byName: string; contact: string; text: string },
): Promise<ObjectionOutcome> {
  if (!["facilitator", "cadre", "county_official"].includes(viewer.role))
    throw new AppError("forbidden", "objections are recorded by facilitators, cadres and officials");
  const before = await storedObjection(db(), input.id, input.proposalId, viewer);
  if (before) return before;
  const scope = await proposalScope(db(), viewer);
  try {
    return await db().$transaction(async (tx) => {
      const p = await loadProposal(tx, { AND: [{ id: input.proposalId }, scope] });
      if (viewer.role !== "cadre" && !mayActOnObjections(viewer, p)) throw new AppError("not_found", "proposal not in scope");
      const n = runningNotice(p);
      await tx.objection.create({
        data: {
          id: input.id,
          proposalId: p.id,
          countyId: p.countyId,
          noticeId: n.id,
          source: viewer.role === "county_official" ? "official" : "village",
          byName: input.byName || null,
          contact: input.contact || null,
          text: input.text,
          recordedById: viewer.id,
        },
      });
      await audit(
        tx,
        { id: viewer.id, role: viewer.role },
        {
          action: "objection.lodge",
          entity: "objection",
          entityId: input.id,
          countyId: p.countyId,
          after: { proposalId: p.id, noticeId: n.id, byName: input.byName || null, text: input.text },
        },
      );
      return { objectionId: input.id, replay: false };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await storedObjection(db(), input.id, input.proposalId, viewer);
      if (again) return again;
    }
    throw e;
  }
}

/**
 * For the household card (明白卡) page: an objection lodged by anyone who opened the card, during
 * the notice. It is recorded open (source "card"); a facilitator or official then sends the item
 * back for re-verification, and until then township review and county approval are refused.
 * The caller authorises the card link; this checks the proposal belongs to the household.
 */
export async function lodgeObjectionFromCard(
  householdId: string,
  proposalId: string,
  text: string,
  contact: string,
): Promise<ObjectionOutcome> {
  const body = text.trim();
  const who = contact.trim();
  if (!body)
    throw new AppError("invalid", messageKey("procedure.validation.objectionTextRequired"), {
      fieldErrors: { text: [messageKey("validation.required")] },
    });
  if (body.length > 2000)
    throw new AppError("invalid", messageKey("validation.tooLong"), { fieldErrors: { text: [messageKey("validation.tooLong")] } });
  if (who.length > 40)
    throw new AppError("invalid", messageKey("validation.tooLong"), { fieldErrors: { contact: [messageKey("validation.tooLong")] } });
  return db().$transaction(async (tx) => {
    const p = await loadProposal(tx, { id: proposalId, householdId });
    const n = runningNotice(p);
    const id = crypto.randomUUID();
    await tx.objection.create({
      data: { id, proposalId: p.id, countyId: p.countyId, noticeId: n.id, source: "card", contact: who || null, text: body },
    });
    await audit(tx, null, {
      action: "objection.lodge_card",
      entity: "objection",
      entityId: id,
      countyId: p.countyId,
      after: { proposalId: p.id, householdId, noticeId: n.id },
    });
    return { objectionId: id, replay: false };
  });
}

export async function objectionsOf(client: Tx | ReturnType<typeof db>, proposalId: string) {
  return client.objection.findMany({
    where: { proposalId },
    orderBy: { lodgedAt: "asc" },
    select: {
      id: true,
      source: true,
      byName: true,
      contact: true,
      text: true,
      lodgedAt: true,
      recordedById: true,
      resolvedAt: true,
      resolution: true,
      noticeId: true,
      checkedAt: true,
      aboutItem: true,
      isNew: true,
      stands: true,
      checkNote: true,
    },
  });
}
