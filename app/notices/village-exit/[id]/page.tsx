import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { villageExitAnnouncement } from "@/lib/data/village-exit";
import { PrintButton } from "@/components/procedure/print-button";
import { OFFICIAL_CSS } from "@/components/notices/official-style";
import { formatCents } from "@/lib/domain/format";
import { toCents } from "@/lib/domain/money";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

const cn = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

// The county's announcement of a designated poor village's exit (贫困村退出公告, decision 0051), as
// posted: no sign-in (anyone may read what hangs on the notice board), printable on A4 in the
// household notices' official style. It shows the place, the date and each exit criterion with
// what was found when the village proposed it (people counts, never a household).
export default async function VillageExitAnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const a = await villageExitAnnouncement(id);
  if (!a) notFound();
  const t = await getTranslations("villageExit");
  const tn = await getTranslations("procedure.notice");
  const rows: { name: string; value: string }[] = [
    {
      name: t("criteriaNames.incidence"),
      value: t("announcement.incidenceValue", { poor: a.poor, people: a.people, value: a.incidence, threshold: a.threshold }),
    },
    ...a.facilities.map((f) => ({
      name: t(`record.facilities.${f.key}`),
      value: f.on ? t("announcement.facilityValue", { on: cn(f.on) }) : t("announcement.facilityValueNoDate"),
    })),
    {
      name: t("criteriaNames.collective_income"),
      value: t("announcement.incomeValue", { income: formatCents(toCents(a.collectiveIncome)), note: a.incomeNote || "—" }),
    },
  ];
  return (
    <div
      className="notice-page notice-official mx-auto max-w-[210mm] bg-white px-[18mm] py-[16mm] text-stone-950 shadow-sm print:max-w-none print:shadow-none"
      data-testid="village-exit-announcement"
    >
      <style>{OFFICIAL_CSS}</style>
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 pb-3 font-sans text-sm text-stone-600">
        <span>{tn("printHint")}</span>
        <PrintButton label={tn("print")} />
      </div>
      <h1 className="text-center text-[26px] leading-snug" data-testid="notice-title">
        {t("announcement.title", { county: a.county, village: a.village })}
      </h1>
      <p className="mt-2 text-center">
        {a.county} · {a.township} · {a.village}
      </p>
      <p className="mt-6 indent-[2em] leading-[1.9]">
        {t("announcement.intro", { village: a.village, township: a.township, county: a.county, date: cn(a.announcedOn) })}
      </p>
      <table className="mt-6 w-full border-collapse" data-testid="notice-items">
        <thead>
          <tr>
            <th className="w-14 border border-stone-800 px-2 py-2">{tn("no")}</th>
            <th className="w-56 border border-stone-800 px-2 py-2">{t("announcement.criterion")}</th>
            <th className="border border-stone-800 px-2 py-2">{t("announcement.value")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k} className="break-inside-avoid">
              <td className="border border-stone-800 px-2 py-2 text-center tabular-nums">{k + 1}</td>
              <td className="border border-stone-800 px-2 py-2 text-center font-semibold">{r.name}</td>
              <td className="border border-stone-800 px-2 py-2">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-6 indent-[2em] leading-[1.9]">{t("announcement.supervise", { county: a.county, hotline: a.hotline })}</p>
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
            {tn("seal")}
          </span>
          <p>{t("announcement.sign", { county: a.county })}</p>
          <p>{cn(a.announcedOn)}</p>
        </div>
      </div>
    </div>
  );
}
