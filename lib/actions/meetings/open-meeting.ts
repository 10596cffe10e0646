"use server";
// Open a draft meeting of the facilitator's village (permission meeting.run): the roster is the
// village's active representatives now. Writes: attendance rows (absent), meeting state, audit.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "@/lib/actions/procedure/define";
import { meetingIdSchema } from "@/lib/validation/procedure";
import { openMeeting as open } from "@/lib/data/procedure/meetings";

type Out = { rosterSize: number };

const run = defineProcedureAction({
  name: "meeting.open",
  permission: "meeting.run",
  schema: meetingIdSchema,
  handler: async (input, viewer) => {
    const out = await open(viewer, input);
    revalidatePath(`/meetings/${input.meetingId}`);
    return done("p.meetingOpened", out);
  },
});

export async function openMeeting(
  prev: ActionResult<Out> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<Out>> {
  return run(prev, input);
}
