"use server";
// The village records (or corrects) its exit record for a year (贫困村退出, decision 0051): road,
// water, power, clinic and school access with their dates and notes, and the collective income.
// The village's facilitator or a cadre posted there as first secretary or team leader; a draft or
// returned record only. Versioned, audited, one transaction.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { saveVillageExitSchema } from "@/lib/validation/village-exit";
import { saveVillageExit } from "@/lib/data/village-exit";
import { messageKey } from "@/i18n/keys";

export const saveVillageExitRecord = defineAction({
  name: "village_exit.save",
  permission: "village_exit.propose",
  schema: saveVillageExitSchema,
  handler: async (input, viewer) => {
    const out = await saveVillageExit(viewer, input);
    revalidatePath(`/village-exit/${input.villageId}`);
    return done(messageKey("villageExit.record.saved"), out);
  },
});
