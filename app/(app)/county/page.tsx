import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { countyTotals, exitThreshold, reviewCounty, villageList, VILLAGE_SORTS, type VillageSort } from "@/lib/data/county";
import { PageTitle, Stat, Card, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { today } from "@/lib/clock";

export const dynamic = "force-dynamic";

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

export default async function CountyHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewerPage("village.review");
  const sp = await searchParams;
  const t = await getTranslations("county");
  const tc = await getTranslations("common");
  const county = await reviewCounty(viewer);
  const sort = (VILLAGE_SORTS as readonly string[]).includes(sp.sort ?? "") ? (sp.sort as VillageSort) : "township";
  const dir = sp.dir === "desc" ? "desc" : "asc";
  const q = (sp.q ?? "").slice(0, 40);
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const [threshold, totals, list] = await Promise.all([
    exitThreshold(county.id, county.zone),
    countyTotals(county.id),
    villageList(county.id, { sort, dir, page, q }),
  ]);
  const tot = totals.total;
  const incidence = pct(tot.poorPeople, tot.people);
  const sortLink = (col: VillageSort) => {
    const p = new URLSearchParams({ sort: col, dir: sort === col && dir === "asc" ? "desc" : "asc" });
    if (q) p.set("q", q);
    return `/county?${p}`;
  };
  const Th = ({ col, children, className = "" }: { col: VillageSort; children: React.ReactNode; className?: string }) => (
    <th scope="col" className={`px-2 py-2 font-medium ${className}`} aria-sort={sort === col ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={sortLink(col)} className="inline-flex items-center gap-1 hover:underline" title={t("sortBy", { col: String(children) })}>
        {children}
        <span aria-hidden className="text-stone-400">{sort === col ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </th>
  );

  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub", { date: today(), threshold })}>{t("title", { county: county.name })}</PageTitle>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7">
        <Stat label={t("households")} value={tot.households.toLocaleString()} hint={`${tot.people.toLocaleString()} ${tc("people")}`} />
        <Stat label={t("poorHouseholds")} value={tot.poorHouseholds.toLocaleString()} hint={`${tot.poorPeople.toLocaleString()} ${tc("people")}`} />
        <Stat label={t("incidence")} value={`${incidence}%`} tone={incidence < threshold ? "good" : "bad"} hint={incidence < threshold ? t("belowThreshold") : t("aboveThreshold")} />
        <Stat label={t("monitored")} value={tot.monitored} />
        <Stat label={t("missed")} value={tot.missed} tone={tot.missed ? "warn" : "default"} />
        <Stat label={t("wronglyLifted")} value={tot.wronglyLifted} tone={tot.wronglyLifted ? "warn" : "default"} />
        <Stat label={t("coverage")} value={`${pct(tot.visited, tot.assigned)}%`} hint={t("visitedOf", { visited: tot.visited, assigned: tot.assigned })} />
      </div>

      <Card title={t("byTownship")}>
        <div className="-mx-4 overflow-x-auto px-4">
          <table className="w-full min-w-[720px] text-sm" data-testid="township-table">
            <thead className="bg-stone-50 text-left text-xs text-stone-600">
              <tr><th className="px-2 py-2">{t("township")}</th><th className="px-2 text-right">{t("villages")}</th><th className="px-2 text-right">{t("households")}</th><th className="px-2 text-right">{t("people")}</th><th className="px-2 text-right">{t("poorPeople")}</th><th className="px-2 text-right">{t("incidence")}</th><th className="px-2 text-right">{t("missed")}</th><th className="px-2 text-right">{t("wronglyLifted")}</th><th className="px-2 text-right">{t("coverage")}</th></tr>
            </thead>
            <tbody className="divide-y divide-stone-100 tabular-nums">
              {[...totals.townships, tot].map((r) => (
                <tr key={r.townshipId ?? "total"} className={r.townshipId ? "" : "bg-stone-50 font-semibold"}>
                  <td className="px-2 py-1.5">{r.townshipName ?? t("total")}</td>
                  <td className="px-2 text-right">{r.villages}</td><td className="px-2 text-right">{r.households}</td><td className="px-2 text-right">{r.people}</td>
                  <td className="px-2 text-right">{r.poorPeople}</td><td className="px-2 text-right">{pct(r.poorPeople, r.people)}%</td>
                  <td className="px-2 text-right">{r.missed}</td><td className="px-2 text-right">{r.wronglyLifted}</td><td className="px-2 text-right">{pct(r.visited, r.assigned)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card title={t("villages")}>
        <form role="search" className="mb-3 flex gap-2">
          <input type="hidden" name="sort" value={sort} /><input type="hidden" name="dir" value={dir} />
          <label htmlFor="q" className="sr-only">{t("search")}</label>
          <input id="q" name="q" defaultValue={q} placeholder={t("search")} className="min-w-0 flex-1 rounded border border-stone-300 px-3 py-2" />
          <button className="rounded bg-brand-700 px-4 py-2 text-white">{tc("filter")}</button>
        </form>
        {list.rows.length === 0 ? <EmptyState>{t("noVillages")}</EmptyState> : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[1000px] text-sm" data-testid="village-table">
              <thead className="bg-stone-50 text-left text-xs text-stone-600">
                <tr>
                  <Th col="township">{t("township")}</Th><Th col="name">{t("village")}</Th><Th col="households" className="text-right">{t("households")}</Th>
                  <Th col="people" className="text-right">{t("people")}</Th><Th col="poorHouseholds" className="text-right">{t("poorHouseholds")}</Th>
                  <Th col="poorPeople" className="text-right">{t("poorPeople")}</Th><Th col="incidence" className="text-right">{t("incidence")}</Th>
                  <Th col="monitored" className="text-right">{t("monitored")}</Th><Th col="missed" className="text-right">{t("missed")}</Th>
                  <Th col="wronglyLifted" className="text-right">{t("wronglyLifted")}</Th><Th col="coverage" className="text-right">{t("coverage")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 tabular-nums">
                {list.rows.map((v) => (
                  <tr key={v.id} className="hover:bg-stone-50">
                    <td className="px-2 py-1.5 text-stone-600">{v.townshipName}</td>
                    <td className="px-2 font-medium">{v.name}</td>
                    <td className="px-2 text-right">{v.households}</td><td className="px-2 text-right">{v.people}</td>
                    <td className="px-2 text-right">{v.poorHouseholds}</td><td className="px-2 text-right">{v.poorPeople}</td>
                    <td className="px-2 text-right"><span className={v.households === 0 ? "" : v.incidence < threshold ? "text-emerald-700" : "font-semibold text-red-700"} title={v.incidence < threshold ? t("belowThreshold") : t("aboveThreshold")}>{v.incidence}%</span></td>
                    <td className="px-2 text-right" title={t("monitoredBreakdown", { u: v.monUnstable, m: v.monMarginal, s: v.monSudden })}>{v.monUnstable + v.monMarginal + v.monSudden}</td>
                    <td className={`px-2 text-right ${v.missed ? "text-amber-700" : ""}`}>{v.missed}</td>
                    <td className={`px-2 text-right ${v.wronglyLifted ? "text-amber-700" : ""}`}>{v.wronglyLifted}</td>
                    <td className="px-2 text-right">{v.assigned ? `${v.coverage}%` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{ sort, dir, q }} basePath="/county" />
      </Card>
    </div>
  );
}
