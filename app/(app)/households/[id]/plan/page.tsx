import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { householdOr404 } from "@/lib/data/household-page";
import { planOf } from "@/lib/data/plan";
import { currentYear } from "@/lib/clock";
import { PlanForm } from "@/components/plan/plan-form";
import { pageTitle } from "@/lib/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("plan");

export default async function HouseholdPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewerPage("plan.edit");
  const { id } = await params;
  const h = await householdOr404(viewer, id, "plan");
  const year = currentYear();
  const plan = await planOf(h.id, year);
  const t = await getTranslations("plan");
  const tAll = await getTranslations();
  return (
    <div className="mx-auto max-w-xl">
      <Link href={`/households/${h.id}`} className="mb-2 inline-flex min-h-11 items-center text-sm text-stone-700 underline">
        ← {tAll("householdEdit.back")}
      </Link>
      <h1 className="mb-4 text-xl font-semibold">{t("plan.titleFor", { name: h.headName, year })}</h1>
      <PlanForm
        measures={h.measures.map((m) => ({ id: m.id, label: `${t(`kind.${m.kind}`)}：${m.description}` }))}
        initial={{
          householdId: h.id,
          year,
          baseVersion: plan?.version,
          mainCause: plan ? (plan.mainCause ?? "") : (h.mainCause ?? ""),
          secondaryCauses: plan ? plan.secondaryCauses : h.secondaryCauses,
          expectedIncome: plan ? String(plan.expectedIncome) : "",
          measureIds: plan ? plan.measures.map((m) => m.id) : [],
          items: plan ? plan.items.map((i) => i.text).join("\n") : "",
          note: plan?.note ?? "",
        }}
      />
    </div>
  );
}
