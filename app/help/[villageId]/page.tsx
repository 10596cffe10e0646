// The village's public report form, opened from the QR poster in the village: anyone may point
// out a household they believe is in difficulty. No sign-in; nothing about any household shown.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { helpVillage } from "@/lib/data/help";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { ReportForm } from "@/components/help/report-form";
import { hotlineHref } from "@/lib/domain/hotline";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("help");
  return { title: t("village.metaTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function VillageHelpPage({ params }: { params: Promise<{ villageId: string }> }) {
  const { villageId } = await params;
  const village = await helpVillage(villageId);
  if (!village) notFound();
  const t = await getTranslations("help");
  return (
    <main className="mx-auto max-w-xl space-y-4 px-3 py-4 text-lg leading-relaxed">
      <header className="flex items-start justify-between gap-3">
        <div>
          <p className="text-base text-stone-600">{[village.countyName, village.townshipName].filter(Boolean).join(" · ")}</p>
          <h1 className="text-2xl font-bold" data-testid="help-village">
            {t("village.title", { village: village.name })}
          </h1>
        </div>
        <LanguageSwitcher />
      </header>
      <section className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
        <p className="mb-3 text-base text-stone-700">{t("village.intro")}</p>
        <ReportForm variant="village" villageId={village.id} />
      </section>
      <p className="text-base">
        {t("village.hotline")}{" "}
        <a className="font-semibold underline" href={hotlineHref(village.hotline)}>
          {village.hotline}
        </a>
      </p>
      <p className="pb-8 text-sm text-stone-500">{t("village.privacy")}</p>
    </main>
  );
}
