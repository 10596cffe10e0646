import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { getMeetingView } from "@/lib/data/procedure/meeting-view";
import { agendaCandidates } from "@/lib/data/procedure/meetings";
import { today } from "@/lib/clock";
import { Card, EmptyState, PageTitle, Stat } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { KindLabel, StageBadge } from "@/components/procedure/labels";
import {
  AgendaAddForm,
  AllPresentButton,
  AttendanceToggle,
  CloseMeetingForm,
  OpenMeetingButton,
  PublishNoticeForm,
  SecretBallotForm,
  VoteButtons,
} from "@/components/procedure/meeting-forms";
import { pageTitle } from "@/lib/page-title";
import type { KeyUnder } from "@/i18n/keys";
import { auditPageEvent } from "@/lib/data/access-denied";
import { COMPARISON_FLAG_LABELS } from "@/lib/domain/procedure";
import type { DepartmentCode } from "@/lib/domain/feeds";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("meeting");

export default async function MeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ item?: string; mode?: string }>;
}) {
  const viewer = await requireViewerPage("meeting.run");
  const { id } = await params;
  const sp = await searchParams;
  const m = /^[0-9a-f-]{36}$/i.test(id) ? await getMeetingView(viewer, id) : null;
  if (!m) {
    // another village's meeting (or none): not found, and the denial on record (#16.12)
    await auditPageEvent(viewer, {
      action: "access.denied",
      entity: "meeting",
      entityId: id.slice(0, 64),
      after: { code: "not_found", page: "meeting" },
    }).catch(() => {});
    notFound();
  }
  const t = await getTranslations("procedure");
  const tk = await getTranslations();
  const tf = await getTranslations("feeds");
  const en = (await getLocale()) === "en";
  const now = today();
  const candidates = m.state === "closed" ? [] : await agendaCandidates(viewer);
  const current = m.items.find((i) => i.id === sp.item) ?? m.items.find((i) => i.tally.notVoted > 0 || !i.tally.counted) ?? m.items[0];
  const secretMode = current && (current.ballot === "secret" || (sp.mode === "secret" && current.votes.length === 0));
  const attending = m.representatives.filter((r) => r.present);
  const label = (i: (typeof m.items)[number]) =>
    `${i.position}. ${i.headName} · ${tk(`procedure.kind.${i.kind as KeyUnder<"procedure.kind">}`)}${i.category ? `（${tk(`monitoring.${i.category as KeyUnder<"monitoring">}`)}）` : ""}`;

  return (
    <div className="space-y-4">
      <Link href="/meetings" className="text-sm underline">
        ← {t("meeting.back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <PageTitle sub={`${m.townshipName} · ${m.place}`}>{t("meeting.title", { village: m.villageName, date: m.date })}</PageTitle>
        <div className="flex items-center gap-2">
          <Badge tone={m.state === "closed" ? "gray" : m.state === "open" ? "green" : "blue"}>{t(`meetingState.${m.state}`)}</Badge>
          <Link
            href={`/meetings/${m.id}/tally${current ? `?item=${current.id}` : ""}`}
            target="_blank"
            className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium"
            data-testid="tally-link"
          >
            {t("meeting.project")} ↗
          </Link>
        </div>
      </div>

      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("meeting.roster")} value={m.roster} />
        <Stat
          label={t("meeting.attending")}
          value={m.attending}
          tone={m.state === "draft" ? "default" : m.quorum.met ? "good" : "bad"}
          hint={
            m.quorum.minimum !== null
              ? t("meeting.quorumHint", { minimum: m.quorum.minimum, numerator: m.quorum.numerator, denominator: m.quorum.denominator })
              : undefined
          }
        />
        <Stat
          label={t("meeting.quorum")}
          value={m.state === "draft" ? "—" : m.quorum.met ? t("meeting.quorumMet") : t("meeting.quorumNotMet")}
          tone={m.state === "draft" ? "default" : m.quorum.met ? "good" : "bad"}
        />
        <Stat label={t("meeting.yesNeeded")} value={m.state === "draft" ? "—" : m.yesNeeded} hint={t("meeting.passRule")} />
      </div>

      <Card title={`${t("meeting.agenda")} (${m.items.length})`}>
        {m.items.length === 0 ? (
          <EmptyState>{t("meeting.noItems")}</EmptyState>
        ) : (
          <ol className="divide-y divide-stone-100" data-testid="agenda">
            {m.items.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <span className="font-semibold tabular-nums">{i.position}.</span>
                <Link href={`/procedure/${i.proposalId}`} className="font-medium underline-offset-2 hover:underline">
                  {i.headName}
                </Link>
                <KindLabel kind={i.kind} category={i.category} />
                <span className="text-stone-600">{i.reason}</span>
                {i.flagCount > 0 && <Badge tone="amber">{t("meeting.flagsExplained", { count: i.flagCount })}</Badge>}
                <span className="ml-auto flex items-center gap-2 tabular-nums">
                  {m.state !== "draft" && (
                    <span>
                      {t("choice.yes")} {i.tally.yes} · {t("choice.no")} {i.tally.no} · {t("choice.abstain")} {i.tally.abstain}
                      {i.ballot === "roll_call" && i.tally.notVoted > 0 ? ` · ${t("tally.notVoted")} ${i.tally.notVoted}` : ""}
                    </span>
                  )}
                  {i.passed !== null && (
                    <Badge tone={i.passed ? "green" : "red"}>{i.passed ? t("meeting.passed") : t("meeting.notPassed")}</Badge>
                  )}
                  {m.state === "closed" && <StageBadge stage={i.stage} />}
                </span>
                {i.flags.length > 0 && (
                  <ul className="w-full space-y-1 pl-6 text-xs text-stone-700" data-testid="agenda-flags">
                    {i.flags.map((f, k) => (
                      <li key={k} className="flex flex-wrap items-center gap-2" data-flag={f.code}>
                        <span>
                          {COMPARISON_FLAG_LABELS[f.code][en ? "en" : "zh"]}
                          {f.detail ? `（${f.detail}）` : ""}
                        </span>
                        {f.source ? (
                          <span data-testid="flag-source">
                            <Badge tone="blue">
                              {tf("source", {
                                department: tf(`departments.${f.source.department as DepartmentCode}`),
                                asOf: f.source.asOf,
                              })}
                            </Badge>
                          </span>
                        ) : (
                          <Badge tone="gray">{t("meeting.flagOwn")}</Badge>
                        )}
                        {f.redLine && (
                          <span data-testid="flag-red-line">
                            <Badge tone="red">{t("meeting.flagRedLine")}</Badge>
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
        {m.state !== "closed" && (
          <div className="mt-3 border-t border-stone-100 pt-3">
            {candidates.length === 0 ? (
              <p className="text-sm text-stone-600">{t("meeting.noCandidates")}</p>
            ) : (
              <AgendaAddForm
                meetingId={m.id}
                options={candidates.map((c) => ({
                  id: c.id,
                  label: `${c.headName} · ${tk(`procedure.kind.${c.kind as KeyUnder<"procedure.kind">}`)}${c.monitoringCategory ? `（${tk(`monitoring.${c.monitoringCategory as KeyUnder<"monitoring">}`)}）` : ""}`,
                }))}
              />
            )}
          </div>
        )}
      </Card>

      {m.state === "draft" && (
        <Card title={t("meeting.openTitle")}>
          {m.roster === 0 ? (
            <p className="text-sm">
              {t("meeting.noReps")}{" "}
              <Link href="/meetings/representatives" className="underline">
                {t("meeting.manageReps")}
              </Link>
            </p>
          ) : m.date > now ? (
            <p className="text-sm text-stone-700">{t("meeting.notYet", { date: m.date })}</p>
          ) : (
            <OpenMeetingButton meetingId={m.id} roster={m.roster} />
          )}
        </Card>
      )}

      {m.state === "open" && (
        <>
          <Card
            title={t("meeting.attendanceTitle", { attending: m.attending, roster: m.roster })}
            actions={<AllPresentButton meetingId={m.id} />}
          >
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5" data-testid="attendance">
              {m.representatives.map((r) => (
                <AttendanceToggle key={r.id} meetingId={m.id} representativeId={r.id} name={r.name} present={r.present} />
              ))}
            </div>
            {!m.quorum.met && (
              <p className="mt-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800" role="note">
                {t("meeting.belowQuorum", { minimum: m.quorum.minimum ?? 0 })}
              </p>
            )}
          </Card>

          {current && (
            <Card title={t("meeting.votingTitle")}>
              <nav className="mb-3 flex flex-wrap gap-2" aria-label={t("meeting.agenda")}>
                {m.items.map((i) => (
                  <Link
                    key={i.id}
                    href={`?item=${i.id}`}
                    aria-current={i.id === current.id ? "true" : undefined}
                    className={`rounded-lg border px-3 py-1.5 text-sm ${i.id === current.id ? "border-brand-700 bg-brand-50 font-semibold" : "border-stone-300"}`}
                  >
                    {label(i)}
                  </Link>
                ))}
              </nav>
              <p className="mb-2 text-sm text-stone-700">{current.reason}</p>
              <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
                <span className="font-semibold">{t("meeting.ballot")}：</span>
                {current.votes.length > 0 || current.ballot === "secret" ? (
                  <span>{t(`meeting.ballotKind.${current.ballot}`)}</span>
                ) : (
                  <>
                    <Link href={`?item=${current.id}`} className={!secretMode ? "font-semibold underline" : "underline"}>
                      {t("meeting.ballotKind.roll_call")}
                    </Link>
                    <Link href={`?item=${current.id}&mode=secret`} className={secretMode ? "font-semibold underline" : "underline"}>
                      {t("meeting.ballotKind.secret")}
                    </Link>
                  </>
                )}
                <span className="ml-auto tabular-nums">
                  {t("meeting.liveCount", {
                    yes: current.tally.yes,
                    no: current.tally.no,
                    abstain: current.tally.abstain,
                    notVoted: current.tally.notVoted,
                  })}
                </span>
              </div>
              {!m.quorum.met ? (
                <p className="text-sm text-red-800">{t("meeting.belowQuorum", { minimum: m.quorum.minimum ?? 0 })}</p>
              ) : secretMode ? (
                <SecretBallotForm
                  meetingId={m.id}
                  agendaItemId={current.id}
                  attending={m.attending}
                  current={current.ballot === "secret" && current.tally.counted ? current.tally : null}
                />
              ) : attending.length === 0 ? (
                <EmptyState>{t("meeting.noneAttending")}</EmptyState>
              ) : (
                <div className="divide-y divide-stone-100" data-testid="roll-call">
                  {attending.map((r) => (
                    <VoteButtons
                      key={`${current.id}-${r.id}`}
                      meetingId={m.id}
                      agendaItemId={current.id}
                      representativeId={r.id}
                      name={r.name}
                      recorded={current.votes.find((v) => v.representativeId === r.id)?.choice ?? null}
                    />
                  ))}
                </div>
              )}
            </Card>
          )}

          <Card title={t("meeting.closeTitle")}>
            <p className="mb-3 text-sm text-stone-700">{t("meeting.closeHint")}</p>
            <CloseMeetingForm meetingId={m.id} />
          </Card>
        </>
      )}

      {m.state === "closed" && (
        <>
          <Card title={t("meeting.minutes")}>
            <p className="whitespace-pre-wrap text-sm">{m.minutes}</p>
            {m.hasScan && (
              <a href={`/meetings/${m.id}/minutes`} className="mt-2 inline-block text-sm underline">
                {t("meeting.scanLink")}
              </a>
            )}
            <p className="mt-2 text-xs text-stone-600">{t("meeting.frozen")}</p>
          </Card>
          <Card title={t("meeting.noticeTitle")}>
            {m.notices.length > 0 && (
              <ul className="mb-3 space-y-1 text-sm" data-testid="notices">
                {m.notices.map((n) => (
                  <li key={n.id}>
                    <Link href={`/notices/${n.id}`} target="_blank" className="underline">
                      {t(`noticeKind.${n.kind}`)} · {n.start} — {n.end}（{t("meeting.days", { days: n.days })}，
                      {t("meeting.households", { count: n.count })}）
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {m.awaitingNotice.length > 0 ? (
              <PublishNoticeForm
                meetingId={m.id}
                meetingDate={m.date}
                today={now}
                items={m.awaitingNotice.map((i) => ({ id: i.proposalId, label: label(i) }))}
              />
            ) : (
              m.notices.length === 0 && <EmptyState>{t("meeting.nothingToPublish")}</EmptyState>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
