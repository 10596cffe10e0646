"use server";
// Mark a year's schedule as loaded: from the bundled chinese-days data (its days replace the
// year's), or as typed by hand from the State Council's notice (the source named). Until a year
// is loaded, deadlines that run through it are flagged. Permission policy.edit; audited.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { done, defineAction } from "@/lib/actions/safe-action";
import { publishCalendarYearSchema } from "@/lib/validation/calendar";
import { publishCalendarYear as publish } from "@/lib/data/calendar";
import { actorOf } from "./shared";
import { messageKey } from "@/i18n/keys";

export const publishCalendarYear = defineAction({
  name: "admin.publish_calendar_year",
  permission: "policy.edit",
  schema: publishCalendarYearSchema,
  handler: async (input, viewer) => {
    const out = await publish(
      db(),
      actorOf(viewer),
      input.mode === "package" ? { year: input.year, fromPackage: true } : { year: input.year, source: input.notice },
    );
    revalidatePath("/admin/calendar");
    return done(messageKey("admin.calendar.yearPublished"), out);
  },
});
