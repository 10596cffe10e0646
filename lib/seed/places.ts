// The county records of issue #18 that the demo's world already implies (decision 0046): the
// relocated households' records (Danyang's 86, moved from its remote hamlets to the village's
// resettlement site; Wangjia community's arrivals from Sinan, Shiqian and Yinjiang). Built AFTER
// everything else from the households as built, with a stream of its own ("places"), so the rest
// of the demo data is exactly what it was.
import type { Prisma } from "@/lib/generated/prisma/client";
import { Rng } from "./random";
import { DANYANG_ID, WANGJIA_ID } from "./constants";
import type { HouseholdPlan } from "./households";

/** Danyang's resettlement site: a named site under the village. */
export const DANYANG_SITE = "丹阳村易地扶贫搬迁安置点";

const WORKING = new Set(["local_work", "migrant_work"]);

export function buildPlaces(plans: readonly HouseholdPlan[], officialId: string) {
  const rng = new Rng("places");
  const settlements: Prisma.SettlementCreateManyInput[] = [];
  const relocations: Prisma.RelocationCreateManyInput[] = [];
  const settlementOf = new Map<string, string>();
  const settlement = (regionId: string, name: string, countyId: string) => {
    const key = `${regionId}/${name}`;
    let id = settlementOf.get(key);
    if (!id) {
      id = rng.uuid();
      settlementOf.set(key, id);
      settlements.push({ id, countyId, regionId, name });
    }
    return id;
  };
  for (const p of plans) {
    const year = p.row.relocatedYear;
    if (year == null || (p.row.villageId !== DANYANG_ID && p.row.villageId !== WANGJIA_ID)) continue;
    const danyang = p.row.villageId === DANYANG_ID;
    const people = Math.max(1, p.people.length);
    const movedOn = `${year}-${String(rng.int(3, 11)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
    // the flats were built to the rule: 20 m² a person at most (a few smaller)
    const floorArea = people * rng.pick([20, 20, 20, 18, 15]);
    // Danyang's old houses stay on record (the household lives in the flat); Wangjia's were pulled down
    const demolished = danyang ? rng.chance(0.25) : rng.chance(0.92);
    const demolishedYear = year + rng.int(0, 1);
    const reclaimed = demolished && rng.chance(danyang ? 0.5 : 0.8);
    const working = p.people.some((m) => WORKING.has(String(m.workStatus)));
    const schooling = p.people.some((m) => m.schoolStatus === "enrolled");
    relocations.push({
      id: rng.uuid(),
      householdId: p.row.id,
      countyId: p.row.countyId,
      settlementId: danyang ? settlement(DANYANG_ID, DANYANG_SITE, p.row.countyId) : settlement(WANGJIA_ID, "", p.row.countyId),
      mode: "centralised",
      floorArea,
      contribution: rng.pick([0, 1000, 2000, 2000, 3000]),
      movedOn: new Date(`${movedOn}T00:00:00Z`),
      demolishedOn: demolished ? new Date(`${demolishedYear}-${String(rng.int(1, 12)).padStart(2, "0")}-15T00:00:00Z`) : null,
      reclaimedOn: reclaimed ? new Date(`${demolishedYear + 1}-${String(rng.int(3, 10)).padStart(2, "0")}-20T00:00:00Z`) : null,
      supportJob: working || rng.chance(0.6),
      supportSchool: schooling && rng.chance(0.9),
      supportCommunity: rng.chance(danyang ? 0.7 : 0.95),
      updatedById: officialId,
      createdAt: new Date(`${movedOn}T09:00:00+08:00`),
      updatedAt: new Date(`${movedOn}T09:00:00+08:00`),
    });
  }
  return { settlements, relocations };
}
