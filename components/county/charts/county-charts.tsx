"use client";
// The county charts (ECharts, SVG renderer, only the modules used). Loaded lazily by
// lazy-charts.tsx, so no other page carries ECharts. Each chart is decorative for assistive
// technology: the figure around it (rendered on the server) carries a summary and a data table.
import ReactEChartsCore from "echarts-for-react/esm/core";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { useLocale, useTranslations } from "next-intl";
import type { KeyUnder } from "@/i18n/keys";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const FONT = { fontFamily: "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" };
const RED = "#b42318";
const AMBER = "#d97706";
const GREEN = "#047857";
const BLUE = "#0369a1";
const GRAY = "#a8a29e";

function Chart({ option, height }: { option: object; height: number }) {
  const locale = useLocale();
  return (
    <div aria-hidden="true">
      <ReactEChartsCore
        echarts={echarts}
        option={{ textStyle: FONT, animation: false, ...option }}
        style={{ height, width: "100%" }}
        opts={{ renderer: "svg", locale: locale === "en" ? "EN" : "ZH" }}
        notMerge
        lazyUpdate
      />
    </div>
  );
}

export function IncidenceChart({
  villages,
  threshold,
}: {
  villages: { name: string; township: string; incidence: number }[];
  threshold: number;
}) {
  const t = useTranslations("county.charts");
  const rows = [...villages].reverse(); // highest on top
  return (
    <Chart
      height={Math.max(220, rows.length * 22 + 70)}
      option={{
        grid: { left: 8, right: 56, top: 28, bottom: 24, containLabel: true },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: number) => `${v}%` },
        xAxis: {
          type: "value",
          name: t("incidenceAxis"),
          nameLocation: "middle",
          nameGap: 24,
          axisLabel: { formatter: "{value}%" },
          // always show the threshold line, even when every village is below it
          max: (v: { max: number }) => Math.ceil(Math.max(v.max, threshold) * 1.15 * 10) / 10,
        },
        yAxis: { type: "category", data: rows.map((r) => `${r.name}（${r.township}）`), axisLabel: { fontSize: 12 } },
        series: [
          {
            type: "bar",
            name: t("incidence"),
            data: rows.map((r) => ({ value: r.incidence, itemStyle: { color: r.incidence < threshold ? GREEN : RED } })),
            label: { show: true, position: "right", formatter: "{c}%", fontSize: 11 },
            markLine: {
              symbol: "none",
              lineStyle: { color: AMBER, type: "dashed", width: 2 },
              label: { formatter: t("thresholdLine", { threshold }), position: "end", color: AMBER },
              data: [{ xAxis: threshold }],
            },
          },
        ],
      }}
    />
  );
}

const ASSESSED_ORDER = ["below_standard", "at_risk", "secure", "none"] as const;
const ASSESSED_COLOR: Record<string, string> = { below_standard: RED, at_risk: AMBER, secure: GREEN, none: GRAY };

/** Share of each registered status by assessed status (100% bars); counts in the tooltip. */
export function StatusChart({ matrix }: { matrix: { registered: string; assessed: string; households: number }[] }) {
  const t = useTranslations();
  const registered = ["registered_poor", "lifted", "not_registered"];
  const total = (r: string) => matrix.filter((m) => m.registered === r).reduce((n, m) => n + m.households, 0);
  const count = (r: string, a: string) => matrix.find((m) => m.registered === r && m.assessed === a)?.households ?? 0;
  return (
    <Chart
      height={240}
      option={{
        grid: { left: 8, right: 24, top: 40, bottom: 28, containLabel: true },
        legend: { top: 0 },
        tooltip: {
          trigger: "axis",
          axisPointer: { type: "shadow" },
          formatter: (items: { seriesName: string; dataIndex: number; marker: string; value: number }[]) => {
            const r = registered[items[0]?.dataIndex ?? 0]!;
            return [
              `<b>${t(`registered.${r as KeyUnder<"registered">}`)}</b>（${total(r)}）`,
              ...items.map((i) => `${i.marker}${i.seriesName}：${count(r, ASSESSED_ORDER[items.indexOf(i)]!)}（${i.value}%）`),
            ].join("<br/>");
          },
        },
        xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
        yAxis: {
          type: "category",
          data: registered.map((r) => `${t(`registered.${r as KeyUnder<"registered">}`)}（${total(r)}）`),
          inverse: true,
        },
        series: ASSESSED_ORDER.map((a) => ({
          type: "bar",
          stack: "share",
          name: t(`assessed.${a}`),
          itemStyle: { color: ASSESSED_COLOR[a] },
          label: { show: true, formatter: (p: { value: number }) => (p.value >= 6 ? `${p.value}%` : ""), color: "#fff", fontSize: 11 },
          data: registered.map((r) => (total(r) ? Math.round((1000 * count(r, a)) / total(r)) / 10 : 0)),
        })),
      }}
    />
  );
}

export function CausesChart({ causes }: { causes: { cause: string; households: number }[] }) {
  const t = useTranslations();
  const rows = [...causes].reverse();
  return (
    <Chart
      height={Math.max(200, rows.length * 26 + 50)}
      option={{
        grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: {
          type: "category",
          data: rows.map((r) => (r.cause === "none" ? t("county.charts.causeNone") : t(`causes.${r.cause as KeyUnder<"causes">}`))),
        },
        series: [
          {
            type: "bar",
            name: t("county.charts.households"),
            data: rows.map((r) => r.households),
            itemStyle: { color: BLUE },
            label: { show: true, position: "right" },
          },
        ],
      }}
    />
  );
}

export function CoverageChart({ months }: { months: { month: string; assigned: number; visited: number }[] }) {
  const t = useTranslations("county.charts");
  const share = months.map((m) => (m.assigned ? Math.round((1000 * m.visited) / m.assigned) / 10 : null));
  return (
    <Chart
      height={280}
      option={{
        grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
        legend: { top: 0 },
        tooltip: {
          trigger: "axis",
          formatter: (items: { dataIndex: number }[]) => {
            const m = months[items[0]?.dataIndex ?? 0]!;
            const s = share[items[0]?.dataIndex ?? 0];
            return `<b>${m.month}</b><br/>${t("coverageTip", { visited: m.visited, assigned: m.assigned, share: s ?? "—" })}`;
          },
        },
        xAxis: { type: "category", data: months.map((m) => m.month), boundaryGap: false },
        yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        series: [
          {
            type: "line",
            name: t("coverageSeries"),
            data: share,
            itemStyle: { color: BLUE },
            symbolSize: 7,
            label: { show: true, formatter: "{c}%", fontSize: 11 },
            connectNulls: false,
          },
        ],
      }}
    />
  );
}

export function TrendChart({ years }: { years: { year: number; registeredPoor: number; lifted: number }[] }) {
  const t = useTranslations("county.charts");
  return (
    <Chart
      height={280}
      option={{
        grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: years.map((y) => String(y.year)) },
        yAxis: { type: "value", minInterval: 1, name: t("householdsAxis") },
        series: [
          {
            type: "bar",
            name: t("registeredPoorSeries"),
            data: years.map((y) => y.registeredPoor),
            itemStyle: { color: RED },
            label: { show: true, position: "top", fontSize: 11 },
          },
          { type: "line", name: t("liftedSeries"), data: years.map((y) => y.lifted), itemStyle: { color: BLUE } },
        ],
      }}
    />
  );
}

/** Households by kind of measure (the county's measures page). */
export function MeasuresChart({ kinds }: { kinds: { kind: string; households: number }[] }) {
  const t = useTranslations("plan");
  const rows = [...kinds].reverse();
  return (
    <Chart
      height={Math.max(200, rows.length * 26 + 50)}
      option={{
        grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", data: rows.map((r) => t(`kind.${r.kind as KeyUnder<"plan.kind">}`)) },
        series: [
          {
            type: "bar",
            name: t("county.households"),
            data: rows.map((r) => r.households),
            itemStyle: { color: GREEN },
            label: { show: true, position: "right" },
          },
        ],
      }}
    />
  );
}
