import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPublicNotice } from "@/lib/data/procedure/notices";
import { getViewer } from "@/lib/auth/session";
import { PrintButton } from "@/components/procedure/print-button";
import type { KeyUnder } from "@/i18n/keys";
import { OFFICIAL_CSS } from "@/components/notices/official-style";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

const cn = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

// A public notice as posted in the village: no sign-in (anyone may read what hangs on the notice
// board), printable on A4. It shows the place, the period and, per household, the head's name,
// the kind of decision and the reason — never national IDs, health details or incomes. Those who
// keep the village's records can also save it as a PDF for the archive (rendered on the server).
export default async function PublicNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const n = await getPublicNotice(id);
  if (!n) notFound();
  const t = await getTranslations("procedure.notice");
  const tk = await getTranslations();
  const viewer = await getViewer().catch(() => null);
  const archives = viewer && ["facilitator", "county_official", "admin"].includes(viewer.role);
  const announcement = n.kind === "announcement";
  return (
    <div
      className="notice-page notice-official mx-auto max-w-[210mm] bg-white px-[18mm] py-[16mm] text-stone-950 shadow-sm print:max-w-none print:shadow-none"
      data-testid="notice-page"
    >
      <style>{OFFICIAL_CSS}</style>
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 pb-3 font-sans text-sm text-stone-600">
        <span>{t("printHint")}</span>
        <span className="flex flex-wrap items-center gap-2">
          {archives && (
            <a
              href={`/notices/${n.id}/pdf`}
              className="rounded-lg border border-stone-400 px-4 py-2 font-semibold text-stone-900 hover:bg-stone-50"
              title={t("pdfHint")}
              data-testid="notice-pdf"
            >
              {t("pdf")}
            </a>
          )}
          <PrintButton label={t("print")} />
        </span>
      </div>
      <h1 className="text-center text-[26px] leading-snug" data-testid="notice-title">
        {announcement
          ? t("titleAnnouncement", { county: n.county, village: n.village })
          : t("title", { village: n.village, which: t(`which.${n.kind}`) })}
      </h1>
      <p className="mt-2 text-center">
        {n.county} · {n.township} · {n.village}
      </p>
      <p className="mt-6 indent-[2em] leading-[1.9]">
        {announcement
          ? t("introAnnouncement", { village: n.village, date: cn(n.start) })
          : t("intro", { village: n.village, start: cn(n.start), end: cn(n.end), days: n.days })}
      </p>
      <table className="mt-6 w-full border-collapse" data-testid="notice-items">
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
              <td className="border border-stone-800 px-2 py-2 text-center">
                {tk(`procedure.kind.${i.kind as KeyUnder<"procedure.kind">}`)}
                {i.category ? `（${tk(`monitoring.${i.category as KeyUnder<"monitoring">}`)}）` : ""}
              </td>
              <td className="border border-stone-800 px-2 py-2">{i.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!announcement && (
        <p className="mt-6 indent-[2em] leading-[1.9]">
          {t("objections", { village: n.village, township: n.township, end: cn(n.end), hotline: n.hotline })}
        </p>
      )}
      {/* the signing office and the date, with room for the seal stamped over them */}
      <div className="mt-14 flex justify-end break-inside-avoid">
        <div
          className="relative mr-[4mm] flex min-h-[42mm] min-w-[62mm] flex-col items-center justify-center text-center leading-[2]"
          data-testid="notice-signature"
        >
          <span
            aria-hidden
            className="notice-seal no-print pointer-events-none absolute left-1/2 top-1/2 flex -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border-2 border-dashed border-red-300 font-sans text-xs text-red-400"
          >
            {t("seal")}
          </span>
          <p>{announcement ? t("signAnnouncement", { county: n.county }) : t("sign", { village: n.village })}</p>
          <p>{cn(n.publishedOn)}</p>
        </div>
      </div>
    </div>
  );
}
