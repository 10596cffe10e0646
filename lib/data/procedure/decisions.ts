// The reviews after the village: township review (a township-scoped county official, own
// township), county approval (a county-scoped county official, own county), and the return to
// re-verification an objection brings. The announcement's effect on the household is here too:
// the only place a registered status changes.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { audit, type Actor, actorOf } from "@/lib/audit";
import { dateOnly, today } from "@/lib/clock";
import { registeredStatusAfter } from "@/lib/domain/procedure";
import { recomputeHousehold } from "@/lib/data/assessment";
import { mustApproveCounty, mustReviewTownship, proposalScope, isTownshipReviewer, isCountyOfficial } from "@/lib/auth/scope";
import { loadProposal, staleProposal, stepContext, takeStep, type LoadedProposal } from "./state";
import { messageKey } from "@/i18n/keys";

export async function townshipReview(viewer: Viewer, input: { proposalId: string; version: number; reason: string }) {
  return db().$transaction(async (tx) => {
    const p = await loadProposal(tx, { id: input.proposalId });
    mustReviewTownship(viewer, p.villageId);
    const ctx = await stepContext(tx, p);
    return takeStep(tx, p, "township_review", ctx, {
      actor: actorOf(viewer),
      reason: input.reason,
      decision: "approved",
      expectVersion: input.version,
    });
  });
}

export async function countyApprove(viewer: Viewer, input: { proposalId: string; version: number; reason: string }) {
  return db().$transaction(async (tx) => {
    const p = await loadProposal(tx, { id: input.proposalId });
    mustApproveCounty(viewer, p.countyId);
    const ctx = await stepContext(tx, p);
    return takeStep(tx, p, "county_approval", ctx, {
      actor: actorOf(viewer),
      reason: input.reason,
      decision: "approved",
      expectVersion: input.version,
    });
  });
}

/**
 * The reviewer's own return (退回重新核实) at the review step, with its reason: the township
 * reviewer of the item's township while the item awaits the township review (first notice), the
 * county official of its county while it awaits the county's approval (after the township review;
 * identification: after the second notice). The item goes to re-verification (a new home check,
 * comparison, vote and notice), the step recorded with the reason and audited. Anyone else, or
 * at another stage: refused.
 */
export async function returnAtReview(viewer: Viewer, input: { proposalId: string; version: number; reason: string }) {
  const scope = await proposalScope(db(), viewer);
  return db().$transaction(async (tx) => {
    const p = await loadProposal(tx, { AND: [{ id: input.proposalId }, scope] });
    if (p.stage === "first_notice") mustReviewTownship(viewer, p.villageId);
    else if ((p.stage === "township_review" && p.kind !== "identify") || p.stage === "second_notice") mustApproveCounty(viewer, p.countyId);
    else throw new AppError("invalid", messageKey("procedure.validation.notAtReview"));
    const ctx = await stepContext(tx, p);
    return takeStep(
      tx,
      p,
      "reverify",
      { ...ctx, reviewReturn: true },
      {
        actor: actorOf(viewer),
        reason: `审核退回：${input.reason}`,
        decision: "returned",
        expectVersion: input.version,
        auditAfter: { returnedAt: p.stage },
      },
    );
  });
}

/** Who may send a proposal back for re-verification: its village's facilitator, or an official over it. */
export function mayActOnObjections(viewer: Viewer, p: Pick<LoadedProposal, "villageId" | "countyId">): boolean {
  if (viewer.role === "facilitator") return viewer.regionId === p.villageId;
  if (isTownshipReviewer(viewer)) return p.villageId.startsWith(viewer.regionId);
  if (isCountyOfficial(viewer)) return p.countyId === viewer.regionId;
  return false;
}

/**
 * The village's check of the objections waiting on a proposal (lodged by anyone during a notice):
 * each is recorded with the check (about this item? new?) and its note. Only when the objection
 * stands (both yes) does the item go back for re-verification (then a new vote and notice); else
 * the objections are answered with the check's result and the procedure goes on.
 */
export async function sendBack(
  viewer: Viewer,
  input: { proposalId: string; version: number; reason: string; aboutItem: "yes" | "no"; isNew: "yes" | "no" },
) {
  const scope = await proposalScope(db(), viewer);
  return db().$transaction(async (tx) => {
    const p = await loadProposal(tx, { AND: [{ id: input.proposalId }, scope] });
    if (!mayActOnObjections(viewer, p)) throw new AppError("forbidden", "send back", { proposalId: p.id });
    if (input.version !== p.version) throw staleProposal();
    const waiting = await tx.objection.findMany({ where: { proposalId: p.id, resolvedAt: null, checkedAt: null }, select: { id: true } });
    if (waiting.length === 0) throw new AppError("invalid", messageKey("procedure.validation.noObjectionToCheck"));
    const stands = input.aboutItem === "yes" && input.isNew === "yes";
    const now = new Date();
    const check = {
      checkedAt: now,
      checkedById: viewer.id,
      aboutItem: input.aboutItem === "yes",
      isNew: input.isNew === "yes",
      stands,
      checkNote: input.reason,
    };
    const ids = waiting.map((o) => o.id);
    if (!stands) {
      const why = [input.aboutItem === "no" ? "与本事项无关" : null, input.isNew === "no" ? "不是新情况（此前已核实）" : null]
        .filter(Boolean)
        .join("；");
      await tx.objection.updateMany({
        where: { id: { in: ids } },
        data: { ...check, resolvedAt: now, resolution: `村级核查：异议不成立（${why}）。${input.reason}` },
      });
      await audit(tx, actorOf(viewer), {
        action: "objection.dismissed",
        entity: "proposal",
        entityId: p.id,
        countyId: p.countyId,
        reason: input.reason,
        after: { objectionIds: ids, aboutItem: check.aboutItem, isNew: check.isNew, stands: false },
      });
      return { stage: p.stage, version: p.version, stands: false };
    }
    await tx.objection.updateMany({ where: { id: { in: ids } }, data: check });
    await audit(tx, actorOf(viewer), {
      action: "objection.stands",
      entity: "proposal",
      entityId: p.id,
      countyId: p.countyId,
      reason: input.reason,
      after: { objectionIds: ids, aboutItem: true, isNew: true, stands: true },
    });
    const ctx = await stepContext(tx, p);
    const r = await takeStep(tx, p, "reverify", ctx, {
      actor: actorOf(viewer),
      reason: `异议核查成立：${input.reason}`,
      decision: "objection",
      expectVersion: input.version,
    });
    return { stage: r.stage, version: r.version, stands: true };
  });
}

/**
 * The announcement's effect on one household, inside the announcement's transaction: the new
 * registered status (or monitoring), its RegistrationChange row or MonitoringPeriod, the version
 * bump, a fresh assessment and the audit event. registeredStatusAfter decides what changes.
 */
export async function applyAnnouncement(tx: Tx, p: LoadedProposal, actor: Actor, noticeId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM household WHERE id = ${p.householdId} FOR UPDATE`;
  const h = await tx.household.findUniqueOrThrow({
    where: { id: p.householdId },
    select: {
      id: true,
      countyId: true,
      version: true,
      registeredStatus: true,
      monitoringCategory: true,
      monitoringSince: true,
      registeredAt: true,
      liftedAt: true,
    },
  });
  const on = today();
  const change = registeredStatusAfter(p.kind, p.kind === "monitor" ? p.monitoringCategory : null);
  const data: Record<string, unknown> = {};
  if (change.registeredStatus !== "unchanged" && change.registeredStatus !== h.registeredStatus) {
    data.registeredStatus = change.registeredStatus;
    if (change.registeredStatus === "registered_poor") data.registeredAt = dateOnly(on);
    if (change.registeredStatus === "lifted") data.liftedAt = dateOnly(on);
    await tx.registrationChange.create({
      data: {
        householdId: h.id,
        countyId: h.countyId,
        fromStatus: h.registeredStatus,
        toStatus: change.registeredStatus,
        effective: dateOnly(on),
        reason: `公告 ${noticeId}（提议 ${p.id}）`,
      },
    });
  }
  if (change.monitoringCategory !== "unchanged") {
    if (change.monitoringCategory !== null) {
      data.monitoringCategory = change.monitoringCategory;
      data.monitoringSince = dateOnly(on);
      await tx.monitoringPeriod.create({
        data: { householdId: h.id, countyId: h.countyId, category: change.monitoringCategory, fromDate: dateOnly(on), proposalId: p.id },
      });
    } else {
      data.monitoringCategory = null;
      data.monitoringSince = null;
      const closed = await tx.monitoringPeriod.updateMany({
        where: { householdId: h.id, toDate: null },
        data: { toDate: dateOnly(on), endProposalId: p.id },
      });
      if (closed.count === 0 && h.monitoringCategory) {
        // monitored before this registry kept periods (e.g. imported): keep the history anyway
        await tx.monitoringPeriod.create({
          data: {
            householdId: h.id,
            countyId: h.countyId,
            category: h.monitoringCategory,
            fromDate: h.monitoringSince ?? dateOnly(on),
            toDate: dateOnly(on),
            endProposalId: p.id,
          },
        });
      }
    }
  }
  const bumped = await tx.household.updateMany({ where: { id: h.id, version: h.version }, data: { ...data, version: { increment: 1 } } });
  if (bumped.count === 0) throw new AppError("conflict", messageKey("procedure.validation.staleProposal"));
  const assessment = await recomputeHousehold(tx, h.id, { trigger: "edit", actorId: actor.id });
  await audit(tx, actor, {
    action: "household.registered_status",
    entity: "household",
    entityId: h.id,
    countyId: h.countyId,
    before: { registeredStatus: h.registeredStatus, monitoringCategory: h.monitoringCategory, version: h.version },
    after: {
      registeredStatus: (data.registeredStatus as string | undefined) ?? h.registeredStatus,
      monitoringCategory: "monitoringCategory" in data ? data.monitoringCategory : h.monitoringCategory,
      version: h.version + 1,
      proposalId: p.id,
      noticeId,
      assessment: assessment && { status: assessment.status, candidate: assessment.candidate },
    },
    reason: `公告 (announcement) ${noticeId}`,
  });
}
