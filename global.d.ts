// next-intl's declared messages: every translator call (`t("…")`, `getTranslations("…")`) and every
// message key an action error carries (lib/i18n/keys.ts) is checked against the zh-CN messages, so
// a misspelled or missing key fails `tsc` (docs/decisions/0035-one-action-pipeline.md).
import type { messages } from "@/i18n/messages";
import type { Locale } from "@/i18n/config";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: (typeof messages)["zh-CN"];
  }
}
