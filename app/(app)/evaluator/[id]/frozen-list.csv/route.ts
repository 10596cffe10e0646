// The frozen household list of a drawn evaluation, as CSV, in the canonical order (ids by code
// units): id,villageId,exited,status for "jingzhun-sample-v1" (lib/domain/sampling.ts, decision
// 0006); id,villageId,designated,exited,status for the stratified "jingzhun-sample-v2"
// (lib/domain/sampling-v2.ts, decision 0017). With the seed (draw.json, or the page) anyone can
// re-draw the sample.
// The seed and algorithm also travel in the response headers. The team only (and, after the
// release time, the county's officials); anyone else: 404, audited.
import { notFoundAsNull, privateResponse, recordRoute } from "@/lib/http/plain";
import { frozenListFor } from "@/lib/data/evaluation/draw";
import { SAMPLE_ALGORITHM_V2 } from "@/lib/domain/sampling-v2";

export const dynamic = "force-dynamic";

export const GET = recordRoute(
  (viewer, id) => frozenListFor(viewer, id).catch(notFoundAsNull),
  (list) => {
    const v2 = list.algorithm === SAMPLE_ALGORITHM_V2;
    const lines = v2
      ? [
          "id,villageId,designated,exited,status",
          ...list.rows.map(
            (r) =>
              `${r.id},${r.villageId},${r.villageDesignated ? "true" : "false"},${r.exitedThisYear ? "true" : "false"},${r.registeredStatus}`,
          ),
        ]
      : [
          "id,villageId,exited,status",
          ...list.rows.map((r) => `${r.id},${r.villageId},${r.exitedThisYear ? "true" : "false"},${r.registeredStatus}`),
        ];
    return privateResponse(`${lines.join("\n")}\n`, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="evaluation-${list.evaluationId}-frozen-list.csv"`,
      "X-Sample-Algorithm": list.algorithm,
      "X-Sample-Seed": encodeURIComponent(list.seed),
      "X-List-Hash": list.listHash,
    });
  },
);
