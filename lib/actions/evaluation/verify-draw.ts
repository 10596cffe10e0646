"use server";
// Re-draw from the stored seed and frozen list and compare with the stored sample (permission
// evaluation.run; a team member). Reads only (and audits the check), so allowed after the close.
import type { ActionResult } from "@/lib/actions/safe-action";
import { evaluationRefSchema } from "@/lib/validation/evaluation";
import { verifyEvaluationDraw, type VerifyOutcome } from "@/lib/data/evaluation/draw";
import { defineEvaluationAction } from "./define";

const run = defineEvaluationAction({
  name: "evaluation.verify",
  permission: "evaluation.run",
  schema: evaluationRefSchema,
  handler: async (input, viewer): Promise<ActionResult<VerifyOutcome>> => {
    const out = await verifyEvaluationDraw(viewer, input.evaluationId);
    return { ok: true, data: out, message: out.message };
  },
});

export async function verifyDraw(
  prev: ActionResult<VerifyOutcome> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<VerifyOutcome>> {
  return run(prev, input);
}
