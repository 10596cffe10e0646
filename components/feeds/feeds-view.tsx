// The feeds page's body, for a county official's county (/county/feeds) and a township
// reviewer's township (/township/feeds): each department's latest as-of day and whether it is
// stale, the upload form, and the feeds loaded with what each produced in the viewer's area.
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { FeedUploadForm } from "@/components/feeds/feed-upload-form";
import type { DepartmentState, FeedListItem } from "@/lib/data/feeds";
import { today } from "@/lib/clock";
import { chinaDateTime } from "@/lib/domain/china-time";

export interface FeedsViewData {
  total: number;
  page: number;
  pageSize: number;
  staleMonths: number;
  departments: DepartmentState[];
  feeds: FeedListItem[];
}

export async function FeedsView({ data, regionId, basePath }: { data: FeedsViewData; regionId: string; basePath: string }) {
  const t = await getTranslations("feeds");
  // the shared formatter: a locale string cut at 16 characters showed a stray colon on single-digit
  // days and months ("2026/12/5 12:10:", seen on the feeds page)
  const dt = (iso: string) => chinaDateTime(new Date(iso));
  return (
    <>
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
        <FeedUploadForm today={today()} scopeHint={regionId} />
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
                      {f.scopeId !== regionId && (
                        <span className="block text-xs font-normal text-stone-500">{`${t("table.scope")} ${f.scopeId}`}</span>
                      )}
                    </td>
                    <td className="py-1 pr-3 tabular-nums">{f.asOf}</td>
                    <td className="py-1 pr-3 tabular-nums">{dt(f.loadedAt)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{f.rows ?? "—"}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{f.matched ?? "—"}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{f.unmatched ?? "—"}</td>
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
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} params={{}} basePath={basePath} />
      </Card>
    </>
  );
}
