"use server";
// The village proposes its exit (decision 0051): refused, naming each failed criterion, unless
// every criterion is met on the record and the village's people now; the counts are frozen.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { proposeVillageExitSchema } from "@/lib/validation/village-exit";
import { proposeVillageExit } from "@/lib/data/village-exit";
import { messageKey } from "@/i18n/keys";

export const proposeVillageExitAction = defineAction({
  name: "village_exit.propose",
  permission: "village_exit.propose",
  schema: proposeVillageExitSchema,
  handler: async (input, viewer) => {
    const out = await proposeVillageExit(viewer, input);
    revalidatePath("/village-exit", "layout");
    return done(messageKey("villageExit.actions.proposed"), out);
  },
});
