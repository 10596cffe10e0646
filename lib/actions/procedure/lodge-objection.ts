"use server";
// Record an objection during a running notice (a facilitator, cadre or county official, within
// scope; checked in the data layer). Writes: objection (who, what, when), step reverify, audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { objectionSchema } from "@/lib/validation/procedure";
import { lodgeObjection as lodge } from "@/lib/data/procedure/objections";
import { messageKey } from "@/i18n/keys";

export const lodgeObjection = defineAction({
  name: "objection.lodge",
  permission: null,
  schema: objectionSchema,
  handler: async (input, viewer) => {
    const out = await lodge(viewer, input);
    revalidatePath(`/procedure/${input.proposalId}`);
    return done(out.replay ? messageKey("procedure.validation.alreadySaved") : messageKey("procedure.validation.objectionLodged"), out);
  },
});
