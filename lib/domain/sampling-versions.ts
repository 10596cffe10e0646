/**
 * Which sampling algorithm an evaluation uses. New draws use the current one; an evaluation
 * is always re-drawn and verified with the version it recorded, so an old sample re-draws the
 * same after the algorithm changes (docs/decisions/0017). Pure.
 */
import {
  drawSample,
  listHash,
  verifyDraw,
  SAMPLE_ALGORITHM,
  type ClaimedSample,
  type SampleDifferences,
  type SamplePlan,
} from "./sampling";
import {
  drawSampleV2,
  listHashV2,
  verifyDrawV2,
  SAMPLE_ALGORITHM_V2,
  type SampleHouseholdV2,
  type VillageDrawV2,
  type StratumDraw,
} from "./sampling-v2";
import type { VillageDraw } from "./sampling";
import type { DomainFailure } from "./meeting";

export const CURRENT_SAMPLE_ALGORITHM = SAMPLE_ALGORITHM_V2;
export const SAMPLE_ALGORITHMS = [SAMPLE_ALGORITHM, SAMPLE_ALGORITHM_V2] as const;
export type SampleAlgorithm = (typeof SAMPLE_ALGORITHMS)[number];

export function isSampleAlgorithm(x: unknown): x is SampleAlgorithm {
  return (SAMPLE_ALGORITHMS as readonly unknown[]).includes(x);
}

/** What any version's draw gives: enough to store, show and compare. */
export interface AnySample {
  algorithm: SampleAlgorithm;
  seed: string;
  listHash: string;
  villages: string[];
  households: string[];
  perVillage: (VillageDraw | VillageDrawV2)[];
  strata?: { designated: StratumDraw; other: StratumDraw };
  villagesShort?: boolean;
}

type Failure = DomainFailure<string>;

function unknown(algorithm: string): Failure {
  return {
    ok: false,
    code: "unknown_algorithm",
    message: `未知的抽样算法“${algorithm}”，无法重新抽样`,
    messageEn: `Unknown sampling algorithm "${algorithm}": cannot re-draw`,
  };
}

/** Draw with the named version. v1 ignores the designated flag (its list has none). */
export function drawWith(
  algorithm: string,
  seed: string,
  households: readonly SampleHouseholdV2[],
  plan: SamplePlan,
): ({ ok: true } & AnySample) | Failure {
  if (algorithm === SAMPLE_ALGORITHM) return drawSample(seed, households, plan);
  if (algorithm === SAMPLE_ALGORITHM_V2) return drawSampleV2(seed, households, plan);
  return unknown(algorithm);
}

export function listHashWith(algorithm: string, households: readonly SampleHouseholdV2[]): string {
  if (algorithm === SAMPLE_ALGORITHM) return listHash(households);
  if (algorithm === SAMPLE_ALGORITHM_V2) return listHashV2(households);
  throw new RangeError(`unknown sampling algorithm ${algorithm}`);
}

export type VerifyAnyResult = { ok: true } | (DomainFailure<"mismatch"> & { differences: SampleDifferences }) | Failure;

export function verifyWith(
  algorithm: string,
  seed: string,
  households: readonly SampleHouseholdV2[],
  plan: SamplePlan,
  claimed: ClaimedSample,
): VerifyAnyResult {
  if (algorithm === SAMPLE_ALGORITHM) return verifyDraw(seed, households, plan, claimed);
  if (algorithm === SAMPLE_ALGORITHM_V2) return verifyDrawV2(seed, households, plan, claimed);
  return unknown(algorithm);
}
