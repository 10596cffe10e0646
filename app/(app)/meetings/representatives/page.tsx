import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { representativesView } from "@/lib/data/procedure/meetings";
import { quorumMinimum } from "@/lib/domain/meeting";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { AddRepresentativeForm, RepresentativeToggle } from "@/components/procedure/meeting-forms";
import { pageTitle } from "@/lib/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("representatives");

export default async function RepresentativesPage() {
  const viewer = await requireViewerPage("meeting.run");
  const t = await getTranslations("procedure.reps");
  const { reps, quorum } = await representativesView(viewer);
  const active = reps.filter((r) => r.active);
  const minimum = active.length ? quorumMinimum(active.length, quorum) : null;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/meetings" className="text-sm underline">
        ← {t("back")}
      </Link>
      <PageTitle
        sub={t("sub", {
          active: active.length,
          minimum: minimum ?? 0,
          numerator: quorum.numerator,
          denominator: quorum.denominator,
        })}
      >
        {t("title", { village: viewer.regionName })}
      </PageTitle>
      <Card title={t("addTitle")}>
        <AddRepresentativeForm />
      </Card>
      <Card title={`${t("list")} (${active.length})`}>
        {reps.length === 0 ? (
          <EmptyState>{t("none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100" data-testid="representatives">
            {reps.map((r) => (
              <li key={r.id} className={`flex flex-wrap items-center gap-2 py-2 ${r.active ? "" : "text-stone-500"}`}>
                <span className="min-w-24 font-medium">{r.name}</span>
                {r.phone && (
                  <a href={`tel:${r.phone}`} className="text-sm underline">
                    {r.phone}
                  </a>
                )}
                {!r.active && <Badge>{t("inactive")}</Badge>}
                <span className="ml-auto">
                  <RepresentativeToggle id={r.id} active={r.active} name={r.name} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
