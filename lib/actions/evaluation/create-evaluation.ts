"use server";
// Create an evaluation: county, year, team, sampling plan (permission evaluation.run). The id
// comes from the device, so a retry stores one evaluation.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { createEvaluationSchema, evaluationFieldLabel } from "@/lib/validation/evaluation";
import { createEvaluation as create, type Created } from "@/lib/data/evaluation/evaluations";

export const createEvaluation = defineAction({
  name: "evaluation.create",
  permission: "evaluation.run",
  fieldLabel: evaluationFieldLabel,
  schema: createEvaluationSchema,
  handler: async (input, viewer): Promise<ActionResult<Created>> => {
    const t = await getTranslations("evaluation");
    const out = await create(viewer, input);
    revalidatePath("/evaluator");
    return { ok: true, data: out, message: out.replay ? t("create.replay") : t("create.done") };
  },
});
