import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { getMeetingView } from "@/lib/data/procedure/meeting-view";
import { AutoRefresh } from "@/components/procedure/auto-refresh";
import { pageTitle } from "@/lib/page-title";
import type { KeyUnder } from "@/i18n/keys";

export const dynamic = "force-dynamic";

// The tally projected in the village hall: the item being voted, huge numbers, high contrast,
// re-read every 2 seconds as votes are entered. Covers the app's chrome (fixed, full screen).
export const generateMetadata = pageTitle("tally");

export default async function TallyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ item?: string }>;
}) {
  const viewer = await requireViewerPage("meeting.run");
  const { id } = await params;
  const sp = await searchParams;
  const m = /^[0-9a-f-]{36}$/i.test(id) ? await getMeetingView(viewer, id) : null;
  if (!m) notFound();
  const t = await getTranslations("procedure");
  const tk = await getTranslations();
  const item = m.items.find((i) => i.id === sp.item) ?? m.items.find((i) => i.tally.notVoted > 0 || !i.tally.counted) ?? m.items.at(-1);
  const big = "font-black tabular-nums leading-none text-[clamp(3.5rem,min(14vw,20vh),11rem)]";
  return (
    <div className="fixed inset-0 z-50 flex flex-col overflow-auto bg-black p-[3vw] text-white" data-testid="tally">
      <header className="flex flex-wrap items-baseline justify-between gap-4 border-b-4 border-white/30 pb-[1.5vw]">
        <h1 className="text-[clamp(1.5rem,3.2vw,3rem)] font-bold">{t("meeting.title", { village: m.villageName, date: m.date })}</h1>
        <p className={`text-[clamp(1.2rem,2.6vw,2.4rem)] font-bold ${m.quorum.met ? "text-emerald-300" : "text-amber-300"}`}>
          {t("tally.attendance", { attending: m.attending, roster: m.roster })} ·{" "}
          {m.quorum.met ? t("meeting.quorumMet") : t("tally.quorumNeed", { minimum: m.quorum.minimum ?? 0 })}
        </p>
      </header>
      {!item ? (
        <p className="mt-[5vw] text-center text-[clamp(2rem,5vw,4rem)]">{t("meeting.noItems")}</p>
      ) : (
        <main className="flex flex-1 flex-col justify-center gap-[min(2vw,3vh)] py-[min(2vw,3vh)]">
          <div>
            <p className="text-[clamp(1.2rem,2.4vw,2.2rem)] text-white/80">
              {t("tally.item", { position: item.position, total: m.items.length })} ·{" "}
              {tk(`procedure.kind.${item.kind as KeyUnder<"procedure.kind">}`)}
              {item.category ? `（${tk(`monitoring.${item.category as KeyUnder<"monitoring">}`)}）` : ""}
            </p>
            <p className="text-[clamp(2.5rem,min(7vw,11vh),6rem)] font-black" data-testid="tally-head">
              {item.headName}
            </p>
          </div>
          <div className="grid grid-cols-2 gap-[min(2vw,3vh)] lg:grid-cols-4">
            <div className="rounded-2xl bg-emerald-700 p-[min(2vw,3vh)]" data-testid="tally-yes">
              <div className="text-[clamp(1.5rem,3vw,3rem)] font-bold">{t("choice.yes")}</div>
              <div className={big}>{item.tally.yes}</div>
            </div>
            <div className="rounded-2xl bg-red-700 p-[min(2vw,3vh)]" data-testid="tally-no">
              <div className="text-[clamp(1.5rem,3vw,3rem)] font-bold">{t("choice.no")}</div>
              <div className={big}>{item.tally.no}</div>
            </div>
            <div className="rounded-2xl bg-stone-600 p-[min(2vw,3vh)]" data-testid="tally-abstain">
              <div className="text-[clamp(1.5rem,3vw,3rem)] font-bold">{t("choice.abstain")}</div>
              <div className={big}>{item.tally.abstain}</div>
            </div>
            <div className="rounded-2xl border-4 border-white/60 p-[min(2vw,3vh)]" data-testid="tally-not-voted">
              <div className="text-[clamp(1.5rem,3vw,3rem)] font-bold">{t("tally.notVoted")}</div>
              <div className={big}>{item.ballot === "secret" ? "—" : item.tally.notVoted}</div>
            </div>
          </div>
          <p className="text-[clamp(1.4rem,3vw,2.8rem)] font-bold">
            {item.passed !== null
              ? item.passed
                ? `✓ ${t("meeting.passed")}`
                : `✕ ${t("meeting.notPassed")}`
              : t("tally.needed", { needed: m.yesNeeded, attending: m.attending })}
          </p>
        </main>
      )}
      <footer className="flex justify-between text-[clamp(0.9rem,1.4vw,1.3rem)] text-white/60">
        <span>{t(`meetingState.${m.state}`)}</span>
        {m.state !== "closed" ? <AutoRefresh label={t("tally.updated")} /> : <span>{t("meeting.frozen")}</span>}
      </footer>
    </div>
  );
}
