import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { householdOr404, withAllFacts } from "@/lib/data/household-page";
import { chinaDay } from "@/lib/domain/china-time";
import { currentYear, today } from "@/lib/clock";
import { planOf } from "@/lib/data/plan";
import { factsFromRecord } from "@/lib/validation/visit-facts";
import { VisitForm } from "@/components/visit/visit-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("visit");
  return { title: t("title") };
}

export default async function LogVisitPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewerPage("visit.create");
  const { id } = await params;
  const h = await householdOr404(viewer, id, "visit");
  const t = await getTranslations("visit");
  const mine = h.assignments.find((a) => a.cadreId === viewer.id);
  const plan = await planOf(h.id, currentYear());
  const tp = await getTranslations("plan");
  return (
    <div className="mx-auto max-w-xl">
      <Link href={`/households/${h.id}`} className="mb-2 inline-flex min-h-11 items-center text-sm text-stone-700 underline">
        ← {t("back")}
      </Link>
      <h1 className="text-xl font-semibold">{t("titleFor", { name: h.headName })}</h1>
      <p className="mb-4 text-sm text-stone-600">{t("sub", { village: h.village.name, number: h.number })}</p>
      <VisitForm
        householdId={h.id}
        baseVersion={h.version}
        today={today()}
        minDate={mine ? chinaDay(mine.validFrom) : null}
        facts={factsFromRecord(withAllFacts(h))}
        plan={
          plan && {
            year: plan.year,
            expectedIncome: plan.expectedIncome,
            measures: plan.measures.map((m) => `${tp(`kind.${m.kind}`)}：${m.description}`),
            items: plan.items.filter((i) => !i.doneAt).map((i) => ({ id: i.id, text: i.text })),
            done: plan.items.filter((i) => i.doneAt).length,
          }
        }
      />
    </div>
  );
}
