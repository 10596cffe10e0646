"use server";
// Send a test message through the province's notification channel (permission policy.edit).
// Recorded like every message; audited.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { defineAction } from "@/lib/actions/safe-action";
import { sendTestNotificationSchema } from "@/lib/validation/notify";
import { sendTest } from "@/lib/notify/admin";
import { actorOf } from "./shared";

type Out = { status: string; detail: string | null };

export const sendTestNotification = defineAction<typeof sendTestNotificationSchema, Out>({
  name: "admin.send_test_notification",
  permission: "policy.edit",
  schema: sendTestNotificationSchema,
  handler: async (_input, viewer) => {
    const out = await sendTest(db(), viewer, actorOf(viewer));
    const t = await getTranslations("admin.notify");
    revalidatePath("/admin/notifications");
    const status = t(`statuses.${out.status}` as "statuses.sent") + (out.detail ? ` (${out.detail})` : "");
    const message = t("testSent", { status });
    return out.status === "sent" || out.status === "logged" ? { ok: true, data: out, message } : { ok: false, code: "invalid", message };
  },
});
