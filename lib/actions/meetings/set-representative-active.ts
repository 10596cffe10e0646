"use server";
// Deactivate (or reactivate) a representative of the facilitator's village (permission
// meeting.run). Kept, never deleted: past meetings' rosters name them. Writes: representative.active, audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { setRepresentativeActiveSchema } from "@/lib/validation/procedure";
import { setRepresentativeActive as set } from "@/lib/data/procedure/meetings";
import { messageKey } from "@/i18n/keys";

export const setRepresentativeActive = defineAction({
  name: "representative.set_active",
  permission: "meeting.run",
  schema: setRepresentativeActiveSchema,
  handler: async (input, viewer) => {
    const out = await set(viewer, input);
    revalidatePath("/meetings/representatives");
    return done(
      out.active
        ? messageKey("procedure.validation.representativeActivated")
        : messageKey("procedure.validation.representativeDeactivated"),
      out,
    );
  },
});
