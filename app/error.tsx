"use client";
import { useTranslations } from "next-intl";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="mx-auto max-w-lg p-8 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("internal", { ref: error.digest ?? "-" })}</p>
      <button onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </main>
  );
}
