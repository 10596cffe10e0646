// Who a scope is computed for: the signed-in user's id, role and region.
import type { RegionLevel } from "@/lib/generated/prisma/client";

export interface ScopedViewer {
  id: string;
  role: string;
  regionId: string;
  regionLevel: RegionLevel;
}

/** A `where` that matches nothing (out of scope reads as not found). */
export const NOTHING = { id: { in: [] as string[] } };

/** A current assignment of a cadre to a household, at `now`. */
export const currentAssignment = (now: Date) => ({ validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] });

/** The county a region lies in: a region id's first six digits (null above county level). */
export function countyOfRegion(regionId: string): string | null {
  return regionId.length >= 6 ? regionId.slice(0, 6) : null;
}

/** The region part of a scope, for a table that carries both countyId and villageId. */
export type RegionReach =
  { countyId: string; villageId?: string | { startsWith: string } } | { countyId: { startsWith: string }; villageId?: undefined };

/**
 * A viewer's reach over rows that carry countyId and villageId. At or below a county, the reach
 * always names its county: on a database sharded by countyId (docs/decisions/0044-national-plan.md)
 * such a query goes to one shard. A city's or province's reach crosses counties: a query over
 * several shards, which the national plan serves from rollup tables at scale.
 */
export function regionReach(regionId: string, level: RegionLevel): RegionReach {
  switch (level) {
    case "village":
      return { countyId: regionId.slice(0, 6), villageId: regionId };
    case "township":
      return { countyId: regionId.slice(0, 6), villageId: { startsWith: regionId } };
    case "county":
      return { countyId: regionId };
    case "city":
    case "province":
      return { countyId: { startsWith: regionId } }; // crosses counties (decision 0044)
  }
}
