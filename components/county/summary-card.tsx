import { getTranslations } from "next-intl/server";
import type { CountySummary, TotalsRow } from "@/lib/data/county";
import type { ExitMetric } from "@/lib/domain/exit-metrics";
import { Badge } from "@/components/ui/badge";
import { formatQuantity as num } from "@/lib/domain/format";

/** The county's exit picture from the register: comprehensive incidence and villages below the line. */
export async function CountySummaryCard({
  summary,
  total,
  locale,
  evaluated = null,
}: {
  summary: CountySummary;
  total: TotalsRow;
  locale: string;
  /** the latest closed evaluation's metrics: the same figures, by the same names, as its report */
  evaluated?: { name: string; year: number; metrics: ExitMetric[]; pass: boolean } | null;
}) {
  const t = await getTranslations("county.summary");
  const tm = await getTranslations("evaluation.metrics");
  const lang = locale === "en" ? "en" : "zh";
  const c = summary.comprehensive;
  return (
    <section
      className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm"
      aria-labelledby="county-summary-title"
      data-testid="county-summary"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="county-summary-title" className="text-base font-semibold">
          {t("title")}
        </h2>
        <Badge tone="amber">{t("estimate")}</Badge>
      </div>
      {evaluated && (
        <div className="mt-3 rounded-lg border border-stone-200 p-3" data-testid="county-evaluation-metrics">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="text-sm font-medium">{t("evaluated", { name: evaluated.name, year: evaluated.year })}</span>
            <Badge tone={evaluated.pass ? "green" : "red"}>{evaluated.pass ? tm("verdictPass") : tm("verdictFail")}</Badge>
          </div>
          <dl className="mt-2 grid grid-cols-2 gap-2 md:grid-cols-4">
            {evaluated.metrics.map((m) => (
              <div key={m.key}>
                <dt className="text-xs text-stone-500">{tm(`keys.${m.key}`)}</dt>
                <dd
                  className={`text-xl font-semibold tabular-nums ${m.pass ? "text-emerald-700" : "text-red-700"}`}
                  data-testid={`county-metric-${m.key}`}
                >
                  {m.value === null ? "—" : `${m.value}%`}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div>
          <div className="text-xs text-stone-500">{evaluated ? t("comprehensiveRegister") : t("comprehensive")}</div>
          <div className="mt-1 flex flex-wrap items-baseline gap-2">
            <span
              className={`text-3xl font-semibold tabular-nums ${c.value === null ? "text-stone-400" : c.pass ? "text-emerald-700" : "text-red-700"}`}
              data-testid="comprehensive-incidence"
            >
              {c.value === null ? "—" : `${c.value}%`}
            </span>
            {c.value !== null && (
              <Badge tone={c.pass ? "green" : "red"}>
                {c.pass ? t("meets", { threshold: summary.threshold }) : t("fails", { threshold: summary.threshold })}
              </Badge>
            )}
          </div>
          <p className="mt-1 text-sm tabular-nums text-stone-700">
            {t("formula", {
              poor: num(total.poorPeople),
              missed: num(total.missedPeople),
              wrong: num(total.wronglyLiftedPeople),
              people: num(total.people),
            })}
          </p>
          <p className="mt-1 text-xs text-stone-500">
            {t("rule")}：{c.rule[lang]}
          </p>
        </div>
        <div>
          <div className="text-xs text-stone-500">{t("villagesBelow")}</div>
          <div className="mt-1 flex flex-wrap items-baseline gap-2">
            <span className="text-3xl font-semibold tabular-nums" data-testid="villages-below-share">
              {summary.villagesBelowShare === null ? "—" : `${summary.villagesBelowShare}%`}
            </span>
            <span className="text-sm text-stone-700">
              {t("villagesBelowCount", { below: summary.villagesBelow, with: summary.villagesWithPeople, threshold: summary.threshold })}
            </span>
          </div>
          <p className="mt-1 text-xs text-stone-500">
            {t("rule")}：{summary.villageRule[lang]}
          </p>
          <p className="mt-1 text-xs text-stone-500">{t("noPopulation", { count: total.villages - summary.villagesWithPeople })}</p>
        </div>
      </div>
      <p className="mt-3 border-t border-stone-100 pt-2 text-xs text-stone-600">{t("estimateNote")}</p>
    </section>
  );
}
