// The one file store: every file the registry keeps (evidence photos, signatures and documents, a
// meeting's signed-minutes scan, a help report's photo, an archived notice PDF) is written, read and
// removed here, under UPLOAD_DIR (default ./data/uploads), through one path guard
// (resolveStoredKey: a key that would leave the folder is refused). Keys name their place:
//   evidence    <countyId>/<householdId>/<uuid>.<ext>
//   minutes     <countyId>/meetings/<meetingId>/<uuid>.<ext>
//   help_photo  help/<countyId>/<uuid>.<ext>
//   notice_pdf  <countyId>/notices/<noticeId>/<uuid>.pdf
// A file's type is decided by its bytes, never its name or declared type. Files are written before
// the database transaction that records them and removed again when it does not commit (a file
// without a row is harmless; a row without a file is not). lib/storage/stored-files.ts lists and
// checks them for backups.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { EVIDENCE_TYPES, sniffMime, type EvidenceMime } from "@/lib/validation/file-type";
import { MAX_MINUTES_SCAN_BYTES } from "@/lib/validation/procedure";
import { resolveStoredKey } from "./root";
import type { FileStore } from "./stored-files";
import { messageKey, type MessageKey } from "@/i18n/keys";

export { uploadRoot, resolveStoredKey } from "./root";

const COUNTY = /^\d{6}$/;
const ID = /^[0-9a-f-]{36}$/i;

/** Where a new file goes: its store and the ids its key is made of. */
export type FilePlace =
  | { store: "evidence"; countyId: string; householdId: string }
  | { store: "minutes"; countyId: string; meetingId: string }
  | { store: "help_photo"; countyId: string }
  | { store: "notice_pdf"; countyId: string; noticeId: string };

function folderOf(place: FilePlace): string {
  const bad = () => new Error("bad storage path");
  if (!COUNTY.test(place.countyId)) throw bad();
  switch (place.store) {
    case "evidence":
      if (!ID.test(place.householdId)) throw bad();
      return `${place.countyId}/${place.householdId}`;
    case "minutes":
      if (!ID.test(place.meetingId)) throw bad();
      return `${place.countyId}/meetings/${place.meetingId}`;
    case "help_photo":
      return `help/${place.countyId}`;
    case "notice_pdf":
      return `${place.countyId}/notices/${place.noticeId}`;
  }
}

/** The key a store's files start with, checked again when a key from a row is read or removed. */
const KEY_PREFIX: Partial<Record<FileStore, string>> = { help_photo: "help/" };

function fullPathOf(key: string, store?: FileStore): string {
  const prefix = store ? KEY_PREFIX[store] : undefined;
  if (prefix && !key.startsWith(prefix)) throw new Error("storage key outside the upload folder");
  return resolveStoredKey(key);
}

/** Writes new bytes at a fresh key in their place (never over an existing file); the key and its SHA-256. */
export async function putFile(place: FilePlace, ext: string, bytes: Uint8Array): Promise<{ key: string; sha256: string }> {
  const key = `${folderOf(place)}/${crypto.randomUUID()}.${ext}`;
  const full = fullPathOf(key);
  await fs.mkdir(/*turbopackIgnore: true*/ path.dirname(full), { recursive: true });
  await fs.writeFile(/*turbopackIgnore: true*/ full, bytes, { flag: "wx", mode: 0o640 });
  return { key, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
}

/** The stored bytes, or null when the file is missing (or the key is not one of the store's). */
export async function readStored(key: string, store?: FileStore): Promise<Buffer | null> {
  try {
    return await fs.readFile(/*turbopackIgnore: true*/ fullPathOf(key, store));
  } catch {
    return null;
  }
}

/** Removes files (a missing one is no error); used when the transaction that would record them fails. */
export async function removeStored(keys: readonly (string | null | undefined)[], store?: FileStore): Promise<void> {
  await Promise.all(
    keys
      .filter((k): k is string => Boolean(k))
      .map((k) => fs.rm(/*turbopackIgnore: true*/ fullPathOf(k, store), { force: true }).catch(() => {})),
  );
}

// ───────────────────────── evidence ─────────────────────────

export interface PreparedFile {
  bytes: Uint8Array;
  mime: EvidenceMime;
  sizeBytes: number;
  sha256: string;
  fileName: string;
}

/** Reads a sent file and checks its real type and size; a message key when it fails. */
export async function prepareFile(
  blob: Blob,
  opts: { maxBytes: number; accept: readonly EvidenceMime[] },
): Promise<PreparedFile | { error: MessageKey }> {
  if (blob.size > opts.maxBytes) return { error: messageKey("validation.fileTooLarge") };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes.length === 0) return { error: messageKey("validation.fileEmpty") };
  if (bytes.length > opts.maxBytes) return { error: messageKey("validation.fileTooLarge") };
  const mime = sniffMime(bytes);
  if (!mime || !opts.accept.includes(mime)) return { error: messageKey("validation.fileType") };
  const sent = blob instanceof File && blob.name ? blob.name : "file";
  // keep a readable name for the list, without any path or control characters
  // cut by whole characters (code points), so an emoji is never split into an unstorable half
  const base =
    Array.from(sent.replace(/[\\/\u0000-\u001f\u007f]/g, "_"))
      .slice(-100)
      .join("") || "file";
  const fileName = base.replace(/\.[A-Za-z0-9]{1,5}$/, "") + "." + EVIDENCE_TYPES[mime];
  return { bytes, mime, sizeBytes: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex"), fileName };
}

/** Writes an evidence file under its county and household; returns the storage key. */
export async function writeStored(countyId: string, householdId: string, file: PreparedFile): Promise<string> {
  return (await putFile({ store: "evidence", countyId, householdId }, EVIDENCE_TYPES[file.mime], file.bytes)).key;
}

// ───────────────────────── a meeting's signed minutes ─────────────────────────

/** Checks and writes the scan (its SHA-256 goes with the meeting: backups check it); a message key when it is not an accepted file. */
export async function storeMinutesScan(
  countyId: string,
  meetingId: string,
  blob: Blob,
): Promise<{ key: string; sha256: string } | { error: MessageKey }> {
  if (!COUNTY.test(countyId) || !ID.test(meetingId)) throw new Error("bad storage path");
  if (blob.size > MAX_MINUTES_SCAN_BYTES) return { error: messageKey("validation.fileTooLarge") };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes.length === 0) return { error: messageKey("validation.fileEmpty") };
  const mime = sniffMime(bytes);
  if (!mime) return { error: messageKey("validation.fileType") };
  return putFile({ store: "minutes", countyId, meetingId }, EVIDENCE_TYPES[mime], bytes);
}

export async function removeMinutesScan(key: string): Promise<void> {
  await removeStored([key], "minutes");
}

export async function readMinutesScan(key: string): Promise<{ bytes: Buffer; mime: EvidenceMime } | null> {
  const bytes = await readStored(key, "minutes");
  if (!bytes) return null;
  const mime = sniffMime(new Uint8Array(bytes));
  return mime ? { bytes, mime } : null;
}
