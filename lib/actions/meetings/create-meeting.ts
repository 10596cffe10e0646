"use server";
// Create a meeting of the facilitator's own village (permission meeting.run). Client id: a retry
// stores once. Writes: meeting (draft), audit.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "@/lib/actions/procedure/define";
import { createMeetingSchema } from "@/lib/validation/procedure";
import { createMeeting as create } from "@/lib/data/procedure/meetings";

type Out = { meetingId: string; replay: boolean };

const run = defineProcedureAction({
  name: "meeting.create",
  permission: "meeting.run",
  schema: createMeetingSchema,
  handler: async (input, viewer) => {
    const out = await create(viewer, input);
    revalidatePath("/meetings");
    return done("p.meetingCreated", out);
  },
});

export async function createMeeting(
  prev: ActionResult<Out> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<Out>> {
  return run(prev, input);
}

/** The form's variant: on success the browser goes on to the new meeting's page. */
export async function createMeetingAndOpen(
  prev: ActionResult<Out> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<Out>> {
  const result = await run(prev, input);
  if (result.ok && result.data) redirect(`/meetings/${result.data.meetingId}`);
  return result;
}
