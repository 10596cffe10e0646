"use server";
// Explain the comparison flags (permission proposal.create, proposal in the viewer's scope): the
// flags are re-run on the household as it stands, and each must be explained in writing.
// Writes: proposal flags and explanation, step comparison_explained, audit.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { explainComparisonSchema } from "@/lib/validation/procedure";
import { explainComparison as explain } from "@/lib/data/procedure/proposals";
import { messageKey } from "@/i18n/keys";

type Out = { stage: string; version: number };

export const explainComparison = defineAction({
  name: "proposal.explain",
  permission: "proposal.create",
  schema: explainComparisonSchema,
  handler: async (input, viewer) => {
    const out = await explain(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    return done<Out>(messageKey("procedure.validation.explained"), { stage: out.stage, version: out.version });
  },
});
