"use server";
// Household type (户属性): an official over the household's region sets it (ordinary, 低保户,
// 特困供养户) from a date with its basis; the history is kept. Writes: household_type_record, audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { setHouseholdTypeSchema } from "@/lib/validation/income-record";
import { setHouseholdType as set } from "@/lib/data/household-types";
import { messageKey } from "@/i18n/keys";

export const setHouseholdType = defineAction({
  name: "household.type",
  permission: "household_type.set",
  schema: setHouseholdTypeSchema,
  handler: async (input, viewer) => {
    const out = await set(viewer, input);
    revalidatePath(`/households/${input.householdId}`);
    return done(out.replay ? messageKey("countyRecords.type.alreadySaved") : messageKey("countyRecords.type.saved"), out);
  },
});
