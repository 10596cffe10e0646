// Fixed-window rate limits for the public endpoints (card views, help reports, objections),
// counted in the database (RateCounter) so every server process sees the same counts.
// Keys never hold a raw address: callers pass addressKey(ip) (lib/security/secret.ts).
// One statement per hit: the upsert either starts a new window or adds one, atomically.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";

type Client = Db | Tx;

export interface Limit {
  /** most hits allowed in one window */
  max: number;
  windowMs: number;
}

/** The limits of the public endpoints. Operational settings, not policy. */
export const LIMITS = {
  cardViewPerAddress: { max: 60, windowMs: 60_000 },
  challengePerAddress: { max: 30, windowMs: 60_000 },
  reportPerAddress: { max: 5, windowMs: 60 * 60_000 },
  /** anonymous (village form) reports into one village a day, all senders together… */
  reportPerVillage: { max: 50, windowMs: 24 * 60 * 60_000 },
  /** …of which one address can send at most this many: no single client fills the village's budget */
  reportPerAddressPerVillage: { max: 5, windowMs: 24 * 60 * 60_000 },
  /** reports from one household's card a day (a card report never counts against the village) */
  reportPerCard: { max: 10, windowMs: 24 * 60 * 60_000 },
  objectionPerAddress: { max: 5, windowMs: 60 * 60_000 },
  statusPerAddress: { max: 60, windowMs: 60_000 },
} as const satisfies Record<string, Limit>;

export interface HitResult {
  ok: boolean;
  count: number;
  /** seconds until the window ends */
  retryAfterS: number;
}

/** Count one hit on `key`; ok is false once the window already holds `max` hits. */
export async function hit(client: Client, key: string, limit: Limit, now = new Date()): Promise<HitResult> {
  const staleBefore = new Date(now.getTime() - limit.windowMs);
  const rows = await client.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "rate_counter" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rate_counter"."windowStart" <= ${staleBefore} THEN 1 ELSE "rate_counter"."count" + 1 END,
      "windowStart" = CASE WHEN "rate_counter"."windowStart" <= ${staleBefore} THEN ${now} ELSE "rate_counter"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  const count = Number(row.count);
  const ends = new Date(row.windowStart).getTime() + limit.windowMs;
  maybePrune(client, now);
  return { ok: count <= limit.max, count, retryAfterS: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}

/** Hit every key; refused when any one is over its limit (all are counted either way). */
export async function hitAll(client: Client, hits: { key: string; limit: Limit }[], now = new Date()): Promise<HitResult> {
  const results: HitResult[] = [];
  for (const h of hits) results.push(await hit(client, h.key, h.limit, now));
  const refused = results.filter((r) => !r.ok);
  if (refused.length === 0) return { ok: true, count: Math.max(0, ...results.map((r) => r.count)), retryAfterS: 0 };
  return { ok: false, count: Math.max(...refused.map((r) => r.count)), retryAfterS: Math.max(...refused.map((r) => r.retryAfterS)) };
}

/**
 * Use a one-time value (a proof-of-work challenge id) once: true the first time, false after.
 * The row's windowStart is when the value stops mattering (its expiry), for pruning.
 */
export async function claimOnce(client: Client, key: string, expiresAt: Date): Promise<boolean> {
  const rows = await client.$queryRaw<{ key: string }[]>`
    INSERT INTO "rate_counter" ("key", "windowStart", "count") VALUES (${key}, ${expiresAt}, 1)
    ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
  return rows.length === 1;
}

/** Current count of a key's window (0 when none or expired). For tests and the leads page. */
export async function peek(client: Client, key: string, limit: Limit, now = new Date()): Promise<number> {
  const row = await client.rateCounter.findUnique({ where: { key } });
  if (!row || row.windowStart.getTime() <= now.getTime() - limit.windowMs) return 0;
  return row.count;
}

const DAY_MS = 24 * 60 * 60_000;
let lastPrune = 0;

/** Now and then (at most once an hour per process) drop counters older than two days. */
function maybePrune(client: Client, now: Date): void {
  if (now.getTime() - lastPrune < 60 * 60_000) return;
  lastPrune = now.getTime();
  const before = new Date(now.getTime() - 2 * DAY_MS);
  void client.rateCounter.deleteMany({ where: { windowStart: { lt: before } } }).catch(() => {});
}
