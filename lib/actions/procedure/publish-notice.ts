"use server";
// First public notice of a closed meeting's passed items (permission meeting.run: the village's
// facilitator). Start date: today or earlier, not before the meeting. Writes: notice(s) (one per
// notice length), notice items, step first_notice per proposal, audit.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { publishNoticeSchema } from "@/lib/validation/procedure";
import { publishFirstNotice } from "@/lib/data/procedure/notices";
import { messageKey } from "@/i18n/keys";

export const publishNotice = defineAction({
  name: "notice.publish_first",
  permission: "meeting.run",
  schema: publishNoticeSchema,
  handler: async (input, viewer) => {
    const out = await publishFirstNotice(viewer, input);
    revalidatePath(`/meetings/${input.meetingId}`);
    return done(out.replay ? messageKey("procedure.validation.alreadySaved") : messageKey("procedure.validation.noticePublished"), out);
  },
});
