// The four county exit metrics of an evaluation as a plain table: value, threshold (from the
// policy), pass or fail, and the counts behind each. Server component; also the print version.
import { getLocale, getTranslations } from "next-intl/server";
import type { EvaluationMetrics } from "@/lib/data/evaluation/metrics";
import { Badge } from "@/components/ui/badge";
import { policyLabel } from "@/lib/policy-label";
import { formatQuantity as num } from "@/lib/domain/format";

export async function MetricsTable({ metrics, compact = false }: { metrics: EvaluationMetrics; compact?: boolean }) {
  const t = await getTranslations("evaluation.metrics");
  const th = await getTranslations("household");
  const lang = (await getLocale()) === "en" ? "en" : "zh";
  const c = metrics.counts;
  const behind: Record<string, string> = {
    county_incidence: t("behind.county_incidence", {
      poor: num(c.population.registeredPoor),
      non: num(c.population.notRegistered),
      lifted: num(c.population.lifted),
      people: num(c.population.rural),
      scaled: num(metrics.result.metrics.incidence.numerator),
    }),
    wrongly_lifted_rate: t("behind.wrongly_lifted_rate", {
      wrong: num(c.sampleWronglyLiftedPeople),
      lifted: num(c.sampleLiftedPeople),
      sampled: num(c.sampledLifted),
    }),
    missed_rate: t("behind.missed_rate", {
      missed: num(c.sampleMissedPeople),
      non: num(c.sampleNotRegisteredPeople),
      sampled: num(c.sampledNonRegistered),
    }),
    approval_rate: t("behind.approval_rate", {
      approve: num(c.approvingHouseholds),
      surveyed: num(c.surveyedHouseholds),
      disapprove: num(c.disapproving),
      unsure: num(c.unsure),
    }),
  };
  const op: Record<string, string> = { lt: "<", le: "≤", gt: ">" };
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <Badge tone={metrics.verdict.pass ? "green" : "red"}>{metrics.verdict.pass ? t("verdictPass") : t("verdictFail")}</Badge>
        <span className="text-sm text-stone-600" data-testid="metrics-progress">
          {t("checked", { checked: c.checked, sampled: c.sampled })}
        </span>
      </div>
      <div className="-mx-4 overflow-x-auto px-4 print:mx-0 print:px-0">
        <table className="w-full min-w-[640px] border-collapse text-sm print:min-w-0" data-testid="metrics-table">
          <thead className="bg-stone-50 text-left text-xs text-stone-600">
            <tr>
              <th className="px-2 py-2">{t("columns.metric")}</th>
              <th className="px-2 text-right">{t("columns.value")}</th>
              <th className="px-2 text-right">{t("columns.threshold")}</th>
              <th className="px-2">{t("columns.result")}</th>
              <th className="px-2">{t("columns.counts")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 align-top">
            {metrics.verdict.metrics.map((m) => (
              <tr key={m.key} data-testid={`metric-${m.key}`}>
                <td className="px-2 py-2 font-medium">{t(`keys.${m.key}`)}</td>
                <td className="px-2 py-2 text-right tabular-nums" data-testid={`metric-${m.key}-value`}>
                  {m.value === null ? "—" : `${m.value}%`}
                </td>
                <td className="px-2 py-2 text-right tabular-nums">
                  {op[m.comparison]} {m.threshold}%
                </td>
                <td className="px-2 py-2">
                  <Badge tone={m.pass ? "green" : "red"}>{m.pass ? t("pass") : t("fail")}</Badge>
                </td>
                <td className="px-2 py-2 text-xs text-stone-700">
                  <div className="tabular-nums">{behind[m.key]}</div>
                  {!compact && <div className="mt-0.5 text-stone-500">{m.reason[lang]}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-stone-600">{t("note")}</p>
      <p className="mt-1 text-xs text-stone-500" title={metrics.policyVersion}>
        {t("policy", { version: th("policyOf", policyLabel(metrics.policyVersion)), zone: t(`zone.${metrics.zone}`) })}
      </p>
    </div>
  );
}
