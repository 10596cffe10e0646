// The county's pairing cadres and their sending units (结对帮扶: unit and cadre), for the teams
// page's "set a cadre's sending unit" form (lib/actions/places/set-cadre-unit.ts). Cadres are users
// whose region lies in the county (the same reach the action checks).
import "server-only";
import { readDb } from "@/lib/db/client";
import type { ReviewCountyId } from "@/lib/auth/scope";

export interface CadreUnitRow {
  id: string;
  name: string;
  username: string;
  unit: string | null;
}

/** Every cadre of the county with their unit, by name (a county has tens to a few hundred). */
export async function countyCadreUnits(countyId: ReviewCountyId): Promise<CadreUnitRow[]> {
  const rows = await readDb().user.findMany({
    where: { role: "cadre", regionId: { startsWith: countyId } },
    orderBy: [{ name: "asc" }, { username: "asc" }],
    take: 2000,
    select: { id: true, name: true, username: true, unit: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, username: r.username, unit: r.unit?.name ?? null }));
}

/** The county's registered sending units' names (the form offers them). */
export async function countyUnitNames(countyId: ReviewCountyId): Promise<string[]> {
  const rows = await readDb().unit.findMany({ where: { countyId }, orderBy: { name: "asc" }, take: 500, select: { name: true } });
  return rows.map((r) => r.name);
}
