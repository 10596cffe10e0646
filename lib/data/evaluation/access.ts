// Who may see what of an evaluation. Every query of evaluations, of sample membership and of
// what a sample reveals (questionnaires, discrepancies, the frozen list with its seed) takes the
// viewer and puts these conditions in its `where`:
//   - an evaluator: only evaluations whose team includes them, in a county under their scope;
//   - a county official: only evaluations of their county, drawn, whose releaseAt has passed
//     (the embargo: before that, nothing of the sample reaches the county or its villages);
//   - everyone else: nothing.
// Evaluation audit rows carry no countyId (the county's audit view must not learn the sample
// from them before the release); the county is in `after`.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";
import { teamWhere } from "@/lib/auth/scope";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";

export const evaluationSelect = {
  id: true,
  countyId: true,
  year: true,
  name: true,
  state: true,
  plan: true,
  seed: true,
  listHash: true,
  algorithm: true,
  frozenAt: true,
  releaseAt: true,
  createdById: true,
  closedAt: true,
  version: true,
  createdAt: true,
} satisfies Prisma.EvaluationSelect;

export type EvaluationRow = Prisma.EvaluationGetPayload<{ select: typeof evaluationSelect }>;

/** An access refused: audited (never with the county, see above), then "not found". */
export async function refuse(viewer: Viewer, entity: string, entityId: string, detail: Record<string, unknown>): Promise<never> {
  await audit(db(), actorOf(viewer), {
    action: "access.denied",
    entity,
    entityId: entityId.slice(0, 64),
    after: { code: "not_found", ...detail },
  }).catch(() => {});
  throw new AppError("not_found", `${entity} not found`);
}

/** The evaluation, if the viewer is on its team; else not found (audited). */
export async function teamEvaluation(viewer: Viewer, evaluationId: string, client: Db | Tx = db()): Promise<EvaluationRow> {
  const e = await client.evaluation.findFirst({ where: { AND: [{ id: evaluationId }, teamWhere(viewer)] }, select: evaluationSelect });
  if (!e) return refuse(viewer, "evaluation", evaluationId, { reason: "not on the team" });
  return e;
}

/**
 * Inside a write transaction: lock the evaluation row (so a close cannot interleave), check the
 * viewer is on the team and the state allows the write. A closed evaluation refuses every write.
 */
export async function lockForWrite(
  tx: Tx,
  viewer: Viewer,
  evaluationId: string,
  allowed: readonly ("draft" | "drawn")[],
  closedMessage: string,
  stateMessage: string,
): Promise<EvaluationRow> {
  await tx.$queryRaw`SELECT id FROM evaluation WHERE id = ${evaluationId} FOR UPDATE`;
  const e = await tx.evaluation.findFirst({ where: { AND: [{ id: evaluationId }, teamWhere(viewer)] }, select: evaluationSelect });
  if (!e) throw new AppError("not_found", "evaluation not found", { evaluationId, reason: "not on the team" });
  if (e.state === "closed") throw new AppError("closed", closedMessage);
  if (!allowed.includes(e.state)) throw new AppError("conflict", stateMessage);
  return e;
}
