"use server";
// Mark a year's schedule as not loaded (its deadlines are flagged again; its days stay).
// Permission policy.edit; audited.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { done, defineAction } from "@/lib/actions/safe-action";
import { withdrawCalendarYearSchema } from "@/lib/validation/calendar";
import { withdrawCalendarYear as withdraw } from "@/lib/data/calendar";
import { actorOf } from "./shared";
import { messageKey } from "@/i18n/keys";

export const withdrawCalendarYear = defineAction({
  name: "admin.withdraw_calendar_year",
  permission: "policy.edit",
  schema: withdrawCalendarYearSchema,
  handler: async (input, viewer) => {
    await withdraw(db(), actorOf(viewer), input.year);
    revalidatePath("/admin/calendar");
    return done(messageKey("admin.calendar.yearWithdrawn"));
  },
});
