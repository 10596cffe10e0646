"use server";
// Secret-ballot counts of one item (permission vote.record, own village, open meeting): yes, no
// and abstain must add up to the attendance. Writes: agenda item counts, audit.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "@/lib/actions/procedure/define";
import { secretBallotSchema } from "@/lib/validation/procedure";
import { recordSecretBallot as record } from "@/lib/data/procedure/meetings";

type Out = { passed: boolean };

const run = defineProcedureAction({
  name: "ballot.record",
  permission: "vote.record",
  schema: secretBallotSchema,
  handler: async (input, viewer, lang) => {
    const out = await record(viewer, input, lang);
    revalidatePath(`/meetings/${input.meetingId}`);
    return done("p.ballotSaved", out);
  },
});

export async function recordSecretBallot(
  prev: ActionResult<Out> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<Out>> {
  return run(prev, input);
}
