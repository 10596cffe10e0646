"use server";
// Set the province's notification channel (permission policy.edit: an admin, their own
// province). Optimistic concurrency by version; audited without the secret.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/actions/safe-action";
import { saveNotifyChannelSchema } from "@/lib/validation/notify";
import { saveChannel } from "@/lib/notify/admin";
import { defineAdminAction, done } from "./define";
import { actorOf } from "./shared";

const run = defineAdminAction({
  name: "admin.saveNotifyChannel",
  permission: "policy.edit",
  schema: saveNotifyChannelSchema,
  handler: async (input, viewer) => {
    const changed = await saveChannel(db(), viewer, actorOf(viewer), input);
    revalidatePath("/admin/notifications");
    return done(changed ? "notify.saved" : "notify.unchanged");
  },
});

export async function saveNotifyChannel(prev: ActionResult | undefined, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
