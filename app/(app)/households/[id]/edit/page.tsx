import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { householdOr404, withAllFacts } from "@/lib/data/household-page";
import { factsFromRecord } from "@/lib/validation/visit-facts";
import { HouseholdEditForm } from "@/components/household-edit/edit-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("householdEdit.edit");
  return { title: t("title") };
}

export default async function EditHouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewerPage("household.edit");
  const { id } = await params;
  const h = await householdOr404(viewer, id, "edit");
  const t = await getTranslations("householdEdit");
  return (
    <div className="mx-auto max-w-xl">
      <Link href={`/households/${h.id}`} className="mb-2 inline-flex min-h-11 items-center text-sm text-stone-700 underline">
        ← {t("back")}
      </Link>
      <h1 className="text-xl font-semibold">{t("edit.titleFor", { name: h.headName })}</h1>
      <p className="mb-4 text-sm text-stone-600">{t("edit.sub", { village: h.village.name, number: h.number })}</p>
      <HouseholdEditForm householdId={h.id} baseVersion={h.version} facts={factsFromRecord(withAllFacts(h))} />
    </div>
  );
}
