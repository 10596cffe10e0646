// Messages are split by feature (messages/<locale>/<namespace>.json): one file per area, so
// features never edit the same file. Add a namespace here for both locales.
import zhCommon from "@/messages/zh-CN/common.json";
import enCommon from "@/messages/en/common.json";
import zhValidation from "@/messages/zh-CN/validation.json";
import enValidation from "@/messages/en/validation.json";
import type { Locale } from "./config";

export const messages = {
  "zh-CN": { ...zhCommon, ...zhValidation },
  en: { ...enCommon, ...enValidation },
} satisfies Record<Locale, Record<string, unknown>>;
