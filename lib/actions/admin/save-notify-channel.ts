"use server";
// Set the province's notification channel (permission policy.edit: an admin, their own
// province). Optimistic concurrency by version; audited without the secret.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { done, defineAction } from "@/lib/actions/safe-action";
import { saveNotifyChannelSchema } from "@/lib/validation/notify";
import { saveChannel } from "@/lib/notify/admin";
import { actorOf } from "./shared";
import { messageKey } from "@/i18n/keys";

export const saveNotifyChannel = defineAction({
  name: "admin.save_notify_channel",
  permission: "policy.edit",
  schema: saveNotifyChannelSchema,
  handler: async (input, viewer) => {
    const changed = await saveChannel(db(), viewer, actorOf(viewer), input);
    revalidatePath("/admin/notifications");
    return done(changed ? messageKey("admin.notify.saved") : messageKey("admin.notify.unchanged"));
  },
});
