"use server";
// A cadre or county official records what was done about a lead: visited, proposed for
// monitoring, or no action (with the reason). Audited; decided leads are closed.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/auth/errors";
import { leadOutcomeSchema } from "@/lib/validation/help";
import { recordLeadOutcome } from "@/lib/data/help";

export const recordOutcome = defineAction({
  name: "help.outcome",
  permission: null, // cadres and county officials; lib/data/help.ts leadScope decides which leads
  schema: leadOutcomeSchema,
  handler: async (input, viewer): Promise<ActionResult<{ id: string; state: string }>> => {
    const t = await getTranslations("help");
    try {
      const done = await recordLeadOutcome(viewer, input);
      revalidatePath("/leads");
      return { ok: true, data: done, message: t("leads.saved") };
    } catch (e) {
      if (e instanceof AppError && e.code === "closed") throw new AppError("closed", t("e.decided"));
      throw e;
    }
  },
});
