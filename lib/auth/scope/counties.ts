// The county (and township) a reviewer reads, as a branded id. The county pages' data functions
// (lib/data/county*.ts, lib/data/township.ts) take a ReviewCountyId or ReviewTownshipId, not a
// string: the only ways to get one are the checks below, which start from the signed-in viewer, so
// a query for a county the viewer may not review does not compile (decision 0039).
import { AppError } from "@/lib/auth/errors";
import type { ScopedViewer } from "./viewer";

declare const county: unique symbol;
declare const township: unique symbol;

/** A county id checked against a viewer's scope (a county official's own county, or one under an admin's region). */
export type ReviewCountyId = string & { readonly [county]: true };
/** The township a township reviewer (a county official whose scope is a township) reviews. */
export type ReviewTownshipId = string & { readonly [township]: true };

/**
 * The county the viewer may review: the given one when it lies under the viewer's region, else the
 * viewer's own county (a county-level scope); otherwise not found. Whether the county exists is the
 * data layer's question (lib/data/county.ts reviewCounty).
 */
export function reviewCountyId(viewer: Pick<ScopedViewer, "regionId" | "regionLevel">, countyId?: string): ReviewCountyId {
  const id = countyId ?? (viewer.regionLevel === "county" ? viewer.regionId : undefined);
  if (!id || !id.startsWith(viewer.regionId) || id.length !== 6) throw new AppError("not_found");
  return id as ReviewCountyId;
}

/** A township reviewer's township and the county it lies in; not found for anyone else. */
export function reviewTownshipId(viewer: Pick<ScopedViewer, "role" | "regionId" | "regionLevel">): {
  township: ReviewTownshipId;
  county: ReviewCountyId;
} {
  if (viewer.role !== "county_official" || viewer.regionLevel !== "township") throw new AppError("not_found");
  return { township: viewer.regionId as ReviewTownshipId, county: viewer.regionId.slice(0, 6) as ReviewCountyId };
}
