// Failed sign-ins, counted in the database (so every server process sees the same counts), two ways:
//  - per address (the socket's, or our proxy's report: lib/http/request-address.ts), stored as a keyed
//    hash: after MAX_FAILURES in the window the address is refused, for a time that doubles with
//    each further failure, up to an hour. Only the address's own user can fill its budget.
//  - per account: never a lock, so nobody can shut a real user out by failing on purpose. After
//    MAX_FAILURES in the window each attempt on the account waits a delay that doubles with every
//    further failure, up to ACCOUNT_DELAY_MAX_MS: a guesser slows down, the real user waits a
//    few seconds and gets in.
// Rows are pruned once they no longer matter (at most hourly per process), and keys are short:
// an address is hashed (addressKey), a username is at most 64 characters (the sign-in schema).
import type { Db, Tx } from "@/lib/db/client";
import { addressKey } from "@/lib/security/secret";

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
export const ACCOUNT_DELAY_BASE_MS = 500;
export const ACCOUNT_DELAY_MAX_MS = 8_000;

export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(username: string, address: string): ThrottleKeys {
  return { account: `user:${username.trim().toLowerCase().slice(0, 64)}`, address: `ip:${addressKey(address)}` };
}

/** When the address may try again (null: now). */
export async function addressLockedUntil(client: Db | Tx, keys: ThrottleKeys, now = new Date()): Promise<Date | null> {
  const row = await client.loginThrottle.findUnique({ where: { key: keys.address } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** How long an attempt on this account waits first: 0 until MAX_FAILURES recent failures, then doubling. */
export function accountDelayMs(failures: number): number {
  const over = failures - MAX_FAILURES;
  if (over < 0) return 0;
  return Math.min(ACCOUNT_DELAY_BASE_MS * 2 ** Math.min(over, 30), ACCOUNT_DELAY_MAX_MS);
}

export async function accountDelay(client: Db | Tx, keys: ThrottleKeys, now = new Date()): Promise<number> {
  const row = await client.loginThrottle.findUnique({ where: { key: keys.account } });
  if (!row || now.getTime() - row.windowStart.getTime() > WINDOW_MS) return 0;
  return accountDelayMs(row.failures);
}

export async function recordFailure(client: Db, keys: ThrottleKeys, now = new Date()): Promise<void> {
  for (const [key, locks] of [
    [keys.account, false],
    [keys.address, true],
  ] as const) {
    await client.$transaction(async (tx) => {
      const row = await tx.loginThrottle.upsert({ where: { key }, create: { key, failures: 0, windowStart: now }, update: {} });
      const fresh = now.getTime() - row.windowStart.getTime() > WINDOW_MS && !(row.lockedUntil && row.lockedUntil > now);
      const failures = fresh ? 1 : row.failures + 1;
      const over = failures - MAX_FAILURES;
      const lock = locks && over >= 0 ? new Date(now.getTime() + Math.min(BASE_LOCK_MS * 2 ** Math.min(over, 30), MAX_LOCK_MS)) : null;
      await tx.loginThrottle.update({ where: { key }, data: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: lock } });
    });
  }
  maybePrune(client, now);
}

export async function clearFailures(client: Db, key: string): Promise<void> {
  await client.loginThrottle.deleteMany({ where: { key } });
}

/** Drop rows whose window and lock are both over (older than a day). */
export async function pruneLoginThrottle(client: Db | Tx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 24 * 60 * 60_000);
  const r = await client.loginThrottle.deleteMany({
    where: { windowStart: { lt: before }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
  return r.count;
}

let lastPrune = 0;
function maybePrune(client: Db, now: Date): void {
  if (now.getTime() - lastPrune < 60 * 60_000) return;
  lastPrune = now.getTime();
  void pruneLoginThrottle(client, now).catch(() => {});
}
