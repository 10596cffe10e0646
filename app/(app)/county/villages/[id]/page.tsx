import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { exitThreshold, reviewArea, villageInCounty, villageSummary } from "@/lib/data/county";
import { villageCadres, villageHouseholds } from "@/lib/data/county-households";
import { auditSensitiveRead } from "@/lib/data/sensitive-reads";
import { HOUSEHOLD_FILTER_KEYS, parseHouseholdParams, toQuery } from "@/lib/validation/county";
import { PageTitle, Stat } from "@/components/ui/card";
import { CountyTabs } from "@/components/county/county-tabs";
import { PageOutOfRange, ParamErrors } from "@/components/county/param-errors";
import { VillageHouseholdTable } from "@/components/county/village-household-table";
import { pageTitle } from "@/lib/page-title";
import { auditAccessDenied } from "@/lib/data/access-denied";
import { buttonClass } from "@/components/ui/button-style";

import { VillageHandbookButton } from "@/components/handbook/village-handbook-button";
import { formatQuantity as num } from "@/lib/domain/format";
export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("village");

export default async function VillagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewerPage("village.review");
  const { id } = await params;
  const { county, within, township } = await reviewArea(viewer);
  const village = await villageInCounty(county.id, id, within);
  if (!village) {
    await auditAccessDenied(viewer, "village", id.slice(0, 64), { code: "not_found" });
    notFound();
  }
  const t = await getTranslations("county");
  const tc = await getTranslations("common");
  const tn = await getTranslations("township");
  const th = await getTranslations("countyRecords.handbook");
  const { values: p, errors } = parseHouseholdParams(await searchParams);
  const threshold = await exitThreshold(county.id, county.zone);
  const [summary, list, cadres] = await Promise.all([
    villageSummary(county.id, village.id, threshold),
    villageHouseholds(viewer, county.id, village.id, p),
    villageCadres(county.id, village.id),
  ]);
  // the list shows each household's per-capita income: recorded with the page and filters seen
  await auditSensitiveRead(viewer, {
    entity: "village",
    entityId: village.id,
    countyId: county.id,
    via: "village-page",
    fields: ["income"],
    rows: list.rows.length,
    filters: { ...p },
  });
  const base = `/county/villages/${village.id}`;
  const filters = Object.fromEntries(HOUSEHOLD_FILTER_KEYS.filter((k) => p[k] !== undefined).map((k) => [k, String(p[k])]));
  const exportQuery = toQuery({ village: village.id, ...filters, sort: p.sort, dir: p.dir });
  const s = summary;

  return (
    <div className="space-y-4">
      <nav aria-label={t("villagePage.breadcrumb")} className="text-sm text-stone-600">
        <Link href={township ? "/township" : "/county"} className="underline">
          {township ? tn("title", { township: village.parent?.name ?? "" }) : t("tabs.villages")}
        </Link>{" "}
        <span aria-hidden>›</span> {village.parent?.name} <span aria-hidden>›</span> {village.name}
      </nav>
      <PageTitle sub={t("villagePage.sub", { township: village.parent?.name ?? "", id: village.id })}>
        {t("villagePage.title", { village: village.name })}
      </PageTitle>
      {!township && <CountyTabs current={null} />}
      <ParamErrors errors={errors} resetHref={base} />
      {s && (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8">
          <Stat label={t("households")} value={num(s.households)} hint={`${num(s.people)} ${tc("people")}`} />
          <Stat label={t("poorHouseholds")} value={s.poorHouseholds} hint={`${s.poorPeople} ${tc("people")}`} />
          <Stat
            label={t("incidence")}
            value={s.incidence === null ? "—" : `${s.incidence}%`}
            tone={s.belowThreshold === null ? "default" : s.belowThreshold ? "good" : "bad"}
            hint={s.belowThreshold === null ? t("noData") : s.belowThreshold ? t("belowThreshold") : t("aboveThreshold")}
          />
          <Stat
            label={t("monitored")}
            value={s.monitored}
            hint={t("monitoredBreakdown", { u: s.monUnstable, m: s.monMarginal, s: s.monSudden })}
          />
          <Stat label={t("missed")} value={s.missed} tone={s.missed ? "warn" : "default"} />
          <Stat label={t("wronglyLifted")} value={s.wronglyLifted} tone={s.wronglyLifted ? "warn" : "default"} />
          <Stat
            label={t("coverage")}
            value={s.coverage === null ? "—" : `${s.coverage}%`}
            hint={t("visitedOf", { visited: s.visited, assigned: s.assigned })}
          />
          <Stat
            label={t("villagePage.unassigned")}
            value={s.unassignedNeeding}
            tone={s.unassignedNeeding ? "warn" : "default"}
            hint={
              township ? undefined : (
                <Link className="underline" href={`/county/assignments?village=${village.id}`}>
                  {t("villagePage.toAssignments")}
                </Link>
              )
            }
          />
        </div>
      )}
      <section className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="households-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="households-title" className="text-base font-semibold">
            {t("villagePage.households")}
          </h2>
          <span className="flex flex-wrap items-start gap-2">
            {s && s.households > 0 && (
              <VillageHandbookButton
                href={`${base}/handbook`}
                labels={{
                  idle: th("printVillage", { n: s.households }),
                  hint: th("printVillageHint"),
                  preparing: th("preparing", { n: s.households }),
                  elapsed: th.raw("elapsed") as string,
                  failed: th("failed"),
                }}
              />
            )}
            <a
              title={t("export.csvHint")}
              href={`/api/county/export/households?${exportQuery}&format=xlsx`}
              download
              className={buttonClass("brand", "sm")}
              data-testid="export-households-xlsx"
            >
              {t("export.xlsxFiltered")}
            </a>
            <a
              title={t("export.csvHint")}
              href={`/api/county/export/households?${exportQuery}`}
              download
              className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-50"
              data-testid="export-households"
            >
              {t("export.csvFiltered")}
            </a>
          </span>
        </div>
        {list.outOfRange && list.total > 0 && (
          <PageOutOfRange page={list.page} pages={list.pages} lastHref={`${base}?${toQuery({ ...p, page: list.pages })}`} />
        )}
        <VillageHouseholdTable
          outOfRange={list.outOfRange}
          rows={list.rows}
          total={list.total}
          page={list.page}
          pageSize={list.pageSize}
          sort={list.sort}
          dir={list.dir}
          filters={filters}
          cadres={cadres}
          canAssign={!township}
        />
      </section>
    </div>
  );
}
