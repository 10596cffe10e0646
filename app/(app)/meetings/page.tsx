import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { villageOverview } from "@/lib/data/overview";
import { Card, EmptyState, PageTitle, Stat } from "@/components/ui/card";
import { AssessedBadge, CandidateBadge, RegisteredBadge } from "@/components/ui/badge";

export const dynamic = "force-dynamic";

export default async function FacilitatorHome() {
  const viewer = await requireViewerPage("meeting.run");
  const t = await getTranslations("facilitatorHome");
  const ti = await getTranslations("indicators");
  const o = await villageOverview(viewer);
  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub")}>{t("title", { village: viewer.regionName })}</PageTitle>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("households")} value={o.households} />
        <Stat label={t("registeredPoor")} value={o.registeredPoor} />
        <Stat label={t("lifted")} value={o.lifted} />
        <Stat label={t("monitored")} value={o.monitored} />
      </div>
      <Card title={`${t("candidates")} (${o.candidates.length})`}>
        {o.candidates.length === 0 ? <EmptyState>{t("noCandidates")}</EmptyState> : (
          <ul className="divide-y divide-stone-100" data-testid="candidates">
            {o.candidates.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center gap-2 py-2">
                <Link href={`/households/${h.id}`} className="min-w-24 font-medium underline-offset-2 hover:underline">{h.headName}</Link>
                <RegisteredBadge status={h.registeredStatus} />
                <AssessedBadge status={h.assessedStatus} />
                <CandidateBadge candidate={h.candidate} category={h.candidateCategory} />
                {h.unmetIndicators.length > 0 && <span className="text-xs text-red-700">{h.unmetIndicators.map((k) => ti(k)).join("、")}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("meetings")}><EmptyState>{t("noMeetings")}</EmptyState></Card>
    </div>
  );
}
