import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPublicNotice } from "@/lib/data/procedure/notices";
import { PrintButton } from "@/components/procedure/print-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

const cn = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

// A public notice as posted in the village: no sign-in (anyone may read what hangs on the notice
// board), printable on A4. It shows the place, the period and, per household, the head's name,
// the kind of decision and the reason — never national IDs, health details or incomes.
export default async function PublicNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const n = await getPublicNotice(id);
  if (!n) notFound();
  const t = await getTranslations("procedure.notice");
  const tk = await getTranslations();
  const announcement = n.kind === "announcement";
  return (
    <div className="notice-page mx-auto max-w-[210mm] bg-white px-[14mm] py-[12mm] text-stone-950 shadow-sm print:max-w-none print:p-0 print:shadow-none">
      <style>{`@page { size: A4; margin: 18mm 16mm; } @media print { body { background: white; } .notice-page { font-size: 12pt; } }`}</style>
      <div className="no-print mb-6 flex items-center justify-between gap-2 border-b border-stone-200 pb-3 text-sm text-stone-600">
        <span>{t("printHint")}</span>
        <PrintButton label={t("print")} />
      </div>
      <h1 className="text-center text-2xl font-bold tracking-wide" data-testid="notice-title">
        {announcement ? t("titleAnnouncement", { county: n.county, village: n.village }) : t("title", { village: n.village, which: t(`which.${n.kind}`) })}
      </h1>
      <p className="mt-1 text-center text-sm">{n.county} · {n.township} · {n.village}</p>
      <p className="mt-6 indent-8 leading-8">
        {announcement
          ? t("introAnnouncement", { village: n.village, date: cn(n.start) })
          : t("intro", { village: n.village, start: cn(n.start), end: cn(n.end), days: n.days })}
      </p>
      <table className="mt-6 w-full border-collapse text-base" data-testid="notice-items">
        <thead>
          <tr>
            <th className="w-14 border border-stone-800 px-2 py-2">{t("no")}</th>
            <th className="w-28 border border-stone-800 px-2 py-2">{t("head")}</th>
            <th className="w-44 border border-stone-800 px-2 py-2">{t("kind")}</th>
            <th className="border border-stone-800 px-2 py-2">{t("reason")}</th>
          </tr>
        </thead>
        <tbody>
          {n.items.map((i, k) => (
            <tr key={k} className="break-inside-avoid">
              <td className="border border-stone-800 px-2 py-2 text-center tabular-nums">{k + 1}</td>
              <td className="border border-stone-800 px-2 py-2 text-center font-semibold">{i.headName}</td>
              <td className="border border-stone-800 px-2 py-2 text-center">{tk(`procedure.kind.${i.kind}` as never)}{i.category ? `（${tk(`monitoring.${i.category}` as never)}）` : ""}</td>
              <td className="border border-stone-800 px-2 py-2">{i.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!announcement && (
        <p className="mt-6 indent-8 leading-8">{t("objections", { village: n.village, township: n.township, end: cn(n.end), hotline: n.hotline ?? "12317" })}</p>
      )}
      <div className="mt-16 flex justify-end">
        <div className="text-center leading-8">
          <p>{announcement ? t("signAnnouncement", { county: n.county }) : t("sign", { village: n.village })}</p>
          <p>{cn(n.publishedOn)}</p>
        </div>
      </div>
    </div>
  );
}
