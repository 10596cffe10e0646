// Households a viewer may read, as a `where` clause: out of scope reads as not found.
import type { Prisma, RegionLevel } from "@/lib/generated/prisma/client";
import { NOTHING, type ScopedViewer } from "./viewer";

/** Households under a region node: region ids are prefixes of the ids beneath them. */
export function householdsUnderRegion(regionId: string, level: RegionLevel): Prisma.HouseholdWhereInput {
  switch (level) {
    case "village":
      return { villageId: regionId };
    case "township":
      return { villageId: { startsWith: regionId } };
    case "county":
      return { countyId: regionId };
    case "city":
    case "province":
      return { countyId: { startsWith: regionId } };
  }
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
