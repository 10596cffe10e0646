"use server";
// Close an open meeting of the facilitator's village (permission meeting.run), in one
// transaction: quorum, each item's result, each proposal's "voted" step, the minutes (required;
// a scan optional, stored under UPLOAD_DIR), the meeting frozen. Never reopened.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/auth/errors";
import { closeMeetingSchema } from "@/lib/validation/procedure";
import { closeMeeting as close } from "@/lib/data/procedure/meetings";
import { removeMinutesScan, storeMinutesScan } from "@/lib/storage/files";
import { messageKey } from "@/i18n/keys";

export const closeMeeting = defineAction({
  name: "meeting.close",
  permission: "meeting.run",
  schema: closeMeetingSchema,
  handler: async (input, viewer) => {
    let key: string | null = null;
    let sha256: string | null = null;
    if (input.scan) {
      const stored = await storeMinutesScan(viewer.regionId.slice(0, 6), input.meetingId, input.scan);
      if ("error" in stored) throw new AppError("invalid", stored.error, { fieldErrors: { scan: [stored.error] } });
      ({ key, sha256 } = stored);
    }
    try {
      const out = await close(viewer, { meetingId: input.meetingId, minutes: input.minutes, minutesKey: key, minutesSha256: sha256 });
      revalidatePath(`/meetings/${input.meetingId}`);
      revalidatePath("/meetings");
      return done(messageKey("procedure.validation.meetingClosedOk"), out);
    } catch (e) {
      if (key) await removeMinutesScan(key);
      throw e;
    }
  },
});
