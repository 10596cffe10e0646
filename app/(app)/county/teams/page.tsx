import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { reviewCounty } from "@/lib/data/county";
import { isTownshipScope } from "@/lib/data/township";
import { countyVillageOptions, teamsOverview } from "@/lib/data/resident";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { CountyTabs } from "@/components/county/county-tabs";
import { DaysForm } from "@/components/places/days-form";
import { PostingForm } from "@/components/places/posting-form";
import { CadreUnitForm } from "@/components/places/cadre-unit-form";
import { countyCadreUnits, countyUnitNames } from "@/lib/data/pairing-units";
import { can } from "@/lib/auth/roles";
import { pageTitle } from "@/lib/page-title";
import { today } from "@/lib/clock";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("teams");

const PAGE_SIZE = 50;

/** The county's resident teams and first secretaries (驻村工作队, 第一书记): gaps, postings and their days for a month. */
export default async function TeamsPage({ searchParams }: { searchParams: Promise<{ month?: string; page?: string }> }) {
  const viewer = await requireViewerPage("village.review");
  if (isTownshipScope(viewer)) redirect("/township");
  const county = await reviewCounty(viewer);
  const t = await getTranslations("places.teams");
  const sp = await searchParams;
  const thisMonth = today().slice(0, 7);
  const month = sp.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(sp.month) && sp.month <= thisMonth ? sp.month : thisMonth;
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const mayRecord = can(viewer.role, "places.record");
  const [o, villages, cadres, units] = await Promise.all([
    teamsOverview(county.id, month),
    countyVillageOptions(county.id),
    mayRecord ? countyCadreUnits(county.id) : Promise.resolve([]),
    mayRecord ? countyUnitNames(county.id) : Promise.resolve([]),
  ]);
  const shown = o.postings.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const gap = (rows: typeof o.noTeam, testId: string, title: string) => (
    <Card>
      <h2 className="mb-2 font-semibold">
        {title} <span className="tabular-nums text-stone-500">{rows.length}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">{t("noneMissing")}</p>
      ) : (
        <ul className="max-h-64 overflow-y-auto text-sm" data-testid={testId}>
          {rows.map((v) => (
            <li key={v.id}>
              {v.townshipName} · {v.name}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );

  return (
    <div className="space-y-4">
      <PageTitle sub={t("intro")}>
        {county.name} · {t("title")}
      </PageTitle>
      <CountyTabs current="teams" />
      <form className="flex flex-wrap items-end gap-2 text-sm" method="get">
        <label className="flex flex-col">
          {t("month")}
          <input type="month" name="month" defaultValue={month} max={thisMonth} className="rounded border border-stone-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-stone-300 px-3 py-1">
          {t("show")}
        </button>
        <span className="text-stone-600">{t("required", { days: o.required })}</span>
      </form>
      <div className="grid gap-3 md:grid-cols-3">
        {gap(o.noTeam, "no-team", t("noTeam"))}
        {gap(o.noSecretary, "no-secretary", t("noSecretary"))}
        <Card>
          <h2 className="mb-2 font-semibold">
            {t("belowDays")} <span className="tabular-nums text-stone-500">{o.below.length}</span>
          </h2>
          {o.below.length === 0 ? (
            <p className="text-sm text-stone-600">{t("noneBelow")}</p>
          ) : (
            <ul className="max-h-64 overflow-y-auto text-sm" data-testid="below-days">
              {o.below.map((p) => (
                <li key={p.id}>
                  {p.villageName} · {p.personName}（{t(`roles.${p.role}`)}）：{p.days ?? t("notRecorded")}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card>
        <h2 className="mb-2 font-semibold">{t("postings")}</h2>
        {o.postings.length === 0 ? (
          <EmptyState>{t("noPostings")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[56rem] text-sm" data-testid="postings">
              <caption className="sr-only">{t("postings")}</caption>
              <thead className="border-b border-stone-200 text-left text-xs text-stone-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    {t("person")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("unit")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("role")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("village")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("from")}–{t("to")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("days")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id} className={`border-b border-stone-100 align-top ${p.below ? "bg-amber-50" : ""}`}>
                    <th scope="row" className="py-2 pr-3 text-left font-medium">
                      {p.personName}
                    </th>
                    <td className="py-2 pr-3">{p.unitName}</td>
                    <td className="py-2 pr-3">{t(`roles.${p.role}`)}</td>
                    <td className="py-2 pr-3">
                      {p.townshipName} · {p.villageName}
                    </td>
                    <td className="py-2 pr-3 tabular-nums">
                      {p.validFrom} – {p.validTo ?? t("serving")}
                    </td>
                    <td className="py-2 pr-3">
                      <DaysForm postingId={p.id} month={month} days={p.days} label={t("daysLabel", { name: p.personName, month })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={o.postings.length} params={{ month }} basePath="/county/teams" />
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">{t("add")}</h2>
        <PostingForm villages={villages} />
      </Card>
      {mayRecord && (
        <Card>
          <h2 className="mb-1 font-semibold">
            {t("pairing")} · {t("setUnit")}
          </h2>
          <p className="mb-3 text-sm text-stone-600">{t("pairIntro")}</p>
          <CadreUnitForm cadres={cadres.map((c) => ({ id: c.id, label: `${c.name}（${c.username}）`, unit: c.unit }))} units={units} />
        </Card>
      )}
    </div>
  );
}
