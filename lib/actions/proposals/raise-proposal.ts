"use server";
// Raise a proposal (permission proposal.create: a cadre for an assigned household, a facilitator
// for a household of the village). The id comes from the device: a retry stores once.
// Writes: proposal, its "proposed" step (and "comparison_explained" when no flag), audit.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "@/lib/actions/procedure/define";
import { raiseProposalSchema } from "@/lib/validation/procedure";
import { raiseProposal as raise, type RaiseOutcome } from "@/lib/data/procedure/proposals";

const run = defineProcedureAction({
  name: "proposal.raise",
  permission: "proposal.create",
  schema: raiseProposalSchema,
  handler: async (input, viewer) => {
    const out = await raise(viewer, input);
    revalidatePath("/meetings");
    revalidatePath(`/households/${input.householdId}`);
    return done(out.replay ? "p.alreadySaved" : out.flags.length ? "p.raisedWithFlags" : "p.raised", out);
  },
});

export async function raiseProposal(
  prev: ActionResult<RaiseOutcome> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<RaiseOutcome>> {
  return run(prev, input);
}

/** The form's variant: on success the browser goes on to the proposal's page. */
export async function raiseProposalAndOpen(
  prev: ActionResult<RaiseOutcome> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<RaiseOutcome>> {
  const result = await run(prev, input);
  if (result.ok && result.data) redirect(`/procedure/${result.data.proposalId}`);
  return result;
}
