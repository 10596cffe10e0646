// Append-only audit history: who, when, what, before and after. Written in the same
// transaction as the change it records.
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

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

function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  if (value === undefined || value === null) return Prisma.JsonNull;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export async function audit(client: Db | Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const who = actor ?? SYSTEM;
  await client.auditEvent.create({
    data: {
      actorId: who.id,
      actorRole: who.role,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      countyId: entry.countyId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? null,
    },
  });
}
