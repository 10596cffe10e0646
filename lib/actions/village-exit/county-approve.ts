"use server";
// The county official of the village's county approves a reviewed village exit and announces it
// (decision 0051) with its judgment of the collective income (met, with a note: approval needs it),
// or returns it to the village with the reason. Another county's: not found.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { approveVillageExitSchema } from "@/lib/validation/village-exit";
import { approveVillageExit } from "@/lib/data/village-exit";
import { messageKey } from "@/i18n/keys";

export const approveVillageExitAction = defineAction({
  name: "village_exit.county_approve",
  permission: "decision.approve",
  schema: approveVillageExitSchema,
  handler: async (input, viewer) => {
    const out = await approveVillageExit(viewer, input);
    revalidatePath("/village-exit", "layout");
    return done(messageKey(input.decision === "approve" ? "villageExit.actions.announced" : "villageExit.actions.returned"), out);
  },
});
