// zh-CN by default; English when the user chose it (cookie). No locale in the URL: a
// household card's QR link and a cadre's bookmark stay the same in both languages.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, LOCALE_COOKIE } from "./config";
import { messages } from "./messages";

export default getRequestConfig(async () => {
  const store = await cookies();
  const wanted = store.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(wanted) ? wanted : defaultLocale;
  return {
    locale,
    messages: messages[locale],
    timeZone: "Asia/Shanghai",
  };
});
