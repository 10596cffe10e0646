// Closing an evaluation freezes it: state closed, and from then on every write of the
// evaluation (draw, release, questionnaires) is refused, and its household records can no
// longer be read. The metrics at the close are kept in the audit row.
import "server-only";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { lockForWrite } from "./access";
import { metricsFor } from "./metrics";

export async function closeEvaluation(viewer: Viewer, evaluationId: string): Promise<{ closedAt: Date }> {
  const t = await getTranslations("evaluation");
  return db().$transaction(async (tx) => {
    const e = await lockForWrite(tx, viewer, evaluationId, ["draft", "drawn"], t("errors.closed"), t("errors.closed"));
    const metrics = e.state === "drawn" ? await metricsFor(e, tx) : null;
    const closedAt = new Date();
    await tx.evaluation.update({ where: { id: e.id }, data: { state: "closed", closedAt, version: { increment: 1 } } });
    await audit(tx, actorOf(viewer), {
      action: "evaluation.close",
      entity: "evaluation",
      entityId: e.id,
      before: { state: e.state },
      after: {
        state: "closed",
        countyId: e.countyId,
        metrics: metrics && {
          pass: metrics.verdict.pass,
          policyVersion: metrics.policyVersion,
          counts: metrics.counts,
          metrics: metrics.verdict.metrics.map((m) => ({
            key: m.key,
            value: m.value,
            threshold: m.threshold,
            pass: m.pass,
            numerator: m.numerator,
            denominator: m.denominator,
          })),
        },
      },
    });
    return { closedAt };
  });
}
