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
