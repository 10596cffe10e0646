// Users under the admin's region node. Out of scope reads as not found.
import "server-only";
import { db } from "@/lib/db/client";
import { usersInScope, type ScopedViewer } from "@/lib/auth/scope";
import type { Role } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { USERS_PAGE_SIZE, codePath, type RegionLevel } from "@/lib/validation/admin";

export interface AdminUserRow {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  role: Role;
  regionId: string;
  regionName: string;
  regionLevel: RegionLevel;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface AdminUserDetail extends AdminUserRow {
  /** names from the admin's scope down to the user's scope node */
  regionPath: { id: string; name: string }[];
  updatedAt: string;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

const userSelect = {
  id: true,
  username: true,
  name: true,
  phone: true,
  role: true,
  regionId: true,
  disabled: true,
  lastLoginAt: true,
  createdAt: true,
  region: { select: { name: true, level: true } },
} satisfies Prisma.UserSelect;

type UserRecord = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toRow(u: UserRecord): AdminUserRow {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    phone: u.phone,
    role: u.role,
    regionId: u.regionId,
    regionName: u.region.name,
    regionLevel: u.region.level,
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Users under the admin's region: a reference table, read across counties by design (decision 0044). */
export async function listUsers(viewer: ScopedViewer, filter: { q?: string; role?: Role; page?: number }): Promise<Page<AdminUserRow>> {
  const page = Math.max(1, filter.page ?? 1);
  const q = filter.q?.trim();
  const where: Prisma.UserWhereInput = {
    AND: [
      usersInScope(viewer),
      filter.role ? { role: filter.role } : {},
      q
        ? {
            OR: [{ username: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }],
          }
        : {},
    ],
  };
  const prisma = db();
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      select: userSelect,
      orderBy: [{ username: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
  ]);
  return { rows: rows.map(toRow), total, page, pageSize: USERS_PAGE_SIZE };
}

export async function getUserForAdmin(viewer: ScopedViewer, id: string): Promise<AdminUserDetail | null> {
  const prisma = db();
  const user = await prisma.user.findFirst({
    where: { AND: [{ id }, usersInScope(viewer)] },
    select: { ...userSelect, updatedAt: true },
  });
  if (!user) return null;
  const ids = codePath(user.regionId).filter((c) => c.length >= viewer.regionId.length);
  const path = await prisma.region.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { id: "asc" } });
  return { ...toRow(user), regionPath: path, updatedAt: user.updatedAt.toISOString() };
}
