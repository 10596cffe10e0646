// The stored plan (Evaluation.plan JSON): the sampling plan set at creation, plus what the draw
// picked (written by the draw, so a re-draw compares villages too, even a picked village that
// contributed no household). Pure.
import type { SamplePlan, VillageDraw } from "@/lib/domain/sampling";
import type { StratumDraw, VillageDrawV2 } from "@/lib/domain/sampling-v2";

export interface StoredPlan extends SamplePlan {
  /** the policy defaults the form offered (for the record) */
  defaults?: { villagesMin: number; villagesMax: number; share: number; capPerVillage: number };
  /** v1 draws record VillageDraw rows; v2 (stratified) draws VillageDrawV2 rows and the strata */
  drawn?: {
    villages: string[];
    perVillage: (VillageDraw | VillageDrawV2)[];
    strata?: { designated: StratumDraw; other: StratumDraw };
    villagesShort?: boolean;
  };
}

export function readPlan(json: unknown): StoredPlan {
  const p = (json ?? {}) as Partial<StoredPlan>;
  return {
    villages: Number(p.villages),
    share: Number(p.share),
    capPerVillage: Number(p.capPerVillage),
    includeAllExited: p.includeAllExited === true,
    defaults: p.defaults,
    drawn: p.drawn,
  };
}

/** Only the four fields the algorithm reads. */
export function samplePlanOf(p: StoredPlan): SamplePlan {
  return { villages: p.villages, share: p.share, capPerVillage: p.capPerVillage, includeAllExited: p.includeAllExited };
}
