/**
 * The notification channel's admin form (管理 → 通知渠道). Messages are full
 * message keys (validation.…, admin.…). Pure: imported by client components.
 */
import { z } from "zod";
import { INVISIBLE, versionInput } from "./plain-text";
import { messageKey } from "@/i18n/keys";

export const NOTIFY_CHANNEL_KINDS = ["log", "sms_http", "wecom", "dingtalk"] as const;
export const NOTIFY_PAGE_SIZE = 50;

const visible = (s: string) => !INVISIBLE.test(s) && !/[\u0000-\u001f\u007f]/.test(s);

/** A switch of the form (a select): "on" or "off", nothing else. */
const onOff = z.enum(["on", "off"], { error: messageKey("validation.unknownValue") }).transform((v) => v === "on");

const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password;
  } catch {
    return false;
  }
};

export const saveNotifyChannelSchema = z
  .object({
    kind: z.enum(NOTIFY_CHANNEL_KINDS, { error: messageKey("validation.unknownValue") }),
    url: z
      .string({ error: messageKey("validation.required") })
      .refine(visible, { error: messageKey("validation.invisibleChars"), abort: true })
      .trim()
      .max(500, { error: messageKey("validation.tooLong") })
      .refine((s) => !s || isHttpUrl(s), { error: messageKey("admin.notify.v.url") })
      .optional()
      .transform((s) => s || null),
    /** a new secret replaces the saved one; blank keeps it (or clears it, with clearSecret "on") */
    secret: z
      .string({ error: messageKey("validation.required") })
      .refine(visible, { error: messageKey("validation.invisibleChars"), abort: true })
      .max(200, { error: messageKey("validation.tooLong") })
      .optional()
      .transform((s) => s || null),
    clearSecret: onOff.optional().default(false),
    enabled: onOff,
    /** the channel's version the form was loaded with (1 when none was saved yet) */
    version: versionInput,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind !== "log" && !v.url) ctx.addIssue({ code: "custom", path: ["url"], message: messageKey("admin.notify.v.urlRequired") });
  });

export const sendTestNotificationSchema = z.object({}).strict();

export type SaveNotifyChannelInput = z.output<typeof saveNotifyChannelSchema>;
