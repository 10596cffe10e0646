// A consent or evidence file of a household (a signature, a photographed signed form, an
// authorisation): checked and written before the transaction, then its evidence row written
// inside it. Shared by the procedure's consent steps, the proposal's authorisation and the
// signed income record (a module of its own, so that none of them imports another).
import "server-only";
import type { Tx } from "@/lib/db/client";
import { fieldRefusal } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { prepareFile, writeStored } from "@/lib/storage/files";
import { CONSENT_MIMES, MAX_CONSENT_FILE_BYTES } from "@/lib/validation/procedure";

export interface StoredFile {
  key: string;
  kind: "signature" | "signed_form" | "photo";
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

/** Checks and writes one consent file of the household (PNG signature or form photo). */
export async function storeConsentFile(
  field: string,
  blob: Blob,
  accept: "signature" | "photo",
  countyId: string,
  householdId: string,
): Promise<StoredFile> {
  const f = await prepareFile(blob, { maxBytes: MAX_CONSENT_FILE_BYTES, accept: [...CONSENT_MIMES[accept]] });
  if ("error" in f) throw fieldRefusal(field, f.error);
  const key = await writeStored(countyId, householdId, f);
  return {
    key,
    kind: accept === "signature" ? "signature" : "signed_form",
    fileName: f.fileName,
    mimeType: f.mime,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
  };
}

export async function createEvidence(
  tx: Tx,
  viewer: Viewer,
  h: { householdId: string; countyId: string },
  file: StoredFile,
): Promise<string> {
  const e = await tx.evidence.create({
    data: {
      householdId: h.householdId,
      countyId: h.countyId,
      kind: file.kind,
      fileName: file.fileName,
      mimeType: file.mimeType,
      sizeBytes: file.sizeBytes,
      storageKey: file.key,
      sha256: file.sha256,
      capturedAt: new Date(),
      uploadedById: viewer.id,
    },
    select: { id: true },
  });
  return e.id;
}
