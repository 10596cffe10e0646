"use server";
// The household's exit agreement (拟退出贫困户认可) after a passed vote (permission proposal.create:
// a cadre for an assigned household, a facilitator for the village): signed on the pad, or a
// photographed thumb-printed form; or refused with the reason, which ends the exit. Writes:
// evidence, exit_agreement, proposal (and its "withdrawn" step when refused), audit.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "@/lib/actions/procedure/define";
import { exitAgreementSchema } from "@/lib/validation/procedure";
import { recordExitAgreement as record, type RecordOutcome } from "@/lib/data/procedure/consent";

type Out = RecordOutcome & { outcome: "agreed" | "refused" };

const run = defineProcedureAction({
  name: "proposal.exit_agreement",
  permission: "proposal.create",
  schema: exitAgreementSchema,
  handler: async (input, viewer) => {
    const out = await record(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    return done(out.replay ? "p.alreadySaved" : out.outcome === "agreed" ? "p.exitAgreed" : "p.exitRefused", out);
  },
});

export async function recordExitAgreement(
  prev: ActionResult<Out> | undefined,
  input: FormData | Record<string, unknown>,
): Promise<ActionResult<Out>> {
  return run(prev, input);
}
