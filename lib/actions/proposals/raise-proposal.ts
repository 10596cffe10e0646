"use server";
// Raise a proposal (permission proposal.create: a cadre for an assigned household, a facilitator
// for a household of the village). The id comes from the device: a retry stores once.
// Writes: proposal, its "proposed" step (and "comparison_explained" when no flag), audit.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { raiseProposalSchema } from "@/lib/validation/procedure";
import { raiseProposal as raise, type RaiseOutcome } from "@/lib/data/procedure/proposals";
import { messageKey } from "@/i18n/keys";

export const raiseProposal = defineAction({
  name: "proposal.raise",
  permission: "proposal.create",
  schema: raiseProposalSchema,
  handler: async (input, viewer) => {
    const out = await raise(viewer, input);
    revalidatePath("/meetings");
    revalidatePath(`/households/${input.householdId}`);
    return done(
      out.replay
        ? messageKey("procedure.validation.alreadySaved")
        : out.flags.length
          ? messageKey("procedure.validation.raisedWithFlags")
          : messageKey("procedure.validation.raised"),
      out,
    );
  },
});

/** The form's variant: on success the browser goes on to the proposal's page. */
export async function raiseProposalAndOpen(
  prev: ActionResult<RaiseOutcome> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<RaiseOutcome>> {
  const result = await raiseProposal(prev, input);
  if (result.ok && result.data) redirect(`/procedure/${result.data.proposalId}`);
  return result;
}
