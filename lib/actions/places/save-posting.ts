"use server";
// An official records a resident (first secretary, team leader or member) sent by a unit to a
// village of the county, from–to; the form makes the id, so a retry cannot record it twice.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { postingSchema } from "@/lib/validation/resident";
import { savePosting as save } from "@/lib/data/resident";

export const savePosting = defineAction({
  name: "places.save_posting",
  permission: "places.record",
  schema: postingSchema,
  handler: async (input, viewer) => {
    const out = await save(viewer, input);
    revalidatePath("/county/teams");
    return done("places.teams.saved", out);
  },
});
