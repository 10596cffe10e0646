/**
 * Reproducible evaluation sample (第三方评估抽样). Pure and deterministic:
 * given the recorded seed and the frozen household list, anyone can re-draw
 * the sample, here or in another language, and see it was not chosen by hand.
 *
 * Algorithm "jingzhun-sample-v1", exactly:
 *  1. Canonical list: households sorted by id (UTF-16 code-unit order, i.e.
 *     plain `<` on strings). listHash = SHA-256 hex of the UTF-8 lines
 *     "id|villageId|exited|status" (exited = "true"/"false") joined by "\n",
 *     no trailing newline. Input order therefore never matters.
 *  2. PRNG: xoshiro128** whose 128-bit state is the first 16 bytes of
 *     SHA-256(UTF-8(seed)), read as four big-endian uint32 words s0..s3
 *     (an all-zero state, which never happens in practice, becomes 1,0,0,0).
 *     uniform(n) draws 32-bit outputs r, rejecting r >= 2^32 - (2^32 mod n),
 *     and returns r mod n (no modulo bias).
 *  3. Partial Fisher–Yates pick of k from an array a: for i = 0..k-1,
 *     j = i + uniform(a.length - i), swap a[i] and a[j]; the pick is a[0..k).
 *  4. Villages: the sorted distinct villageIds of all households; pick
 *     plan.villages of them.
 *  5. For each picked village in ascending id order: its ordinary households
 *     (not exited this year), sorted by id; pick
 *     min(capPerVillage, round(share × count)) of them, where round is half up
 *     after removing binary noise (12 significant digits). A small village may
 *     therefore contribute none (20% of 2 households rounds to 0).
 *  6. If includeAllExited, add every exited-this-year household of the picked
 *     villages. Output ids are sorted.
 */
import type { RegisteredStatus } from "./household";
import type { DomainFailure } from "./meeting";
import type { PolicyValues } from "./policy";
import { sha256Bytes, sha256Hex, utf8Encode } from "./sha256";

export const SAMPLE_ALGORITHM = "jingzhun-sample-v1";

export interface SampleHousehold {
  id: string;
  villageId: string;
  exitedThisYear: boolean;
  registeredStatus: RegisteredStatus;
}

export interface SamplePlan {
  /** how many villages to pick */
  villages: number;
  /** share of ordinary households per picked village, in (0, 1] */
  share: number;
  /** at most this many ordinary households per village (>= 1) */
  capPerVillage: number;
  /** add every household that exited this year in the picked villages */
  includeAllExited: boolean;
}

export interface VillageDraw {
  villageId: string;
  ordinary: number;
  ordinaryDrawn: number;
  exited: number;
  exitedDrawn: number;
}

export interface Sample {
  algorithm: typeof SAMPLE_ALGORITHM;
  seed: string;
  listHash: string;
  plan: SamplePlan;
  /** picked village ids, sorted */
  villages: string[];
  /** sampled household ids, sorted */
  households: string[];
  /** per picked village, ascending id */
  perVillage: VillageDraw[];
}

export type DrawErrorCode =
  | "invalid_seed"
  | "invalid_household"
  | "duplicate_household"
  | "invalid_village_count"
  | "too_many_villages"
  | "invalid_share"
  | "invalid_cap";

export type DrawFailure = DomainFailure<DrawErrorCode>;
export type DrawResult = ({ ok: true } & Sample) | DrawFailure;

// ---------------------------------------------------------------- PRNG

export interface Prng {
  /** next 32-bit unsigned output */
  nextUint32(): number;
  /** uniform integer in [0, n), 1 <= n <= 2^32, without modulo bias */
  uniform(n: number): number;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** xoshiro128** seeded from SHA-256(UTF-8(seed)); see the module note. */
export function createPrng(seed: string): Prng {
  const digest = sha256Bytes(utf8Encode(seed));
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  let s0 = view.getUint32(0);
  let s1 = view.getUint32(4);
  let s2 = view.getUint32(8);
  let s3 = view.getUint32(12);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  function nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  }

  function uniform(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1 || n > 0x100000000) throw new RangeError(`uniform(n): bad n ${n}`);
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const r = nextUint32();
      if (r < limit) return r % n;
    }
  }

  return { nextUint32, uniform };
}

/** Partial Fisher–Yates: k items of `items` uniformly without replacement, in draw order. */
export function pickWithoutReplacement<T>(items: readonly T[], k: number, prng: Prng): T[] {
  if (!Number.isSafeInteger(k) || k < 0 || k > items.length) {
    throw new RangeError(`cannot pick ${k} of ${items.length}`);
  }
  const a = items.slice();
  for (let i = 0; i < k; i++) {
    const j = i + prng.uniform(a.length - i);
    const x = a[i]!;
    a[i] = a[j]!;
    a[j] = x;
  }
  return a.slice(0, k);
}

// ---------------------------------------------------------------- canonical list

export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalLine(h: SampleHousehold): string {
  return `${h.id}|${h.villageId}|${h.exitedThisYear ? "true" : "false"}|${h.registeredStatus}`;
}

function fail(code: DrawErrorCode, message: string, messageEn: string): DrawFailure {
  return { ok: false, code, message, messageEn };
}

const FIELD_CHARS = /^[^|\n\r]+$/;

/** Sorted copy, or the first problem found (empty or separator-bearing fields, duplicate ids). */
export function canonicalList(households: readonly SampleHousehold[]): SampleHousehold[] | DrawFailure {
  for (const h of households) {
    for (const [field, value] of [
      ["id", h.id],
      ["villageId", h.villageId],
      ["registeredStatus", h.registeredStatus],
    ] as const) {
      if (typeof value !== "string" || !FIELD_CHARS.test(value)) {
        return fail(
          "invalid_household",
          `户 ${String(h.id)} 的 ${field} 为空或含有“|”或换行符，无法生成规范名单`,
          `Household ${String(h.id)}: ${field} is empty or contains "|" or a line break, so the list cannot be made canonical`,
        );
      }
    }
  }
  const sorted = households.slice().sort((a, b) => byString(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) {
      const id = sorted[i]!.id;
      return fail("duplicate_household", `名单中户 ${id} 出现了两次`, `Household ${id} appears twice in the list`);
    }
  }
  return sorted;
}

/** SHA-256 hex of the canonical list (see the module note). Throws on an invalid list. */
export function listHash(households: readonly SampleHousehold[]): string {
  const list = canonicalList(households);
  if (!Array.isArray(list)) throw new RangeError(list.messageEn);
  return hashOf(list);
}

function hashOf(sorted: readonly SampleHousehold[]): string {
  return sha256Hex(sorted.map(canonicalLine).join("\n"));
}

// ---------------------------------------------------------------- the draw

/** A plan from the policy defaults (share, cap; villages = the policy maximum unless given). */
export function defaultPlan(
  policy: Pick<PolicyValues, "sampleVillagesMax" | "sampleShare" | "sampleCapPerVillage">,
  villages: number = policy.sampleVillagesMax,
): SamplePlan {
  return { villages, share: policy.sampleShare, capPerVillage: policy.sampleCapPerVillage, includeAllExited: true };
}

export function checkPlan(plan: SamplePlan): DrawFailure | null {
  if (!Number.isSafeInteger(plan.villages) || plan.villages < 1) {
    return fail(
      "invalid_village_count",
      `抽取村数必须是正整数（收到 ${String(plan.villages)}）`,
      `The number of villages must be a positive integer (got ${String(plan.villages)})`,
    );
  }
  if (typeof plan.share !== "number" || !Number.isFinite(plan.share) || plan.share <= 0 || plan.share > 1) {
    return fail(
      "invalid_share",
      `抽样比例必须大于 0 且不超过 1（收到 ${String(plan.share)}）`,
      `The sample share must be above 0 and at most 1 (got ${String(plan.share)})`,
    );
  }
  if (!Number.isSafeInteger(plan.capPerVillage) || plan.capPerVillage < 1) {
    return fail(
      "invalid_cap",
      `每村抽样上限必须是不小于 1 的整数（收到 ${String(plan.capPerVillage)}）`,
      `The cap per village must be an integer of at least 1 (got ${String(plan.capPerVillage)})`,
    );
  }
  return null;
}

/** round(share × count), half up, after removing binary noise (0.15 × 10 is 1.5, so 2). */
export function ordinaryTake(share: number, count: number, cap: number): number {
  const exact = Number((share * count).toPrecision(12));
  return Math.min(cap, Math.floor(exact + 0.5));
}

export function drawSample(seed: string, households: readonly SampleHousehold[], plan: SamplePlan): DrawResult {
  if (typeof seed !== "string" || seed.length === 0) {
    return fail("invalid_seed", "抽样种子不能为空", "The seed must not be empty");
  }
  const planError = checkPlan(plan);
  if (planError) return planError;
  const list = canonicalList(households);
  if (!Array.isArray(list)) return list;

  const byVillage = new Map<string, SampleHousehold[]>();
  for (const h of list) {
    const group = byVillage.get(h.villageId);
    if (group) group.push(h);
    else byVillage.set(h.villageId, [h]);
  }
  const allVillages = [...byVillage.keys()].sort(byString);
  if (plan.villages > allVillages.length) {
    return fail(
      "too_many_villages",
      `计划抽取 ${plan.villages} 个村，但名单中只有 ${allVillages.length} 个村有农户`,
      `The plan asks for ${plan.villages} villages but only ${allVillages.length} villages in the list have households`,
    );
  }

  const prng = createPrng(seed);
  const villages = pickWithoutReplacement(allVillages, plan.villages, prng).sort(byString);

  const picked: string[] = [];
  const perVillage: VillageDraw[] = [];
  for (const villageId of villages) {
    const members = byVillage.get(villageId) ?? [];
    const ordinary = members.filter((h) => !h.exitedThisYear).map((h) => h.id); // already sorted
    const exited = members.filter((h) => h.exitedThisYear).map((h) => h.id);
    const take = ordinaryTake(plan.share, ordinary.length, plan.capPerVillage);
    const drawn = pickWithoutReplacement(ordinary, take, prng);
    picked.push(...drawn);
    if (plan.includeAllExited) picked.push(...exited);
    perVillage.push({
      villageId,
      ordinary: ordinary.length,
      ordinaryDrawn: drawn.length,
      exited: exited.length,
      exitedDrawn: plan.includeAllExited ? exited.length : 0,
    });
  }

  return {
    ok: true,
    algorithm: SAMPLE_ALGORITHM,
    seed,
    listHash: hashOf(list),
    plan: { ...plan },
    villages,
    households: picked.sort(byString),
    perVillage,
  };
}

// ---------------------------------------------------------------- verification

export interface ClaimedSample {
  villages: readonly string[];
  households: readonly string[];
  /** when given, must equal the list's hash */
  listHash?: string;
}

export interface SampleDifferences {
  listHash: { expected: string; claimed: string } | null;
  /** in the re-draw but not in the claim */
  villagesMissing: string[];
  /** in the claim but not in the re-draw */
  villagesUnexpected: string[];
  householdsMissing: string[];
  householdsUnexpected: string[];
}

export type VerifyResult =
  { ok: true; sample: Sample } | (DomainFailure<"mismatch"> & { sample: Sample; differences: SampleDifferences }) | DrawFailure;

function setDifference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((x) => !other.has(x)).sort(byString);
}

/**
 * Re-draws with the seed, list and plan and compares with a claimed sample
 * (ids compared as sets, order ignored). Plan or list errors are returned as is.
 */
export function verifyDraw(seed: string, households: readonly SampleHousehold[], plan: SamplePlan, claimed: ClaimedSample): VerifyResult {
  const drawn = drawSample(seed, households, plan);
  if (!drawn.ok) return drawn;
  const { ok: _ok, ...sample } = drawn;
  void _ok;
  const r = compareWithClaim(sample, claimed);
  return r.ok ? { ok: true, sample } : { ...r, sample };
}

/** Compares a re-drawn sample with a claimed one (ids as sets, order ignored); any algorithm version. */
export function compareWithClaim(
  sample: { villages: readonly string[]; households: readonly string[]; listHash: string },
  claimed: ClaimedSample,
): { ok: true } | (DomainFailure<"mismatch"> & { differences: SampleDifferences }) {
  const differences: SampleDifferences = {
    listHash:
      claimed.listHash !== undefined && claimed.listHash.toLowerCase() !== sample.listHash
        ? { expected: sample.listHash, claimed: claimed.listHash }
        : null,
    villagesMissing: setDifference(sample.villages, claimed.villages),
    villagesUnexpected: setDifference(claimed.villages, sample.villages),
    householdsMissing: setDifference(sample.households, claimed.households),
    householdsUnexpected: setDifference(claimed.households, sample.households),
  };
  const same =
    differences.listHash === null &&
    differences.villagesMissing.length === 0 &&
    differences.villagesUnexpected.length === 0 &&
    differences.householdsMissing.length === 0 &&
    differences.householdsUnexpected.length === 0;
  if (same) return { ok: true };

  const zh: string[] = [];
  const en: string[] = [];
  if (differences.listHash) {
    zh.push("名单哈希不同（名单已被改动）");
    en.push("the list hash differs (the list was changed)");
  }
  if (differences.villagesMissing.length || differences.villagesUnexpected.length) {
    zh.push(`村：缺少 ${differences.villagesMissing.length} 个，多出 ${differences.villagesUnexpected.length} 个`);
    en.push(`villages: ${differences.villagesMissing.length} missing, ${differences.villagesUnexpected.length} unexpected`);
  }
  if (differences.householdsMissing.length || differences.householdsUnexpected.length) {
    zh.push(`农户：缺少 ${differences.householdsMissing.length} 户，多出 ${differences.householdsUnexpected.length} 户`);
    en.push(`households: ${differences.householdsMissing.length} missing, ${differences.householdsUnexpected.length} unexpected`);
  }
  return {
    ok: false,
    code: "mismatch",
    message: `按种子重新抽样的结果与记录不符：${zh.join("；")}`,
    messageEn: `Re-drawing with the seed does not give the recorded sample: ${en.join("; ")}`,
    differences,
  };
}
