import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { villageOverview } from "@/lib/data/overview";
import { listMeetings, listRepresentatives } from "@/lib/data/procedure/meetings";
import { villageProcedure } from "@/lib/data/procedure/views";
import { today } from "@/lib/clock";
import { Card, EmptyState, PageTitle, Stat } from "@/components/ui/card";
import { AssessedBadge, Badge, CandidateBadge, RegisteredBadge } from "@/components/ui/badge";
import { KindLabel, StageBadge } from "@/components/procedure/labels";
import { NewMeetingForm } from "@/components/procedure/meeting-forms";
import { pageTitle } from "@/lib/page-title";
import type { KeyUnder } from "@/i18n/keys";
import { buttonClass } from "@/components/ui/button-style";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("meetings");

export default async function FacilitatorHome() {
  const viewer = await requireViewerPage("meeting.run");
  const t = await getTranslations("facilitatorHome");
  const tp = await getTranslations("procedure.home");
  const tm = await getTranslations("procedure.meetingState");
  const ti = await getTranslations("indicators");
  const [o, procedure, meetings, reps] = await Promise.all([
    villageOverview(viewer),
    villageProcedure(viewer),
    listMeetings(viewer),
    listRepresentatives(viewer),
  ]);
  const activeReps = reps.filter((r) => r.active).length;
  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub")}>{t("title", { village: viewer.regionName })}</PageTitle>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("households")} value={o.households} />
        <Stat label={t("registeredPoor")} value={o.registeredPoor} />
        <Stat label={t("lifted")} value={o.lifted} />
        <Stat label={t("monitored")} value={o.monitored} />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card
          title={`${t("meetings")} (${meetings.length})`}
          actions={
            <Link href="/meetings/representatives" className="text-sm underline">
              {tp("representatives", { count: activeReps })}
            </Link>
          }
        >
          {meetings.length === 0 ? (
            <EmptyState>{t("noMeetings")}</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100" data-testid="meetings">
              {meetings.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center gap-2 py-2">
                  <Link href={`/meetings/${m.id}`} className="font-medium underline-offset-2 hover:underline">
                    {m.date} · {m.place}
                  </Link>
                  <Badge tone={m.state === "closed" ? "gray" : m.state === "open" ? "green" : "blue"}>{tm(m.state)}</Badge>
                  <span className="text-xs text-stone-600">{tp("items", { count: m.items })}</span>
                </li>
              ))}
            </ul>
          )}
          <details className="mt-3 rounded-lg border border-stone-200 p-3" open={meetings.length === 0}>
            <summary className="cursor-pointer text-sm font-semibold">{tp("newMeeting")}</summary>
            <NewMeetingForm today={today()} />
          </details>
        </Card>

        <Card title={`${tp("inProgress")} (${procedure.open.length})`}>
          {procedure.open.length === 0 ? (
            <EmptyState>{tp("noneInProgress")}</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100" data-testid="proposals">
              {procedure.open.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                  <Link href={`/procedure/${p.id}`} className="min-w-20 font-medium underline-offset-2 hover:underline">
                    {p.headName}
                  </Link>
                  <KindLabel kind={p.kind} category={p.category} />
                  <StageBadge stage={p.stage} />
                  {p.flagged && p.stage === "proposed" && <Badge tone="red">{tp("flagged")}</Badge>}
                </li>
              ))}
            </ul>
          )}
          {procedure.recent.length > 0 && (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm text-stone-700">{tp("finished", { count: procedure.recent.length })}</summary>
              <ul className="mt-2 divide-y divide-stone-100">
                {procedure.recent.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center gap-2 py-1.5 text-sm">
                    <Link href={`/procedure/${p.id}`} className="underline-offset-2 hover:underline">
                      {p.headName}
                    </Link>
                    <KindLabel kind={p.kind} category={p.category} />
                    <StageBadge stage={p.stage} />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </Card>
      </div>

      <Card title={`${t("candidates")} (${o.candidates.length})`}>
        {o.candidates.length === 0 ? (
          <EmptyState>{t("noCandidates")}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100" data-testid="candidates">
            {o.candidates.map((h) => {
              const open = procedure.openByHousehold.get(h.id);
              const q = new URLSearchParams({
                source: "engine",
                kind: h.candidate ?? "",
                ...(h.candidateCategory ? { category: h.candidateCategory } : {}),
              });
              return (
                <li key={h.id} className="flex flex-wrap items-center gap-2 py-2">
                  <Link href={`/households/${h.id}`} className="min-w-24 font-medium underline-offset-2 hover:underline">
                    {h.headName}
                  </Link>
                  <RegisteredBadge status={h.registeredStatus} />
                  <AssessedBadge status={h.assessedStatus} />
                  <CandidateBadge candidate={h.candidate} category={h.candidateCategory} />
                  {h.unmetIndicators.length > 0 && (
                    <span className="text-xs text-red-700">{h.unmetIndicators.map((k) => ti(k as KeyUnder<"indicators">)).join("、")}</span>
                  )}
                  <span className="ml-auto">
                    {open ? (
                      <Link href={`/procedure/${open}`} className="rounded-lg border border-stone-300 px-3 py-1.5 text-sm">
                        {tp("inProcedure")}
                      </Link>
                    ) : (
                      <Link
                        href={`/households/${h.id}/propose?${q.toString()}`}
                        className={buttonClass("brand", "sm")}
                        aria-label={tp("proposeFor", { name: h.headName })}
                      >
                        {tp("propose")}
                      </Link>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
