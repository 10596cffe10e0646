// The audit viewer (the audit administrator's, permission audit.view): the events of the
// viewer's region, newest first, filtered by actor, action, entity, county and time; each with
// its before and after. Events that belong to no county (users, regions, policy) are seen only
// by an auditor for the whole province or above. Pages by event id (no OFFSET over millions of
// rows); filters use the table's indexes (actor+time, entity+id, county+time, action+time).
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ScopedViewer } from "@/lib/auth/scope";
import type { AuditFilters } from "@/lib/validation/audit";

export const AUDIT_PAGE = 50;
/** the most rows one export carries (narrow the filters for more) */
export const AUDIT_EXPORT_MAX = 100_000;

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  countyId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/** The events a viewer may read, as a `where`. */
export function auditScope(viewer: ScopedViewer): Prisma.AuditEventWhereInput {
  const region = viewer.regionId;
  if (viewer.regionLevel === "province") return { OR: [{ countyId: { startsWith: region } }, { countyId: null }] };
  return { countyId: { startsWith: region } };
}

const chinaDayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** The filters as a `where` (an actor is looked up by username, or by part of the name). */
export async function auditWhere(viewer: ScopedViewer, f: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [auditScope(viewer)];
  if (f.actor) {
    const users = await db().user.findMany({
      where: { OR: [{ username: f.actor.toLowerCase() }, { name: { contains: f.actor } }] },
      select: { id: true },
      take: 100,
    });
    and.push({ actorId: { in: users.map((u) => u.id) } });
  }
  if (f.action) and.push(f.action.endsWith(".") ? { action: { startsWith: f.action } } : { action: f.action });
  if (f.entity) and.push({ entity: f.entity });
  if (f.entityId) and.push({ entityId: f.entityId });
  if (f.county) and.push({ countyId: f.county });
  if (f.from) and.push({ at: { gte: chinaDayStart(f.from) } });
  if (f.to) and.push({ at: { lt: new Date(chinaDayStart(f.to).getTime() + 86_400_000) } });
  return { AND: and };
}

async function withActors(rows: { id: bigint; at: Date; actorId: string | null; actorRole: string | null; action: string; entity: string; entityId: string | null; countyId: string | null; reason: string | null; before: unknown; after: unknown }[]): Promise<AuditRow[]> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const users = ids.length ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, username: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    ...r,
    id: r.id.toString(),
    actorName: r.actorId ? (byId.get(r.actorId)?.name ?? null) : null,
    actorUsername: r.actorId ? (byId.get(r.actorId)?.username ?? null) : null,
  }));
}

const SELECT = { id: true, at: true, actorId: true, actorRole: true, action: true, entity: true, entityId: true, countyId: true, reason: true, before: true, after: true } as const;

/** One page, newest first: events older than `before` (the previous page's last id). */
export async function listAuditEvents(viewer: ScopedViewer, f: AuditFilters): Promise<{ rows: AuditRow[]; next: string | null }> {
  const where = await auditWhere(viewer, f);
  const rows = await db().auditEvent.findMany({
    where: f.before ? { AND: [where, { id: { lt: BigInt(f.before) } }] } : where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE + 1,
    select: SELECT,
  });
  const page = rows.slice(0, AUDIT_PAGE);
  return { rows: await withActors(page), next: rows.length > AUDIT_PAGE ? page[page.length - 1]!.id.toString() : null };
}

/** Every event of the selection (up to AUDIT_EXPORT_MAX), in batches, newest first. */
export async function* auditBatches(viewer: ScopedViewer, f: AuditFilters, batch = 2000): AsyncGenerator<AuditRow[]> {
  const where = await auditWhere(viewer, f);
  let before: bigint | null = f.before ? BigInt(f.before) : null;
  let sent = 0;
  while (sent < AUDIT_EXPORT_MAX) {
    const rows = await db().auditEvent.findMany({
      where: before !== null ? { AND: [where, { id: { lt: before } }] } : where,
      orderBy: { id: "desc" },
      take: Math.min(batch, AUDIT_EXPORT_MAX - sent),
      select: SELECT,
    });
    if (!rows.length) return;
    sent += rows.length;
    before = rows[rows.length - 1]!.id;
    yield withActors(rows);
  }
}
