import { redirect } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { reviewCounty } from "@/lib/data/county";
import { candidateGroups } from "@/lib/data/county-approvals";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { CountyTabs } from "@/components/county/county-tabs";
import { pageTitle } from "@/lib/page-title";
import { isTownshipScope } from "@/lib/data/township";
import type { KeyUnder } from "@/i18n/keys";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("candidates");

export default async function ApprovalsPage() {
  const viewer = await requireViewerPage("village.review");
  // the county pages are the county's: a township reviewer has its own (/township)
  if (isTownshipScope(viewer)) redirect("/township");
  const county = await reviewCounty(viewer);
  const t = await getTranslations("county.approvals");
  const tt = await getTranslations();
  const groups = await candidateGroups(county.id);
  const all = groups.reduce((n, g) => n + g.households, 0);

  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub", { count: all })}>{t("title", { county: county.name })}</PageTitle>
      <CountyTabs current="approvals" />
      <div
        role="note"
        className="rounded-lg border border-violet-300 bg-violet-50 p-3 text-sm text-violet-900"
        data-testid="candidates-note"
      >
        <p className="font-semibold">{t("noteTitle")}</p>
        <p>{t("note")}</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {groups.map((g) => (
          <a
            key={g.kind}
            href={`#kind-${g.kind}`}
            className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm hover:bg-stone-50"
            data-testid={`kind-count-${g.kind}`}
          >
            <div className="text-xs text-stone-500">{tt(`candidate.${g.kind}`)}</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{g.households}</div>
            <div className="text-xs text-stone-500">{t("villagesPeople", { villages: g.villages.length, people: g.people })}</div>
          </a>
        ))}
      </div>
      {groups.map((g) => (
        <Card
          key={g.kind}
          title={
            <span id={`kind-${g.kind}`}>
              {tt(`candidate.${g.kind}`)} · {t("households", { count: g.households })}
            </span>
          }
        >
          <p className="mb-2 text-sm text-stone-600">{t(`explain.${g.kind}`)}</p>
          {g.villages.length === 0 ? (
            <EmptyState>{t("none")}</EmptyState>
          ) : (
            <div className="-mx-4 overflow-x-auto px-4">
              <table className="w-full min-w-[640px] text-sm" data-testid={`candidates-${g.kind}`}>
                <thead className="bg-stone-50 text-left text-xs text-stone-600">
                  <tr>
                    <th scope="col" className="px-2 py-2">
                      {tt("county.township")}
                    </th>
                    <th scope="col" className="px-2">
                      {tt("county.village")}
                    </th>
                    <th scope="col" className="px-2 text-right">
                      {t("householdsCol")}
                    </th>
                    <th scope="col" className="px-2 text-right">
                      {t("peopleCol")}
                    </th>
                    {g.kind === "monitor" && (
                      <th scope="col" className="px-2">
                        {t("categories")}
                      </th>
                    )}
                    <th scope="col" className="px-2">
                      <span className="sr-only">{tt("common.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100 tabular-nums">
                  {g.villages.map((v) => (
                    <tr key={v.villageId}>
                      <td className="px-2 py-1.5 text-stone-600">{v.townshipName}</td>
                      <td className="px-2 font-medium">{v.villageName}</td>
                      <td className="px-2 text-right">{v.households}</td>
                      <td className="px-2 text-right">{v.people}</td>
                      {g.kind === "monitor" && (
                        <td className="px-2 text-xs text-stone-600">
                          {[
                            ["unstable_lifted", v.unstableLifted],
                            ["marginal", v.marginal],
                            ["sudden_hardship", v.suddenHardship],
                          ]
                            .filter(([, n]) => Number(n) > 0)
                            .map(([k, n]) => `${tt(`monitoring.${k as KeyUnder<"monitoring">}`)} ${n}`)
                            .join(" · ")}
                        </td>
                      )}
                      <td className="px-2 text-right">
                        <Link className="text-brand-800 underline" href={`/county/villages/${v.villageId}?mismatch=${g.kind}`}>
                          {t("open")}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      ))}
    </div>
  );
}
