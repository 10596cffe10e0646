"use server";
// The township reviewer of the village's township reviews a proposed village exit (decision
// 0051): approve, or return it to the village with the reason. Another township's: not found.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { reviewVillageExitSchema } from "@/lib/validation/village-exit";
import { reviewVillageExit } from "@/lib/data/village-exit";
import { messageKey } from "@/i18n/keys";

export const reviewVillageExitAction = defineAction({
  name: "village_exit.township_review",
  permission: "decision.approve",
  schema: reviewVillageExitSchema,
  handler: async (input, viewer) => {
    const out = await reviewVillageExit(viewer, input);
    revalidatePath("/village-exit", "layout");
    return done(messageKey(input.decision === "approve" ? "villageExit.actions.reviewed" : "villageExit.actions.returned"), out);
  },
});
