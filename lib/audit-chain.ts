// The audit history is a hash chain: each event's hash covers the previous event's hash and
// the event's canonical content, so editing, deleting or reordering any event breaks every
// link after it. Pure (node:crypto only); shared by the writer (lib/audit.ts) and the
// verifier (scripts/audit-verify.ts).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const GENESIS = "0".repeat(64);

export interface ChainedContent {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  countyId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** JSON with object keys sorted at every level (PostgreSQL's jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The canonical text an event's hash covers (besides the previous hash). */
export function eventContent(e: ChainedContent): string {
  return canonicalJson({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    countyId: e.countyId,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason,
  });
}

/** SHA-256 over prevHash, a newline and the content (the database computes the same: jz_audit_append). */
export function eventHash(prevHash: string, e: ChainedContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(eventContent(e)).digest("hex");
}

/**
 * An event's keyed seal: HMAC-SHA-256 of its canonical content under the audit key, a key kept
 * outside the database (lib/audit-key.ts). Whoever owns the database can recompute the SHA-256
 * links after an edit, but not the seal. Computed by the application, stored beside the event.
 */
export function eventMac(key: Buffer, content: string): string {
  return createHmac("sha256", key).update("jingzhun-audit-v1\n").update(content).digest("hex");
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export interface StoredEvent extends ChainedContent {
  id: bigint | number | string;
  prevHash: string | null;
  hash: string | null;
  mac?: string | null;
}

export type ChainCheck =
  | { ok: true; checked: number; lastHash: string; keyed: boolean; lastId: string | null }
  | { ok: false; checked: number; brokenAt: string; why: string };

export interface VerifyOptions {
  /** the audit key: with it every seal is checked, and once one event is sealed every later one must be */
  key?: Buffer | null;
  /** an earlier batch already met a sealed event */
  keyed?: boolean;
  /** anchored heads by event id (lib/audit-anchor.ts): the event there must still carry that hash */
  anchors?: Map<string, { hash: string; events: number }>;
  /** filled with the anchored ids met (an anchor never met names a deleted event) */
  met?: Set<string>;
}

/** Walk events in id order from a known previous hash; the first broken link is named. */
export function verifyChain(events: Iterable<StoredEvent>, prev = GENESIS, checkedBefore = 0, opts: VerifyOptions = {}): ChainCheck {
  let checked = checkedBefore;
  let keyed = opts.keyed ?? false;
  let lastId: string | null = null;
  for (const e of events) {
    const id = String(e.id);
    if (e.prevHash !== prev)
      return {
        ok: false,
        checked,
        brokenAt: id,
        why: `prevHash ${e.prevHash?.slice(0, 12) ?? "null"}… ≠ previous event's hash ${prev.slice(0, 12)}…`,
      };
    const h = eventHash(prev, e);
    if (e.hash !== h)
      return {
        ok: false,
        checked,
        brokenAt: id,
        why: `content does not match its hash (stored ${e.hash?.slice(0, 12) ?? "null"}…, computed ${h.slice(0, 12)}…)`,
      };
    if (opts.key) {
      if (e.mac) {
        if (!sameHex(e.mac, eventMac(opts.key, eventContent(e))))
          return {
            ok: false,
            checked,
            brokenAt: id,
            why: "its seal (HMAC under the audit key) does not match its content: written or edited without the key",
          };
        keyed = true;
      } else if (keyed) {
        return { ok: false, checked, brokenAt: id, why: "an unsealed event after sealed ones: written without the audit key" };
      }
    }
    prev = h;
    checked++;
    const anchor = opts.anchors?.get(id);
    if (anchor && (anchor.hash !== h || anchor.events !== checked)) {
      return {
        ok: false,
        checked,
        brokenAt: id,
        why: `differs from the head anchored outside the database (anchored hash ${anchor.hash.slice(0, 12)}… after ${anchor.events} events; now ${h.slice(0, 12)}… after ${checked})`,
      };
    }
    if (anchor) opts.met?.add(id);
    lastId = id;
  }
  return { ok: true, checked, lastHash: prev, keyed, lastId };
}
