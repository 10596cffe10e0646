"use server";
// Freeze the county's list and draw the sample with the recorded seed (permission
// evaluation.run; a team member; the evaluation still a draft).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/safe-action";
import { drawSchema } from "@/lib/validation/evaluation";
import { drawEvaluation, type DrawOutcome } from "@/lib/data/evaluation/draw";
import { defineEvaluationAction } from "./define";

const run = defineEvaluationAction({
  name: "evaluation.draw",
  permission: "evaluation.run",
  schema: drawSchema,
  handler: async (input, viewer): Promise<ActionResult<DrawOutcome>> => {
    const t = await getTranslations("evaluation");
    const out = await drawEvaluation(viewer, input);
    revalidatePath(`/evaluator/${input.evaluationId}`);
    revalidatePath("/evaluator");
    return { ok: true, data: out, message: t("draw.done", { sampled: out.sampled, villages: out.villages, frozen: out.frozen }) };
  },
});

export async function drawSample(
  prev: ActionResult<DrawOutcome> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<DrawOutcome>> {
  return run(prev, input);
}
