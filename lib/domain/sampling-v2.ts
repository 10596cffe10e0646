/**
 * Stratified evaluation sample (分层抽样), docs/decisions/0017. Pure and deterministic, like v1
 * (lib/domain/sampling.ts), which stays as it is so that an evaluation drawn with it re-draws
 * the same. It reuses v1's PRNG (xoshiro128** from SHA-256 of the seed), unbiased uniform(n),
 * partial Fisher–Yates pick and half-up rounding.
 *
 * Algorithm "jingzhun-sample-v2", exactly:
 *  1. Canonical list: households sorted by id (code units). listHash = SHA-256 hex of the UTF-8
 *     lines "id|villageId|designated|exited|status" (designated = the village is a designated
 *     poor village 贫困村, "true"/"false"; exited = exited this year) joined by "\n", no trailing
 *     newline. Every household of a village must carry the same designated flag.
 *  2. Strata of villages: D = the sorted designated villages, O = the sorted others.
 *     k = min(plan.villages, |D| + |O|) (a county with fewer villages than asked gives them all,
 *     marked villagesShort). kD = min(ceil(k / 2), |D|); kO = min(k − kD, |O|); then
 *     kD = min(k − kO, |D|) (a stratum short of villages hands its share to the other).
 *     Pick kD of D, then kO of O, with one PRNG in that order.
 *  3. For each picked village in ascending id order, its households split into:
 *     exits (exited this year), register (registered poor or lifted, not exited this year) and
 *     outside (not registered, not exited), each sorted by id.
 *     target = min(capPerVillage, round(share × all households of the village)) (v1's rounding);
 *     halves: register ⌈target / 2⌉, outside ⌊target / 2⌋.
 *     Every exit is taken (also beyond its half and beyond the cap); registerNeed =
 *     max(0, registerHalf − exits). A stratum short of households hands its shortfall to the
 *     other: registerTake = min(|register|, registerNeed + outsideShort), outsideTake =
 *     min(|outside|, outsideHalf + registerShort), where registerShort = registerNeed −
 *     min(registerNeed, |register|) and outsideShort = outsideHalf − min(outsideHalf, |outside|).
 *     Pick registerTake of register, then outsideTake of outside (same PRNG).
 *  4. Output ids are sorted.
 */
import type { RegisteredStatus } from "./household";
import type { DomainFailure } from "./meeting";
import {
  byString,
  canonicalList,
  checkPlan,
  compareWithClaim,
  createPrng,
  ordinaryTake,
  pickWithoutReplacement,
  type ClaimedSample,
  type DrawErrorCode,
  type SampleDifferences,
} from "./sampling";
import { sha256Hex } from "./sha256";

export const SAMPLE_ALGORITHM_V2 = "jingzhun-sample-v2";

export interface SampleHouseholdV2 {
  id: string;
  villageId: string;
  /** the village is a designated poor village (贫困村) */
  villageDesignated: boolean;
  exitedThisYear: boolean;
  registeredStatus: RegisteredStatus;
}

export interface SamplePlanV2 {
  villages: number;
  /** share of all households per picked village, in (0, 1] */
  share: number;
  /** at most this many drawn households per village (exits come on top) */
  capPerVillage: number;
}

export interface VillageDrawV2 {
  villageId: string;
  designated: boolean;
  /** all households of the village in the list */
  households: number;
  /** min(cap, round(share × households)) */
  target: number;
  register: number;
  registerDrawn: number;
  exited: number;
  exitedDrawn: number;
  outside: number;
  outsideDrawn: number;
}

export interface StratumDraw {
  /** villages in the stratum */
  available: number;
  /** picked, sorted */
  villages: string[];
}

export interface SampleV2 {
  algorithm: typeof SAMPLE_ALGORITHM_V2;
  seed: string;
  listHash: string;
  plan: SamplePlanV2;
  villages: string[];
  households: string[];
  perVillage: VillageDrawV2[];
  strata: { designated: StratumDraw; other: StratumDraw };
  /** the county had fewer villages than the plan asked for: all were taken */
  villagesShort: boolean;
}

export type DrawErrorCodeV2 = Exclude<DrawErrorCode, "too_many_villages"> | "no_villages" | "inconsistent_village";
export type DrawFailureV2 = DomainFailure<DrawErrorCodeV2>;
export type DrawResultV2 = ({ ok: true } & SampleV2) | DrawFailureV2;

function fail(code: DrawErrorCodeV2, message: string, messageEn: string): DrawFailureV2 {
  return { ok: false, code, message, messageEn };
}

/** min(cap, round(share × households)), half up without binary noise. */
export function householdTarget(share: number, households: number, cap: number): number {
  return ordinaryTake(share, households, cap);
}

/** The register half takes the odd household. */
export function splitHalves(target: number): { register: number; outside: number } {
  const register = Math.ceil(target / 2);
  return { register, outside: target - register };
}

/** How many villages from each stratum (see the module note, step 2). */
export function villageSplit(k: number, designatedAvailable: number, otherAvailable: number): { designated: number; other: number } {
  const total = Math.min(k, designatedAvailable + otherAvailable);
  let designated = Math.min(Math.ceil(total / 2), designatedAvailable);
  const other = Math.min(total - designated, otherAvailable);
  designated = Math.min(total - other, designatedAvailable);
  return { designated, other };
}

function canonicalLine(h: SampleHouseholdV2): string {
  return `${h.id}|${h.villageId}|${h.villageDesignated ? "true" : "false"}|${h.exitedThisYear ? "true" : "false"}|${h.registeredStatus}`;
}

function canonicalListV2(households: readonly SampleHouseholdV2[]): SampleHouseholdV2[] | DrawFailureV2 {
  for (const h of households) {
    if (typeof h.villageDesignated !== "boolean") {
      return fail(
        "invalid_household",
        `户 ${String(h.id)} 缺少所在村是否贫困村的标记`,
        `Household ${String(h.id)}: whether its village is a designated poor village is missing`,
      );
    }
  }
  const sorted = canonicalList(households);
  if (!Array.isArray(sorted)) return sorted as DrawFailureV2;
  const flag = new Map<string, boolean>();
  for (const h of sorted as SampleHouseholdV2[]) {
    const seen = flag.get(h.villageId);
    if (seen === undefined) flag.set(h.villageId, h.villageDesignated);
    else if (seen !== h.villageDesignated) {
      return fail(
        "inconsistent_village",
        `村 ${h.villageId} 的农户对是否贫困村的标记不一致`,
        `Households of village ${h.villageId} disagree on whether it is a designated poor village`,
      );
    }
  }
  return sorted as SampleHouseholdV2[];
}

function hashOf(sorted: readonly SampleHouseholdV2[]): string {
  return sha256Hex(sorted.map(canonicalLine).join("\n"));
}

/** SHA-256 hex of the v2 canonical list. Throws on an invalid list. */
export function listHashV2(households: readonly SampleHouseholdV2[]): string {
  const list = canonicalListV2(households);
  if (!Array.isArray(list)) throw new RangeError(list.messageEn);
  return hashOf(list);
}

export function drawSampleV2(seed: string, households: readonly SampleHouseholdV2[], plan: SamplePlanV2): DrawResultV2 {
  if (typeof seed !== "string" || seed.length === 0) {
    return fail("invalid_seed", "抽样种子不能为空", "The seed must not be empty");
  }
  const planError = checkPlan({ ...plan, includeAllExited: true });
  if (planError) return planError as DrawFailureV2;
  const list = canonicalListV2(households);
  if (!Array.isArray(list)) return list;

  const byVillage = new Map<string, SampleHouseholdV2[]>();
  for (const h of list) {
    const group = byVillage.get(h.villageId);
    if (group) group.push(h);
    else byVillage.set(h.villageId, [h]);
  }
  const all = [...byVillage.keys()].sort(byString);
  if (all.length === 0) {
    return fail("no_villages", "名单中没有任何村的农户，无法抽样", "The list has no households in any village, so nothing can be drawn");
  }
  const designatedVillages = all.filter((v) => byVillage.get(v)![0]!.villageDesignated);
  const otherVillages = all.filter((v) => !byVillage.get(v)![0]!.villageDesignated);
  const split = villageSplit(plan.villages, designatedVillages.length, otherVillages.length);

  const prng = createPrng(seed);
  const pickedD = pickWithoutReplacement(designatedVillages, split.designated, prng).sort(byString);
  const pickedO = pickWithoutReplacement(otherVillages, split.other, prng).sort(byString);
  const villages = [...pickedD, ...pickedO].sort(byString);

  const picked: string[] = [];
  const perVillage: VillageDrawV2[] = [];
  for (const villageId of villages) {
    const members = byVillage.get(villageId)!; // sorted by id
    const exits = members.filter((h) => h.exitedThisYear).map((h) => h.id);
    const register = members.filter((h) => !h.exitedThisYear && h.registeredStatus !== "not_registered").map((h) => h.id);
    const outside = members.filter((h) => !h.exitedThisYear && h.registeredStatus === "not_registered").map((h) => h.id);
    const target = householdTarget(plan.share, members.length, plan.capPerVillage);
    const halves = splitHalves(target);
    const registerNeed = Math.max(0, halves.register - exits.length);
    const registerShort = registerNeed - Math.min(registerNeed, register.length);
    const outsideShort = halves.outside - Math.min(halves.outside, outside.length);
    const registerTake = Math.min(register.length, registerNeed + outsideShort);
    const outsideTake = Math.min(outside.length, halves.outside + registerShort);
    const fromRegister = pickWithoutReplacement(register, registerTake, prng);
    const fromOutside = pickWithoutReplacement(outside, outsideTake, prng);
    picked.push(...exits, ...fromRegister, ...fromOutside);
    perVillage.push({
      villageId,
      designated: members[0]!.villageDesignated,
      households: members.length,
      target,
      register: register.length,
      registerDrawn: fromRegister.length,
      exited: exits.length,
      exitedDrawn: exits.length,
      outside: outside.length,
      outsideDrawn: fromOutside.length,
    });
  }

  return {
    ok: true,
    algorithm: SAMPLE_ALGORITHM_V2,
    seed,
    listHash: hashOf(list),
    plan: { villages: plan.villages, share: plan.share, capPerVillage: plan.capPerVillage },
    villages,
    households: picked.sort(byString),
    perVillage,
    strata: {
      designated: { available: designatedVillages.length, villages: pickedD },
      other: { available: otherVillages.length, villages: pickedO },
    },
    villagesShort: plan.villages > all.length,
  };
}

export type VerifyResultV2 =
  { ok: true; sample: SampleV2 } | (DomainFailure<"mismatch"> & { sample: SampleV2; differences: SampleDifferences }) | DrawFailureV2;

/** Re-draws with v2 and compares with a claimed sample (ids as sets). */
export function verifyDrawV2(
  seed: string,
  households: readonly SampleHouseholdV2[],
  plan: SamplePlanV2,
  claimed: ClaimedSample,
): VerifyResultV2 {
  const drawn = drawSampleV2(seed, households, plan);
  if (!drawn.ok) return drawn;
  const { ok: _ok, ...sample } = drawn;
  void _ok;
  const r = compareWithClaim(sample, claimed);
  return r.ok ? { ok: true, sample } : { ...r, sample };
}
