import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { villageProcedure } from "@/lib/data/procedure/views";
import { isCountyOfficial, isTownshipReviewer } from "@/lib/auth/scope";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { ApprovalQueue } from "@/components/procedure/approval-queue";
import { KindLabel, StageBadge } from "@/components/procedure/labels";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const viewer = await requireViewerPage("household.read");
  const t = await getTranslations();
  return {
    title: isTownshipReviewer(viewer)
      ? t("nav.townshipReview")
      : isCountyOfficial(viewer)
        ? t("titles.procedure")
        : t("titles.procedureMine"),
  };
}

// 待审批: what waits on a county-side reviewer; for a facilitator or cadre, their proposals under way.
export default async function ProcedurePage() {
  const viewer = await requireViewerPage("household.read");
  const t = await getTranslations("procedure.queue");
  const reviewer = isTownshipReviewer(viewer) || isCountyOfficial(viewer);
  if (reviewer) {
    return (
      <div className="space-y-4">
        <PageTitle
          sub={isTownshipReviewer(viewer) ? t("subTownship", { region: viewer.regionName }) : t("subCounty", { region: viewer.regionName })}
        >
          {t("title")}
        </PageTitle>
        <Card>
          <ApprovalQueue viewer={viewer} />
        </Card>
      </div>
    );
  }
  const { open } = await villageProcedure(viewer);
  return (
    <div className="space-y-4">
      <PageTitle sub={t("subMine")}>{t("mine")}</PageTitle>
      <Card>
        {open.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100">
            {open.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <Link href={`/procedure/${p.id}`} className="min-w-20 font-medium underline">
                  {p.headName}
                </Link>
                <KindLabel kind={p.kind} category={p.category} />
                <StageBadge stage={p.stage} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
