"use server";
// One roll-call vote (permission vote.record: the facilitator of the meeting's own village) by an
// attending representative, once per item; the database refuses a second one. Writes: vote,
// audit. With `correct`, a recorded vote of an open meeting takes a new choice (vote_correction
// keeps who, when, from what to what). Another village's meeting is "not found", a closed one is refused — both audited.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { voteSchema } from "@/lib/validation/procedure";
import { recordVote as record } from "@/lib/data/procedure/meetings";
import { messageKey } from "@/i18n/keys";

export const recordVote = defineAction({
  name: "vote.record",
  permission: "vote.record",
  schema: voteSchema,
  handler: async (input, viewer) => {
    const out = await record(viewer, input);
    revalidatePath(`/meetings/${input.meetingId}`);
    return done(
      out.corrected
        ? messageKey("procedure.validation.voteCorrected")
        : out.replay
          ? messageKey("procedure.validation.alreadySaved")
          : messageKey("procedure.validation.voteSaved"),
      out,
    );
  },
});
