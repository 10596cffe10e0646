// A reporter follows their report by the link they were given (no account): its progress and
// outcome only. Unknown links read "not found".
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { allowStatusLookup, helpStatus } from "@/lib/data/help";
import { clientAddress } from "@/lib/http/request";
import { LanguageSwitcher } from "@/components/shell/language-switcher";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("help");
  return { title: t("status.metaTitle"), robots: { index: false, follow: false, nocache: true }, referrer: "no-referrer" };
}

export default async function HelpStatusPage({ params }: { params: Promise<{ villageId: string; token: string }> }) {
  const { villageId, token } = await params;
  const t = await getTranslations("help");
  if (!(await allowStatusLookup(await clientAddress()))) {
    return (
      <main className="mx-auto max-w-xl px-4 py-10 text-center text-lg">
        <h1 className="text-2xl font-bold">{t("e.slowDown")}</h1>
      </main>
    );
  }
  const s = await helpStatus(token);
  if (!s || s.villageId !== villageId) notFound();
  return (
    <main className="mx-auto max-w-xl space-y-4 px-3 py-4 text-lg leading-relaxed">
      <header className="flex items-start justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("status.title")}</h1>
        <LanguageSwitcher />
      </header>
      <section className="space-y-2 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm" data-testid="help-status">
        <p>{t("status.village", { village: s.villageName })}</p>
        <p>{t("status.category", { category: t(`category.${s.category}` as "category.other") })}</p>
        <p>{t("status.received", { date: s.receivedOn })}</p>
        <p className="text-xl font-semibold">
          {t(`state.${s.state}` as "state.open")}
          {s.handledOn ? `（${s.handledOn}）` : ""}
        </p>
        {s.state === "open" && <p>{t("mine.deadline", { date: s.deadline })}</p>}
        {s.outcome && <p className="rounded-xl bg-stone-50 p-3">{s.outcome}</p>}
      </section>
    </main>
  );
}
