"use server";
// Home verification (入户核实) of a proposal before it goes to the village (permission
// proposal.create: a cadre for an assigned household, a facilitator for the village). The id
// comes from the device. Writes: evidence (the checker's signature), home_verification,
// proposal (latest check), audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { homeVerificationSchema } from "@/lib/validation/procedure";
import { recordHomeVerification as record } from "@/lib/data/procedure/consent";
import { messageKey } from "@/i18n/keys";

export const recordHomeVerification = defineAction({
  name: "proposal.home_verification",
  permission: "proposal.create",
  schema: homeVerificationSchema,
  handler: async (input, viewer) => {
    const out = await record(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    return done(out.replay ? messageKey("procedure.validation.alreadySaved") : messageKey("procedure.validation.verificationSaved"), out);
  },
});
