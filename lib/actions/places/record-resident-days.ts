"use server";
// An official records one resident's days in the village for one month (the monthly record).
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { residentDaysSchema } from "@/lib/validation/resident";
import { saveResidentDays } from "@/lib/data/resident";

export const recordResidentDays = defineAction({
  name: "places.record_resident_days",
  permission: "places.record",
  schema: residentDaysSchema,
  handler: async (input, viewer) => {
    const out = await saveResidentDays(viewer, input);
    revalidatePath("/county/teams");
    return done("places.teams.daysSaved", out);
  },
});
