"use server";
// Re-draw from the stored seed and frozen list and compare with the stored sample (permission
// evaluation.run; a team member). Reads only (and audits the check), so allowed after the close.
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { evaluationRefSchema, evaluationFieldLabel } from "@/lib/validation/evaluation";
import { verifyEvaluationDraw, type VerifyOutcome } from "@/lib/data/evaluation/draw";

export const verifyDraw = defineAction({
  name: "evaluation.verify",
  permission: "evaluation.run",
  fieldLabel: evaluationFieldLabel,
  schema: evaluationRefSchema,
  handler: async (input, viewer): Promise<ActionResult<VerifyOutcome>> => {
    const out = await verifyEvaluationDraw(viewer, input.evaluationId);
    return { ok: true, data: out, message: out.message };
  },
});
