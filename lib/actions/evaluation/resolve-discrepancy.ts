"use server";
// The county records how a discrepancy found by an evaluation was dealt with (permission
// village.review: a county official; only discrepancies of released evaluations of the county).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { resolveDiscrepancySchema, evaluationFieldLabel } from "@/lib/validation/evaluation";
import { resolveDiscrepancy as resolve } from "@/lib/data/evaluation/county";

export const resolveDiscrepancy = defineAction({
  name: "discrepancy.resolve",
  permission: "village.review",
  fieldLabel: evaluationFieldLabel,
  schema: resolveDiscrepancySchema,
  handler: async (input, viewer): Promise<ActionResult<{ id: string }>> => {
    const t = await getTranslations("evaluation");
    const out = await resolve(viewer, input);
    revalidatePath("/county");
    return { ok: true, data: out, message: t("followups.resolved") };
  },
});
