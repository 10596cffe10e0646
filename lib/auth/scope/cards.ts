// Household cards (明白卡): cadres (their current households) and county officials (their
// region) issue, print and revoke them; everyone else is refused.
import { AppError } from "@/lib/auth/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { householdScope } from "./households";
import type { ScopedViewer } from "./viewer";

/** The households whose cards a viewer manages. */
export function cardManagerScope(viewer: ScopedViewer): Prisma.HouseholdWhereInput {
  if (viewer.role !== "cadre" && viewer.role !== "county_official") throw new AppError("forbidden");
  return householdScope(viewer);
}
