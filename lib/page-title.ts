// Each page names itself in the browser tab ("村庄一览 · 精准"): the root layout's template adds
// the app's name. Titles live in messages/<locale>/titles.json under `titles.<key>`.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { KeyUnder } from "@/i18n/keys";

export function pageTitle(key: KeyUnder<"titles">): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations("titles");
    return { title: t(key) };
  };
}
