"use server";
// Township review (permission decision.approve, and a TOWNSHIP-scoped county official of the
// proposal's township). Refused until the first notice has ended with no open objection.
// Writes: step township_review, audit.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { stepSchema } from "@/lib/validation/procedure";
import { townshipReview as review } from "@/lib/data/procedure/decisions";
import { messageKey } from "@/i18n/keys";

type Out = { stage: string; version: number };

export const townshipReview = defineAction({
  name: "procedure.township_review",
  permission: "decision.approve",
  schema: stepSchema,
  handler: async (input, viewer) => {
    const out = await review(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    revalidatePath("/procedure");
    return done<Out>(messageKey("procedure.validation.reviewed"), { stage: out.stage, version: out.version });
  },
});
