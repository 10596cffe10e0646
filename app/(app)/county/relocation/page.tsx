import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { reviewCounty } from "@/lib/data/county";
import { isTownshipScope } from "@/lib/data/township";
import { settlementOverview } from "@/lib/data/relocation";
import { Card, EmptyState, PageTitle, Stat } from "@/components/ui/card";
import { CountyTabs } from "@/components/county/county-tabs";
import { pageTitle } from "@/lib/page-title";
import { formatQuantity } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("relocation");

const pct = (v: number | null) => (v === null ? "—" : `${formatQuantity(v, 1)}%`);

/** The county's relocation settlements (易地扶贫搬迁安置点): origins, employment, follow-up coverage, demolition. */
export default async function RelocationPage() {
  const viewer = await requireViewerPage("village.review");
  if (isTownshipScope(viewer)) redirect("/township");
  const county = await reviewCounty(viewer);
  const t = await getTranslations("places.settlements");
  const tr = await getTranslations("places.relocation");
  const o = await settlementOverview(county.id);

  return (
    <div className="space-y-4">
      <PageTitle sub={t("intro")}>
        {county.name} · {t("title")}
      </PageTitle>
      <CountyTabs current="relocation" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("households")} value={formatQuantity(o.total.households)} />
        <Stat label={t("people")} value={formatQuantity(o.total.people)} />
        <Stat
          label={t("employment")}
          value={pct(o.employedShare)}
          hint={t("employed", { employed: o.total.employed, capable: o.total.capable })}
        />
        <Stat
          label={t("demolition")}
          value={`${o.total.demolished} / ${o.total.reclaimed}`}
          hint={`${t("demolished")} / ${t("reclaimed")}`}
        />
      </div>
      {o.unrecorded > 0 && (
        <p
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          role="note"
          data-testid="relocation-unrecorded"
        >
          {t("unrecorded", { n: o.unrecorded })}
        </p>
      )}
      {o.settlements.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <Card>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[56rem] text-sm" data-testid="settlements">
              <caption className="sr-only">{t("title")}</caption>
              <thead className="border-b border-stone-200 text-left text-xs text-stone-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    {t("settlement")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t("households")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t("people")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("byOrigin")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("employment")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("coverage")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("demolition")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {o.settlements.map((s) => (
                  <tr key={s.id} className="border-b border-stone-100 align-top">
                    <th scope="row" className="py-2 pr-3 text-left font-medium">
                      {s.regionName}
                      {s.siteName && <div className="font-normal text-stone-700">{s.siteName}</div>}
                      <div className="text-xs font-normal text-stone-500">
                        {t("centralised", { n: s.centralised })} · {t("scattered", { n: s.scattered })}
                      </div>
                    </th>
                    <td className="py-2 pr-3 text-right tabular-nums">{s.households}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{s.people}</td>
                    <td className="py-2 pr-3">
                      <ul>
                        {s.origins.map((g) => (
                          <li key={g.originName} className="flex justify-between gap-2">
                            <span>{g.originName}</span>
                            <span className="tabular-nums text-stone-600">
                              {g.households} / {g.people}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="py-2 pr-3">
                      <div className="font-semibold tabular-nums">{pct(s.shares.employed)}</div>
                      <div className="text-xs text-stone-500">{t("employed", { employed: s.employed, capable: s.capable })}</div>
                    </td>
                    <td className="py-2 pr-3">
                      <ul className="tabular-nums">
                        <li>
                          {tr("supportJob")} {t("share", { n: s.supportJob, share: pct(s.shares.supportJob) })}
                        </li>
                        <li>
                          {tr("supportSchool")} {t("share", { n: s.supportSchool, share: pct(s.shares.supportSchool) })}
                        </li>
                        <li>
                          {tr("supportCommunity")} {t("share", { n: s.supportCommunity, share: pct(s.shares.supportCommunity) })}
                        </li>
                      </ul>
                    </td>
                    <td className="py-2 pr-3">
                      <ul className="tabular-nums">
                        <li>
                          {t("demolished")} {t("share", { n: s.demolished, share: pct(s.shares.demolished) })}
                        </li>
                        <li>
                          {t("reclaimed")} {t("share", { n: s.reclaimed, share: pct(s.shares.reclaimed) })}
                        </li>
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </div>
  );
}
