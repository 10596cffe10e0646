import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 text-white">
        {t("backHome")}
      </Link>
    </main>
  );
}
