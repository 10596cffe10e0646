// Households a viewer may read, as a `where` clause: out of scope reads as not found.
import type { Prisma, RegionLevel } from "@/lib/generated/prisma/client";
import { NOTHING, regionReach, type ScopedViewer } from "./viewer";

/**
 * Households under a region node: region ids are prefixes of the ids beneath them. At or below a
 * county the clause names the county (one shard when sharded by countyId, decision 0044).
 */
export function householdsUnderRegion(regionId: string, level: RegionLevel): Prisma.HouseholdWhereInput {
  return regionReach(regionId, level);
}

/** The households a viewer may read. */
export function householdScope(viewer: ScopedViewer, now = new Date()): Prisma.HouseholdWhereInput {
  const region = householdsUnderRegion(viewer.regionId, viewer.regionLevel);
  switch (viewer.role) {
    case "admin":
    case "county_official":
    case "facilitator":
      return region;
    case "cadre":
      return {
        AND: [
          region,
          { assignments: { some: { cadreId: viewer.id, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] } } },
        ],
      };
    default:
      return NOTHING; // evaluators read households only through an open evaluation's sample
  }
}
