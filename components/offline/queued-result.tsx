"use client";
// After a visit was saved without a signal: it is on the phone, waiting; where to see it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-style";

export function QueuedResult() {
  const t = useTranslations("offline.queued");
  return (
    <section
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 shadow-sm"
      data-testid="visit-queued"
      role="status"
      aria-live="polite"
    >
      <p className="font-semibold text-amber-950">{t("title")}</p>
      <p className="mt-1 text-sm text-amber-950">{t("body")}</p>
      <div className="mt-4 grid gap-2 sm:grid-cols-2">
        <Link href="/outbox" className={`${buttonClass("brand", "lg")} w-full`}>
          {t("toOutbox")}
        </Link>
        <Link
          href="/cadre"
          className="flex min-h-12 items-center justify-center rounded-lg border border-stone-300 bg-white px-4 font-medium"
        >
          {t("toList")}
        </Link>
      </div>
    </section>
  );
}
