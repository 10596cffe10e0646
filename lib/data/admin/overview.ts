// The admin's home: counts for everything under the admin's region node.
import "server-only";
import { db } from "@/lib/db/client";
import { householdsUnderRegion, regionScope, usersInScope, type ScopedViewer } from "@/lib/auth/scope";
import { ROLES, type Role } from "@/lib/auth/roles";
import { REGION_LEVELS, type RegionLevel } from "@/lib/validation/admin";

export interface AdminOverview {
  usersByRole: Record<Role, number>;
  usersTotal: number;
  usersDisabled: number;
  regionsByLevel: Record<RegionLevel, number>;
  households: number;
  registeredPoor: number;
  /** active policy rows: national ones and the province's own */
  policyNational: number;
  policyProvince: number;
}

/**
 * The admin's overview. Users and regions are reference tables (every shard has them); the
 * household counts of a city or province admin cross counties, and read county rollups at
 * national scale (decision 0044).
 */
export async function getAdminOverview(viewer: ScopedViewer): Promise<AdminOverview> {
  const prisma = db();
  const userScope = usersInScope(viewer);
  const households = householdsUnderRegion(viewer.regionId, viewer.regionLevel);
  const province = viewer.regionId.slice(0, 2);
  const [byRole, disabled, byLevel, householdCount, poor, policy] = await Promise.all([
    prisma.user.groupBy({ by: ["role"], where: userScope, _count: { _all: true } }),
    prisma.user.count({ where: { ...userScope, disabled: true } }),
    prisma.region.groupBy({ by: ["level"], where: regionScope(viewer), _count: { _all: true } }),
    prisma.household.count({ where: households }),
    prisma.household.count({ where: { AND: [households, { registeredStatus: "registered_poor" }] } }),
    prisma.policyRow.groupBy({
      by: ["provinceId"],
      where: { active: true, OR: [{ provinceId: null }, { provinceId: province }] },
      _count: { _all: true },
    }),
  ]);
  const usersByRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  for (const g of byRole) usersByRole[g.role] = g._count._all;
  const regionsByLevel = Object.fromEntries(REGION_LEVELS.map((l) => [l, 0])) as Record<RegionLevel, number>;
  for (const g of byLevel) regionsByLevel[g.level] = g._count._all;
  return {
    usersByRole,
    usersTotal: Object.values(usersByRole).reduce((a, b) => a + b, 0),
    usersDisabled: disabled,
    regionsByLevel,
    households: householdCount,
    registeredPoor: poor,
    policyNational: policy.find((g) => g.provinceId === null)?._count._all ?? 0,
    policyProvince: policy.find((g) => g.provinceId === province)?._count._all ?? 0,
  };
}
