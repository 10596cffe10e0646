import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { reviewCounty } from "@/lib/data/county";
import { assignableHouseholds, countyVillagesWithHouseholds, householdForAssignment } from "@/lib/data/county-assignments";
import { parseAssignParams, toQuery } from "@/lib/validation/county";
import { Card, PageTitle } from "@/components/ui/card";
import { AssessedBadge, RegisteredBadge, CandidateBadge, Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { CountyTabs } from "@/components/county/county-tabs";
import { PageOutOfRange, ParamErrors } from "@/components/county/param-errors";
import { AssignOneForm } from "@/components/county/assign-one-form";
import { AssignWorkbench } from "@/components/county/assign-workbench";
import { pageTitle } from "@/lib/page-title";
import { isTownshipScope } from "@/lib/data/township";
import { chinaDay } from "@/lib/domain/china-time";
import { auditAccessDenied } from "@/lib/data/access-denied";
import { buttonClass } from "@/components/ui/button-style";

export const dynamic = "force-dynamic";

/** The calendar day in China (an assignment made at 01:00 Beijing time is that day, not the UTC day before). */
const day = chinaDay;

export const generateMetadata = pageTitle("assignments");

export default async function AssignmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewerPage("village.review");
  // the county pages are the county's: a township reviewer has its own (/township)
  if (isTownshipScope(viewer)) redirect("/township");
  const county = await reviewCounty(viewer);
  const t = await getTranslations("county.assign");
  const tt = await getTranslations();
  const { values: p, errors } = parseAssignParams(await searchParams);
  const mayAssign = can(viewer.role, "assignment.manage");

  const household = p.household ? await householdForAssignment(viewer, county.id, p.household) : null;
  if (p.household && !household) {
    await auditAccessDenied(viewer, "household", p.household, { code: "not_found", page: "county.assignments" });
    notFound();
  }
  const [list, villages] = await Promise.all([assignableHouseholds(viewer, county.id, p), countyVillagesWithHouseholds(county.id)]);
  const filter = { village: p.village, need: p.need ?? "1", show: p.show ?? "unassigned", q: p.q };
  const listQuery = toQuery({ village: p.village, need: p.need, show: p.show, q: p.q }).toString();
  const now = new Date();
  const current = household?.assignments.filter((a) => a.validFrom <= now && (a.validTo === null || a.validTo > now)) ?? [];

  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub", { count: list.unassignedAll })}>{t("title", { county: county.name })}</PageTitle>
      <CountyTabs current="assignments" />
      <ParamErrors errors={errors} resetHref="/county/assignments" />

      {household && (
        <Card
          title={t("householdTitle", { name: household.headName })}
          actions={
            <Link href={`/county/assignments${listQuery ? `?${listQuery}` : ""}`} className="text-sm underline">
              {tt("common.close")}
            </Link>
          }
        >
          <div className="grid gap-4 md:grid-cols-2" data-testid="household-panel">
            <div className="space-y-2 text-sm">
              <p className="text-stone-600">
                {household.village.parent?.name} ·{" "}
                <Link className="underline" href={`/county/villages/${household.village.id}`}>
                  {household.village.name}
                </Link>{" "}
                · {tt("household.number", { number: household.number })} ·{" "}
                <Link className="underline" href={`/households/${household.id}`}>
                  {tt("common.details")}
                </Link>
              </p>
              <p className="flex flex-wrap gap-1">
                <RegisteredBadge status={household.registeredStatus} />
                {household.monitoringCategory && <Badge tone="amber">{tt(`monitoring.${household.monitoringCategory}`)}</Badge>}
                <AssessedBadge status={household.assessedStatus} />
                <CandidateBadge candidate={household.candidate} />
              </p>
              <div>
                <h3 className="text-xs text-stone-500">{t("currentCadre")}</h3>
                <p className="font-medium" data-testid="current-cadre">
                  {current.length ? current.map((a) => a.cadre.name).join("、") : t("none")}
                </p>
                {current.some((a) => a.unit) && (
                  <p className="text-xs text-stone-500" data-testid="current-unit">
                    {tt("places.teams.pairUnit")}：{[...new Set(current.flatMap((a) => (a.unit ? [a.unit.name] : [])))].join("、")}
                  </p>
                )}
              </div>
              <div>
                <h3 className="text-xs text-stone-500">{t("history")}</h3>
                {household.assignments.length === 0 ? (
                  <p className="text-stone-500">{t("noHistory")}</p>
                ) : (
                  <ol className="mt-1 space-y-1" data-testid="assignment-history">
                    {household.assignments.map((a) => (
                      <li key={a.id} className="text-xs">
                        <span className="font-medium">{a.cadre.name}</span>
                        {a.unit && <span data-testid="pairing-unit"> · {a.unit.name}</span>} · {day(a.validFrom)} –{" "}
                        {a.validTo ? day(a.validTo) : t("ongoing")}
                        {a.reason && <span className="block text-stone-500">{a.reason}</span>}
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            </div>
            {mayAssign ? (
              <AssignOneForm key={household.id} householdId={household.id} villageId={household.village.id} hasCadre={current.length > 0} />
            ) : (
              <p className="text-sm text-stone-500">{tt("errors.forbidden")}</p>
            )}
          </div>
        </Card>
      )}

      <Card title={t("listTitle")}>
        <form className="mb-3 flex flex-wrap items-end gap-2" action="/county/assignments" role="search">
          <label className="text-xs text-stone-600">
            {tt("county.village")}
            <select
              name="village"
              defaultValue={p.village ?? ""}
              className="mt-1 block rounded border border-stone-300 px-2 py-2 text-sm text-stone-900"
              data-testid="assign-village"
            >
              <option value="">{tt("common.all")}</option>
              {villages.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.parent?.name} · {v.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-stone-600">
            {t("needLabel")}
            <select
              name="need"
              defaultValue={filter.need}
              className="mt-1 block rounded border border-stone-300 px-2 py-2 text-sm text-stone-900"
            >
              <option value="1">{t("need1")}</option>
              <option value="0">{t("need0")}</option>
            </select>
          </label>
          <label className="text-xs text-stone-600">
            {t("showLabel")}
            <select
              name="show"
              defaultValue={filter.show}
              className="mt-1 block rounded border border-stone-300 px-2 py-2 text-sm text-stone-900"
            >
              <option value="unassigned">{t("showUnassigned")}</option>
              <option value="all">{t("showAll")}</option>
            </select>
          </label>
          <label className="text-xs text-stone-600">
            {tt("county.villagePage.searchHead")}
            <input
              name="q"
              defaultValue={p.q ?? ""}
              maxLength={40}
              className="mt-1 block w-40 rounded border border-stone-300 px-2 py-2 text-sm text-stone-900"
            />
          </label>
          <button className={buttonClass()}>{tt("common.filter")}</button>
        </form>
        <p className="mb-2 text-xs text-stone-500">{t("needHint")}</p>
        {list.outOfRange && list.total > 0 && (
          <PageOutOfRange
            page={list.page}
            pages={list.pages}
            lastHref={`/county/assignments?${toQuery({ ...filter, page: list.pages })}`}
          />
        )}
        {mayAssign ? <AssignWorkbench items={list.items} total={list.total} filter={filter} query={listQuery} /> : null}
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          params={Object.fromEntries(new URLSearchParams(listQuery))}
          basePath="/county/assignments"
        />
      </Card>
    </div>
  );
}
