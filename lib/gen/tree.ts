/**
 * The generated region tree: one province (code 53 by default: the demo seed uses Guizhou 52),
 * cities of 3–10 counties, counties of at most 100,000 households (like a real county), 10–20
 * townships per county, villages of 200–500 households. Codes follow the statistical division
 * scheme: 2 / 4 / 6 / 9 / 12 digits, each a prefix of the ones beneath it.
 *
 * Planned lazily: the county sizes up front (one number per county), each county's townships
 * and villages only when the generator reaches it, so memory stays flat at any size. Pure.
 */
import { placeName } from "./names";
import { Prng } from "./prng";

export const MAX_COUNTY_HOUSEHOLDS = 100_000;
export const VILLAGE_MIN = 200;
export const VILLAGE_MAX = 500;

export interface RegionRow {
  code: string;
  parentCode: string | null;
  level: "province" | "city" | "county" | "township" | "village";
  name: string;
  nameEn: string | null;
}

export interface CountyPlan {
  /** 0-based position in the province */
  index: number;
  code: string;
  name: string;
  cityCode: string;
  households: number;
  /** a new city starts with this county: write its row first */
  city: RegionRow | null;
}

export interface VillagePlan {
  code: string;
  name: string;
  households: number;
  /** some villages lie in designated water-scarce areas */
  waterScarce: boolean;
}

export interface TownshipPlan {
  code: string;
  name: string;
  villages: VillagePlan[];
}

export function provinceRow(provinceCode: string): RegionRow {
  return { code: provinceCode, parentCode: null, level: "province", name: "基准省", nameEn: "Benchmark Province (generated)" };
}

/**
 * County sizes: as few counties as the cap allows (N / 100,000 rounded up), sizes jittered by up
 * to ±15% but never above the cap, summing exactly to N.
 */
export function countySizes(total: number, seed: string): number[] {
  if (!Number.isInteger(total) || total < 1) throw new RangeError(`households must be a positive integer, got ${total}`);
  const k = Math.ceil(total / MAX_COUNTY_HOUSEHOLDS);
  const base = total / k;
  const room = Math.min(MAX_COUNTY_HOUSEHOLDS - base, 0.15 * base);
  const rng = new Prng(`${seed}:county-sizes`);
  const sizes: number[] = [];
  for (let i = 0; i < k; i++) sizes.push(Math.round(base + (rng.float() * 2 - 1) * room));
  // fix the rounding drift on the counties that have room
  let drift = total - sizes.reduce((s, x) => s + x, 0);
  for (let i = 0; drift !== 0; i = (i + 1) % k) {
    const step = drift > 0 ? 1 : -1;
    const next = sizes[i]! + step;
    if (next >= 1 && next <= MAX_COUNTY_HOUSEHOLDS) {
      sizes[i] = next;
      drift -= step;
    }
  }
  return sizes;
}

/** The counties in order, each with its city (a new city every 3–10 counties). */
export function* planCounties(total: number, seed: string, provinceCode: string): Generator<CountyPlan> {
  const sizes = countySizes(total, seed);
  const rng = new Prng(`${seed}:cities`);
  let city = 0;
  let inCity = 0;
  let cityCapacity = 0;
  for (let i = 0; i < sizes.length; i++) {
    let cityRow: RegionRow | null = null;
    if (inCity === cityCapacity) {
      city++;
      if (city > 99) throw new RangeError("more than 99 cities: the province is full");
      inCity = 0;
      cityCapacity = rng.int(3, 10);
      const code = provinceCode + String(city).padStart(2, "0");
      cityRow = { code, parentCode: provinceCode, level: "city", name: placeName(rng, "市"), nameEn: null };
    }
    inCity++;
    const cityCode = provinceCode + String(city).padStart(2, "0");
    // county-level codes 21.. (counties; 01–20 are city districts in the real scheme)
    const code = cityCode + String(20 + inCity);
    yield { index: i, code, name: placeName(rng, "县"), cityCode, households: sizes[i]!, city: cityRow };
  }
}

/** The townships and villages of one county (its own stream: independent of the others). */
export function planCounty(county: CountyPlan, seed: string): TownshipPlan[] {
  const rng = new Prng(`${seed}:county:${county.code}:tree`);
  const villageSizes: number[] = [];
  let left = county.households;
  while (left > 0) {
    let size = rng.int(VILLAGE_MIN, VILLAGE_MAX);
    if (left - size < VILLAGE_MIN) size = left;
    villageSizes.push(size);
    left -= size;
  }
  let townships = Math.min(villageSizes.length, rng.int(10, 20));
  townships = Math.max(townships, Math.ceil(villageSizes.length / 99));
  const plans: TownshipPlan[] = [];
  let v = 0;
  for (let t = 0; t < townships; t++) {
    // towns (镇) get 1xx codes, the last third are townships (乡) with 2xx
    const isTown = t < Math.ceil((townships * 2) / 3);
    const code = county.code + String(isTown ? 101 + t : 201 + t).padStart(3, "0");
    const count = Math.floor(villageSizes.length / townships) + (t < villageSizes.length % townships ? 1 : 0);
    const villages: VillagePlan[] = [];
    for (let j = 0; j < count; j++, v++) {
      villages.push({
        code: code + String(200 + j + 1),
        name: placeName(rng, "村"),
        households: villageSizes[v]!,
        waterScarce: rng.chance(0.05),
      });
    }
    plans.push({ code, name: placeName(rng, isTown ? "镇" : "乡"), villages });
  }
  return plans;
}
