import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { currentYear } from "@/lib/clock";
import { evaluableCounties, planDefaults, teamCandidates } from "@/lib/data/evaluation/evaluations";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { CreateEvaluationForm } from "@/components/evaluation/create-evaluation-form";
import { pageTitle } from "@/lib/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("evaluationNew");

export default async function NewEvaluationPage() {
  const viewer = await requireViewerPage("evaluation.run");
  const t = await getTranslations("evaluation");
  const counties = await evaluableCounties(viewer);
  const [defaults, candidates] = await Promise.all([planDefaults(viewer, counties), teamCandidates(viewer)]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/evaluator" className="text-sm underline">
        ← {t("detail.back")}
      </Link>
      <PageTitle sub={t("create.sub")}>{t("create.title")}</PageTitle>
      <Card>
        {counties.length === 0 ? (
          <EmptyState>{t("create.noCounties")}</EmptyState>
        ) : (
          <CreateEvaluationForm counties={counties} defaults={defaults} candidates={candidates} viewerId={viewer.id} year={currentYear()} />
        )}
      </Card>
    </div>
  );
}
