"use server";
// Save a sampled household's field check (permission evaluation.run; a team member; the
// evaluation drawn and open; the household in its sample). The discrepancies are computed here,
// on the server, from the record and the answers.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { questionnaireSchema, evaluationFieldLabel } from "@/lib/validation/evaluation";
import { saveQuestionnaire as save, type SavedQuestionnaire } from "@/lib/data/evaluation/questionnaire";

export const saveQuestionnaire = defineAction({
  name: "questionnaire.save",
  permission: "evaluation.run",
  fieldLabel: evaluationFieldLabel,
  schema: questionnaireSchema,
  handler: async (input, viewer): Promise<ActionResult<SavedQuestionnaire>> => {
    const t = await getTranslations("evaluation");
    const out = await save(viewer, input);
    revalidatePath(`/evaluator/${input.evaluationId}`);
    revalidatePath(`/evaluator/${input.evaluationId}/households/${input.householdId}`);
    const message = out.replay
      ? t("questionnaire.unchanged")
      : out.discrepancies.length
        ? t("questionnaire.savedWith", { count: out.discrepancies.length })
        : t("questionnaire.saved");
    return { ok: true, data: out, message };
  },
});
