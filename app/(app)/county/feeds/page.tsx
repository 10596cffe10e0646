import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { reviewCounty } from "@/lib/data/county";
import { countyFeeds } from "@/lib/data/feeds";
import { isTownshipScope } from "@/lib/data/township";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { CountyTabs } from "@/components/county/county-tabs";
import { FeedUploadForm } from "@/components/feeds/feed-upload-form";
import { pageTitle } from "@/lib/page-title";
import { today } from "@/lib/clock";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("feeds");

/** The county's department feeds: load one, see what each produced, and which departments are stale. */
export default async function FeedsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage("feed.load", ["county_official"]);
  if (isTownshipScope(viewer)) redirect("/township");
  const county = await reviewCounty(viewer);
  const t = await getTranslations("feeds");
  const sp = await searchParams;
  const page = Math.max(1, Number(typeof sp.page === "string" ? sp.page : "1") || 1);
  const data = await countyFeeds(viewer, county.id, page);
  const dt = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }).slice(0, 16);

  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub")}>{`${county.name} · ${t("title")}`}</PageTitle>
      <CountyTabs current="feeds" />

      <Card title={t("stale.title")}>
        <p className="mb-2 text-xs text-stone-600">{t("stale.months", { months: data.staleMonths })}</p>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="feed-departments">
          {data.departments.map((d) => (
            <li key={d.department} className="flex items-center justify-between gap-2 rounded border border-stone-200 px-3 py-2 text-sm">
              <span>
                <span className="font-medium">{t(`departments.${d.department}`)}</span>
                <span className="block text-xs text-stone-600">
                  {d.latestAsOf ? `${t("stale.latest")} ${d.latestAsOf}` : t("stale.never")}
                </span>
              </span>
              <Badge tone={d.stale ? "red" : "green"}>{d.stale ? t("stale.stale") : t("stale.fresh")}</Badge>
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t("upload.title")}>
        <FeedUploadForm today={today()} scopeHint={county.id} />
      </Card>

      <Card title={t("table.title")}>
        {data.feeds.length === 0 ? (
          <p className="text-sm text-stone-600">{t("table.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="feed-table">
              <thead className="text-left text-xs text-stone-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {t("table.department")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("table.asOf")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("table.loaded")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("table.rows")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("table.matched")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("table.unmatched")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("table.flags")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("table.leads")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("table.facts")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("table.file")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.feeds.map((f) => (
                  <tr key={f.id} className="border-t border-stone-100 align-top">
                    <td className="py-1 pr-3 font-medium">
                      {t(`departments.${f.department}`)}
                      {f.scopeId !== county.id && (
                        <span className="block text-xs font-normal text-stone-500">{`${t("table.scope")} ${f.scopeId}`}</span>
                      )}
                    </td>
                    <td className="py-1 pr-3 tabular-nums">{f.asOf}</td>
                    <td className="py-1 pr-3 tabular-nums">{dt(f.loadedAt)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{f.rows}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{f.matched}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{f.unmatched}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{f.flags}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{f.leads}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{f.facts}</td>
                    <td className="py-1 text-xs text-stone-600">
                      <span className="block">{f.fileName}</span>
                      <span className="font-mono" title={f.sha256}>
                        {f.sha256.slice(0, 12)}…
                      </span>
                      {f.purged && <span className="block text-amber-800">{t("table.purged")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} params={{}} basePath="/county/feeds" />
      </Card>
    </div>
  );
}
