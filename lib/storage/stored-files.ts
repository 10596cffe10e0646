// Every file the registry keeps, as its rows name them: evidence (visit photos, signatures, other
// documents), the scan of a meeting's signed minutes, a help report's photo, and an archived
// notice PDF. Each row holds the file's key under the upload folder and its SHA-256; a backup
// carries the files and a restore checks each against the hash its row holds, naming the files
// that are missing or changed. Not server-only: scripts/backup.ts uses it.
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveStoredKey, uploadRoot } from "./root";

export type FileStore = "evidence" | "minutes" | "help_photo" | "notice_pdf";

export interface StoredFileRef {
  store: FileStore;
  /** the row's id (evidence id, meeting id, help request id, notice id) */
  id: string;
  key: string;
  /** null: recorded before hashes were kept for this store (only its presence can be checked) */
  sha256: string | null;
}

/** One SELECT per store, each giving (id, key, sha256) in key order, a page at a time. */
const STORES: { store: FileStore; sql: string }[] = [
  { store: "evidence", sql: `SELECT id, "storageKey" AS key, sha256 FROM evidence` },
  { store: "minutes", sql: `SELECT id, "minutesKey" AS key, "minutesSha256" AS sha256 FROM meeting WHERE "minutesKey" IS NOT NULL` },
  { store: "help_photo", sql: `SELECT id, "photoKey" AS key, "photoSha256" AS sha256 FROM help_request WHERE "photoKey" IS NOT NULL` },
  { store: "notice_pdf", sql: `SELECT "noticeId" AS id, "storageKey" AS key, sha256 FROM notice_pdf` },
];

const PAGE = 2000;

/** Every stored file's row, store by store (streamed: a page of rows at a time). */
export async function* storedFileRefs(db: PrismaClient): AsyncGenerator<StoredFileRef> {
  for (const { store, sql } of STORES) {
    let after = "";
    for (;;) {
      const rows = await db.$queryRawUnsafe<{ id: string; key: string; sha256: string | null }[]>(
        `SELECT * FROM (${sql}) s WHERE key > $1 ORDER BY key LIMIT ${PAGE}`,
        after,
      );
      for (const r of rows) yield { store, id: r.id, key: r.key, sha256: r.sha256 };
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.key;
    }
  }
}

/** SHA-256 of a file, streamed; null when there is no such file. */
export function sha256OfFile(file: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    fs.createReadStream(file)
      .on("error", (e: NodeJS.ErrnoException) => (e.code === "ENOENT" || e.code === "EISDIR" ? resolve(null) : reject(e)))
      .on("data", (c) => hash.update(c))
      .on("end", () => resolve(hash.digest("hex")));
  });
}

export interface FileCheck {
  /** rows checked */
  checked: number;
  /** files present whose bytes match the row's hash */
  ok: number;
  /** files present for rows that hold no hash (older rows) */
  unhashed: number;
  missing: StoredFileRef[];
  changed: (StoredFileRef & { actual: string })[];
}

/** Checks every stored file under `root` against the hash its row holds. */
export async function verifyStoredFiles(db: PrismaClient, root = uploadRoot(), onProgress?: (checked: number) => void): Promise<FileCheck> {
  const out: FileCheck = { checked: 0, ok: 0, unhashed: 0, missing: [], changed: [] };
  for await (const ref of storedFileRefs(db)) {
    out.checked++;
    let actual: string | null;
    try {
      actual = await sha256OfFile(resolveStoredKey(ref.key, root));
    } catch {
      actual = null; // a key that leaves the folder is no file of ours
    }
    if (actual === null) out.missing.push(ref);
    else if (ref.sha256 === null) out.unhashed++;
    else if (actual !== ref.sha256.toLowerCase()) out.changed.push({ ...ref, actual });
    else out.ok++;
    if (onProgress && out.checked % 500 === 0) onProgress(out.checked);
  }
  return out;
}
