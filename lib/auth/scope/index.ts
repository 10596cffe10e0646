// Access rules in one place: each entity's scope, as a `where` clause a query puts beside its own
// conditions, so a record out of the viewer's scope reads as not found. One file per entity:
//   households  householdScope, householdsUnderRegion      regions      regionScope
//   leads       leadScope (help reports)                   cards        cardManagerScope
//   users       usersInScope (admin)                        procedure    proposals, meetings, notices
//   evaluations team, released, sample readers             counties     ReviewCountyId, ReviewTownshipId
// Data functions take the viewer and call these; none builds a viewer's reach inline (decision 0039).
export type { ScopedViewer, RegionReach } from "./viewer";
export { regionReach, countyOfRegion } from "./viewer";
export { householdScope, householdsUnderRegion } from "./households";
export { regionScope } from "./regions";
export { leadScope } from "./leads";
export { cardManagerScope } from "./cards";
export { usersInScope } from "./users";
export {
  proposalScope,
  meetingScope,
  noticeScope,
  isTownshipReviewer,
  isCountyOfficial,
  mustFacilitate,
  mustReviewTownship,
  mustApproveCounty,
} from "./procedure";
export { teamWhere, releasedWhere, sampleReaderWhere, sampleWhere } from "./evaluations";
export { reviewCountyId, reviewTownshipId, type ReviewCountyId, type ReviewTownshipId } from "./counties";
