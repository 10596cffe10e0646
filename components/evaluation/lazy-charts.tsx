"use client";
// The report's charts, fetched only when the report is shown (next/dynamic, client-only):
// ECharts stays out of every other page's bundle. Until it arrives, a placeholder of its height.
import dynamic from "next/dynamic";

const placeholder = (height: number) =>
  function Loading() {
    return <div className="animate-pulse rounded-lg bg-stone-100" style={{ height }} aria-hidden />;
  };

export const MetricsChart = dynamic(() => import("./evaluation-charts").then((m) => m.MetricsChart), {
  ssr: false,
  loading: placeholder(260),
});
export const DiscrepancyChart = dynamic(() => import("./evaluation-charts").then((m) => m.DiscrepancyChart), {
  ssr: false,
  loading: placeholder(200),
});
export const SampleChart = dynamic(() => import("./evaluation-charts").then((m) => m.SampleChart), {
  ssr: false,
  loading: placeholder(240),
});
