import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { exitThreshold, reviewCounty, villageList } from "@/lib/data/county";
import { causes, registeredTrend, statusMatrix, visitCoverage } from "@/lib/data/county-charts";
import { PageTitle } from "@/components/ui/card";
import { CountyTabs } from "@/components/county/county-tabs";
import { CausesChart, CoverageChart, IncidenceChart, StatusChart, TrendChart } from "@/components/county/charts/lazy-charts";
import { today } from "@/lib/clock";
import { pageTitle } from "@/lib/page-title";
import { isTownshipScope } from "@/lib/data/township";
import type { KeyUnder } from "@/i18n/keys";

export const dynamic = "force-dynamic";

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : null);

function Figure({
  id,
  title,
  summary,
  children,
  table,
}: {
  id: string;
  title: string;
  summary: string;
  children: React.ReactNode;
  table: React.ReactNode;
}) {
  return (
    <figure
      className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
      data-testid={`chart-${id}`}
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <figcaption id={`${id}-summary`} className="mb-2 mt-0.5 text-sm text-stone-600">
        {summary}
      </figcaption>
      {children}
      <div className="sr-only">{table}</div>
    </figure>
  );
}

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {c}
                </th>
              ) : (
                <td key={j}>{c}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const generateMetadata = pageTitle("charts");

export default async function CountyChartsPage() {
  const viewer = await requireViewerPage("village.review");
  // the county pages are the county's: a township reviewer has its own (/township)
  if (isTownshipScope(viewer)) redirect("/township");
  const county = await reviewCounty(viewer);
  const t = await getTranslations();
  const tc = await getTranslations("county.charts");
  const threshold = await exitThreshold(county.id, county.zone);
  const [top, matrix, causeRows, coverage, trend] = await Promise.all([
    villageList(county.id, threshold, { sort: "incidence", dir: "desc", pageSize: 30, peopleMin: 1 }),
    statusMatrix(county.id),
    causes(county.id),
    visitCoverage(county.id),
    registeredTrend(county.id),
  ]);
  const villages = top.rows.map((v) => ({ name: v.name, township: v.townshipName, incidence: v.incidence ?? 0, below: v.belowThreshold }));
  const above = villages.filter((v) => !v.below).length;
  const mismatchShare = (r: string, a: string[]) => {
    const all = matrix.filter((m) => m.registered === r).reduce((n, m) => n + m.households, 0);
    return { n: matrix.filter((m) => m.registered === r && a.includes(m.assessed)).reduce((n, m) => n + m.households, 0), all };
  };
  const poorMet = mismatchShare("registered_poor", ["at_risk", "secure"]);
  const liftedBelow = mismatchShare("lifted", ["below_standard"]);
  const notRegBelow = mismatchShare("not_registered", ["below_standard"]);
  const lastMonth = coverage[coverage.length - 1];
  const firstMonth = coverage[0];
  const causeTotal = causeRows.reduce((n, c) => n + c.households, 0);
  const causeLabel = (c: string) => (c === "none" ? tc("causeNone") : t(`causes.${c as KeyUnder<"causes">}`));
  const lastYear = trend[trend.length - 1];
  const peak = trend.reduce((m, y) => (y.registeredPoor > (m?.registeredPoor ?? -1) ? y : m), trend[0]);

  return (
    <div className="space-y-4">
      <PageTitle sub={tc("sub", { date: today() })}>{tc("title", { county: county.name })}</PageTitle>
      <CountyTabs current="charts" />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <Figure
            id="incidence"
            title={tc("incidenceTitle", { n: villages.length })}
            summary={
              villages.length
                ? tc("incidenceSummary", { n: villages.length, above, threshold, top: villages[0]!.name, value: villages[0]!.incidence })
                : tc("noData")
            }
            table={
              <DataTable
                caption={tc("incidenceTitle", { n: villages.length })}
                head={[t("county.village"), t("county.township"), t("county.incidence")]}
                rows={villages.map((v) => [v.name, v.township, `${v.incidence}%`])}
              />
            }
          >
            <IncidenceChart villages={villages} threshold={threshold} />
          </Figure>
        </div>
        <Figure
          id="status"
          title={tc("statusTitle")}
          summary={tc("statusSummary", {
            poorMet: poorMet.n,
            poor: poorMet.all,
            liftedBelow: liftedBelow.n,
            lifted: liftedBelow.all,
            notRegBelow: notRegBelow.n,
          })}
          table={
            <DataTable
              caption={tc("statusTitle")}
              head={[tc("registeredHead"), tc("assessedHead"), tc("households"), tc("people")]}
              rows={matrix.map((m) => [
                t(`registered.${m.registered as KeyUnder<"registered">}`),
                t(`assessed.${m.assessed as KeyUnder<"assessed">}`),
                m.households,
                m.people,
              ])}
            />
          }
        >
          <StatusChart matrix={matrix} />
        </Figure>
        <Figure
          id="causes"
          title={tc("causesTitle")}
          summary={
            causeRows.length
              ? tc("causesSummary", {
                  total: causeTotal,
                  top: causeLabel(causeRows[0]!.cause),
                  n: causeRows[0]!.households,
                  share: pct(causeRows[0]!.households, causeTotal) ?? 0,
                })
              : tc("noData")
          }
          table={
            <DataTable
              caption={tc("causesTitle")}
              head={[tc("cause"), tc("households")]}
              rows={causeRows.map((c) => [causeLabel(c.cause), c.households])}
            />
          }
        >
          <CausesChart causes={causeRows} />
        </Figure>
        <Figure
          id="coverage"
          title={tc("coverageTitle")}
          summary={
            lastMonth && firstMonth
              ? tc("coverageSummary", {
                  from: firstMonth.month,
                  to: lastMonth.month,
                  last: pct(lastMonth.visited, lastMonth.assigned) ?? "—",
                  lowest: lowestMonth(coverage),
                })
              : tc("noData")
          }
          table={
            <DataTable
              caption={tc("coverageTitle")}
              head={[tc("month"), tc("assigned"), tc("visited"), tc("share")]}
              rows={coverage.map((m) => [m.month, m.assigned, m.visited, m.assigned ? `${pct(m.visited, m.assigned)}%` : "—"])}
            />
          }
        >
          <CoverageChart months={coverage} />
        </Figure>
        <Figure
          id="trend"
          title={tc("trendTitle")}
          summary={
            lastYear && peak
              ? tc("trendSummary", {
                  peakYear: peak.year,
                  peak: peak.registeredPoor,
                  year: lastYear.year,
                  now: lastYear.registeredPoor,
                  lifted: lastYear.lifted,
                })
              : tc("noData")
          }
          table={
            <DataTable
              caption={tc("trendTitle")}
              head={[tc("year"), tc("registeredPoorSeries"), tc("liftedSeries")]}
              rows={trend.map((y) => [y.year, y.registeredPoor, y.lifted])}
            />
          }
        >
          <TrendChart years={trend} />
        </Figure>
      </div>
      <p className="text-xs text-stone-500">{tc("note")}</p>
    </div>
  );
}

/** The lowest of the months already over: the month under way (a few days old) is not yet "low". */
function lowestMonth(rows: { month: string; assigned: number; visited: number }[]): string {
  const current = today().slice(0, 7);
  const withShare = rows.filter((r) => r.assigned > 0 && r.month < current).map((r) => ({ month: r.month, share: r.visited / r.assigned }));
  if (!withShare.length) return "—";
  const low = withShare.reduce((a, b) => (b.share < a.share ? b : a));
  return `${low.month}（${Math.round(low.share * 1000) / 10}%）`;
}
