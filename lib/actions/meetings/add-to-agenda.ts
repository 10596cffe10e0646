"use server";
// Put a proposal (comparison explained) on a draft or open meeting of the facilitator's village
// (permission meeting.run). Writes: agenda item, step on_agenda, audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { agendaSchema } from "@/lib/validation/procedure";
import { addToAgenda as add } from "@/lib/data/procedure/meetings";
import { messageKey } from "@/i18n/keys";

export const addToAgenda = defineAction({
  name: "agenda.add",
  permission: "meeting.run",
  schema: agendaSchema,
  handler: async (input, viewer) => {
    const out = await add(viewer, input);
    revalidatePath(`/meetings/${input.meetingId}`);
    revalidatePath(`/procedure/${input.proposalId}`);
    return done(messageKey("procedure.validation.addedToAgenda"), out);
  },
});
