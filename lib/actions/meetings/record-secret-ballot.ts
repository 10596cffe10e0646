"use server";
// Secret-ballot counts of one item (permission vote.record, own village, open meeting): yes, no
// and abstain must add up to the attendance. Writes: agenda item counts, audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { secretBallotSchema } from "@/lib/validation/procedure";
import { recordSecretBallot as record } from "@/lib/data/procedure/meetings";
import { messageKey } from "@/i18n/keys";

export const recordSecretBallot = defineAction({
  name: "ballot.record",
  permission: "vote.record",
  schema: secretBallotSchema,
  handler: async (input, viewer, { lang }) => {
    const out = await record(viewer, input, lang);
    revalidatePath(`/meetings/${input.meetingId}`);
    return done(messageKey("procedure.validation.ballotSaved"), out);
  },
});
