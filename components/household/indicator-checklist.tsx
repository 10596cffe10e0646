import { getLocale, getTranslations } from "next-intl/server";
import type { Assessment } from "@/lib/domain/assess";

const ORDER = ["income", "food", "clothing", "medical", "housing", "water", "education"] as const;

/** The seven indicators as a checklist, each with its reason and, when unmet, what would change it. */
export async function IndicatorChecklist({ assessment }: { assessment: Assessment }) {
  const t = await getTranslations();
  const en = (await getLocale()) === "en";
  return (
    <ul className="divide-y divide-stone-100" data-testid="indicator-checklist">
      {ORDER.map((key) => {
        const ind = assessment.indicators[key];
        const fix = en ? ind.fixEn : ind.fix;
        return (
          <li key={key} className="flex gap-3 py-2.5" data-indicator={key} data-met={ind.met}>
            <span
              aria-hidden
              className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${ind.met ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"}`}
            >
              {ind.met ? "✓" : "✕"}
            </span>
            <div className="min-w-0">
              <div className="font-medium">
                {t(`indicators.${key}`)}
                <span className={`ml-2 text-sm ${ind.met ? "text-emerald-700" : "text-red-700"}`}>
                  {ind.met ? t("household.met") : t("household.unmet")}
                </span>
              </div>
              <p className="text-sm text-stone-700">{en ? ind.reasonEn : ind.reason}</p>
              {!ind.met && fix && (
                <p className="mt-0.5 text-sm text-amber-800">
                  <span className="font-medium">{t("household.whatWouldChange")}：</span>
                  {fix}
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
