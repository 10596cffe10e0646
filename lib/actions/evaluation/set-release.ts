"use server";
// Set when the sample is released to the county and its villages (permission evaluation.run;
// a team member; in the future; not once it has passed).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { releaseSchema, evaluationFieldLabel } from "@/lib/validation/evaluation";
import { setRelease as set } from "@/lib/data/evaluation/release";
import { chinaDateTime } from "@/lib/domain/china-time";

export const setRelease = defineAction({
  name: "evaluation.release",
  permission: "evaluation.run",
  fieldLabel: evaluationFieldLabel,
  schema: releaseSchema,
  handler: async (input, viewer): Promise<ActionResult<{ releaseAt: string }>> => {
    const t = await getTranslations("evaluation");
    const out = await set(viewer, input);
    revalidatePath(`/evaluator/${input.evaluationId}`);
    return { ok: true, data: { releaseAt: out.releaseAt.toISOString() }, message: t("release.done", { at: chinaDateTime(out.releaseAt) }) };
  },
});
