"use server";
// Open a draft meeting of the facilitator's village (permission meeting.run): the roster is the
// village's active representatives now. Writes: attendance rows (absent), meeting state, audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { meetingIdSchema } from "@/lib/validation/procedure";
import { openMeeting as open } from "@/lib/data/procedure/meetings";
import { messageKey } from "@/i18n/keys";

export const openMeeting = defineAction({
  name: "meeting.open",
  permission: "meeting.run",
  schema: meetingIdSchema,
  handler: async (input, viewer) => {
    const out = await open(viewer, input);
    revalidatePath(`/meetings/${input.meetingId}`);
    return done(messageKey("procedure.validation.meetingOpened"), out);
  },
});
