import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { countiesOverview } from "@/lib/data/overview";
import { listEvaluations } from "@/lib/data/evaluation/evaluations";
import { chinaDateTime } from "@/lib/domain/china-time";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { pageTitle } from "@/lib/page-title";
import { buttonClass } from "@/components/ui/button-style";

export const dynamic = "force-dynamic";

const STATE_TONE = { draft: "gray", drawn: "blue", closed: "green" } as const;

export const generateMetadata = pageTitle("evaluations");

export default async function EvaluatorHome() {
  const viewer = await requireViewerPage("evaluation.run");
  const t = await getTranslations("evaluatorHome");
  const te = await getTranslations("evaluation");
  const [counties, evaluations] = await Promise.all([countiesOverview(viewer), listEvaluations(viewer)]);
  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub", { region: viewer.regionName })}>{t("title")}</PageTitle>
      <Card title={t("county")}>
        {counties.length === 0 ? (
          <EmptyState>{t("noCounties")}</EmptyState>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[560px] text-sm" data-testid="county-table">
              <thead className="bg-stone-50 text-left text-xs text-stone-600">
                <tr>
                  <th className="px-2 py-2">{t("county")}</th>
                  <th className="px-2 text-right">{t("households")}</th>
                  <th className="px-2 text-right">{t("registeredPoor")}</th>
                  <th className="px-2 text-right">{t("lifted")}</th>
                  <th className="px-2 text-right">{t("missed")}</th>
                  <th className="px-2 text-right">{t("wronglyLifted")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100 tabular-nums">
                {counties.map((c) => (
                  <tr key={c.id}>
                    <td className="px-2 py-1.5 font-medium">{c.name}</td>
                    <td className="px-2 text-right">{c.households}</td>
                    <td className="px-2 text-right">{c.registeredPoor}</td>
                    <td className="px-2 text-right">{c.lifted}</td>
                    <td className="px-2 text-right">{c.missed}</td>
                    <td className="px-2 text-right">{c.wronglyLifted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card
        title={t("evaluations")}
        actions={
          <Link href="/evaluator/new" className={buttonClass()} data-testid="new-evaluation">
            {te("home.new")}
          </Link>
        }
      >
        {evaluations.length === 0 ? (
          <EmptyState>{t("noEvaluations")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100" data-testid="evaluation-list">
            {evaluations.map((e) => (
              <li key={e.id} className="py-2">
                <Link
                  href={`/evaluator/${e.id}`}
                  className="flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 rounded px-1 hover:bg-stone-50"
                >
                  <span className="font-medium underline-offset-2 hover:underline">{e.name}</span>
                  <Badge tone={STATE_TONE[e.state]}>{te(`state.${e.state}`)}</Badge>
                  <span className="text-sm text-stone-600">
                    {e.countyName} · {e.year}
                  </span>
                  <span className="text-sm tabular-nums text-stone-600">
                    {te("home.progress", { checked: e.checked, sampled: e.sampled, found: e.discrepancies })}
                  </span>
                  {e.releaseAt && (
                    <span className="text-xs text-stone-500">
                      {e.embargoed
                        ? te("home.embargoed", { at: chinaDateTime(e.releaseAt) })
                        : te("home.released", { at: chinaDateTime(e.releaseAt) })}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
