"use server";
// Apply (or let go of) a visit's pending changes against the household's current version
// (permission visit.create; only the cadre who made the visit).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/auth/errors";
import { confirmPendingSchema } from "@/lib/validation/visit";
import { settlePending, type PendingOutcome } from "@/lib/data/visits/pending";
import { describeConflict } from "@/lib/data/visits/conflict";
import { db } from "@/lib/db/client";
import { conflictFormatter } from "./conflict-message";

export const confirmPending = defineAction({
  name: "visit.confirm_pending",
  permission: "visit.create",
  schema: confirmPendingSchema,
  handler: async (input, viewer): Promise<ActionResult<PendingOutcome>> => {
    const t = await getTranslations("visit");
    let outcome: PendingOutcome;
    try {
      outcome = await settlePending(viewer, input);
    } catch (e) {
      if (e instanceof AppError && e.code === "closed") throw new AppError("closed", t("pending.alreadySettled"));
      // the household moved again since the page was shown: say who and what, in the cadre's words
      if (e instanceof AppError && e.code === "conflict" && typeof e.details?.householdId === "string") {
        throw new AppError("conflict", (await conflictFormatter())(await describeConflict(db(), e.details.householdId)));
      }
      throw e;
    }
    revalidatePath(`/households/${outcome.householdId}`);
    revalidatePath("/cadre");
    return { ok: true, data: outcome, message: outcome.decision === "apply" ? t("pending.applied") : t("pending.discarded") };
  },
});
