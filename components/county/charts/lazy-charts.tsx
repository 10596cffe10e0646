"use client";
// The charts, fetched only when a page shows them (next/dynamic, client-only): ECharts stays
// out of every other page's bundle. Until it arrives, a placeholder of the chart's height.
import dynamic from "next/dynamic";

const placeholder = (height: number) =>
  function Loading() {
    return <div className="animate-pulse rounded-lg bg-stone-100" style={{ height }} aria-hidden />;
  };

export const IncidenceChart = dynamic(() => import("./county-charts").then((m) => m.IncidenceChart), {
  ssr: false,
  loading: placeholder(560),
});
export const StatusChart = dynamic(() => import("./county-charts").then((m) => m.StatusChart), { ssr: false, loading: placeholder(240) });
export const CausesChart = dynamic(() => import("./county-charts").then((m) => m.CausesChart), { ssr: false, loading: placeholder(300) });
export const CoverageChart = dynamic(() => import("./county-charts").then((m) => m.CoverageChart), {
  ssr: false,
  loading: placeholder(280),
});
export const TrendChart = dynamic(() => import("./county-charts").then((m) => m.TrendChart), { ssr: false, loading: placeholder(280) });
export const MeasuresChart = dynamic(() => import("./county-charts").then((m) => m.MeasuresChart), {
  ssr: false,
  loading: placeholder(400),
});
