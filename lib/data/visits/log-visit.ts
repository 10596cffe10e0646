// Recording a visit: one transaction for the visit, its follow-ups, its evidence rows, the
// household changes it brings (through applyHouseholdChanges: version check, recompute, audit),
// the household's last-visit date and the visit's own audit event. A visit whose changes meet
// a newer version is still kept (state "conflict"), its changes waiting for the cadre.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { audit, type Actor, type AuditEntry } from "@/lib/audit";
import { recordDenials, takenNationalIds, type Denial } from "@/lib/data/national-id-taken";
import { AppError, fieldError } from "@/lib/auth/errors";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { dateOnly } from "@/lib/clock";
import { Prisma, type EvidenceKind, type IndicatorKey } from "@/lib/generated/prisma/client";
import { applyHouseholdChanges, ConflictError } from "@/lib/data/household-changes";
import { pruneChanges } from "@/lib/validation/visit-facts";
import type { VisitInput } from "@/lib/validation/visit";
import { currentFacts, factsSelect } from "./facts";
import { describeConflict, type ConflictInfo } from "./conflict";
import { messageKey } from "@/i18n/keys";
import { chinaDay } from "@/lib/domain/china-time";

export interface StoredEvidence {
  kind: EvidenceKind;
  indicator: IndicatorKey | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string;
  sha256: string;
}

export interface VisitOutcome {
  visitId: string;
  householdId: string;
  state: "accepted" | "conflict" | "rejected";
  stateReason: string | null;
  assessedStatus: string | null;
  unmetIndicators: string[];
  perCapitaIncome: number | null;
  changed: string[];
  /** true when this visit id had already been stored: nothing was written this time */
  replay: boolean;
}

type VisitFacts = Pick<
  VisitInput,
  | "clientVisitId"
  | "householdId"
  | "date"
  | "mode"
  | "confirmation"
  | "followUps"
  | "planProgress"
  | "baseVersion"
  | "locationConsent"
  | "location"
>;

/** Where the visit was, kept only for a home visit the household consented to locate. */
export function locatedOf(input: Pick<VisitFacts, "mode" | "locationConsent" | "location">) {
  return input.mode === "home" && input.locationConsent && input.location ? input.location : null;
}

/**
 * The audit event of a stored visit ("visit.create"): what was recorded and what came of it. One
 * builder for both ways a visit is stored (recordVisit below, and the one-call plain visit).
 */
export function visitCreatedEvent(
  input: VisitFacts,
  household: { id: string; countyId: string },
  outcome: {
    evidence: readonly { sha256: string }[];
    state: VisitOutcome["state"];
    changed: string[];
    pendingChanges: unknown;
    reason: string | null;
  },
): AuditEntry {
  return {
    action: "visit.create",
    entity: "visit",
    entityId: input.clientVisitId,
    countyId: household.countyId,
    after: {
      householdId: household.id,
      date: input.date,
      mode: input.mode,
      confirmation: input.confirmation,
      located: Boolean(locatedOf(input)),
      followUps: input.followUps.length,
      planProgress: input.planProgress,
      evidence: outcome.evidence.map((e) => e.sha256),
      baseVersion: input.baseVersion,
      state: outcome.state,
      changed: outcome.changed,
      pendingChanges: outcome.pendingChanges,
    },
    reason: outcome.reason,
  };
}

/** The household in the viewer's scope (id, county), or AppError("not_found"). */
export async function findScopedHousehold(viewer: Viewer, householdId: string, client: Tx | ReturnType<typeof db> = db()) {
  const h = await client.household.findFirst({
    where: { AND: [{ id: householdId }, householdScope(viewer)] },
    select: { id: true, countyId: true },
  });
  if (!h) throw new AppError("not_found", "household not found", { householdId });
  return h;
}

/** What a stored visit came to, or null when there is none with this id for this cadre and household. */
export async function storedOutcome(
  client: Tx | ReturnType<typeof db>,
  visitId: string,
  viewer: Viewer,
  householdId: string,
): Promise<VisitOutcome | null> {
  const v = await client.visit.findUnique({
    where: { id: visitId },
    select: {
      id: true,
      householdId: true,
      cadreId: true,
      state: true,
      stateReason: true,
      household: { select: { assessedStatus: true, unmetIndicators: true, perCapitaIncome: true } },
    },
  });
  if (!v) return null;
  // a visit id is the device's own: someone else's id is "not found", never a replay
  if (v.cadreId !== viewer.id || v.householdId !== householdId) throw new AppError("not_found", "visit not found", { visitId });
  return {
    visitId: v.id,
    householdId: v.householdId,
    state: v.state,
    stateReason: v.stateReason,
    assessedStatus: v.household.assessedStatus,
    unmetIndicators: v.household.unmetIndicators,
    perCapitaIncome: v.household.perCapitaIncome == null ? null : Number(v.household.perCapitaIncome),
    changed: [],
    replay: true,
  };
}

/** A national ID may belong to one active member only: say which new member's is taken, before any write fails on the index. */
async function refuseTakenNationalIds(tx: Tx, viewer: Viewer, added: { nationalId?: string | null }[], denials: Denial[]) {
  const ids = added.map((n) => n.nationalId ?? "").filter(Boolean);
  if (!ids.length) return;
  // held outside the cadre's region: not said, only "cannot be registered here" (and audited)
  const taken = await takenNationalIds(tx, viewer, ids, "visit.newMember", denials);
  added.forEach((n, i) => {
    const id = n.nationalId ?? "";
    const key =
      id && (taken.inScope.has(id) || ids.indexOf(id) !== ids.lastIndexOf(id))
        ? messageKey("validation.nationalIdDuplicate")
        : id && taken.outside.has(id)
          ? messageKey("validation.nationalIdUnavailable")
          : null;
    if (key) throw fieldError(`updates.newMembers.${i}.nationalId`, key);
  });
}

export async function recordVisit(
  viewer: Viewer,
  input: Omit<VisitInput, "evidence" | "signature">,
  evidence: StoredEvidence[],
  opts: { conflictMessage: (info: ConflictInfo | null) => string },
): Promise<VisitOutcome> {
  const actor: Actor = { id: viewer.id, role: viewer.role };
  const denials: Denial[] = [];
  try {
    return await recordVisitTx(viewer, actor, input, evidence, opts, denials);
  } finally {
    if (denials.length) await recordDenials(viewer, denials);
  }
}

async function recordVisitTx(
  viewer: Viewer,
  actor: Actor,
  input: Omit<VisitInput, "evidence" | "signature">,
  evidence: StoredEvidence[],
  opts: { conflictMessage: (info: ConflictInfo | null) => string },
  denials: Denial[],
): Promise<VisitOutcome> {
  return db().$transaction(async (tx) => {
    const h = await tx.household.findFirst({
      where: { AND: [{ id: input.householdId }, householdScope(viewer)] },
      select: {
        id: true,
        countyId: true,
        version: true,
        assignments: {
          where: { cadreId: viewer.id, validFrom: { lte: new Date() }, OR: [{ validTo: null }, { validTo: { gt: new Date() } }] },
          select: { validFrom: true },
          orderBy: { validFrom: "desc" },
          take: 1,
        },
        assessedStatus: true,
        unmetIndicators: true,
        perCapitaIncome: true,
      },
    });
    if (!h) throw new AppError("not_found", "household not found", { householdId: input.householdId });
    // No second look for a stored visit here: the caller looked, and the same id arriving at once
    // meets the primary key (P2002), which the caller answers with the stored visit.

    const from = h.assignments[0] ? chinaDay(h.assignments[0].validFrom) : null;
    if (from && input.date < from) {
      throw fieldError("date", messageKey("validation.beforeAssignment"), { date: from });
    }

    const located = locatedOf(input);
    const visitDate = dateOnly(input.date);
    await tx.visit.create({
      data: {
        id: input.clientVisitId,
        householdId: h.id,
        countyId: h.countyId,
        cadreId: viewer.id,
        date: visitDate,
        mode: input.mode,
        findings: input.findings,
        problems: input.problems,
        actionsTaken: input.actionsTaken,
        locationConsent: input.mode === "home" && input.locationConsent,
        latitude: located?.latitude ?? null,
        longitude: located?.longitude ?? null,
        accuracyM: located?.accuracyM ?? null,
        locatedAt: located ? new Date(located.locatedAt) : null,
        confirmation: input.confirmation,
        state: "accepted",
        baseVersion: input.baseVersion,
      },
      select: { id: true },
    });
    if (input.followUps.length) {
      await tx.followUp.createMany({
        data: input.followUps.map((f) => ({
          visitId: input.clientVisitId,
          householdId: h.id,
          countyId: h.countyId,
          description: f.description,
          dueDate: dateOnly(f.dueDate),
        })),
      });
    }
    // the plan's steps marked on this visit: this household's only, each marked once (a step
    // already done keeps its first visit)
    if (input.planProgress.length) {
      await tx.planItem.updateMany({
        where: { id: { in: input.planProgress }, householdId: h.id, doneAt: null },
        data: { doneAt: new Date(), doneById: viewer.id, doneVisitId: input.clientVisitId },
      });
    }
    if (evidence.length) {
      await tx.evidence.createMany({
        data: evidence.map((e) => ({
          ...e,
          householdId: h.id,
          countyId: h.countyId,
          visitId: input.clientVisitId,
          latitude: located?.latitude ?? null,
          longitude: located?.longitude ?? null,
          capturedAt: located ? new Date(located.locatedAt) : null,
          uploadedById: viewer.id,
        })),
      });
    }

    let state: VisitOutcome["state"] = "accepted";
    let stateReason: string | null = null;
    let changed: string[] = [];
    // the facts (and members) are read only when the visit brings updates to compare them with
    const facts = input.updates ? await tx.household.findUniqueOrThrow({ where: { id: h.id }, select: factsSelect }) : null;
    const changes = facts ? pruneChanges(currentFacts(facts), input.updates) : null;
    await refuseTakenNationalIds(tx, viewer, changes?.newMembers ?? [], denials);
    if (changes) {
      try {
        const applied = await applyHouseholdChanges(tx, {
          householdId: h.id,
          baseVersion: input.baseVersion,
          changes,
          actor,
          trigger: "visit",
          visitId: input.clientVisitId,
        });
        changed = applied.changed;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
        // the visit happened: keep it; its changes wait for the cadre to confirm them
        state = "conflict";
        stateReason = opts.conflictMessage(await describeConflict(tx, h.id));
        await tx.visit.update({
          where: { id: input.clientVisitId },
          data: { state, stateReason, pendingChanges: JSON.parse(JSON.stringify(changes)) as Prisma.InputJsonValue },
          select: { id: true },
        });
      }
    }

    // the latest visit date, never moved back by a late-logged older visit; not a fact change, so no version bump
    await tx.household.updateMany({
      where: { id: h.id, OR: [{ lastVisitAt: null }, { lastVisitAt: { lt: visitDate } }] },
      data: { lastVisitAt: visitDate },
    });

    // read before the audit event: the audit takes the chain's lock, held until commit, so the
    // fewer round trips after it, the shorter every other writer waits (bench:load). Unchanged
    // facts: the assessment read with the household at the start still holds.
    const now = changed.length
      ? await tx.household.findUniqueOrThrow({
          where: { id: h.id },
          select: { assessedStatus: true, unmetIndicators: true, perCapitaIncome: true },
        })
      : h;
    await audit(
      tx,
      actor,
      visitCreatedEvent(input, h, {
        evidence,
        state,
        changed,
        pendingChanges: state === "conflict" ? changes : null,
        reason: stateReason,
      }),
    );

    return {
      visitId: input.clientVisitId,
      householdId: h.id,
      state,
      stateReason,
      assessedStatus: now.assessedStatus,
      unmetIndicators: now.unmetIndicators,
      perCapitaIncome: now.perCapitaIncome == null ? null : Number(now.perCapitaIncome),
      changed,
      replay: false,
    };
  });
}
