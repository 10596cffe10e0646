"use client";
// What a saved visit came to: the household's assessed status right away, or, when the
// household had changed meanwhile, that the visit is kept and its changes await confirmation.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFocusOnMount } from "@/components/ui/use-focus-result";
import type { VisitOutcome } from "@/lib/data/visits/log-visit";
import type { KeyUnder } from "@/i18n/keys";
import { buttonClass } from "@/components/ui/button-style";

const TONE: Record<string, string> = {
  below_standard: "bg-red-50 text-red-800 ring-red-300",
  at_risk: "bg-amber-50 text-amber-900 ring-amber-300",
  secure: "bg-emerald-50 text-emerald-800 ring-emerald-300",
};

export function VisitResult({
  householdId,
  outcome,
  message,
  conflict,
}: {
  householdId: string;
  outcome?: VisitOutcome;
  message: string;
  conflict: boolean;
}) {
  const t = useTranslations();
  const status = outcome?.assessedStatus ?? null;
  const ref = useFocusOnMount<HTMLElement>();
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`rounded-xl border p-4 shadow-sm outline-none ${conflict ? "border-amber-300 bg-amber-50" : "border-emerald-300 bg-emerald-50"}`}
      data-testid="visit-result"
      role="status"
      aria-live="polite"
    >
      <p className={`font-semibold ${conflict ? "text-amber-900" : "text-emerald-900"}`}>
        {conflict ? "⚠ " : "✓ "}
        {message}
      </p>
      {outcome && (
        <dl className="mt-3 space-y-2 text-sm">
          <div>
            <dt className="text-stone-600">{t("visit.result.status")}</dt>
            <dd className="mt-1" data-testid="result-status">
              <span
                className={`inline-flex items-center rounded-full px-2.5 py-1 text-sm font-semibold ring-1 ring-inset ${status ? TONE[status] : "bg-stone-100 ring-stone-300"}`}
              >
                {t(`assessed.${(status ?? "none") as KeyUnder<"assessed">}`)}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">{t("visit.result.unmet")}</dt>
            <dd className="mt-1">
              {outcome.unmetIndicators.length
                ? outcome.unmetIndicators.map((k) => t(`indicators.${k as KeyUnder<"indicators">}`)).join("、")
                : t("visit.result.allMet")}
            </dd>
          </div>
        </dl>
      )}
      <div className="mt-4 grid gap-2 sm:grid-cols-2">
        <Link href={`/households/${householdId}`} className={`${buttonClass("brand", "lg")} w-full`}>
          {t("visit.result.toHousehold")}
        </Link>
        <Link
          href="/cadre"
          className="flex min-h-12 items-center justify-center rounded-lg border border-stone-300 bg-white px-4 font-medium"
        >
          {t("visit.result.toList")}
        </Link>
      </div>
    </section>
  );
}
