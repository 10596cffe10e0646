// A notice's "save as PDF" for the archive: the same printed page (app/notices/[id]) rendered by
// the server's headless Chromium (`chromium --headless --print-to-pdf`: no PDF library, the
// browser the tests already use), once. The file is kept under UPLOAD_DIR with its SHA-256 in
// notice_pdf (backups carry it and check it) and streamed from there on every later request:
// the archive is what the page said when it was first saved. Decision 0016.
//
// Who: the village's facilitator, and officials and admins over the village (noticeScope);
// anyone else gets "not found" (audited). One Chromium at a time per server; it reaches the
// page at JINGZHUN_INTERNAL_URL (default http://127.0.0.1:$PORT), never at an address a
// request named.
import "server-only";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { noticeScope } from "@/lib/auth/scope";
import { putFile, readStored, removeStored } from "@/lib/storage/files";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TIMEOUT_MS = 60_000;

export function internalBaseUrl(): string {
  return (process.env.JINGZHUN_INTERNAL_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}

/** One render at a time in this process (a Chromium is ~200 MB; the archive is not urgent). */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

/**
 * The page at `url` printed to PDF by headless Chromium (the page's own @page size and margins).
 * `timeoutMs`: a long document (a village's handbooks, lib/handbook/pdf.ts) is given longer.
 */
export function printToPdf(url: string, opts: { timeoutMs?: number } = {}): Promise<Buffer> {
  return serially(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jz-pdf-"));
    const out = path.join(dir, "page.pdf");
    try {
      await new Promise<void>((resolve, reject) => {
        execFile(
          /*turbopackIgnore: true*/ CHROMIUM,
          [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--mute-audio",
            "--hide-scrollbars",
            `--user-data-dir=${path.join(dir, "profile")}`,
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=15000",
            `--print-to-pdf=${out}`,
            url,
          ],
          { timeout: opts.timeoutMs ?? TIMEOUT_MS, maxBuffer: 4 << 20 },
          (err) => (err ? reject(new Error(`chromium failed: ${err.message.split("\n")[0]}`)) : resolve()),
        );
      });
      const bytes = await fs.readFile(/*turbopackIgnore: true*/ out);
      if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("chromium wrote no PDF");
      return bytes;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
}

export interface NoticePdf {
  bytes: Buffer;
  fileName: string;
  /** rendered by this request (false: from the archive) */
  fresh: boolean;
}

/**
 * The notice's archived PDF, rendered and archived first if there is none. null: no such notice
 * in the viewer's scope (the caller audits the refusal).
 */
export async function noticePdf(viewer: Viewer, id: string): Promise<NoticePdf | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const notice = await db().notice.findFirst({
    where: { AND: [{ id }, noticeScope(viewer)] },
    select: { id: true, countyId: true, villageId: true, kind: true, startDate: true },
  });
  if (!notice) return null;
  const fileName = `notice-${notice.villageId}-${notice.startDate.toISOString().slice(0, 10)}-${notice.kind}.pdf`;
  const archived = await db().noticePdf.findUnique({ where: { noticeId: id }, select: { storageKey: true } });
  if (archived) {
    const bytes = await readStored(archived.storageKey);
    if (bytes) return { bytes, fileName, fresh: false };
    // the row says archived but the file is gone: files:verify names it; render a new one for this request
  }
  const bytes = await printToPdf(`${internalBaseUrl()}/notices/${id}`);
  if (archived) return { bytes, fileName, fresh: true };
  const { key, sha256 } = await putFile({ store: "notice_pdf", countyId: notice.countyId, noticeId: id }, "pdf", bytes);
  try {
    const stored = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ noticeId: string }[]>(
        `INSERT INTO notice_pdf ("noticeId", "storageKey", sha256, "sizeBytes", "createdById") VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ("noticeId") DO NOTHING RETURNING "noticeId"`,
        id,
        key,
        sha256,
        bytes.length,
        viewer.id,
      );
      if (!rows[0]) return false; // saved at the same moment by someone else: theirs is the archive
      await audit(
        tx,
        { id: viewer.id, role: viewer.role },
        {
          action: "notice.pdf",
          entity: "notice",
          entityId: id,
          countyId: notice.countyId,
          after: { sha256, sizeBytes: bytes.length, storageKey: key },
        },
      );
      return true;
    });
    if (!stored) {
      await removeStored([key]);
      return noticePdf(viewer, id);
    }
  } catch (e) {
    await removeStored([key]);
    throw e;
  }
  return { bytes, fileName, fresh: true };
}
