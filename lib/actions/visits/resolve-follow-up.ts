"use server";
// Mark a follow-up resolved with a note (permission visit.create; on the cadre's households).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/auth/errors";
import { resolveFollowUpSchema } from "@/lib/validation/visit";
import { resolveFollowUp as resolve } from "@/lib/data/visits/follow-ups";

export const resolveFollowUp = defineAction({
  name: "followup.resolve",
  permission: "visit.create",
  schema: resolveFollowUpSchema,
  handler: async (input, viewer): Promise<ActionResult<{ id: string }>> => {
    const t = await getTranslations("visit");
    let done: { id: string; householdId: string };
    try {
      done = await resolve(viewer, input);
    } catch (e) {
      if (e instanceof AppError && e.code === "closed") throw new AppError("closed", t("followUps.alreadyResolved"));
      throw e;
    }
    revalidatePath(`/households/${done.householdId}`);
    revalidatePath("/cadre");
    return { ok: true, data: { id: done.id }, message: t("followUps.resolved") };
  },
});
