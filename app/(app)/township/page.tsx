// The township reviewer's home: the township's villages (the county's figures, its villages
// only), the proposals waiting on its review, and what is late — help reports past their answer
// deadline, households whose monthly visit is overdue.
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/roles";
import { exitThreshold, villageList } from "@/lib/data/county";
import { isTownshipScope, reviewTownship, townshipLate } from "@/lib/data/township";
import { approvalQueue } from "@/lib/data/procedure/queue";
import { Card, EmptyState, PageTitle, Stat } from "@/components/ui/card";
import { ApprovalQueue } from "@/components/procedure/approval-queue";
import { today } from "@/lib/clock";
import { pageTitle } from "@/lib/page-title";
import { formatQuantity as num } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("township");

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

export default async function TownshipHome() {
  const viewer = await requireViewerPage("village.review");
  if (!isTownshipScope(viewer)) redirect(homeFor(viewer));
  const { township, county } = await reviewTownship(viewer);
  const t = await getTranslations("township");
  const tc = await getTranslations("county");
  const threshold = await exitThreshold(county.id, county.zone);
  const [list, queue, late] = await Promise.all([
    villageList(county.id, threshold, { township: township.id, sort: "name", dir: "asc", pageSize: 500 }),
    approvalQueue(viewer),
    townshipLate(township.id),
  ]);
  const villages = list.rows;
  const sum = (k: "households" | "people" | "poorPeople" | "missed" | "wronglyLifted" | "monitored") =>
    villages.reduce((n, v) => n + v[k], 0);
  const ready = queue.rows.filter((r) => r.ready).length;
  const noticeOver = queue.rows.filter((r) => r.ready && r.noticeEnd !== null && r.noticeEnd < today()).length;

  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub", { county: county.name, date: today() })}>{t("title", { township: township.name })}</PageTitle>

      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <Stat
          label={t("villages")}
          value={villages.length}
          hint={t("householdsPeople", { households: num(sum("households")), people: num(sum("people")) })}
        />
        <Stat label={tc("incidence")} value={`${pct(sum("poorPeople"), sum("people"))}%`} hint={t("threshold", { threshold })} />
        <Stat
          label={t("waiting")}
          value={queue.rows.length}
          tone={queue.rows.length ? "warn" : "default"}
          hint={t("readyCount", { count: ready })}
        />
        <Stat label={t("noticeOver")} value={noticeOver} tone={noticeOver ? "bad" : "good"} hint={t("noticeOverHint")} />
        <Stat
          label={t("lateLeads")}
          value={late.leads}
          tone={late.leads ? "bad" : "good"}
          hint={
            <Link className="underline" href="/leads?filter=overdue">
              {t("toLeads")}
            </Link>
          }
        />
        <Stat label={t("lateVisits")} value={late.visits} tone={late.visits ? "warn" : "good"} hint={t("lateVisitsHint")} />
      </div>

      <Card
        title={t("queueTitle")}
        actions={
          <Link href="/procedure" className="text-sm underline">
            {t("toQueue")}
          </Link>
        }
      >
        <ApprovalQueue viewer={viewer} />
      </Card>

      <Card title={t("villagesTitle", { count: villages.length })}>
        {villages.length === 0 ? (
          <EmptyState>{tc("noVillages")}</EmptyState>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[760px] text-sm" data-testid="township-villages">
              <thead className="bg-stone-50 text-left text-xs text-stone-600">
                <tr>
                  <th scope="col" className="px-2 py-2">
                    {tc("village")}
                  </th>
                  <th scope="col" className="px-2 text-right">
                    {tc("households")}
                  </th>
                  <th scope="col" className="px-2 text-right">
                    {tc("people")}
                  </th>
                  <th scope="col" className="px-2 text-right">
                    {tc("poorPeople")}
                  </th>
                  <th scope="col" className="px-2 text-right">
                    {tc("incidence")}
                  </th>
                  <th scope="col" className="px-2 text-right">
                    {tc("monitored")}
                  </th>
                  <th scope="col" className="px-2 text-right" title={tc("missedHint")}>
                    {tc("missed")}
                  </th>
                  <th scope="col" className="px-2 text-right" title={tc("wronglyLiftedHint")}>
                    {tc("wronglyLifted")}
                  </th>
                  <th scope="col" className="px-2 text-right">
                    {tc("coverage")}
                  </th>
                  <th scope="col" className="px-2 text-right">
                    {t("lateVisitsCol")}
                  </th>
                  <th scope="col" className="px-2 text-right">
                    {t("pendingCol")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 tabular-nums">
                {villages.map((v) => {
                  const lateVisits = late.visitsByVillage.get(v.id) ?? 0;
                  return (
                    <tr key={v.id} className="hover:bg-stone-50">
                      <td className="px-2 py-1.5 font-medium">
                        <Link href={`/county/villages/${v.id}`} className="text-brand-800 hover:underline">
                          {v.name}
                        </Link>
                      </td>
                      <td className="px-2 text-right">{num(v.households)}</td>
                      <td className="px-2 text-right">{num(v.people)}</td>
                      <td className="px-2 text-right">{v.poorPeople}</td>
                      <td className="px-2 text-right">
                        {v.incidence === null ? (
                          <span className="text-stone-400">—</span>
                        ) : (
                          <span className={v.belowThreshold ? "text-emerald-700" : "font-semibold text-red-700"}>{v.incidence}%</span>
                        )}
                      </td>
                      <td className="px-2 text-right">{v.monitored}</td>
                      <td className={`px-2 text-right ${v.missed ? "font-medium text-amber-700" : ""}`}>{v.missed}</td>
                      <td className={`px-2 text-right ${v.wronglyLifted ? "font-medium text-amber-700" : ""}`}>{v.wronglyLifted}</td>
                      <td className="px-2 text-right">
                        {v.coverage === null ? <span className="text-stone-400">—</span> : `${v.coverage}%`}
                      </td>
                      <td className="px-2 text-right">
                        {lateVisits ? (
                          <Link className="font-medium text-amber-700 underline" href={`/county/villages/${v.id}?overdue=1`}>
                            {lateVisits}
                          </Link>
                        ) : (
                          0
                        )}
                      </td>
                      <td className={`px-2 text-right ${v.pending ? "font-medium text-violet-700" : "text-stone-400"}`}>{v.pending}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
