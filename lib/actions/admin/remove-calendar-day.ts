"use server";
// Remove one day from the work calendar (permission policy.edit; audited).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { done, defineAction } from "@/lib/actions/safe-action";
import { removeCalendarDaySchema } from "@/lib/validation/calendar";
import { removeCalendarDay as removeDay } from "@/lib/data/calendar";
import { actorOf } from "./shared";
import { messageKey } from "@/i18n/keys";

export const removeCalendarDay = defineAction({
  name: "admin.remove_calendar_day",
  permission: "policy.edit",
  schema: removeCalendarDaySchema,
  handler: async (input, viewer) => {
    await removeDay(db(), actorOf(viewer), input.date);
    revalidatePath("/admin/calendar");
    return done(messageKey("admin.calendar.dayRemoved"));
  },
});
