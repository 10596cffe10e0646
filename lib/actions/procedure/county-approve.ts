"use server";
// County approval (permission decision.approve, and a COUNTY-scoped county official of the
// proposal's county). Refused before the notice ended, with an open objection, or when an exit
// or risk elimination lacks what it needs. Writes: step county_approval, audit.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { stepSchema } from "@/lib/validation/procedure";
import { countyApprove as approve } from "@/lib/data/procedure/decisions";
import { messageKey } from "@/i18n/keys";

type Out = { stage: string; version: number };

export const countyApprove = defineAction({
  name: "procedure.county_approval",
  permission: "decision.approve",
  schema: stepSchema,
  handler: async (input, viewer) => {
    const out = await approve(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    revalidatePath("/procedure");
    return done<Out>(messageKey("procedure.validation.approved"), { stage: out.stage, version: out.version });
  },
});
