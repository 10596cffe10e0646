"use server";
// Remove one day from the work calendar (permission policy.edit; audited).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/actions/safe-action";
import { removeCalendarDaySchema } from "@/lib/validation/calendar";
import { removeCalendarDay as removeDay } from "@/lib/data/calendar";
import { defineAdminAction, done } from "./define";
import { actorOf } from "./shared";

const run = defineAdminAction({
  name: "admin.removeCalendarDay",
  permission: "policy.edit",
  schema: removeCalendarDaySchema,
  handler: async (input, viewer) => {
    await removeDay(db(), actorOf(viewer), input.date);
    revalidatePath("/admin/calendar");
    return done("calendar.dayRemoved");
  },
});

export async function removeCalendarDay(prev: ActionResult | undefined, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
