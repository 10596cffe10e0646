// The scan of a meeting's signed minutes: under UPLOAD_DIR (default ./data/uploads) as
// <countyId>/meetings/<meetingId>/<uuid>.<ext>, its type decided by its bytes. Written before the
// closing transaction and removed again if that does not commit.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { EVIDENCE_TYPES, sniffMime, type EvidenceMime } from "@/lib/validation/file-type";
import { MAX_MINUTES_SCAN_BYTES } from "@/lib/validation/procedure";
import { resolveStoredKey } from "@/lib/storage/root";
import { messageKey } from "@/i18n/keys";

const resolveKey = (key: string) => resolveStoredKey(key);

/** Checks and writes the scan (its SHA-256 goes with the meeting: backups check it); a "v.<key>" error when it is not an accepted file. */
export async function storeMinutesScan(countyId: string, meetingId: string, blob: Blob): Promise<{ key: string; sha256: string } | { error: string }> {
  if (!/^\d{6}$/.test(countyId) || !/^[0-9a-f-]{36}$/i.test(meetingId)) throw new Error("bad storage path");
  if (blob.size > MAX_MINUTES_SCAN_BYTES) return { error: messageKey("validation.fileTooLarge") };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes.length === 0) return { error: messageKey("validation.fileEmpty") };
  const mime = sniffMime(bytes);
  if (!mime) return { error: messageKey("validation.fileType") };
  const key = `${countyId}/meetings/${meetingId}/${crypto.randomUUID()}.${EVIDENCE_TYPES[mime]}`;
  const full = resolveKey(key);
  await fs.mkdir(/*turbopackIgnore: true*/ path.dirname(full), { recursive: true });
  await fs.writeFile(/*turbopackIgnore: true*/ full, bytes, { flag: "wx", mode: 0o640 });
  return { key, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
}

export async function removeMinutesScan(key: string): Promise<void> {
  await fs.rm(/*turbopackIgnore: true*/ resolveKey(key), { force: true }).catch(() => {});
}

export async function readMinutesScan(key: string): Promise<{ bytes: Buffer; mime: EvidenceMime } | null> {
  try {
    const bytes = await fs.readFile(/*turbopackIgnore: true*/ resolveKey(key));
    const mime = sniffMime(new Uint8Array(bytes));
    return mime ? { bytes, mime } : null;
  } catch {
    return null;
  }
}
