"use server";
// The reviewer sends an item back for re-verification at its review, with the reason
// (permission decision.approve; the township reviewer at the township review, the county
// official at the county's approval; checked in the data layer). Writes: step reverify
// (decision "returned"), audit.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { stepSchema } from "@/lib/validation/procedure";
import { returnAtReview as back } from "@/lib/data/procedure/decisions";
import { messageKey } from "@/i18n/keys";

type Out = { stage: string; version: number };

export const returnAtReview = defineAction({
  name: "procedure.return",
  permission: "decision.approve",
  schema: stepSchema,
  handler: async (input, viewer) => {
    const out = await back(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    revalidatePath("/procedure");
    return done<Out>(messageKey("procedure.validation.returned"), { stage: out.stage, version: out.version });
  },
});
