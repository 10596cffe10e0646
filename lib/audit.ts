// Append-only audit history: who, when, what, before and after. Written in the same
// transaction as the change it records, as the next link of a hash chain (lib/audit-chain.ts).
// Appends are serialised by a transaction-scoped advisory lock, so the chain has one order; the
// lock, the read of the last hash and the insert are one database call (jz_audit_append).
// A database trigger refuses UPDATE, DELETE and TRUNCATE of audit rows, and the app's role (on
// PostgreSQL) owns nothing, so it cannot switch the trigger off. Each event is also sealed with an
// HMAC under the audit key, which is never in the database (lib/audit-key.ts, decision 0023).
import type { Db, Tx } from "@/lib/db/client";
import { eventContent, eventMac } from "./audit-chain";
import { auditKey } from "./audit-key";

export interface Actor {
  id: string | null;
  role: string | null;
}

/** The audit row's actor for a signed-in viewer: who, in which role. */
export function actorOf(viewer: { id: string; role: string }): Actor {
  return { id: viewer.id, role: viewer.role };
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  countyId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const SYSTEM: Actor = { id: null, role: "system" };

/** Plain JSON (bigints as strings, Decimals and Dates as strings), as jsonb will store it. */
function plain(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * One round trip: the database function jz_audit_append takes the chain's lock, reads the last
 * hash and inserts the events, hashing each over its canonical content computed here
 * (migration 20261128210000). The lock is then held only until this transaction commits.
 */
async function append(tx: Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT jz_audit_append($1::jsonb) AS n`, auditRowsJson(actor, entries));
}

/**
 * The argument of jz_audit_append for these events, as JSON text: each event's canonical content
 * and its seal. For a database function that appends them itself (jz_store_plain_visit).
 */
export function auditRowsJson(actor: Actor | null, entries: AuditEntry[], at: Date = new Date()): string {
  const who = actor ?? SYSTEM;
  const key = auditKey();
  const rows = entries.map((entry) => {
    const content = {
      at,
      actorId: who.id,
      actorRole: who.role,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      countyId: entry.countyId ?? null,
      before: plain(entry.before),
      after: plain(entry.after),
      reason: entry.reason ?? null,
    };
    const text = eventContent(content);
    return { ...content, at: at.toISOString(), content: text, mac: key ? eventMac(key, text) : null };
  });
  return JSON.stringify(rows);
}

function isClient(client: Db | Tx): client is Db {
  return typeof (client as Db).$transaction === "function";
}

/** Append one event. Inside a transaction it joins it; with the bare client it opens its own. */
export async function audit(client: Db | Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  if (isClient(client)) await client.$transaction((tx) => append(tx, actor, [entry]));
  else await append(client, actor, [entry]);
}

/** Append several events of one change, in order. */
export async function auditMany(client: Db | Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (isClient(client)) await client.$transaction((tx) => append(tx, actor, entries));
  else await append(client, actor, entries);
}
