import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { denyPage, requireViewerPage } from "@/lib/auth/session";
import { ownExitVillage, villageExitList, VILLAGE_EXIT_STAGES } from "@/lib/data/village-exit";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/tone";
import { Pagination } from "@/components/ui/pagination";
import { CountyTabs } from "@/components/county/county-tabs";
import { VILLAGE_EXIT_CRITERIA } from "@/lib/domain/village-exit";
import { CRITERION_LABEL, CRITERION_TONE, STAGE_TONE } from "@/components/village-exit/stage";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("villageExit");
  return { title: t("title") };
}

/**
 * The designated poor villages (贫困村) of the county, or of the township reviewer's township
 * (proposals to review first): incidence, each exit criterion met or not, the stage of the
 * latest record. The village side goes straight to its own village.
 */
export default async function VillageExitListPage({ searchParams }: { searchParams: Promise<{ page?: string; stage?: string }> }) {
  const viewer = await requireViewerPage();
  if (viewer.role === "facilitator" || viewer.role === "cadre") {
    const own = await ownExitVillage(viewer);
    if (own) redirect(`/village-exit/${own}`);
    await denyPage(viewer, "village_exit.propose");
  }
  if (viewer.role !== "county_official") await denyPage(viewer, "village.review");
  const t = await getTranslations("villageExit");
  const sp = await searchParams;
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const list = await villageExitList(viewer, { page, stage: sp.stage });
  const threshold = list.zone === "west" ? list.policy.exitIncidenceWest : list.policy.exitIncidenceEast;
  return (
    <div className="space-y-4">
      <PageTitle sub={list.township ? t("townshipIntro") : t("listIntro")}>
        {viewer.regionName} · {t("title")}
      </PageTitle>
      {!list.township && <CountyTabs current="villageExit" />}
      <p className="text-sm text-stone-600">{t("threshold", { threshold })}</p>
      <form className="flex flex-wrap items-end gap-2 text-sm" method="get">
        <label className="flex flex-col">
          {t("filterStage")}
          <select name="stage" defaultValue={list.stage ?? ""} className="rounded border border-stone-300 px-2 py-1">
            <option value="">{t("allStages")}</option>
            <option value="none">{t("stages.none")}</option>
            {VILLAGE_EXIT_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-stone-300 px-3 py-1">
          {t("show")}
        </button>
      </form>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState>{list.township ? t("noneTownship") : t("none")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[64rem] text-sm" data-testid="village-exit-list">
              <caption className="sr-only">{t("title")}</caption>
              <thead className="border-b border-stone-200 text-left text-xs text-stone-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    {t("village")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("incidence")}
                  </th>
                  {VILLAGE_EXIT_CRITERIA.filter((c) => c !== "incidence").map((c) => (
                    <th key={c} scope="col" className="py-2 pr-3">
                      {t(`criteriaNames.${c}`)}
                    </th>
                  ))}
                  <th scope="col" className="py-2 pr-3">
                    {t("stage")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => {
                  const met = new Map(r.verdict.criteria.map((c) => [c.key, c]));
                  const inc = met.get("incidence")!;
                  return (
                    <tr key={r.id} className="border-b border-stone-100 align-top" data-testid={`exit-row-${r.id}`}>
                      <th scope="row" className="py-2 pr-3 text-left font-medium">
                        <Link href={`/village-exit/${r.id}${r.year ? `?year=${r.year}` : ""}`} className="text-brand-800 underline">
                          {r.name}
                        </Link>
                        <div className="text-xs font-normal text-stone-500">{r.townshipName}</div>
                      </th>
                      <td className="py-2 pr-3 tabular-nums" title={inc.reason.zh}>
                        <Badge tone={inc.met ? "green" : "red"}>
                          {r.verdict.incidence === null
                            ? t("noPopulation")
                            : t("incidenceValue", { value: r.verdict.incidence, poor: r.poorPeople, people: r.people })}
                        </Badge>
                      </td>
                      {VILLAGE_EXIT_CRITERIA.filter((c) => c !== "incidence").map((c) => {
                        const x = met.get(c)!;
                        return (
                          <td key={c} className="py-2 pr-3" title={x.reason.zh}>
                            {r.exitId === null ? (
                              <span className="text-stone-400">{t("noRecord")}</span>
                            ) : (
                              <Badge tone={CRITERION_TONE[x.state]}>{t(CRITERION_LABEL[x.state])}</Badge>
                            )}
                          </td>
                        );
                      })}
                      <td className="py-2 pr-3">
                        <Badge tone={STAGE_TONE[r.stage ?? "none"]}>{t(`stages.${r.stage ?? "none"}`)}</Badge>
                        {r.year !== null && <div className="text-xs text-stone-500">{r.year}</div>}
                        {r.exitYear !== null && <div className="text-xs text-stone-500">{t("exitedIn", { year: r.exitYear })}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          params={{ stage: list.stage ?? undefined }}
          basePath="/village-exit"
        />
      </Card>
    </div>
  );
}
