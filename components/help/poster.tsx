// The village poster (A5): a QR code opening the village's public report form, to post on the
// village notice board. Made on the server; no token in it (the form is public by design).
import { getTranslations } from "next-intl/server";

export interface PosterVillage {
  id: string;
  name: string;
  townshipName: string | null;
  countyName: string | null;
  hotline: string;
  responseDays: number;
}

export async function VillagePoster({ village, url, svg }: { village: PosterVillage; url: string; svg: string }) {
  const t = await getTranslations("help");
  return (
    <article className="jz-card mx-auto flex flex-col items-center bg-white text-center text-black" data-testid="village-poster">
      <p className="text-[4.5mm] text-stone-700">{[village.countyName, village.townshipName, village.name].filter(Boolean).join(" · ")}</p>
      <h2 className="mt-[2mm] text-[11mm] font-bold leading-tight text-brand-700">{t("poster.title")}</h2>
      <p className="mt-[2mm] text-[5mm] leading-snug">{t("poster.body")}</p>
      <div
        className="mt-[4mm] w-[80mm] [&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
        role="img"
        aria-label={t("poster.scan")}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="mt-[2mm] text-[6mm] font-semibold">{t("poster.scan")}</p>
      <p className="break-all font-mono text-[3mm] text-stone-600" data-testid="poster-url">
        {url}
      </p>
      <p className="mt-auto text-[5mm]">
        {t("poster.hotline")}
        <b>{village.hotline}</b>
      </p>
      <p className="text-[3.5mm] text-stone-600">{t("poster.free", { days: village.responseDays })}</p>
    </article>
  );
}
