"use server";
// Create a meeting of the facilitator's own village (permission meeting.run). Client id: a retry
// stores once. Writes: meeting (draft), audit.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { createMeetingSchema } from "@/lib/validation/procedure";
import { createMeeting as create } from "@/lib/data/procedure/meetings";
import { messageKey } from "@/i18n/keys";

type Out = { meetingId: string; replay: boolean };

export const createMeeting = defineAction({
  name: "meeting.create",
  permission: "meeting.run",
  schema: createMeetingSchema,
  handler: async (input, viewer) => {
    const out = await create(viewer, input);
    revalidatePath("/meetings");
    return done(messageKey("procedure.validation.meetingCreated"), out);
  },
});

/** The form's variant: on success the browser goes on to the new meeting's page. */
export async function createMeetingAndOpen(
  prev: ActionResult<Out> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<Out>> {
  const result = await createMeeting(prev, input);
  if (result.ok && result.data) redirect(`/meetings/${result.data.meetingId}`);
  return result;
}
