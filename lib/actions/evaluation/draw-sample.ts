"use server";
// Freeze the county's list and draw the sample with the recorded seed (permission
// evaluation.run; a team member; the evaluation still a draft).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { drawSchema, evaluationFieldLabel } from "@/lib/validation/evaluation";
import { drawEvaluation, type DrawOutcome } from "@/lib/data/evaluation/draw";

export const drawSample = defineAction({
  name: "evaluation.draw",
  permission: "evaluation.run",
  fieldLabel: evaluationFieldLabel,
  schema: drawSchema,
  handler: async (input, viewer): Promise<ActionResult<DrawOutcome>> => {
    const t = await getTranslations("evaluation");
    const out = await drawEvaluation(viewer, input);
    revalidatePath(`/evaluator/${input.evaluationId}`);
    revalidatePath("/evaluator");
    return { ok: true, data: out, message: t("draw.done", { sampled: out.sampled, villages: out.villages, frozen: out.frozen }) };
  },
});
