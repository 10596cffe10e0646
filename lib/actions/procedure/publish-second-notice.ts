"use server";
// Second public notice (identification, after township review), by the village's facilitator or
// the township reviewer (checked in the data layer). Writes: notice, items, step second_notice, audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { secondNoticeSchema } from "@/lib/validation/procedure";
import { publishSecondNotice as publish } from "@/lib/data/procedure/notices";
import { messageKey } from "@/i18n/keys";

export const publishSecondNotice = defineAction({
  name: "notice.publish_second",
  permission: null,
  schema: secondNoticeSchema,
  handler: async (input, viewer) => {
    const out = await publish(viewer, input);
    for (const id of input.proposalIds) revalidatePath(`/procedure/${id}`);
    revalidatePath("/procedure");
    return done(out.replay ? messageKey("procedure.validation.alreadySaved") : messageKey("procedure.validation.noticePublished"), out);
  },
});
