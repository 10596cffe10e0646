import { redirect } from "next/navigation";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CountyFollowups } from "@/components/evaluation/county-followups";
import { ReleasedSample } from "@/components/evaluation/released-sample";
import { requireViewerPage } from "@/lib/auth/session";
import {
  countySummary,
  countyTotals,
  countyTownships,
  exitThreshold,
  guaranteeGaps,
  latestEvaluationMetrics,
  monitoringThresholdStatus,
  reviewCounty,
  villageList,
} from "@/lib/data/county";
import { GuaranteeGaps } from "@/components/county/guarantee-gaps";
import { parseVillageParams, toQuery, VILLAGE_NUMERIC, type VillageParams, type VillageSort } from "@/lib/validation/county";
import { PageTitle, Stat, Card, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { CountyTabs } from "@/components/county/county-tabs";
import { PageOutOfRange, ParamErrors } from "@/components/county/param-errors";
import { CountySummaryCard } from "@/components/county/summary-card";
import { today } from "@/lib/clock";
import type { RegionZone } from "@/lib/domain/policy";
import { pageTitle } from "@/lib/page-title";
import { isTownshipScope } from "@/lib/data/township";
import { buttonClass } from "@/components/ui/button-style";
import { unsignedIncomeCount } from "@/lib/data/income-records";
import { keyHouseholdCount } from "@/lib/data/key-households";
import { currentYear } from "@/lib/clock";
import { formatQuantity as num } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

export const generateMetadata = pageTitle("county");

export default async function CountyHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage("village.review");
  const raw = await searchParams;
  const t = await getTranslations("county");
  const tc = await getTranslations("common");
  const tr = await getTranslations("countyRecords");
  const locale = await getLocale();
  // the county pages are the county's: a township reviewer has its own (/township)
  if (isTownshipScope(viewer)) redirect("/township");
  const county = await reviewCounty(viewer);
  const { values: p, errors } = parseVillageParams(raw);
  const sort: VillageSort = p.sort ?? "township";
  const dir = p.dir ?? "asc";
  const threshold = await exitThreshold(county.id, county.zone);
  const year = currentYear();
  const [totals, list, townships, gaps, mt, evaluated, unsignedIncome, keyCount] = await Promise.all([
    countyTotals(county.id, threshold),
    villageList(county.id, threshold, { ...p, sort, dir }),
    countyTownships(county.id),
    guaranteeGaps(county.id),
    monitoringThresholdStatus(county.id),
    latestEvaluationMetrics(county.id),
    unsignedIncomeCount(county.id, year),
    keyHouseholdCount(county.id, today()),
  ]);
  const tot = totals.total;
  const summary = countySummary(tot, county.zone as RegionZone | null, threshold);

  // links keep every valid filter; `over` replaces some
  const href = (over: Partial<Record<keyof VillageParams, string | number | undefined>>, drop: string[] = []) => {
    const q = toQuery({ ...p, ...over }, ["page", ...drop]).toString();
    return q ? `/county?${q}` : "/county";
  };
  const filterQuery = toQuery(p, ["page"]);
  const filtered = [...filterQuery.keys()].some((k) => k !== "sort" && k !== "dir");
  const numericOpen = VILLAGE_NUMERIC.some((c) => p[`${c}Min`] !== undefined || p[`${c}Max`] !== undefined);
  const quick: { key: keyof VillageParams; value: string; label: string }[] = [
    { key: "householdsMin", value: "1", label: t("quick.withHouseholds") },
    { key: "missedMin", value: "1", label: t("quick.missed") },
    { key: "wronglyLiftedMin", value: "1", label: t("quick.wronglyLifted") },
    { key: "monitoredMin", value: "1", label: t("quick.monitored") },
    { key: "coverageMax", value: "80", label: t("quick.lowCoverage") },
  ];

  const th: SortContext = {
    sort,
    dir,
    to: (col) =>
      href({
        sort: col,
        dir: sort === col && dir === "asc" ? "desc" : sort === col ? "asc" : col === "township" || col === "name" ? "asc" : "desc",
      }),
    sortBy: (label) => t("sortBy", { col: label }),
  };
  const townshipVillages = new Map(totals.townships.map((r) => [r.townshipId, r.villages]));

  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub", { date: today(), threshold })}>{t("title", { county: county.name })}</PageTitle>
      <CountyTabs current="villages" />
      <ParamErrors errors={errors} resetHref="/county" />

      {mt.stale && (
        <p
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          role="note"
          data-testid="threshold-stale"
        >
          {t("thresholdStale", { year: mt.year ?? "—", value: num(mt.value ?? 0) })}
        </p>
      )}
      <CountySummaryCard
        summary={summary}
        locale={locale}
        total={tot}
        evaluated={
          evaluated && {
            name: evaluated.evaluation.name,
            year: evaluated.evaluation.year,
            metrics: evaluated.metrics.verdict.metrics,
            pass: evaluated.metrics.verdict.pass,
          }
        }
      />
      <GuaranteeGaps gaps={gaps} />

      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7">
        <Stat label={t("households")} value={num(tot.households)} hint={`${num(tot.people)} ${tc("people")}`} />
        <Stat label={t("poorHouseholds")} value={num(tot.poorHouseholds)} hint={`${num(tot.poorPeople)} ${tc("people")}`} />
        <Stat
          label={t("incidence")}
          value={`${pct(tot.poorPeople, tot.people)}%`}
          tone={tot.poorPeople * 100 <= threshold * tot.people ? "good" : "bad"}
          hint={t("registeredIncidence")}
        />
        <Stat label={t("monitored")} value={num(tot.monitored)} />
        <Stat
          label={t("missed")}
          value={num(tot.missed)}
          tone={tot.missed ? "warn" : "default"}
          hint={`${num(tot.missedPeople)} ${tc("people")}`}
        />
        <Stat
          label={t("wronglyLifted")}
          value={num(tot.wronglyLifted)}
          tone={tot.wronglyLifted ? "warn" : "default"}
          hint={`${num(tot.wronglyLiftedPeople)} ${tc("people")}`}
        />
        <Stat
          label={t("coverage")}
          value={`${pct(tot.visited, tot.assigned)}%`}
          hint={t("visitedOf", { visited: tot.visited, assigned: tot.assigned })}
        />
      </div>

      {/* county records (income): the year's income records the household has not signed */}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7" data-testid="county-records-figures">
        <Stat
          label={tr("unsignedFigure", { year })}
          value={num(unsignedIncome)}
          tone={unsignedIncome ? "warn" : "default"}
          hint={tr("unsignedFigureHint")}
        />
        <Stat label={tr("key.count")} value={num(keyCount)} hint={tr("key.countHint")} />
      </div>

      <Card title={t("byTownship")}>
        <div className="-mx-4 overflow-x-auto px-4">
          <table className="w-full min-w-[720px] text-sm" data-testid="township-table">
            <thead className="bg-stone-50 text-left text-xs text-stone-600">
              <tr>
                <th className="px-2 py-2">{t("township")}</th>
                <th className="px-2 text-right">{t("villages")}</th>
                <th className="px-2 text-right">{t("households")}</th>
                <th className="px-2 text-right">{t("people")}</th>
                <th className="px-2 text-right">{t("poorPeople")}</th>
                <th className="px-2 text-right">{t("incidence")}</th>
                <th className="px-2 text-right">{t("missed")}</th>
                <th className="px-2 text-right">{t("wronglyLifted")}</th>
                <th className="px-2 text-right">{t("coverage")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 tabular-nums">
              {[...totals.townships, tot].map((r) => (
                <tr key={r.townshipId ?? "total"} className={r.townshipId ? "" : "bg-stone-50 font-semibold"}>
                  <td className="px-2 py-1.5">
                    {r.townshipId ? (
                      <Link className="hover:underline" href={href({ township: r.townshipId })}>
                        {r.townshipName}
                      </Link>
                    ) : (
                      t("total")
                    )}
                  </td>
                  <td className="px-2 text-right">{r.villages}</td>
                  <td className="px-2 text-right">{num(r.households)}</td>
                  <td className="px-2 text-right">{num(r.people)}</td>
                  <td className="px-2 text-right">{num(r.poorPeople)}</td>
                  <td className="px-2 text-right">{r.people ? `${pct(r.poorPeople, r.people)}%` : "—"}</td>
                  <td className="px-2 text-right">{r.missed}</td>
                  <td className="px-2 text-right">{r.wronglyLifted}</td>
                  <td className="px-2 text-right">{r.assigned ? `${pct(r.visited, r.assigned)}%` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card
        title={t("villages")}
        actions={
          <span className="flex flex-wrap justify-end gap-2" title={t("export.csvHint")}>
            <a
              href={`/api/county/export/villages?${new URLSearchParams([...filterQuery, ["format", "xlsx"]])}`}
              className={buttonClass("brand", "sm")}
              data-testid="export-villages-xlsx"
              download
            >
              {t("export.xlsx")}
            </a>
            <a
              href={`/api/county/export/villages${filterQuery.size ? `?${filterQuery}` : ""}`}
              className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-50"
              data-testid="export-villages"
              download
            >
              {t("export.csv")}
            </a>
          </span>
        }
      >
        <form role="search" className="mb-3 space-y-2" action="/county" data-testid="village-filters">
          <input type="hidden" name="sort" value={sort} />
          <input type="hidden" name="dir" value={dir} />
          <div className="flex flex-wrap items-end gap-2">
            <label className="min-w-48 flex-1 text-xs text-stone-600">
              {t("search")}
              <input
                name="q"
                defaultValue={p.q ?? ""}
                maxLength={40}
                className="mt-1 block w-full rounded border border-stone-300 px-3 py-2 text-sm text-stone-900"
              />
            </label>
            <label className="text-xs text-stone-600">
              {t("township")}
              <select
                name="township"
                defaultValue={p.township ?? ""}
                className="mt-1 block rounded border border-stone-300 px-2 py-2 text-sm text-stone-900"
              >
                <option value="">{tc("all")}</option>
                {townships.map((tw) => (
                  <option key={tw.id} value={tw.id}>
                    {tw.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-xs text-stone-600">
              {t("incidence")}
              <select
                name="inc"
                defaultValue={p.inc ?? ""}
                className="mt-1 block rounded border border-stone-300 px-2 py-2 text-sm text-stone-900"
              >
                <option value="">{tc("all")}</option>
                <option value="above">{t("incAbove", { threshold })}</option>
                <option value="below">{t("incBelow", { threshold })}</option>
              </select>
            </label>
            <button className={buttonClass()}>{tc("filter")}</button>
            {filtered && (
              <Link
                href={href(
                  {},
                  [...filterQuery.keys()].filter((k) => k !== "sort" && k !== "dir"),
                )}
                className="px-2 py-2 text-sm underline"
              >
                {t("clearFilters")}
              </Link>
            )}
          </div>
          <details open={numericOpen} className="rounded border border-stone-200 p-2">
            <summary className="cursor-pointer text-sm text-stone-700">{t("rangeFilters")}</summary>
            <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3 lg:grid-cols-5">
              {VILLAGE_NUMERIC.map((c) => (
                <fieldset key={c} className="text-xs text-stone-600">
                  <legend>
                    {t(c)}
                    {c === "incidence" || c === "coverage" ? " (%)" : ""}
                  </legend>
                  <div className="mt-1 flex items-center gap-1">
                    <input
                      name={`${c}Min`}
                      inputMode="decimal"
                      defaultValue={p[`${c}Min`] ?? ""}
                      aria-label={t("minOf", { col: t(c) })}
                      placeholder={t("min")}
                      className="w-20 rounded border border-stone-300 px-2 py-1 text-sm text-stone-900"
                    />
                    <span aria-hidden>–</span>
                    <input
                      name={`${c}Max`}
                      inputMode="decimal"
                      defaultValue={p[`${c}Max`] ?? ""}
                      aria-label={t("maxOf", { col: t(c) })}
                      placeholder={t("max")}
                      className="w-20 rounded border border-stone-300 px-2 py-1 text-sm text-stone-900"
                    />
                  </div>
                </fieldset>
              ))}
            </div>
          </details>
          <div className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("quick.label")} role="group">
            <span className="text-xs text-stone-500">{t("quick.label")}</span>
            {quick.map((f) => {
              const on = String(p[f.key] ?? "") === f.value;
              return (
                <Link
                  key={f.key}
                  href={on ? href({}, [f.key]) : href({ [f.key]: f.value })}
                  aria-pressed={on}
                  className={`rounded-full px-3 py-1 text-xs ring-1 ring-inset ${on ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-stone-700 ring-stone-300 hover:bg-stone-50"}`}
                >
                  {f.label}
                  {on ? " ✕" : ""}
                </Link>
              );
            })}
          </div>
        </form>
        {list.page > list.pages && (
          <PageOutOfRange page={list.page} pages={list.pages} lastHref={`/county?${toQuery({ ...p, page: list.pages })}`} />
        )}
        {list.rows.length === 0 ? (
          list.page > list.pages ? null : (
            <EmptyState>{t("noVillages")}</EmptyState>
          )
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[1080px] text-sm" data-testid="village-table">
              <caption className="sr-only">{t("villagesCaption", { total: list.total })}</caption>
              <thead className="bg-stone-50 text-left text-xs text-stone-600">
                <tr>
                  <SortHeader {...th} col="township" label={t("township")} />
                  <SortHeader {...th} col="name" label={t("village")} />
                  <SortHeader {...th} col="households" label={t("households")} className="text-right" />
                  <SortHeader {...th} col="people" label={t("people")} className="text-right" />
                  <SortHeader {...th} col="poorHouseholds" label={t("poorHouseholds")} className="text-right" />
                  <SortHeader {...th} col="poorPeople" label={t("poorPeople")} className="text-right" />
                  <SortHeader {...th} col="incidence" label={t("incidence")} className="text-right" />
                  <SortHeader {...th} col="monitored" label={t("monitored")} className="text-right" />
                  <SortHeader {...th} col="missed" label={t("missed")} hint={t("missedHint")} className="text-right" />
                  <SortHeader {...th} col="wronglyLifted" label={t("wronglyLifted")} hint={t("wronglyLiftedHint")} className="text-right" />
                  <SortHeader {...th} col="coverage" label={t("coverage")} className="text-right" />
                  <SortHeader {...th} col="pending" label={t("pending")} hint={t("pendingHint")} className="text-right">
                    <span aria-hidden className="cursor-help rounded-full bg-stone-200 px-1 text-[10px] leading-4">
                      ?
                    </span>
                    <span className="sr-only">{t("pendingHint")}</span>
                  </SortHeader>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 tabular-nums">
                {list.rows.map((v, i) => {
                  const groupStart = sort === "township" && (i === 0 || list.rows[i - 1]!.townshipId !== v.townshipId);
                  return [
                    groupStart ? (
                      <tr key={`g-${v.townshipId}`} className="bg-stone-100/70">
                        <th scope="rowgroup" colSpan={12} className="px-2 py-1 text-left text-xs font-semibold text-stone-700">
                          {v.townshipName}{" "}
                          <span className="font-normal text-stone-500">
                            · {t("villageCount", { count: townshipVillages.get(v.townshipId) ?? 0 })}
                          </span>
                        </th>
                      </tr>
                    ) : null,
                    <tr key={v.id} className="hover:bg-stone-50">
                      <td className="px-2 py-1.5 text-stone-600">{v.townshipName}</td>
                      <td className="px-2 font-medium">
                        <Link href={`/county/villages/${v.id}`} className="text-brand-800 hover:underline">
                          {v.name}
                        </Link>
                      </td>
                      <td className="px-2 text-right">{num(v.households)}</td>
                      <td className="px-2 text-right">{num(v.people)}</td>
                      <td className="px-2 text-right">{v.poorHouseholds}</td>
                      <td className="px-2 text-right">{v.poorPeople}</td>
                      <td className="px-2 text-right">
                        {v.incidence === null ? (
                          <span className="text-stone-400" title={t("noData")}>
                            —
                          </span>
                        ) : (
                          <span
                            className={v.belowThreshold ? "text-emerald-700" : "font-semibold text-red-700"}
                            title={v.belowThreshold ? t("belowThreshold") : t("aboveThreshold")}
                          >
                            {v.incidence}%<span className="sr-only"> {v.belowThreshold ? t("belowThreshold") : t("aboveThreshold")}</span>
                          </span>
                        )}
                      </td>
                      <td
                        className="px-2 text-right"
                        title={t("monitoredBreakdown", { u: v.monUnstable, m: v.monMarginal, s: v.monSudden })}
                      >
                        {v.monitored}
                      </td>
                      <td className={`px-2 text-right ${v.missed ? "font-medium text-amber-700" : ""}`}>{v.missed}</td>
                      <td className={`px-2 text-right ${v.wronglyLifted ? "font-medium text-amber-700" : ""}`}>{v.wronglyLifted}</td>
                      <td className={`px-2 text-right ${v.coverage !== null && v.coverage < 80 ? "text-amber-700" : ""}`}>
                        {v.coverage === null ? <span className="text-stone-400">—</span> : `${v.coverage}%`}
                      </td>
                      <td
                        className={`px-2 text-right ${v.pending ? "font-medium text-violet-700" : "text-stone-400"}`}
                        title={t("pendingHint")}
                      >
                        {v.pending}
                      </td>
                    </tr>,
                  ];
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          params={Object.fromEntries(filterQuery)}
          basePath="/county"
        />
      </Card>
      <CountyFollowups viewer={viewer} countyId={county.id} hideWhenEmpty />
      <ReleasedSample viewer={viewer} countyId={county.id} />
    </div>
  );
}

interface SortContext {
  sort: VillageSort;
  dir: "asc" | "desc";
  to: (col: VillageSort) => string;
  sortBy: (label: string) => string;
}

/** A sortable column header of the village table: a link that sorts by it, with aria-sort. */
function SortHeader({
  col,
  label,
  hint,
  className = "",
  children,
  sort,
  dir,
  to,
  sortBy,
}: SortContext & { col: VillageSort; label: string; hint?: string; className?: string; children?: React.ReactNode }) {
  return (
    <th
      scope="col"
      className={`px-2 py-2 font-medium ${className}`}
      aria-sort={sort === col ? (dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <Link
        href={to(col)}
        className="inline-flex items-center gap-1 hover:underline"
        data-testid={`sort-${col}`}
        title={hint ?? sortBy(label)}
      >
        {label}
        {children}
        <span aria-hidden className="text-stone-400">
          {sort === col ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}
