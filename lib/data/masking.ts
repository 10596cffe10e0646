// Field-level rules: national IDs (and health details) in full only for roles that need them.
import type { Viewer } from "@/lib/auth/session";

/** 522228********123X: region and the last four stay, the birth date is hidden. */
export function maskNationalId(id: string | null): string | null {
  if (!id) return id;
  if (id.length !== 18) return "*".repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** A cadre sees full IDs of their own households; a county official those of the county. */
export function canSeeNationalIds(viewer: Pick<Viewer, "role">, assignedToViewer: boolean): boolean {
  if (viewer.role === "county_official") return true;
  if (viewer.role === "cadre") return assignedToViewer;
  return false;
}

/** Health and disability go to the same people as full IDs: the household's cadre, the county's officials. */
export function canSeeHealth(viewer: Pick<Viewer, "role">, assignedToViewer: boolean): boolean {
  return canSeeNationalIds(viewer, assignedToViewer);
}
