"use server";
// Record a representative (or the whole roster) present or absent at an open meeting of the
// facilitator's village (permission meeting.run). Writes: attendance, audit. A closed meeting
// is refused (and the refusal audited). A voter marked absent: refused with the items voted on,
// or (withdrawVotes + reason) their votes are withdrawn into vote_correction first.
import { revalidatePath } from "next/cache";
import { done, defineAction } from "@/lib/actions/safe-action";
import { attendanceSchema } from "@/lib/validation/procedure";
import { recordAttendance as record } from "@/lib/data/procedure/meetings";
import { messageKey } from "@/i18n/keys";

export const recordAttendance = defineAction({
  name: "attendance.record",
  permission: "meeting.run",
  schema: attendanceSchema,
  handler: async (input, viewer) => {
    const out = await record(viewer, input);
    revalidatePath(`/meetings/${input.meetingId}`);
    return done(out.withdrawn ? messageKey("procedure.validation.votesWithdrawn") : messageKey("procedure.validation.attendanceSaved"), {
      roster: out.roster,
      attending: out.attending,
      withdrawn: out.withdrawn,
    });
  },
});
