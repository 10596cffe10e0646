// Who may see what of an evaluation. Every query of evaluations, of sample membership and of
// what a sample reveals (questionnaires, discrepancies, the frozen list with its seed) takes the
// viewer and puts these conditions in its `where`:
//   - an evaluator: only evaluations whose team includes them, in a county under their scope;
//   - a county official: only evaluations of their county, drawn, whose releaseAt has passed
//     (the embargo: before that, nothing of the sample reaches the county or its villages);
//   - everyone else: nothing.
// An evaluator's reach may be a province: `countyId startsWith` then crosses counties, as the
// evaluation's choice of county must (decision 0044); each evaluation itself is one county.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ScopedViewer } from "./viewer";

type Viewer = ScopedViewer;

const NONE = { id: { in: [] as string[] } };

/** Evaluations the viewer works on as a team member. */
export function teamWhere(viewer: Pick<Viewer, "id" | "role" | "regionId">): Prisma.EvaluationWhereInput {
  if (viewer.role !== "evaluator") return NONE;
  return { team: { some: { userId: viewer.id } }, countyId: { startsWith: viewer.regionId } }; // decision 0044
}

/** Evaluations whose sample the county may now see (released). */
export function releasedWhere(viewer: Pick<Viewer, "role" | "regionId">, now: Date): Prisma.EvaluationWhereInput {
  if (viewer.role !== "county_official") return NONE;
  // decision 0044: one county for a county official
  return { countyId: { startsWith: viewer.regionId }, state: { in: ["drawn", "closed"] }, releaseAt: { not: null, lte: now } };
}

/** Evaluations whose sample membership the viewer may read: the team's, or released to the county. */
export function sampleReaderWhere(viewer: Pick<Viewer, "id" | "role" | "regionId">, now: Date): Prisma.EvaluationWhereInput {
  if (viewer.role === "evaluator") return teamWhere(viewer);
  if (viewer.role === "county_official") return releasedWhere(viewer, now);
  return NONE;
}

/** Sample rows the viewer may read. */
export function sampleWhere(viewer: Pick<Viewer, "id" | "role" | "regionId">, now: Date): Prisma.SampleHouseholdWhereInput {
  return { evaluation: sampleReaderWhere(viewer, now) };
}
