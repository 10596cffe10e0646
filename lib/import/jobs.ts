/**
 * Imports started from the admin page: the uploaded files wait in a folder of their own, the
 * import runs in the background, and the page polls its progress from here.
 *
 * Progress lives in this process's memory, not in a table: on PGlite the import's write
 * transaction holds the database's one session, so a progress row could not be read (nor
 * written) until it commits. The app runs as one server process (scripts/run.ts), so the
 * page's polls reach the process that runs the import; after a restart a job is gone and the
 * page says so (nothing was written: the write is one transaction). The outcome of a finished
 * import is in the audit history (import.completed).
 */
import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/audit";
import { importDirectory, type ImportProgress, type ImportReport } from "./index";
import { importFileOf } from "./read";
import type { CsvEncoding } from "./csv";
import { logError } from "@/lib/log/logger";

/** Upload limit of one import from the page (the CLI has none). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Jobs (and their files) older than this are forgotten. */
const KEEP_MS = 2 * 3600_000;

export type JobState = "uploading" | "running" | "done" | "failed";

export interface ImportJob {
  id: string;
  actor: Actor & { id: string };
  scope: string;
  dir: string;
  createdAt: number;
  files: Map<string, number>;
  state: JobState;
  dryRun: boolean;
  progress?: ImportProgress;
  report?: ImportReport;
  /** an unexpected failure: the reference logged with it */
  errorRef?: string;
}

/** What the page sees of a job. */
export interface JobView {
  id: string;
  state: JobState;
  dryRun: boolean;
  files: { name: string; bytes: number }[];
  progress: ImportProgress | null;
  report: ImportReport | null;
  errorRef: string | null;
}

const g = globalThis as typeof globalThis & { __jzImportJobs?: Map<string, ImportJob> };
const jobs = (g.__jzImportJobs ??= new Map());

function root() {
  return path.join(os.tmpdir(), "jingzhun-import");
}

function forget(job: ImportJob) {
  jobs.delete(job.id);
  fs.rmSync(job.dir, { recursive: true, force: true });
}

function sweep(now = Date.now()) {
  for (const job of jobs.values()) if (job.state !== "running" && now - job.createdAt > KEEP_MS) forget(job);
  // folders of jobs this process does not know (left by a stopped server) once they are old
  let names: string[] = [];
  try {
    names = fs.readdirSync(root());
  } catch {
    return;
  }
  for (const name of names) {
    if (jobs.has(name)) continue;
    const dir = path.join(root(), name);
    try {
      if (now - fs.statSync(dir).mtimeMs > KEEP_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // gone meanwhile
    }
  }
}

const exiting = globalThis as typeof globalThis & { __jzImportExitHook?: boolean };
if (!exiting.__jzImportExitHook) {
  exiting.__jzImportExitHook = true;
  // the jobs die with the process: so do their files
  process.once("exit", () => {
    for (const job of jobs.values()) fs.rmSync(job.dir, { recursive: true, force: true });
  });
}

export function createJob(actor: ImportJob["actor"], scope: string): ImportJob {
  sweep();
  const id = crypto.randomUUID();
  const dir = path.join(root(), id);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const job: ImportJob = { id, actor, scope, dir, createdAt: Date.now(), files: new Map(), state: "uploading", dryRun: true };
  jobs.set(id, job);
  return job;
}

/** The job, if it exists and belongs to this user. */
export function jobOf(id: string, actorId: string): ImportJob | undefined {
  const job = jobs.get(id);
  return job && job.actor.id === actorId ? job : undefined;
}

/** Forget a job and remove its files (unless it is running). */
export function discardJob(id: string, actorId: string): void {
  const job = jobOf(id, actorId);
  if (job && job.state !== "running") forget(job);
}

export function anyRunning(): boolean {
  for (const job of jobs.values()) if (job.state === "running") return true;
  return false;
}

export function uploadedBytes(job: ImportJob, except?: string): number {
  let n = 0;
  for (const [name, bytes] of job.files) if (name !== except) n += bytes;
  return n;
}

export function fileTarget(job: ImportJob, name: string): string {
  if (!importFileOf(name)) throw new Error(`not an import file: ${name}`);
  return path.join(job.dir, name);
}

/** Start checking (dryRun) or importing the uploaded files in the background. */
export function startJob(job: ImportJob, dryRun: boolean, encoding: CsvEncoding = "auto"): void {
  job.state = "running";
  job.dryRun = dryRun;
  job.progress = undefined;
  job.report = undefined;
  job.errorRef = undefined;
  void importDirectory(db(), job.dir, {
    actor: job.actor,
    scope: job.scope,
    dryRun,
    encoding,
    onProgress: (p) => {
      job.progress = p;
    },
  })
    .then((report) => {
      job.report = report;
      job.state = "done";
      if (!dryRun && report.ok) fs.rmSync(job.dir, { recursive: true, force: true });
    })
    .catch((e) => {
      job.errorRef = Math.random().toString(36).slice(2, 10);
      job.state = "failed";
      logError(e, { ref: job.errorRef, job: "import", importJob: job.id }, "import failed");
    });
}

export function viewOf(job: ImportJob): JobView {
  return {
    id: job.id,
    state: job.state,
    dryRun: job.dryRun,
    files: [...job.files].map(([name, bytes]) => ({ name, bytes })),
    progress: job.progress ?? null,
    report: job.report ?? null,
    errorRef: job.errorRef ?? null,
  };
}
