"use server";
// Set one day of the work calendar (a holiday, or a Saturday/Sunday worked: 调休上班). Admins
// only (permission policy.edit: the calendar is policy data, one for the whole country as the
// State Council publishes it; decision 0012). Audited with before and after.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { done, defineAction } from "@/lib/actions/safe-action";
import { setCalendarDaySchema } from "@/lib/validation/calendar";
import { setCalendarDay as setDay } from "@/lib/data/calendar";
import { actorOf } from "./shared";
import { messageKey } from "@/i18n/keys";

export const setCalendarDay = defineAction({
  name: "admin.set_calendar_day",
  permission: "policy.edit",
  schema: setCalendarDaySchema,
  handler: async (input, viewer) => {
    const changed = await setDay(db(), actorOf(viewer), input);
    revalidatePath("/admin/calendar");
    return done(changed ? messageKey("admin.calendar.daySet") : messageKey("admin.calendar.unchanged"));
  },
});
