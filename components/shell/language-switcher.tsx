"use client";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/lib/actions/set-locale";

export function LanguageSwitcher() {
  const locale = useLocale();
  const t = useTranslations("nav");
  const [pending, start] = useTransition();
  const other = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(() => setLocale(other))}
      className="rounded border border-stone-300 px-2 py-1 text-sm"
      aria-label={t("language")}
    >
      {other === "en" ? "English" : "中文"}
    </button>
  );
}
