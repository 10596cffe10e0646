// Failed sign-ins are counted per account and per address, in the database (so every server
// process sees the same counts). After MAX_FAILURES in the window the key is locked, and the
// lock doubles with each further failure, up to an hour.
import type { Db, Tx } from "@/lib/db/client";

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

export async function lockedUntil(client: Db | Tx, keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await client.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = rows.map((r) => r.lockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

export async function recordFailure(client: Db, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    await client.$transaction(async (tx) => {
      const row = await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures: 0, windowStart: now },
        update: {},
      });
      const fresh = now.getTime() - row.windowStart.getTime() > WINDOW_MS && !(row.lockedUntil && row.lockedUntil > now);
      const failures = fresh ? 1 : row.failures + 1;
      const over = failures - MAX_FAILURES;
      const lock = over >= 0 ? new Date(now.getTime() + Math.min(BASE_LOCK_MS * 2 ** over, MAX_LOCK_MS)) : null;
      await tx.loginThrottle.update({
        where: { key },
        data: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: lock },
      });
    });
  }
}

export async function clearFailures(client: Db, key: string): Promise<void> {
  await client.loginThrottle.deleteMany({ where: { key } });
}
