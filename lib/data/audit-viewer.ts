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

/**
 * Action names as they were before they were one style (decision 0035): an `access.denied` row
 * written before keeps the old name as its entityId. The viewer shows such a row under the current
 * name, and a filter by either name finds both.
 */
export const LEGACY_ACTION_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    "admin.changeUserRole": "admin.change_user_role",
    "admin.createRegion": "admin.create_region",
    "admin.createUser": "admin.create_user",
    "admin.importRegions": "admin.import_regions",
    "admin.publishCalendarYear": "admin.publish_calendar_year",
    "admin.removeCalendarDay": "admin.remove_calendar_day",
    "admin.renameRegion": "admin.rename_region",
    "admin.resetUserPassword": "admin.reset_user_password",
    "admin.saveNotifyChannel": "admin.save_notify_channel",
    "admin.searchRegions": "admin.search_regions",
    "admin.sendTestNotification": "admin.send_test_notification",
    "admin.setCalendarDay": "admin.set_calendar_day",
    "admin.setRegionHotline": "admin.set_region_hotline",
    "admin.setRegionZone": "admin.set_region_zone",
    "admin.setRegionDesignated": "admin.set_region_designated",
    "admin.setUserDisabled": "admin.set_user_disabled",
    "admin.withdrawCalendarYear": "admin.withdraw_calendar_year",
    "county.assignHousehold": "county.assign_household",
    "county.bulkAssign": "county.bulk_assign",
    "county.searchCadres": "county.search_cadres",
    "visit.confirmPending": "visit.confirm_pending",
    "help.cardReport": "help.card_report",
    "help.villageReport": "help.village_report",
    "household.revealNationalId": "household.reveal_national_id",
  }),
);
const OLD_NAME = new Map([...LEGACY_ACTION_NAMES].map(([old, current]) => [current, old]));

/** The current name of an action named in an audit row (old rows: decision 0035). */
export function currentActionName(name: string): string {
  return LEGACY_ACTION_NAMES.get(name) ?? name;
}

/** The events a viewer may read, as a `where`. Above a county it crosses counties: each county keeps its own chain (decision 0044). */
export function auditScope(viewer: ScopedViewer): Prisma.AuditEventWhereInput {
  const region = viewer.regionId;
  if (viewer.regionLevel === "province") return { OR: [{ countyId: { startsWith: region } }, { countyId: null }] };
  return { countyId: { startsWith: region } }; // a city crosses counties (decision 0044)
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
  if (f.entityId) {
    const current = currentActionName(f.entityId);
    const old = OLD_NAME.get(current);
    and.push(old ? { entityId: { in: [current, old] } } : { entityId: f.entityId });
  }
  if (f.county) and.push({ countyId: f.county });
  if (f.from) and.push({ at: { gte: chinaDayStart(f.from) } });
  if (f.to) and.push({ at: { lt: new Date(chinaDayStart(f.to).getTime() + 86_400_000) } });
  return { AND: and };
}

async function withActors(
  rows: {
    id: bigint;
    at: Date;
    actorId: string | null;
    actorRole: string | null;
    action: string;
    entity: string;
    entityId: string | null;
    countyId: string | null;
    reason: string | null;
    before: unknown;
    after: unknown;
  }[],
): Promise<AuditRow[]> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const users = ids.length
    ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, username: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    ...r,
    id: r.id.toString(),
    entityId: r.entity === "action" && r.entityId ? currentActionName(r.entityId) : r.entityId,
    actorName: r.actorId ? (byId.get(r.actorId)?.name ?? null) : null,
    actorUsername: r.actorId ? (byId.get(r.actorId)?.username ?? null) : null,
  }));
}

const SELECT = {
  id: true,
  at: true,
  actorId: true,
  actorRole: true,
  action: true,
  entity: true,
  entityId: true,
  countyId: true,
  reason: true,
  before: true,
  after: true,
} as const;

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
