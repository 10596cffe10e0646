// Resident teams and pairing units of the demo (issue #18, decision 0052): the units that send
// Danyang's 52 pairing cadres, a first secretary posted to Danyang from one of them, and a resident
// team (a leader and two members) with their days in the village for each month of the year so far
// (one member short in one month). Built AFTER everything else, from a stream of its own ("teams"),
// so the rest of the demo data is exactly what it was.
import type { Prisma } from "@/lib/generated/prisma/client";
import { Rng } from "./random";
import { DANYANG_ID, WANSHAN_ID, day } from "./constants";
import { fullName, pickSurname } from "./names";

export const SENDING_UNITS = [
  "县交通运输局",
  "县教育局",
  "县农业农村局",
  "县卫生健康局",
  "县财政局",
  "县住房和城乡建设局",
  "县人力资源和社会保障局",
];
/** The unit that sends Danyang's first secretary and resident team. */
export const DANYANG_TEAM_UNIT = "县农业农村局";
/** The month in which the second team member spent too few days in the village. */
export const SHORT_MONTH_INDEX = 5;

interface Cadre {
  id: string;
  role: unknown;
  regionId?: string | null;
}

export function buildTeams(users: readonly Cadre[], assignments: readonly { cadreId: string; validTo?: unknown }[], today: string) {
  const rng = new Rng("teams");
  const units: Prisma.UnitCreateManyInput[] = SENDING_UNITS.map((name) => ({ id: rng.uuid(), countyId: WANSHAN_ID, name }));
  const unitId = new Map(units.map((u) => [u.name, u.id!]));
  // each Danyang cadre is sent by one unit; their current pairings carry it
  const unitOfUser = new Map<string, string>();
  users
    .filter((u) => u.role === "cadre" && u.regionId === DANYANG_ID)
    .forEach((u) => unitOfUser.set(u.id, units[rng.int(0, units.length - 1)]!.id!));
  const unitOfAssignment = (a: { cadreId: string; validTo?: unknown }) => (a.validTo ? null : (unitOfUser.get(a.cadreId) ?? null));

  const team = unitId.get(DANYANG_TEAM_UNIT)!;
  const year = today.slice(0, 4);
  const lastMonth = Number(today.slice(5, 7));
  const person = () => fullName(rng, pickSurname(rng), rng.chance(0.7) ? "male" : "female", rng.int(1975, 1995));
  const postings: Prisma.ResidentPostingCreateManyInput[] = [
    { role: "first_secretary" as const, from: `${Number(year) - 1}-03-01` },
    { role: "team_leader" as const, from: `${Number(year) - 1}-03-01` },
    { role: "team_member" as const, from: `${year}-01-01` },
    { role: "team_member" as const, from: `${year}-01-01` },
  ].map((p) => ({
    id: rng.uuid(),
    countyId: WANSHAN_ID,
    villageId: DANYANG_ID,
    unitId: team,
    personName: person(),
    role: p.role,
    validFrom: day(p.from),
  }));
  const months: Prisma.ResidentMonthCreateManyInput[] = [];
  for (let m = 1; m <= lastMonth; m++) {
    const month = day(`${year}-${String(m).padStart(2, "0")}-01`);
    postings.forEach((p, i) => {
      const short = i === 3 && m === SHORT_MONTH_INDEX;
      months.push({ id: rng.uuid(), postingId: p.id!, countyId: WANSHAN_ID, month, days: short ? rng.int(12, 16) : rng.int(20, 24) });
    });
  }
  return { units, unitOfUser, unitOfAssignment, postings, months };
}
