// Append-only audit history: who, when, what, before and after. Written in the same
// transaction as the change it records, as the next link of a hash chain (lib/audit-chain.ts).
// Appends are serialised by a transaction-scoped advisory lock, so the chain has one order.
// A database trigger refuses UPDATE, DELETE and TRUNCATE of audit rows.
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { eventHash, GENESIS } from "./audit-chain";

export interface Actor {
  id: string | null;
  role: string | null;
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
const CHAIN_LOCK = 7_243_001;

/** Plain JSON (bigints as strings, Decimals and Dates as strings), as jsonb will store it. */
function plain(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

async function append(tx: Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  const who = actor ?? SYSTEM;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}::bigint)`;
  const last = await tx.$queryRaw<{ hash: string | null }[]>`SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1`;
  let prev = last[0]?.hash ?? GENESIS;
  for (const entry of entries) {
    const content = {
      at: new Date(),
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
    const hash = eventHash(prev, content);
    await tx.auditEvent.create({
      data: {
        ...content,
        before: content.before === null ? Prisma.JsonNull : (content.before as Prisma.InputJsonValue),
        after: content.after === null ? Prisma.JsonNull : (content.after as Prisma.InputJsonValue),
        prevHash: prev,
        hash,
      },
    });
    prev = hash;
  }
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
