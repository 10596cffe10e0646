// The periodic jobs of an app server: a timer per process that, once a minute, offers each job
// to this process; a job runs where its lease is claimed (lease.ts), so with several servers
// each job still runs once per period. JINGZHUN_JOBS=off turns the timer off (a server that
// should only answer requests).
import "server-only";
import type { Db } from "@/lib/db/client";
import { logError, log } from "@/lib/log/logger";
import { runAuditHeadCheck } from "./audit-head";
import { runNotifications } from "@/lib/notify/run";
import { resumeRecomputeJobs } from "@/lib/data/recompute";
import { runFeedsPurge } from "./feeds-purge";

const TICK_MS = 60_000;
const g = globalThis as typeof globalThis & { __jzJobs?: NodeJS.Timeout };

export interface JobSpec {
  name: string;
  run: (db: Db) => Promise<unknown>;
}

export const JOBS: JobSpec[] = [
  { name: "audit-head", run: (db) => runAuditHeadCheck(db, { everyMs: 5 * 60_000 }) },
  { name: "notify", run: (db) => runNotifications(db, { everyMs: Number(process.env.JINGZHUN_NOTIFY_EVERY_MS ?? 15 * 60_000) }) },
  // a batch recompute whose server stopped is taken over once its lease runs out (each job's
  // own lease decides who works it: lib/data/recompute.ts)
  { name: "recompute-resume", run: (db) => resumeRecomputeJobs(db) },
  // department feed rows past the policy's retention, once a day (flags and leads stay)
  { name: "feeds-purge", run: (db) => runFeedsPurge(db) },
];

let busy = false;

/** One tick: every job offered once, one after another (never two ticks at once in one process). */
export async function tick(db: Db): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (const job of JOBS) {
      try {
        await job.run(db);
      } catch (e) {
        logError(e, { job: job.name }, "job failed");
      }
    }
  } finally {
    busy = false;
  }
}

export function startJobs(dbOf: () => Db): void {
  if (g.__jzJobs) return;
  const run = () => void tick(dbOf()).catch((e) => logError(e, { job: "tick" }, "job tick failed"));
  g.__jzJobs = setInterval(run, TICK_MS);
  g.__jzJobs.unref();
  setTimeout(run, 5_000).unref();
  log().info({ jobs: JOBS.map((j) => j.name), everyMs: TICK_MS }, "jobs started");
}
