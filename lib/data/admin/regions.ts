// The region tree under the admin's node: one node with its children and their counts,
// and a search for pickers. Region ids are prefixes of the ids beneath them, so "under a
// node" is `id startsWith`, and a household's village id cut to a level names its node.
import "server-only";
import { db } from "@/lib/db/client";
import { householdsUnderRegion, regionScope, type ScopedViewer } from "@/lib/auth/scope";
import type { Role } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { CHILD_LEVEL, CODE_LENGTH, REGIONS_PAGE_SIZE, SCOPE_LEVELS, codePath, type RegionLevel, type Zone } from "@/lib/validation/admin";
import type { Page } from "./users";

export interface RegionSummary {
  id: string;
  name: string;
  level: RegionLevel;
}

export interface RegionNode extends RegionSummary {
  parentId: string | null;
  nameEn: string | null;
  zone: Zone | null;
  hotline: string | null;
  designatedPoor: boolean;
  updatedAt: string;
  households: number;
  /** users whose scope is exactly this node */
  users: number;
}

export interface RegionChild extends RegionSummary {
  zone: Zone | null;
  hotline: string | null;
  designatedPoor: boolean;
  children: number;
  households: number;
}

export interface RegionView {
  node: RegionNode;
  /** from the admin's scope node down to (and without) this node */
  breadcrumb: RegionSummary[];
  childLevel: RegionLevel | null;
  children: Page<RegionChild>;
}

const summarySelect = { id: true, name: true, level: true } satisfies Prisma.RegionSelect;

/** One node under the viewer's scope with a page of its children; null if out of scope. */
/** A region node with its households: above a county the count crosses counties (decision 0044). */
export async function getRegionView(viewer: ScopedViewer, id: string, page = 1): Promise<RegionView | null> {
  const prisma = db();
  const node = await prisma.region.findFirst({
    where: { AND: [{ id }, regionScope(viewer)] },
    select: { ...summarySelect, parentId: true, nameEn: true, zone: true, hotline: true, designatedPoor: true, updatedAt: true },
  });
  if (!node) return null;
  page = Math.max(1, page);
  const childLevel = CHILD_LEVEL[node.level];
  const ancestorIds = codePath(node.id).filter((c) => c.length >= viewer.regionId.length && c !== node.id);

  const [breadcrumb, households, users, total, children] = await Promise.all([
    ancestorIds.length
      ? prisma.region.findMany({ where: { id: { in: ancestorIds } }, select: summarySelect, orderBy: { id: "asc" } })
      : Promise.resolve([]),
    prisma.household.count({ where: householdsUnderRegion(node.id, node.level) }),
    prisma.user.count({ where: { regionId: node.id } }),
    prisma.region.count({ where: { parentId: node.id } }),
    prisma.region.findMany({
      where: { parentId: node.id },
      select: { ...summarySelect, zone: true, hotline: true, designatedPoor: true },
      orderBy: { id: "asc" },
      skip: (page - 1) * REGIONS_PAGE_SIZE,
      take: REGIONS_PAGE_SIZE,
    }),
  ]);

  const childIds = children.map((c) => c.id);
  const [grandchildren, householdsByChild] =
    childLevel && childIds.length
      ? await Promise.all([
          prisma.region.groupBy({ by: ["parentId"], where: { parentId: { in: childIds } }, _count: { _all: true } }),
          householdCountsByPrefix(node.id, CODE_LENGTH[childLevel]),
        ])
      : [[], new Map<string, number>()];
  const childCount = new Map(grandchildren.map((g) => [g.parentId, g._count._all]));

  return {
    node: {
      id: node.id,
      name: node.name,
      level: node.level,
      parentId: node.parentId,
      nameEn: node.nameEn,
      zone: node.zone,
      hotline: node.hotline,
      designatedPoor: node.designatedPoor,
      updatedAt: node.updatedAt.toISOString(),
      households,
      users,
    },
    breadcrumb,
    childLevel,
    children: {
      rows: children.map((c) => ({
        id: c.id,
        name: c.name,
        level: c.level,
        zone: c.zone,
        hotline: c.hotline,
        designatedPoor: c.designatedPoor,
        children: childCount.get(c.id) ?? 0,
        households: householdsByChild.get(c.id) ?? 0,
      })),
      total,
      page,
      pageSize: REGIONS_PAGE_SIZE,
    },
  };
}

/**
 * Households under `parentId`, counted per child node in one aggregate: a household's
 * village id cut to the child level's length is the child's id.
 */
async function householdCountsByPrefix(parentId: string, childLength: number): Promise<Map<string, number>> {
  // at or under a county, one county; above it the count crosses counties (decision 0044)
  const county = parentId.length >= 6 ? parentId.slice(0, 6) : null;
  const rows = await db().$queryRaw<{ id: string; n: number }[]>`
    SELECT substr("villageId", 1, ${childLength}::int) AS id, count(*)::int AS n
    FROM household
    WHERE ${county ? Prisma.sql`"countyId" = ${county} AND "villageId" LIKE ${`${parentId}%`}` : Prisma.sql`"countyId" LIKE ${`${parentId}%`}`}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export interface RegionOption extends RegionSummary {
  parentName: string | null;
}

/**
 * Up to `limit` nodes under the viewer's scope whose code starts with, or whose name
 * contains, `q`; when a role is given, only the levels its scope may be.
 */
export async function searchRegions(viewer: ScopedViewer, q: string, role?: Role, limit = 20): Promise<RegionOption[]> {
  const text = q.trim();
  if (!text) return [];
  const rows = await db().region.findMany({
    where: {
      AND: [
        regionScope(viewer),
        role ? { level: { in: [...SCOPE_LEVELS[role]] } } : {},
        /^\d+$/.test(text) ? { id: { startsWith: text } } : { name: { contains: text, mode: "insensitive" } },
      ],
    },
    select: { ...summarySelect, parent: { select: { name: true } } },
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, level: r.level, parentName: r.parent?.name ?? null }));
}

/** A node under the viewer's scope, or null. */
export async function findRegionInScope(viewer: ScopedViewer, id: string): Promise<RegionSummary | null> {
  return db().region.findFirst({ where: { AND: [{ id }, regionScope(viewer)] }, select: summarySelect });
}
