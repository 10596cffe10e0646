"use server";
// Mark a year's schedule as not loaded (its deadlines are flagged again; its days stay).
// Permission policy.edit; audited.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/actions/safe-action";
import { withdrawCalendarYearSchema } from "@/lib/validation/calendar";
import { withdrawCalendarYear as withdraw } from "@/lib/data/calendar";
import { defineAdminAction, done } from "./define";
import { actorOf } from "./shared";

const run = defineAdminAction({
  name: "admin.withdrawCalendarYear",
  permission: "policy.edit",
  schema: withdrawCalendarYearSchema,
  handler: async (input, viewer) => {
    await withdraw(db(), actorOf(viewer), input.year);
    revalidatePath("/admin/calendar");
    return done("calendar.yearWithdrawn");
  },
});

export async function withdrawCalendarYear(prev: ActionResult | undefined, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
