// Evidence files on disk: under UPLOAD_DIR (default ./data/uploads) as
// <countyId>/<householdId>/<uuid>.<ext>. The bytes decide the type (never the name or the
// declared MIME); each file's sha256 is recorded. Files are written before the database
// transaction and removed again when it does not commit (a file without a row is harmless,
// a row without a file is not).
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { EVIDENCE_TYPES, sniffMime, type EvidenceMime } from "@/lib/validation/file-type";
import { resolveStoredKey, uploadRoot } from "@/lib/storage/root";
import { messageKey, type MessageKey } from "@/i18n/keys";

export { uploadRoot } from "@/lib/storage/root";

export interface PreparedFile {
  bytes: Uint8Array;
  mime: EvidenceMime;
  sizeBytes: number;
  sha256: string;
  fileName: string;
}

/** Reads a sent file and checks its real type and size; a translation key ("v.…") when it fails. */
export async function prepareFile(blob: Blob, opts: { maxBytes: number; accept: readonly EvidenceMime[] }): Promise<PreparedFile | { error: MessageKey }> {
  if (blob.size > opts.maxBytes) return { error: messageKey("validation.fileTooLarge") };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes.length === 0) return { error: messageKey("validation.fileEmpty") };
  if (bytes.length > opts.maxBytes) return { error: messageKey("validation.fileTooLarge") };
  const mime = sniffMime(bytes);
  if (!mime || !opts.accept.includes(mime)) return { error: messageKey("validation.fileType") };
  const sent = blob instanceof File && blob.name ? blob.name : "file";
  // keep a readable name for the list, without any path or control characters
  // cut by whole characters (code points), so an emoji is never split into an unstorable half
  const base = Array.from(sent.replace(/[\\/\u0000-\u001f\u007f]/g, "_")).slice(-100).join("") || "file";
  const fileName = base.replace(/\.[A-Za-z0-9]{1,5}$/, "") + "." + EVIDENCE_TYPES[mime];
  return { bytes, mime, sizeBytes: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex"), fileName };
}

/** Writes the file under its county and household; returns the storage key. */
export async function writeStored(countyId: string, householdId: string, file: PreparedFile): Promise<string> {
  if (!/^\d{6}$/.test(countyId) || !/^[0-9a-f-]{36}$/i.test(householdId)) throw new Error("bad storage path");
  const key = `${countyId}/${householdId}/${crypto.randomUUID()}.${EVIDENCE_TYPES[file.mime]}`;
  const full = path.join(uploadRoot(), key);
  await fs.mkdir(path.dirname(full), { recursive: true });
  await fs.writeFile(full, file.bytes, { flag: "wx", mode: 0o640 });
  return key;
}

export async function removeStored(keys: string[]): Promise<void> {
  await Promise.all(keys.map((k) => fs.rm(resolveKey(k), { force: true }).catch(() => {})));
}

const resolveKey = (key: string) => resolveStoredKey(key);

/** The stored bytes, or null when the file is missing. */
export async function readStored(key: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(/*turbopackIgnore: true*/ resolveKey(key));
  } catch {
    return null;
  }
}
