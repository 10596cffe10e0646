// Raising a proposal (with a monitoring application's signed authorisation) and explaining its
// comparison flags. Each is one transaction with its step record and audit event.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { audit, actorOf } from "@/lib/audit";
import { today } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { COMPARISON_FLAG_LABELS } from "@/lib/domain/procedure";
import { identificationOpen } from "@/lib/domain/candidate";
import type { RaiseProposalInput } from "@/lib/validation/procedure";
import { comparisonFlags } from "./comparison";
import { createEvidence, storeConsentFile } from "./consent-files";
import { removeStored } from "@/lib/storage/files";
import { OPEN_STAGES, proposalEligibility } from "@/lib/domain/eligibility";
import { proposalScope } from "@/lib/auth/scope";
import { loadProposal, stepContext, takeStep, type ComparisonFlag } from "./state";
import { messageKey } from "@/i18n/keys";

export interface RaiseOutcome {
  proposalId: string;
  stage: string;
  flags: ComparisonFlag[];
  /** true when this id had already been stored: nothing was written this time */
  replay: boolean;
}

/** The household in scope, locked for the rest of the transaction. */
async function lockHousehold(tx: Tx, viewer: Viewer, householdId: string) {
  const h = await tx.household.findFirst({
    where: { AND: [{ id: householdId }, householdScope(viewer)] },
    select: { id: true },
  });
  if (!h) throw new AppError("not_found", "household not found", { householdId });
  await tx.$queryRaw`SELECT id FROM household WHERE id = ${householdId} FOR UPDATE`;
  return tx.household.findUniqueOrThrow({
    where: { id: householdId },
    select: {
      id: true,
      countyId: true,
      villageId: true,
      version: true,
      registeredStatus: true,
      monitoringCategory: true,
      candidate: true,
      candidateCategory: true,
    },
  });
}

async function stored(viewer: Viewer, id: string, householdId: string): Promise<RaiseOutcome | null> {
  const p = await db().proposal.findUnique({
    where: { id },
    select: { id: true, householdId: true, raisedById: true, stage: true, flags: true },
  });
  if (!p) return null;
  // an id is the device's own: someone else's is "not found", never a replay
  if (p.householdId !== householdId || p.raisedById !== viewer.id)
    throw new AppError("not_found", "proposal id belongs to another", { id });
  return { proposalId: p.id, stage: p.stage, flags: p.flags as unknown as ComparisonFlag[], replay: true };
}

/**
 * Raise a proposal for a household in the viewer's scope. A cadre raises it after a visit or
 * enters the household's own application; a facilitator enters an application or takes up the
 * engine's candidate. Comparison runs now: with no flag the comparison step is taken at once.
 */
export async function raiseProposal(viewer: Viewer, input: RaiseProposalInput): Promise<RaiseOutcome> {
  const before = await stored(viewer, input.id, input.householdId);
  if (before) return before;
  if (viewer.role === "cadre" && input.source === "engine") throw fieldError("source", messageKey("procedure.validation.sourceNotForRole"));
  if (viewer.role === "facilitator" && input.source === "cadre")
    throw fieldError("source", messageKey("procedure.validation.sourceNotForRole"));
  // a monitoring application carries the household's signed application and asset-query
  // authorisation: a photo (or signature) sent now is stored as the household's evidence
  const needsAuthorisation = input.kind === "monitor" && input.source === "application";
  let file: Awaited<ReturnType<typeof storeConsentFile>> | null = null;
  if (needsAuthorisation && input.authorisation) {
    const h = await db().household.findFirst({
      where: { AND: [{ id: input.householdId }, householdScope(viewer)] },
      select: { id: true, countyId: true },
    });
    if (!h) throw new AppError("not_found", "household not found", { householdId: input.householdId });
    file = await storeConsentFile("authorisation", input.authorisation, "photo", h.countyId, h.id);
  }
  const year = Number(today().slice(0, 4));
  try {
    return await db().$transaction(async (tx) => {
      const h = await lockHousehold(tx, viewer, input.householdId);
      // The list closed at the end of 2020: from 2021 nobody is identified, by the engine or by hand.
      if (input.kind === "identify" && !identificationOpen(year)) throw new IdentificationClosed(h.countyId);
      let authorisationEvidenceId: string | null = null;
      if (needsAuthorisation) {
        if (file) authorisationEvidenceId = await createEvidence(tx, viewer, { householdId: h.id, countyId: h.countyId }, file);
        else {
          const ev = await tx.evidence.findFirst({
            where: { id: input.authorisationEvidenceId, householdId: h.id, kind: { in: ["signature", "signed_form", "photo"] } },
            select: { id: true },
          });
          if (!ev) throw fieldError("authorisation", messageKey("procedure.validation.authorisationRequired"));
          authorisationEvidenceId = ev.id;
        }
      }
      const why = proposalEligibility(input.kind, input.monitoringCategory, h, year);
      if (why) throw fieldError("kind", `procedure.validation.ineligible.${why}`);
      if (
        input.source === "engine" &&
        (h.candidate !== input.kind || (input.kind === "monitor" && h.candidateCategory !== input.monitoringCategory))
      ) {
        throw fieldError("source", messageKey("procedure.validation.notACandidate"));
      }
      const open = await tx.proposal.findFirst({ where: { householdId: h.id, stage: { in: [...OPEN_STAGES] } }, select: { id: true } });
      if (open) throw new AppError("invalid", messageKey("procedure.validation.openProposalExists"), { openProposalId: open.id });

      const now = today();
      // one connection in a transaction: its queries go one after another
      const assessment = await tx.assessment.findFirst({
        where: { householdId: h.id },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      const flags = await comparisonFlags(tx, h.id, now);
      // a flag the province made a red line excludes identification and monitoring outright
      const red = flags.filter((f) => f.redLine);
      if (red.length > 0 && (input.kind === "identify" || input.kind === "monitor")) {
        throw new AppError("invalid", messageKey("procedure.validation.redLine"), {
          fieldErrors: { kind: [messageKey("procedure.validation.redLine")] },
          params: { flags: red.map((f) => COMPARISON_FLAG_LABELS[f.code].zh).join("、") },
        });
      }
      await tx.proposal.create({
        data: {
          id: input.id,
          householdId: h.id,
          countyId: h.countyId,
          villageId: h.villageId,
          kind: input.kind,
          monitoringCategory: input.kind === "monitor" ? input.monitoringCategory : null,
          source: input.source,
          reason: input.reason,
          raisedById: viewer.id,
          assessmentId: assessment?.id ?? null,
          householdVersion: h.version,
          flags: flags as unknown as Prisma.InputJsonValue,
          authorisationEvidenceId,
        },
      });
      await tx.procedureStepRecord.create({
        data: {
          proposalId: input.id,
          countyId: h.countyId,
          stage: "proposed",
          decision: input.source,
          reason: input.reason,
          actorId: viewer.id,
        },
      });
      await audit(tx, actorOf(viewer), {
        action: "proposal.raise",
        entity: "proposal",
        entityId: input.id,
        countyId: h.countyId,
        after: {
          householdId: h.id,
          kind: input.kind,
          category: input.monitoringCategory,
          source: input.source,
          assessmentId: assessment?.id ?? null,
          householdVersion: h.version,
          flags,
          authorisationEvidenceId,
        },
        reason: input.reason,
      });
      let stage = "proposed";
      if (flags.length === 0) {
        const p = await loadProposal(tx, { id: input.id });
        const ctx = await stepContext(tx, p, { today: now });
        stage = (
          await takeStep(tx, p, "comparison_explained", ctx, {
            actor: actorOf(viewer),
            reason: "比对无疑点 (no comparison flag)",
            decision: "no_flags",
          })
        ).stage;
      }
      return { proposalId: input.id, stage, flags, replay: false };
    });
  } catch (e) {
    if (file) await removeStored([file.key]);
    // refused on its field, and the attempt kept in the audit history (outside the rolled-back transaction)
    if (e instanceof IdentificationClosed) {
      await audit(db(), actorOf(viewer), {
        action: "proposal.refused",
        entity: "household",
        entityId: input.householdId,
        countyId: e.countyId,
        after: { kind: input.kind, source: input.source, year, reason: "identify_closed" },
        reason: input.reason,
      });
      throw fieldError("kind", messageKey("procedure.validation.ineligible.identify_closed"));
    }
    // the same proposal sent twice at once: the primary key let one in; answer with that one
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await stored(viewer, input.id, input.householdId);
      if (again) return again;
    }
    throw e;
  }
}

class IdentificationClosed extends Error {
  constructor(readonly countyId: string) {
    super("identification closed after 2020");
  }
}

export function fieldError(field: string, key: string): AppError {
  return new AppError("invalid", key, { fieldErrors: { [field]: [key] } });
}

/**
 * Comparison (again): the flags are recomputed from the household as it now stands, stored, and
 * every flag must be explained in writing (the explanation is kept with the proposal and the step).
 */
export async function explainComparison(viewer: Viewer, input: { proposalId: string; version: number; explanation: string }) {
  const scope = await proposalScope(db(), viewer);
  return db().$transaction(async (tx) => {
    const p = await loadProposal(tx, { AND: [{ id: input.proposalId }, scope] });
    const now = today();
    const flags = await comparisonFlags(tx, p.householdId, now);
    const explanation = input.explanation.trim();
    if (flags.length > 0 && !explanation) throw fieldError("explanation", messageKey("procedure.validation.explanationRequired"));
    const fresh = { ...p, flags: flags as unknown as Prisma.JsonValue, flagExplanation: explanation || null };
    const ctx = await stepContext(tx, fresh, { today: now });
    const labels = flags.map((f) => COMPARISON_FLAG_LABELS[f.code].zh + (f.detail ? `（${f.detail}）` : "")).join("；");
    return takeStep(tx, p, "comparison_explained", ctx, {
      actor: actorOf(viewer),
      expectVersion: input.version,
      reason: flags.length ? `${labels}。说明：${explanation}` : explanation || "比对无疑点 (no comparison flag)",
      decision: flags.length ? "explained" : "no_flags",
      data: { flags: flags as unknown as Prisma.InputJsonValue, flagExplanation: explanation || null },
      auditAfter: { flags, explanation },
    });
  });
}
