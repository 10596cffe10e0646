// The retention of department feeds as a periodic job (docs/department-feeds.md): once a day,
// where the lease falls (lib/jobs/lease.ts: one app process however many share the database), the
// rows of feeds older than the policy's feedRetentionMonths are deleted, their flags, leads and
// facts kept, each purged feed audited (`feed.purged`, by the system). `npm run feeds:purge` runs
// the same on demand.
import "server-only";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log/logger";
import { purgeExpiredFeedRows } from "@/lib/feeds/retention";
import { claim, release } from "./lease";

export const FEEDS_PURGE_JOB = "feeds-purge";
export const FEEDS_PURGE_EVERY_MS = 24 * 3600_000;

export interface FeedsPurgeRun {
  feeds: number;
  rows: number;
}

/** One run, if due (or forced) and this process holds the lease; null when it is taken or not due. */
export async function runFeedsPurge(db: Db, opts: { everyMs?: number; force?: boolean; now?: Date } = {}): Promise<FeedsPurgeRun | null> {
  const claimed = await claim(db, FEEDS_PURGE_JOB, {
    leaseMs: 30 * 60_000,
    everyMs: opts.everyMs ?? FEEDS_PURGE_EVERY_MS,
    force: opts.force,
  });
  if (!claimed) return null;
  let ok = false;
  let result: FeedsPurgeRun = { feeds: 0, rows: 0 };
  try {
    result = await purgeExpiredFeedRows(db, opts.now);
    ok = true;
    if (result.feeds) log().info({ job: FEEDS_PURGE_JOB, ...result }, "department feed rows purged");
    return result;
  } finally {
    await release(db, FEEDS_PURGE_JOB, { ok, state: result }).catch(() => {});
  }
}
