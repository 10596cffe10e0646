"use server";
// Close an evaluation: it is frozen from then on (permission evaluation.run; a team member).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { evaluationRefSchema, evaluationFieldLabel } from "@/lib/validation/evaluation";
import { closeEvaluation as close } from "@/lib/data/evaluation/close";

export const closeEvaluation = defineAction({
  name: "evaluation.close",
  permission: "evaluation.run",
  fieldLabel: evaluationFieldLabel,
  schema: evaluationRefSchema,
  handler: async (input, viewer): Promise<ActionResult<{ closedAt: string }>> => {
    const t = await getTranslations("evaluation");
    const out = await close(viewer, input.evaluationId);
    revalidatePath(`/evaluator/${input.evaluationId}`);
    revalidatePath("/evaluator");
    return { ok: true, data: { closedAt: out.closedAt.toISOString() }, message: t("close.done") };
  },
});
