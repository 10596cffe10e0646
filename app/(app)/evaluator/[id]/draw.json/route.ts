// Everything needed to re-draw an evaluation's sample independently, as JSON: algorithm, seed,
// plan, the list hash, the reference (v1: lib/domain/sampling.ts, decision 0006; v2, stratified:
// lib/domain/sampling-v2.ts, decision 0017) and the sample drawn. Pair it with frozen-list.csv. Same access as the CSV.
import { notFoundAsNull, privateResponse, recordRoute } from "@/lib/http/plain";
import { frozenListFor } from "@/lib/data/evaluation/draw";
import { samplePlanOf } from "@/lib/domain/evaluation-plan";
import { SAMPLE_ALGORITHM_V2 } from "@/lib/domain/sampling-v2";

export const dynamic = "force-dynamic";

export const GET = recordRoute(
  (viewer, id) => frozenListFor(viewer, id).catch(notFoundAsNull),
  (list) => {
    const v2 = list.algorithm === SAMPLE_ALGORITHM_V2;
    const body = {
      evaluationId: list.evaluationId,
      name: list.name,
      countyId: list.countyId,
      year: list.year,
      algorithm: list.algorithm,
      reference: v2
        ? ["lib/domain/sampling-v2.ts (module note: the algorithm step by step)", "docs/decisions/0017-rules-v2.md (stratified sampling)"]
        : ["lib/domain/sampling.ts (module note: the algorithm step by step)", "docs/decisions/0006-procedure-and-sampling.md"],
      seed: list.seed,
      plan: samplePlanOf(list.plan),
      listHash: list.listHash,
      listFile: v2
        ? `evaluation-${list.evaluationId}-frozen-list.csv (columns id,villageId,designated,exited,status; hash lines "id|villageId|designated|exited|status" sorted by id, joined by \\n)`
        : `evaluation-${list.evaluationId}-frozen-list.csv (columns id,villageId,exited,status; hash lines "id|villageId|exited|status" sorted by id, joined by \\n)`,
      frozenHouseholds: list.rows.length,
      sample: {
        villages: list.plan.drawn?.villages ?? [],
        ...(list.plan.drawn?.strata ? { strata: list.plan.drawn.strata, perVillage: list.plan.drawn.perVillage } : {}),
        households: list.sample,
      },
    };
    return privateResponse(JSON.stringify(body, null, 2), {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="evaluation-${list.evaluationId}-draw.json"`,
    });
  },
);
