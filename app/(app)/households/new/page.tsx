import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { registerChoices } from "@/lib/data/households";
import { today } from "@/lib/clock";
import { RegisterForm } from "@/components/household-edit/register-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("householdEdit.register");
  return { title: t("title") };
}

export default async function RegisterHouseholdPage() {
  const viewer = await requireViewerPage("household.register");
  // the villages where the cadre now has households, and those households (a split's origin)
  const { villages, households } = await registerChoices(viewer);
  const t = await getTranslations("householdEdit");
  return (
    <div className="mx-auto max-w-xl">
      <Link href="/cadre" className="mb-2 inline-flex min-h-11 items-center text-sm text-stone-700 underline">
        ← {t("backHome")}
      </Link>
      <h1 className="mb-4 text-xl font-semibold">{t("register.title")}</h1>
      {villages.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700">{t("register.noVillage")}</p>
      ) : (
        <RegisterForm villages={villages} households={households} today={today()} />
      )}
    </div>
  );
}
