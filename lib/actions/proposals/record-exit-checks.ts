"use server";
// An exit's household agreement and home check (permission proposal.create, in scope).
// Writes: proposal.householdAgreedAt / agreementEvidenceId / homeCheckAt / homeCheckById, audit.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/safe-action";
import { defineProcedureAction, done } from "@/lib/actions/procedure/define";
import { exitChecksSchema } from "@/lib/validation/procedure";
import { recordExitChecks as record } from "@/lib/data/procedure/proposals";

const run = defineProcedureAction({
  name: "proposal.exit_checks",
  permission: "proposal.create",
  schema: exitChecksSchema,
  handler: async (input, viewer) => {
    const out = await record(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    return done("p.exitChecksSaved", out);
  },
});

export async function recordExitChecks(prev: ActionResult<{ version: number }> | undefined, input: FormData | Record<string, unknown>): Promise<ActionResult<{ version: number }>> {
  return run(prev, input);
}
