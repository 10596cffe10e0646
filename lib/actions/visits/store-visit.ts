// Storing one visit: the steps of logVisit, shared with syncVisits (a phone's backlog in one
// request). Not a "use server" file: nothing here is an endpoint.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/safe-action";
import { fieldError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_EVIDENCE_BYTES, MAX_SIGNATURE_BYTES, type VisitInput } from "@/lib/validation/visit";
import { EVIDENCE_MIMES } from "@/lib/validation/file-type";
import { db } from "@/lib/db/client";
import { storePlainVisit } from "@/lib/data/visits/plain-visit";
import { findScopedHousehold, recordVisit, storedOutcome, type StoredEvidence, type VisitOutcome } from "@/lib/data/visits/log-visit";
import { prepareFile, removeStored, writeStored, type PreparedFile } from "@/lib/storage/files";
import { conflictFormatter } from "./conflict-message";
import { messageKey } from "@/i18n/keys";

async function outcomeResult(outcome: VisitOutcome): Promise<ActionResult<VisitOutcome>> {
  const t = await getTranslations("visit");
  if (outcome.state === "conflict") {
    return { ok: false, code: "conflict", message: `${t("result.keptWithConflict")} ${outcome.stateReason ?? ""}`.trim() };
  }
  return { ok: true, data: outcome, message: outcome.replay ? t("result.alreadySaved") : t("result.saved") };
}

/** Reads and checks the files (type by their bytes, size); field errors name the file's row. */
async function prepareFiles(
  input: VisitInput,
): Promise<{ file: PreparedFile; kind: StoredEvidence["kind"]; indicator: StoredEvidence["indicator"] }[]> {
  const out = [];
  if (input.signature) {
    const file = await prepareFile(input.signature, { maxBytes: MAX_SIGNATURE_BYTES, accept: ["image/png"] });
    if ("error" in file) throw fieldError("signature", file.error);
    out.push({ file: { ...file, fileName: "signature.png" }, kind: "signature" as const, indicator: null });
  }
  for (const [i, e] of input.evidence.entries()) {
    const file = await prepareFile(e.file, { maxBytes: MAX_EVIDENCE_BYTES, accept: EVIDENCE_MIMES });
    if ("error" in file) throw fieldError(`evidence.${i}.file`, file.error);
    out.push({
      file,
      kind: file.mime === "application/pdf" ? ("other" as const) : ("photo" as const),
      indicator: e.indicator === "general" ? null : e.indicator,
    });
  }
  return out;
}

export async function storeVisit(input: VisitInput, viewer: Viewer): Promise<ActionResult<VisitOutcome>> {
  // the common case — no household changes, no files — in one database call (decision 0055)
  const plain = await storePlainVisit(viewer, input);
  if (plain) return outcomeResult(plain);

  // out of scope reads as not found (audited by the wrapper); a retry of a stored visit writes nothing
  const household = await findScopedHousehold(viewer, input.householdId);
  const before = await storedOutcome(db(), input.clientVisitId, viewer, household.id);
  if (before) return outcomeResult(before);

  const files = await prepareFiles(input);
  const written: string[] = [];
  let outcome: VisitOutcome;
  try {
    const evidence: StoredEvidence[] = [];
    for (const f of files) {
      const storageKey = await writeStored(household.countyId, household.id, f.file);
      written.push(storageKey);
      evidence.push({
        kind: f.kind,
        indicator: f.indicator,
        fileName: f.file.fileName,
        mimeType: f.file.mime,
        sizeBytes: f.file.sizeBytes,
        storageKey,
        sha256: f.file.sha256,
      });
    }
    const { evidence: _files, signature: _signature, ...visit } = input;
    outcome = await recordVisit(viewer, visit, evidence, { conflictMessage: await conflictFormatter() });
  } catch (e) {
    await removeStored(written);
    // the same visit sent twice at once: the primary key let one in; answer with that one
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const stored = await storedOutcome(db(), input.clientVisitId, viewer, household.id);
      if (stored) return outcomeResult(stored);
      // a national ID taken by someone else between the check and the insert
      if (e.meta?.modelName === "Member") throw fieldError("updates.newMembers", messageKey("validation.nationalIdDuplicate"));
    }
    throw e;
  }
  // No revalidatePath: the pages that show a visit are dynamic (fetched fresh on navigation), and
  // revalidating would make this answer carry a re-render of the whole visit page (its household
  // read, its sensitive-read audit): about half of a visit's server time under load (decision 0011).
  return outcomeResult(outcome);
}
