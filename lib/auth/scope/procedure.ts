// Who may see and act on which proposals, meetings and notices. Reads are scoped in the
// `where` clause (out of scope is "not found"); acts check the viewer's role and level:
//   facilitator        — own village (meetings, agenda, votes, first notice)
//   township reviewer  — a county_official whose scope is a township: proposals of its villages
//   county official    — a county_official whose scope is a county: approval and announcement
//   cadre              — proposals of households currently assigned to them
import { AppError } from "@/lib/auth/errors";
import { regionReach as reachOf, type ScopedViewer as Viewer } from "./viewer";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type Client = Db | Tx;

/** Region-level reach over proposals (a region id is a prefix of every village id beneath it). */
function regionReach(viewer: Pick<Viewer, "regionId" | "regionLevel">): Prisma.ProposalWhereInput {
  return reachOf(viewer.regionId, viewer.regionLevel);
}

const NOTHING: Prisma.ProposalWhereInput = { id: { in: [] } };

/** The proposals a viewer may read. */
export async function proposalScope(client: Client, viewer: Viewer, now = new Date()): Promise<Prisma.ProposalWhereInput> {
  switch (viewer.role) {
    case "admin":
    case "county_official":
    case "facilitator":
      return regionReach(viewer);
    case "cadre": {
      const assigned = await client.cadreAssignment.findMany({
        where: { cadreId: viewer.id, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
        select: { householdId: true },
      });
      return { AND: [regionReach(viewer), { householdId: { in: assigned.map((a) => a.householdId) } }] };
    }
    default:
      return NOTHING;
  }
}

export function isTownshipReviewer(viewer: Pick<Viewer, "role" | "regionLevel">): boolean {
  return viewer.role === "county_official" && viewer.regionLevel === "township";
}

export function isCountyOfficial(viewer: Pick<Viewer, "role" | "regionLevel">): boolean {
  return viewer.role === "county_official" && viewer.regionLevel === "county";
}

/** The facilitator of this village (own village only), else not found (audited by the wrapper). */
export function mustFacilitate(viewer: Viewer, villageId: string): void {
  if (viewer.role !== "facilitator" || viewer.regionLevel !== "village" || viewer.regionId !== villageId) {
    throw new AppError("not_found", "village not in the facilitator's scope", { villageId });
  }
}

/** The township reviewer of the township this village lies in. */
export function mustReviewTownship(viewer: Viewer, villageId: string): void {
  if (!isTownshipReviewer(viewer))
    throw new AppError("forbidden", "township review needs a township-scoped county official", { villageId });
  if (!villageId.startsWith(viewer.regionId)) throw new AppError("not_found", "village not in the reviewer's township", { villageId });
}

/** The county official of this county. */
export function mustApproveCounty(viewer: Viewer, countyId: string): void {
  if (!isCountyOfficial(viewer)) throw new AppError("forbidden", "county approval needs a county-scoped county official", { countyId });
  if (viewer.regionId !== countyId) throw new AppError("not_found", "county not in the official's scope", { countyId });
}

/** What lies in a village a viewer oversees: the village's facilitator, officials and admins over it. */
function villageRecords(viewer: Viewer): Prisma.MeetingWhereInput & Prisma.NoticeWhereInput {
  switch (viewer.role) {
    case "facilitator":
      return reachOf(viewer.regionId, "village");
    case "admin":
    case "county_official":
      return reachOf(viewer.regionId, viewer.regionLevel);
    default:
      return { id: { in: [] } };
  }
}

/** Meetings a viewer may read: facilitators their village, officials their region. */
export function meetingScope(viewer: Viewer): Prisma.MeetingWhereInput {
  return villageRecords(viewer);
}

/** Notices (and their archived PDFs): as meetings. */
export function noticeScope(viewer: Viewer): Prisma.NoticeWhereInput {
  return villageRecords(viewer);
}
