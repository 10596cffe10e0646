"use server";
// Add a representative to the facilitator's village assembly (permission meeting.run).
// Writes: representative, audit. The device makes the id: a doubled submission stores once.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { addRepresentativeSchema } from "@/lib/validation/procedure";
import { addRepresentative as add } from "@/lib/data/procedure/meetings";
import { messageKey } from "@/i18n/keys";

export const addRepresentative = defineAction({
  name: "representative.add",
  permission: "meeting.run",
  schema: addRepresentativeSchema,
  handler: async (input, viewer) => {
    const out = await add(viewer, input);
    revalidatePath("/meetings/representatives");
    return done(out.replay ? messageKey("procedure.validation.alreadySaved") : messageKey("procedure.validation.representativeAdded"), out);
  },
});
