"use server";
// The village's check of a proposal's waiting objections (the village's facilitator or an official
// over it; checked in the data layer): about this item? new? Only one that stands sends the item
// back for re-verification. Writes: objection (the check), and step reverify when it stands; audit.
import { revalidatePath } from "next/cache";
import { defineAction, done } from "@/lib/actions/safe-action";
import { objectionCheckSchema } from "@/lib/validation/procedure";
import { sendBack as back } from "@/lib/data/procedure/decisions";
import { messageKey } from "@/i18n/keys";

type Out = { stage: string; version: number; stands: boolean };

export const sendBack = defineAction({
  name: "procedure.reverify",
  permission: null,
  schema: objectionCheckSchema,
  handler: async (input, viewer) => {
    const out = await back(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    return done<Out>(out.stands ? messageKey("procedure.validation.sentBack") : messageKey("procedure.validation.objectionDismissed"), {
      stage: out.stage,
      version: out.version,
      stands: out.stands,
    });
  },
});
