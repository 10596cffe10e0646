import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { countiesOverview } from "@/lib/data/overview";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export default async function EvaluatorHome() {
  const viewer = await requireViewerPage("evaluation.run");
  const t = await getTranslations("evaluatorHome");
  const counties = await countiesOverview(viewer);
  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub", { region: viewer.regionName })}>{t("title")}</PageTitle>
      <Card title={t("county")}>
        {counties.length === 0 ? <EmptyState>{t("noCounties")}</EmptyState> : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[560px] text-sm" data-testid="county-table">
              <thead className="bg-stone-50 text-left text-xs text-stone-600">
                <tr><th className="px-2 py-2">{t("county")}</th><th className="px-2 text-right">{t("households")}</th><th className="px-2 text-right">{t("registeredPoor")}</th><th className="px-2 text-right">{t("lifted")}</th><th className="px-2 text-right">{t("missed")}</th><th className="px-2 text-right">{t("wronglyLifted")}</th></tr>
              </thead>
              <tbody className="divide-y divide-stone-100 tabular-nums">
                {counties.map((c) => (
                  <tr key={c.id}><td className="px-2 py-1.5 font-medium">{c.name}</td><td className="px-2 text-right">{c.households}</td><td className="px-2 text-right">{c.registeredPoor}</td><td className="px-2 text-right">{c.lifted}</td><td className="px-2 text-right">{c.missed}</td><td className="px-2 text-right">{c.wronglyLifted}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t("evaluations")}><EmptyState>{t("noEvaluations")}</EmptyState></Card>
    </div>
  );
}
