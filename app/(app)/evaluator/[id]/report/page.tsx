// The evaluation report, printable on A4 (zh-CN by default): the four exit metrics with their
// thresholds and counts, the sample, the discrepancies, and how to re-draw. Charts (ECharts,
// lazy) beside plain tables that carry the same figures, so the print never depends on a chart.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { evaluationDetail } from "@/lib/data/evaluation/detail";
import { metricsFor } from "@/lib/data/evaluation/metrics";
import { chinaDateTime } from "@/lib/domain/china-time";
import {
  DISCREPANCY_KINDS,
  INCOME_TOLERANCE_MIN_YUAN,
  INCOME_TOLERANCE_PERCENT,
  PAPER_EXIT_MARGIN_PERCENT,
} from "@/lib/domain/evaluation-compare";
import { MetricsTable } from "@/components/evaluation/metrics-table";
import { DiscrepancyChart, MetricsChart, SampleChart } from "@/components/evaluation/lazy-charts";
import { PrintButton } from "@/components/evaluation/print-button";
import { pageTitle } from "@/lib/page-title";
import type { KeyUnder } from "@/i18n/keys";
import { SAMPLE_ALGORITHM_V2 } from "@/lib/domain/sampling-v2";

export const dynamic = "force-dynamic";

const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html, body { background: white !important; }
  main { max-width: none !important; padding: 0 !important; }
  .report section { break-inside: avoid; box-shadow: none !important; border-color: #d6d3d1 !important; }
  .report table { font-size: 10.5pt; }
  .report a { text-decoration: none; color: inherit; }
}`;

export const generateMetadata = pageTitle("evaluationReport");

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewerPage("evaluation.run");
  const { id } = await params;
  let d;
  try {
    d = await evaluationDetail(viewer, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const t = await getTranslations("evaluation");
  const tm = await getTranslations("evaluation.metrics");
  const lang = (await getLocale()) === "en" ? "en" : "zh";
  const e = d.evaluation;
  if (e.state === "draft") {
    return (
      <div className="mx-auto max-w-3xl">
        <Link href={`/evaluator/${id}`} className="underline">
          ← {e.name}
        </Link>
        <p className="mt-4">{t("report.notDrawn")}</p>
      </div>
    );
  }
  const metrics = await metricsFor(e);
  const c = metrics.counts;
  const kinds = DISCREPANCY_KINDS.map((k) => ({ key: k, label: t(`discrepancy.kinds.${k}`), count: c.discrepanciesByKind[k] ?? 0 }));
  const villages = d.groups.map((g) => ({
    name: g.villageName,
    ordinaryDrawn: g.households.filter((h) => !h.exited).length,
    exited: g.households.filter((h) => h.exited).length,
    checked: g.households.filter((h) => h.checkedAt).length,
    ordinary: g.ordinary,
    strata: g.strata,
  }));
  const stratified = villages.some((v) => v.strata !== null);
  const bars = metrics.verdict.metrics.map((m) => ({
    key: m.key,
    label: tm(`keys.${m.key}`),
    value: m.value,
    threshold: m.threshold,
    pass: m.pass,
  }));

  return (
    <div className="report mx-auto max-w-[210mm] space-y-4 bg-white p-4 text-stone-900 print:p-0" data-testid="report">
      <style>{PRINT_CSS}</style>
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <Link href={`/evaluator/${id}`} className="text-sm underline">
          ← {e.name}
        </Link>
        <PrintButton />
      </div>

      <header className="border-b-2 border-stone-800 pb-2 text-center">
        <h1 className="text-2xl font-bold">{t("report.title", { county: d.county.name, year: e.year })}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {e.name} · {t(`state.${e.state}`)} · {t("report.generated", { at: chinaDateTime(new Date()) })}
        </p>
      </header>

      <section className="rounded-lg border border-stone-200 p-3">
        <h2 className="mb-2 text-lg font-semibold">{t("report.basics")}</h2>
        <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-stone-500">{t("fields.team")}</dt>
          <dd>{d.team.map((m) => m.name).join("、")}</dd>
          <dt className="text-stone-500">{t("report.plan")}</dt>
          <dd>
            {e.algorithm === SAMPLE_ALGORITHM_V2
              ? t("report.planTextV2", {
                  villages: d.plan.villages,
                  share: Number((d.plan.share * 100).toPrecision(12)),
                  cap: d.plan.capPerVillage,
                })
              : t("report.planText", {
                  villages: d.plan.villages,
                  share: Number((d.plan.share * 100).toPrecision(12)),
                  cap: d.plan.capPerVillage,
                  exited: d.plan.includeAllExited ? t("detail.yes") : t("detail.no"),
                })}
          </dd>
          <dt className="text-stone-500">{t("draw.frozen")}</dt>
          <dd>{t("draw.frozenCount", { count: d.frozenCount, at: e.frozenAt ? chinaDateTime(e.frozenAt) : "—" })}</dd>
          <dt className="text-stone-500">{t("draw.seed")}</dt>
          <dd className="break-all font-mono text-xs">{e.seed}</dd>
          <dt className="text-stone-500">{t("draw.listHash")}</dt>
          <dd className="break-all font-mono text-xs">{e.listHash}</dd>
          <dt className="text-stone-500">{t("draw.algorithm")}</dt>
          <dd className="font-mono text-xs">{e.algorithm}</dd>
          <dt className="text-stone-500">{t("release.title")}</dt>
          <dd>{e.releaseAt ? chinaDateTime(e.releaseAt) : "—"}</dd>
          <dt className="text-stone-500">{t("draw.sampled")}</dt>
          <dd>
            {t("report.sampleText", { sampled: c.sampled, checked: c.checked, lifted: c.sampledLifted, non: c.sampledNonRegistered })}
          </dd>
        </dl>
      </section>

      <section className="rounded-lg border border-stone-200 p-3">
        <h2 className="mb-2 text-lg font-semibold">{t("report.metricsTitle")}</h2>
        <MetricsTable metrics={metrics} compact />
        <div className="mt-3">
          <MetricsChart metrics={bars} />
        </div>
      </section>

      <section className="rounded-lg border border-stone-200 p-3">
        <h2 className="mb-2 text-lg font-semibold">{t("report.sampleTitle")}</h2>
        {d.plan.drawn?.strata && (
          <p className="mb-2 text-sm" data-testid="report-strata">
            {t("sample.strataSummary", {
              designated: d.plan.drawn.strata.designated.villages.length,
              designatedAvailable: d.plan.drawn.strata.designated.available,
              other: d.plan.drawn.strata.other.villages.length,
              otherAvailable: d.plan.drawn.strata.other.available,
            })}
            {d.plan.drawn.villagesShort && <> {t("sample.villagesShort", { planned: d.plan.villages })}</>}
          </p>
        )}
        {stratified ? (
          <table className="w-full border-collapse text-sm" data-testid="report-sample-table">
            <thead className="bg-stone-50 text-left text-xs text-stone-600">
              <tr>
                <th className="px-2 py-1.5">{t("report.village")}</th>
                <th className="px-2">{t("report.stratum")}</th>
                <th className="px-2 text-right">{t("report.villageHouseholds")}</th>
                <th className="px-2 text-right">{t("report.registerDrawn")}</th>
                <th className="px-2 text-right">{t("report.exited")}</th>
                <th className="px-2 text-right">{t("report.outsideDrawn")}</th>
                <th className="px-2 text-right">{t("report.checked")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 tabular-nums">
              {villages.map((v) => (
                <tr key={v.name}>
                  <td className="px-2 py-1">{v.name}</td>
                  <td className="px-2">{v.strata ? t(v.strata.designated ? "sample.stratum.designated" : "sample.stratum.other") : "—"}</td>
                  <td className="px-2 text-right">{v.strata?.households ?? "—"}</td>
                  <td className="px-2 text-right">{v.strata ? `${v.strata.registerDrawn}/${v.strata.register}` : "—"}</td>
                  <td className="px-2 text-right">{v.exited}</td>
                  <td className="px-2 text-right">{v.strata ? `${v.strata.outsideDrawn}/${v.strata.outside}` : "—"}</td>
                  <td className="px-2 text-right">{v.checked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="w-full border-collapse text-sm" data-testid="report-sample-table">
            <thead className="bg-stone-50 text-left text-xs text-stone-600">
              <tr>
                <th className="px-2 py-1.5">{t("report.village")}</th>
                <th className="px-2 text-right">{t("report.ordinary")}</th>
                <th className="px-2 text-right">{t("report.ordinaryDrawn")}</th>
                <th className="px-2 text-right">{t("report.exited")}</th>
                <th className="px-2 text-right">{t("report.checked")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 tabular-nums">
              {villages.map((v) => (
                <tr key={v.name}>
                  <td className="px-2 py-1">{v.name}</td>
                  <td className="px-2 text-right">{v.ordinary ?? "—"}</td>
                  <td className="px-2 text-right">{v.ordinaryDrawn}</td>
                  <td className="px-2 text-right">{v.exited}</td>
                  <td className="px-2 text-right">{v.checked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="mt-3">
          <SampleChart villages={villages} />
        </div>
      </section>

      <section className="rounded-lg border border-stone-200 p-3">
        <h2 className="mb-2 text-lg font-semibold">{t("report.discrepanciesTitle")}</h2>
        <table className="w-full border-collapse text-sm" data-testid="report-kinds-table">
          <thead className="bg-stone-50 text-left text-xs text-stone-600">
            <tr>
              <th className="px-2 py-1.5">{t("report.kind")}</th>
              <th className="px-2 text-right">{t("report.households")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 tabular-nums">
            {kinds.map((k) => (
              <tr key={k.key}>
                <td className="px-2 py-1">{k.label}</td>
                <td className="px-2 text-right">{k.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-3">
          <DiscrepancyChart kinds={kinds.map(({ label, count }) => ({ label, count }))} />
        </div>
        {d.discrepancies.length > 0 && (
          <table className="mt-3 w-full border-collapse text-xs">
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th className="px-2 py-1.5">{t("report.village")}</th>
                <th className="px-2">{t("report.number")}</th>
                <th className="px-2">{t("report.kind")}</th>
                <th className="px-2">{t("report.detail")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 align-top">
              {d.discrepancies.map((x) => (
                <tr key={x.id}>
                  <td className="px-2 py-1 whitespace-nowrap">{x.villageName}</td>
                  <td className="px-2 tabular-nums">{x.number}</td>
                  <td className="px-2 whitespace-nowrap">{t(`discrepancy.kinds.${x.kind as KeyUnder<"evaluation.discrepancy.kinds">}`)}</td>
                  <td className="px-2">{x.detail[lang] ?? x.detail.zh}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="rounded-lg border border-stone-200 p-3 text-xs text-stone-700">
        <h2 className="mb-1 text-sm font-semibold">{t("report.methodTitle")}</h2>
        <ul className="list-disc space-y-0.5 pl-5">
          <li>
            {t("report.method.rules", { tol: INCOME_TOLERANCE_PERCENT, min: INCOME_TOLERANCE_MIN_YUAN, margin: PAPER_EXIT_MARGIN_PERCENT })}
          </li>
          <li>{t("report.method.denominators")}</li>
          <li>{tm("note")}</li>
          <li>{t("report.method.redraw", { algorithm: e.algorithm ?? SAMPLE_ALGORITHM_V2 })}</li>
        </ul>
      </section>
    </div>
  );
}
