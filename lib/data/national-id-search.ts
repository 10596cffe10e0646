// Who holds this national ID, among the households the viewer may read: current members and
// those who left (a death, a move), newest first. Exact match on the indexed column; nothing
// outside the viewer's scope is looked at, so "not found" says nothing about other counties.
// For an official above a county (a city, a province) the search crosses counties: at national
// scale it goes through a lookup table keyed by the ID's hash, one shard (decision 0044).
import "server-only";
import { db } from "@/lib/db/client";
import { householdScope, type ScopedViewer } from "@/lib/auth/scope";
import { maskNationalId } from "@/lib/domain/masking";
import type { RegisteredStatus } from "@/lib/generated/prisma/enums";

export interface IdSearchHit {
  householdId: string;
  number: string;
  headName: string;
  villageName: string;
  townshipName: string | null;
  countyId: string;
  registeredStatus: RegisteredStatus;
  member: { name: string; relation: string; active: boolean; maskedId: string };
}

export async function findByNationalId(viewer: ScopedViewer, nationalId: string): Promise<IdSearchHit[]> {
  const rows = await db().member.findMany({
    where: { nationalId, household: householdScope(viewer) },
    orderBy: [{ active: "desc" }, { updatedAt: "desc" }],
    take: 20,
    select: {
      name: true,
      relation: true,
      active: true,
      nationalId: true,
      household: {
        select: {
          id: true,
          number: true,
          headName: true,
          countyId: true,
          registeredStatus: true,
          village: { select: { name: true, parent: { select: { name: true } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    householdId: r.household.id,
    number: r.household.number,
    headName: r.household.headName,
    villageName: r.household.village.name,
    townshipName: r.household.village.parent?.name ?? null,
    countyId: r.household.countyId,
    registeredStatus: r.household.registeredStatus,
    member: { name: r.name, relation: r.relation, active: r.active, maskedId: maskNationalId(r.nationalId) ?? "" },
  }));
}
