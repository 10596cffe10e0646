"use client";
// The evaluation report's charts (ECharts, SVG renderer, only the modules used). Loaded lazily
// by lazy-charts.tsx, so no other page carries ECharts. Decorative for assistive technology:
// the report prints the same figures as tables next to them.
import ReactEChartsCore from "echarts-for-react/esm/core";
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { useLocale, useTranslations } from "next-intl";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const FONT = { fontFamily: "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" };
const RED = "#b42318";
const GREEN = "#047857";
const GRAY = "#a8a29e";
const BLUE = "#0369a1";
const AMBER = "#d97706";

function Chart({ option, height }: { option: object; height: number }) {
  const locale = useLocale();
  return (
    <div aria-hidden="true" className="break-inside-avoid">
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

export interface MetricBar {
  key: string;
  label: string;
  value: number | null;
  threshold: number;
  pass: boolean;
}

/** Each metric's value beside its threshold: the three rates on one scale, approval on 0–100 %. */
export function MetricsChart({ metrics }: { metrics: MetricBar[] }) {
  const t = useTranslations("evaluation.report");
  const rates = metrics.filter((m) => m.key !== "approval_rate");
  const approval = metrics.filter((m) => m.key === "approval_rate");
  const pct = (v: unknown) => (v === null || v === undefined ? "—" : `${v}%`);
  const bars = (list: MetricBar[], axis: number) => [
    {
      type: "bar",
      name: t("chartValue"),
      xAxisIndex: axis,
      yAxisIndex: axis,
      itemStyle: { color: "#57534e" },
      data: list.map((m) => ({ value: m.value, itemStyle: { color: m.pass ? GREEN : RED } })),
      label: { show: true, position: "top", formatter: (p: { value: unknown }) => pct(p.value), fontSize: 11 },
    },
    {
      type: "bar",
      name: t("chartThreshold"),
      xAxisIndex: axis,
      yAxisIndex: axis,
      data: list.map((m) => m.threshold),
      itemStyle: { color: GRAY },
      label: { show: true, position: "top", formatter: "{c}%", fontSize: 11 },
    },
  ];
  return (
    <Chart
      height={280}
      option={{
        legend: { top: 0, data: [t("chartValue"), t("chartThreshold")] },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: number) => pct(v) },
        grid: [
          { left: 8, width: "60%", top: 40, bottom: 8, containLabel: true },
          { right: 8, width: "28%", top: 40, bottom: 8, containLabel: true },
        ],
        xAxis: [
          { type: "category", gridIndex: 0, data: rates.map((m) => m.label), axisLabel: { interval: 0, fontSize: 11 } },
          { type: "category", gridIndex: 1, data: approval.map((m) => m.label), axisLabel: { interval: 0, fontSize: 11 } },
        ],
        yAxis: [
          {
            type: "value",
            gridIndex: 0,
            axisLabel: { formatter: "{value}%" },
            max: (v: { max: number }) => Math.max(4, Math.ceil(v.max * 1.2)),
          },
          { type: "value", gridIndex: 1, min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        ],
        series: [...bars(rates, 0), ...bars(approval, 1)],
      }}
    />
  );
}

/** Discrepancies found, by kind. */
export function DiscrepancyChart({ kinds }: { kinds: { label: string; count: number }[] }) {
  return (
    <Chart
      height={Math.max(160, kinds.length * 30 + 40)}
      option={{
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", data: [...kinds].reverse().map((k) => k.label) },
        series: [
          {
            type: "bar",
            data: [...kinds].reverse().map((k) => k.count),
            itemStyle: { color: AMBER },
            label: { show: true, position: "right" },
          },
        ],
      }}
    />
  );
}

/** The sample per picked village: ordinary households drawn and households that exited this year. */
export function SampleChart({ villages }: { villages: { name: string; ordinaryDrawn: number; exited: number; checked: number }[] }) {
  const t = useTranslations("evaluation.report");
  return (
    <Chart
      height={Math.max(200, villages.length * 34 + 60)}
      option={{
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", data: villages.map((v) => v.name) },
        series: [
          { type: "bar", stack: "s", name: t("chartOrdinary"), data: villages.map((v) => v.ordinaryDrawn), itemStyle: { color: BLUE } },
          { type: "bar", stack: "s", name: t("chartExited"), data: villages.map((v) => v.exited), itemStyle: { color: GREEN } },
          { type: "bar", name: t("chartChecked"), data: villages.map((v) => v.checked), itemStyle: { color: GRAY } },
        ],
      }}
    />
  );
}
