// The household's own word and the home check (procedure v2):
//  - home verification (入户核实): before an item goes to the village, a named person checks income
//    and each guarantee against the record and signs what was found (every kind);
//  - the exit agreement (拟退出贫困户认可): after the vote, before the first notice, the head signs
//    on the pad or a thumb-printed paper form is photographed; the record names the income and
//    guarantees shown (from the home verification). A refusal, with its reason, ends the exit.
// Files are evidence rows of the household (served by the evidence route under its rules),
// written before the transaction and removed again when it does not commit.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError, fieldRefusal } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { audit, actorOf } from "@/lib/audit";
import { dateOnly, today } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { removeStored } from "@/lib/storage/files";
import { GUARANTEE_KEYS, type ExitAgreementInput, type HomeVerificationInput } from "@/lib/validation/procedure";
import { proposalScope } from "@/lib/auth/scope";
import { currentHomeVerification, loadProposal, staleProposal } from "./state";
import { messageKey } from "@/i18n/keys";
import { chinaDay } from "@/lib/domain/china-time";
import { signedIncomeRecord } from "@/lib/data/income-records";
import { createEvidence, storeConsentFile, type StoredFile } from "./consent-files";

/** Stages at which an item is being verified (before the agenda, or sent back). */
const BEFORE_AGENDA = ["proposed", "comparison_explained", "reverify"] as const;

async function scopedProposal(viewer: Viewer, proposalId: string) {
  const scope = await proposalScope(db(), viewer);
  const p = await db().proposal.findFirst({
    where: { AND: [{ id: proposalId }, scope] },
    select: { id: true, householdId: true, countyId: true },
  });
  if (!p) throw new AppError("not_found", "proposal not found", { proposalId });
  return p;
}

export interface RecordOutcome {
  id: string;
  replay: boolean;
}

/** Home verification of a proposal in scope, before it goes on the agenda (or when sent back). */
export async function recordHomeVerification(
  viewer: Viewer,
  input: Omit<HomeVerificationInput, "signature"> & { signature?: Blob },
): Promise<RecordOutcome> {
  if (input.checkedOn > today()) throw fieldRefusal("checkedOn", messageKey("validation.futureDate"));
  const replayOf = async () => {
    const r = await db().homeVerification.findUnique({ where: { id: input.id }, select: { proposalId: true, recordedById: true } });
    if (!r) return null;
    if (r.proposalId !== input.proposalId || r.recordedById !== viewer.id)
      throw new AppError("not_found", "verification id belongs to another", { id: input.id });
    return { id: input.id, replay: true };
  };
  const before = await replayOf();
  if (before) return before;
  const target = await scopedProposal(viewer, input.proposalId);
  if (!input.signature) throw fieldRefusal("signature", messageKey("procedure.validation.signatureRequired"));
  const file = await storeConsentFile("signature", input.signature, "signature", target.countyId, target.householdId);
  try {
    return await db().$transaction(async (tx) => {
      const p = await loadProposal(tx, { id: target.id });
      if (!(BEFORE_AGENDA as readonly string[]).includes(p.stage))
        throw new AppError("invalid", messageKey("procedure.validation.verificationNotNow"));
      const signatureEvidenceId = await createEvidence(tx, viewer, p, file);
      const guarantees = Object.fromEntries(GUARANTEE_KEYS.map((k) => [k, input[k] === "met"]));
      await tx.homeVerification.create({
        data: {
          id: input.id,
          proposalId: p.id,
          householdId: p.householdId,
          countyId: p.countyId,
          checkedByName: input.checkedByName,
          recordedById: viewer.id,
          checkedOn: dateOnly(input.checkedOn),
          perCapitaIncome: input.perCapitaIncome,
          guarantees,
          findings: input.findings,
          signatureEvidenceId,
        },
      });
      // the proposal's summary of the latest check (shown in lists)
      await tx.proposal.update({ where: { id: p.id }, data: { homeCheckAt: dateOnly(input.checkedOn), homeCheckById: viewer.id } });
      await audit(tx, actorOf(viewer), {
        action: "proposal.home_verification",
        entity: "proposal",
        entityId: p.id,
        countyId: p.countyId,
        after: {
          verificationId: input.id,
          checkedOn: input.checkedOn,
          checkedByName: input.checkedByName,
          perCapitaIncome: input.perCapitaIncome,
          guarantees,
          signatureEvidenceId,
        },
      });
      return { id: input.id, replay: false };
    });
  } catch (e) {
    await removeStored([file.key]);
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await replayOf();
      if (again) return again;
    }
    throw e;
  }
}

/**
 * The household's exit agreement, after a passed vote and before the first notice. Agreed: the
 * signature (pad) or the photographed thumb-printed form is stored as the household's evidence.
 * Refused: the reason is kept and the exit stops (the proposal is withdrawn, with its step).
 * Either way the record names the income and guarantees the household was shown.
 */
export async function recordExitAgreement(
  viewer: Viewer,
  input: Omit<ExitAgreementInput, "signature" | "formPhoto"> & { signature?: Blob; formPhoto?: Blob },
): Promise<RecordOutcome & { outcome: "agreed" | "refused" }> {
  const replayOf = async () => {
    const r = await db().exitAgreement.findUnique({
      where: { id: input.id },
      select: { proposalId: true, recordedById: true, outcome: true },
    });
    if (!r) return null;
    if (r.proposalId !== input.proposalId || r.recordedById !== viewer.id)
      throw new AppError("not_found", "agreement id belongs to another", { id: input.id });
    return { id: input.id, replay: true, outcome: r.outcome };
  };
  const before = await replayOf();
  if (before) return before;
  const target = await scopedProposal(viewer, input.proposalId);
  let file: StoredFile | null = null;
  if (input.outcome === "agreed") {
    if (input.method === "signature") {
      if (!input.signature) throw fieldRefusal("signature", messageKey("procedure.validation.signatureRequired"));
      file = await storeConsentFile("signature", input.signature, "signature", target.countyId, target.householdId);
    } else {
      if (!input.formPhoto) throw fieldRefusal("formPhoto", messageKey("procedure.validation.formPhotoRequired"));
      file = await storeConsentFile("formPhoto", input.formPhoto, "photo", target.countyId, target.householdId);
    }
  }
  try {
    return await db().$transaction(async (tx) => {
      const p = await loadProposal(tx, { id: target.id });
      if (p.kind !== "exit") throw new AppError("invalid", messageKey("procedure.validation.exitOnly"));
      // after the vote (passed), before the first notice
      if (p.stage !== "voted") throw new AppError("invalid", messageKey("procedure.validation.agreementNotNow"));
      if (p.version !== input.version) throw staleProposal();
      const check = currentHomeVerification(p);
      if (!check) throw new AppError("invalid", messageKey("procedure.validation.verificationMissing"));
      const shown = { perCapitaIncome: check.perCapitaIncome, guarantees: check.guarantees as Prisma.InputJsonValue };
      // the year's income record as the household signed it (收入核算), kept with the agreement's audit
      const signedIncome = await signedIncomeRecord(p.householdId, Number(chinaDay(p.raisedAt).slice(0, 4)), tx);
      const evidenceId = file ? await createEvidence(tx, viewer, p, file) : null;
      await tx.exitAgreement.create({
        data: {
          id: input.id,
          proposalId: p.id,
          householdId: p.householdId,
          countyId: p.countyId,
          outcome: input.outcome,
          method: input.outcome === "agreed" ? input.method! : null,
          evidenceId,
          ...shown,
          refusalReason: input.outcome === "refused" ? input.refusalReason : null,
          recordedById: viewer.id,
        },
      });
      const moved = await tx.proposal.updateMany({
        where: { id: p.id, version: p.version, stage: "voted" },
        data:
          input.outcome === "agreed"
            ? { householdAgreedAt: new Date(), agreementEvidenceId: evidenceId, version: { increment: 1 } }
            : { stage: "withdrawn", version: { increment: 1 } },
      });
      if (moved.count === 0) throw staleProposal();
      if (input.outcome === "refused") {
        await tx.procedureStepRecord.create({
          data: {
            proposalId: p.id,
            countyId: p.countyId,
            stage: "withdrawn",
            decision: "household_refused",
            reason: `农户不认可退出：${input.refusalReason}`,
            actorId: viewer.id,
          },
        });
      }
      await audit(tx, actorOf(viewer), {
        action: input.outcome === "agreed" ? "proposal.exit_agreed" : "proposal.exit_refused",
        entity: "proposal",
        entityId: p.id,
        countyId: p.countyId,
        before: { stage: p.stage, version: p.version },
        after: {
          agreementId: input.id,
          method: input.method ?? null,
          evidenceId,
          perCapitaIncome: String(check.perCapitaIncome),
          guarantees: check.guarantees,
          signedIncomeRecordId: signedIncome?.id ?? null,
          signedPerCapitaIncome: signedIncome ? String(signedIncome.perCapitaIncome) : null,
          refusalReason: input.outcome === "refused" ? input.refusalReason : null,
          stage: input.outcome === "refused" ? "withdrawn" : p.stage,
        },
        reason: input.outcome === "refused" ? input.refusalReason : undefined,
      });
      return { id: input.id, replay: false, outcome: input.outcome };
    });
  } catch (e) {
    if (file) await removeStored([file.key]);
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await replayOf();
      if (again) return again;
    }
    throw e;
  }
}
