"use server";
// The household's exit agreement (拟退出贫困户认可) after a passed vote (permission proposal.create:
// a cadre for an assigned household, a facilitator for the village): signed on the pad, or a
// photographed thumb-printed form; or refused with the reason, which ends the exit. Writes:
// evidence, exit_agreement, proposal (and its "withdrawn" step when refused), audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { exitAgreementSchema } from "@/lib/validation/procedure";
import { recordExitAgreement as record } from "@/lib/data/procedure/consent";
import { messageKey } from "@/i18n/keys";

export const recordExitAgreement = defineAction({
  name: "proposal.exit_agreement",
  permission: "proposal.create",
  schema: exitAgreementSchema,
  handler: async (input, viewer) => {
    const out = await record(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    return done(
      out.replay
        ? messageKey("procedure.validation.alreadySaved")
        : out.outcome === "agreed"
          ? messageKey("procedure.validation.exitAgreed")
          : messageKey("procedure.validation.exitRefused"),
      out,
    );
  },
});
