import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { householdScope } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
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
  const households = await db().household.findMany({
    where: householdScope(viewer),
    select: { id: true, villageId: true, number: true, headName: true, village: { select: { name: true } } },
    orderBy: [{ villageId: "asc" }, { number: "asc" }],
  });
  const villages = [...new Map(households.map((h) => [h.villageId, { id: h.villageId, name: h.village.name }])).values()];
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
        <RegisterForm villages={villages} households={households.map(({ village: _v, ...h }) => h)} today={today()} />
      )}
    </div>
  );
}
