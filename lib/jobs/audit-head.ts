// The audit chain's head, verified in the background (and by the health check when stale): the
// events appended since the last verified one must link to it, and that one must still carry
// the hash it had. Incremental, so it stays cheap however long the chain; a full walk from the
// first event runs once a day (`npm run audit:verify` does the same on demand). The result is
// kept in ops_job ("audit-head") for GET /api/health. With the audit key (lib/audit-key.ts) each
// event's seal is checked too, and after a good check the head is anchored outside the database
// (the anchors file) when it moved, so `npm run audit:verify` can tell a later rewrite.
import "server-only";
import type { Db } from "@/lib/db/client";
import { GENESIS, verifyChain } from "@/lib/audit-chain";
import { auditKey, readAnchors, writeAnchor } from "@/lib/audit-key";
import { claim, jobState, release } from "./lease";

export const AUDIT_JOB = "audit-head";
const BATCH = 5000;
const FULL_EVERY_MS = 24 * 3600_000;

export interface AuditHeadState {
  ok: boolean;
  /** the last verified event (bigint as text) and its hash */
  lastId: string | null;
  lastHash: string;
  /** events verified in all */
  events: number;
  verifiedAt: string;
  /** the last full walk from the first event */
  fullAt: string | null;
  brokenAt?: string;
  why?: string;
  /** a sealed event was met (from then on every event must be sealed) */
  keyed?: boolean;
  /** the last event anchored outside the database */
  anchoredId?: string | null;
}

/** Walks from (afterId, prevHash) to the head. */
async function walk(
  db: Db,
  afterId: bigint,
  prevHash: string,
  counted: number,
  keyedBefore: boolean,
  anchors?: Map<string, { hash: string; events: number }>,
) {
  let after = afterId;
  let prev = prevHash;
  let checked = counted;
  let keyed = keyedBefore;
  let lastId: bigint | null = afterId >= 0n ? afterId : null;
  const key = auditKey();
  const met = new Set<string>();
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) {
      for (const [id] of anchors ?? [])
        if (!met.has(id)) return { ok: false as const, checked, brokenAt: id, why: "the event anchored outside the database is gone" };
      return { ok: true as const, lastId, lastHash: prev, checked, keyed };
    }
    const r = verifyChain(rows, prev, checked, { key, keyed, anchors, met });
    if (!r.ok) return r;
    prev = r.lastHash;
    checked = r.checked;
    keyed = r.keyed;
    after = rows[rows.length - 1]!.id;
    lastId = after;
  }
}

/** Verifies the head now (a full walk when asked, or when the last full walk is a day old). */
export async function verifyAuditHead(db: Db, previous: AuditHeadState | null, opts: { full?: boolean } = {}): Promise<AuditHeadState> {
  const now = new Date();
  const full =
    opts.full || !previous?.ok || !previous.lastId || !previous.fullAt || now.getTime() - Date.parse(previous.fullAt) >= FULL_EVERY_MS;
  if (!full && previous?.lastId) {
    // the verified head must still be there, unchanged
    const head = await db.auditEvent.findUnique({ where: { id: BigInt(previous.lastId) }, select: { hash: true } });
    if (!head || head.hash !== previous.lastHash) {
      return {
        ...previous,
        ok: false,
        verifiedAt: now.toISOString(),
        brokenAt: previous.lastId,
        why: head ? "the verified head's hash changed" : "the verified head is gone",
      };
    }
  }
  let anchors: Map<string, { hash: string; events: number }> | undefined;
  if (full) {
    const read = readAnchors();
    if (!read.ok) {
      return {
        ok: false,
        lastId: previous?.lastId ?? null,
        lastHash: previous?.lastHash ?? GENESIS,
        events: 0,
        verifiedAt: now.toISOString(),
        fullAt: previous?.fullAt ?? null,
        brokenAt: `anchors:${read.line}`,
        why: `anchors file: ${read.why}`,
      };
    }
    anchors = read.anchors;
  }
  const r = full
    ? await walk(db, -1n, GENESIS, 0, false, anchors)
    : await walk(db, BigInt(previous!.lastId!), previous!.lastHash, previous!.events, previous!.keyed ?? false);
  if (!r.ok) {
    return {
      ok: false,
      lastId: previous?.lastId ?? null,
      lastHash: previous?.lastHash ?? GENESIS,
      events: r.checked,
      verifiedAt: now.toISOString(),
      fullAt: previous?.fullAt ?? null,
      brokenAt: r.brokenAt,
      why: r.why,
    };
  }
  const lastId = r.lastId === null ? null : String(r.lastId);
  let anchoredId = previous?.anchoredId ?? null;
  if (lastId && lastId !== anchoredId) {
    try {
      if (writeAnchor({ id: lastId, hash: r.lastHash, events: r.checked })) anchoredId = lastId;
    } catch {
      /* an unwritable anchors file: the next check tries again; the chain itself was verified */
    }
  }
  return {
    ok: true,
    lastId,
    lastHash: r.lastHash,
    events: r.checked,
    verifiedAt: now.toISOString(),
    fullAt: full ? now.toISOString() : (previous?.fullAt ?? null),
    keyed: r.keyed,
    anchoredId,
  };
}

/**
 * Runs the check if it is due (or `force`) and this process gets the lease; answers with the
 * latest recorded state either way.
 */
export async function runAuditHeadCheck(
  db: Db,
  opts: { everyMs: number; force?: boolean; full?: boolean },
): Promise<AuditHeadState | null> {
  const claimed = await claim<AuditHeadState>(db, AUDIT_JOB, { leaseMs: 10 * 60_000, everyMs: opts.everyMs, force: opts.force });
  if (!claimed) return (await jobState<AuditHeadState>(db, AUDIT_JOB))?.state ?? null;
  let state: AuditHeadState;
  try {
    state = await verifyAuditHead(db, claimed.state, { full: opts.full });
  } catch (e) {
    await release(db, AUDIT_JOB, { ok: false }).catch(() => {});
    throw e;
  }
  await release(db, AUDIT_JOB, { ok: state.ok, state });
  return state;
}
