// The approval queue "with what exists": until proposals and meetings land, the households whose
// assessed status disagrees with the register (candidates), by kind and village, with counts.
// These are candidates awaiting proposals, not decisions.
import "server-only";
import { db } from "@/lib/db/client";
import type { ReviewCountyId } from "@/lib/auth/scope";

export const KIND_ORDER = ["exit", "monitor", "identify"] as const;

export interface CandidateGroupRow {
  kind: string;
  villageId: string;
  villageName: string;
  townshipName: string;
  households: number;
  people: number;
  /** monitor candidates by proposed category */
  unstableLifted: number;
  marginal: number;
  suddenHardship: number;
}

export async function candidateGroups(countyId: ReviewCountyId) {
  const rows = await db().$queryRaw<CandidateGroupRow[]>`
    SELECT h.candidate::text AS kind, h."villageId", v.name AS "villageName", t.name AS "townshipName",
      count(*)::int AS households, coalesce(sum(h."memberCount"), 0)::int AS people,
      count(*) FILTER (WHERE h."candidateCategory" = 'unstable_lifted')::int AS "unstableLifted",
      count(*) FILTER (WHERE h."candidateCategory" = 'marginal')::int AS marginal,
      count(*) FILTER (WHERE h."candidateCategory" = 'sudden_hardship')::int AS "suddenHardship"
    FROM household h
    JOIN region v ON v.id = h."villageId"
    JOIN region t ON t.id = v."parentId"
    WHERE h."countyId" = ${countyId} AND h.candidate IS NOT NULL
    GROUP BY h.candidate, h."villageId", v.name, t.name
    ORDER BY h.candidate, count(*) DESC, h."villageId"`;
  return KIND_ORDER.map((kind) => {
    const villages = rows.filter((r) => r.kind === kind);
    return {
      kind,
      villages,
      households: villages.reduce((n, r) => n + r.households, 0),
      people: villages.reduce((n, r) => n + r.people, 0),
    };
  });
}
