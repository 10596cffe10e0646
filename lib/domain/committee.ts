/**
 * Village or urban community (村委会 or 居委会), from the 12-digit statistical division code. Pure.
 *
 * The last three digits of a code at the village level number the committees under a township or
 * subdistrict: 001–199 are residents' committees (居民委员会: urban communities, 社区), 200–399
 * villagers' committees (村民委员会: villages, 村). The register keeps both at the village level
 * (a resettlement community such as Wangjia holds households like a village does); the rules that
 * speak of villages (resident teams, first secretaries) count only the villages.
 */
export const VILLAGE_COMMITTEE_MIN = 200;
export const VILLAGE_COMMITTEE_MAX = 399;

/** Whether a village-level code is a village (村民委员会), not an urban community. */
export function isVillageCommittee(code: string): boolean {
  if (!/^\d{12}$/.test(code)) return false;
  const n = Number(code.slice(9));
  return n >= VILLAGE_COMMITTEE_MIN && n <= VILLAGE_COMMITTEE_MAX;
}

/** Whether a village-level code is an urban community (居民委员会, 社区). */
export function isCommunityCommittee(code: string): boolean {
  if (!/^\d{12}$/.test(code)) return false;
  const n = Number(code.slice(9));
  return n >= 1 && n < VILLAGE_COMMITTEE_MIN;
}
