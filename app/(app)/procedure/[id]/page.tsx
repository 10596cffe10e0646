import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { DepartmentCode } from "@/lib/domain/feeds";
import { historyLine } from "@/lib/procedure/history-line";
import { requireViewerPage } from "@/lib/auth/session";
import { getProposalView } from "@/lib/data/procedure/views";
import { COMPARISON_FLAG_LABELS, STEP_LABELS } from "@/lib/domain/procedure";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Badge, RegisteredBadge } from "@/components/ui/badge";
import { KindLabel, StageBadge } from "@/components/procedure/labels";
import {
  AnnounceForm,
  ExplainForm,
  ObjectionCheckForm,
  ObjectionForm,
  ReasonStepForm,
  SecondNoticeForm,
  SendBackAtReviewForm,
} from "@/components/procedure/step-forms";
import { ExitAgreementForm, HomeVerificationForm, VerificationRecord } from "@/components/procedure/consent-forms";
import { GUARANTEE_KEYS as GUARANTEES } from "@/lib/validation/procedure";
import { AgendaAddForProposal } from "@/components/procedure/meeting-forms";
import { pageTitle } from "@/lib/page-title";
import { chinaMinute } from "@/lib/domain/china-time";
import type { KeyUnder } from "@/i18n/keys";
import { formatQuantity } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

const when = chinaMinute;

export const generateMetadata = pageTitle("proposal");

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewerPage("household.read");
  const { id } = await params;
  const p = await getProposalView(viewer, id);
  if (!p) notFound();
  const t = await getTranslations("procedure");
  const tr = await getTranslations("countyRecords");
  const tf = await getTranslations("feeds");
  const tk = await getTranslations();
  const th = await getTranslations("history");
  const en = (await getLocale()) === "en";
  const stepName = (s: string) =>
    s in STEP_LABELS ? STEP_LABELS[s as keyof typeof STEP_LABELS][en ? "en" : "zh"] : t(`stage.${s as KeyUnder<"procedure.stage">}`);
  const lastReview = p.steps.filter((s) => s.stage === "township_review").at(-1);
  const notBefore = lastReview ? when(lastReview.at).slice(0, 10) : p.today;

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageTitle sub={`${p.townshipName} · ${p.villageName} · ${t("page.raised", { by: p.raisedBy ?? "—", at: when(p.raisedAt) })}`}>
        {t("page.title", { name: p.household?.headName ?? "—" })}
      </PageTitle>

      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-stone-500">{t("page.kind")}</dt>
            <dd className="mt-1 font-semibold">
              <KindLabel kind={p.kind} category={p.category} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-stone-500">{t("page.stage")}</dt>
            <dd className="mt-1" data-testid="stage">
              <StageBadge stage={p.stage} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-stone-500">{t("page.source")}</dt>
            <dd className="mt-1">{t(`source.${p.source}`)}</dd>
          </div>
          <div>
            <dt className="text-xs text-stone-500">{t("page.registered")}</dt>
            <dd className="mt-1">
              {p.household && (
                <>
                  <RegisteredBadge status={p.household.registeredStatus} />
                  {p.household.monitoringCategory && (
                    <span className="ml-1">
                      <Badge tone="amber">{tk(`monitoring.${p.household.monitoringCategory}`)}</Badge>
                    </span>
                  )}
                </>
              )}
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-sm">
          <span className="text-stone-500">{t("page.proposalReason")}：</span>
          {p.reason}
        </p>
        <p className="mt-2 text-sm">
          {p.household && (
            <Link href={`/households/${p.household.id}`} className="underline">
              {t("page.household")}
            </Link>
          )}
          <span className="ml-2 text-xs text-stone-500" title={p.assessmentId ?? undefined}>
            {t("page.cites", { version: p.householdVersion })}
          </span>
        </p>
        {p.household?.changedSince && (
          <p
            className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            role="note"
            data-testid="changed-since"
          >
            ⚠ {t("page.changedSince", { then: p.householdVersion, now: p.household.version })}
          </p>
        )}
      </Card>

      <Card title={t("page.nextTitle")}>
        {p.next.length === 0 ? (
          <EmptyState>{p.stage === "announced" ? t("page.finishedAnnounced") : t("page.finished")}</EmptyState>
        ) : (
          <ul className="space-y-4" data-testid="next-steps">
            {p.next.map(({ step, actor, check }) => (
              <li key={step} className="rounded-lg border border-stone-200 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{stepName(step)}</span>
                  {step !== "voted" &&
                    actor !== "explain" &&
                    (check.ok ? <Badge tone="green">{t("page.ready")}</Badge> : <Badge tone="amber">{t("page.notReady")}</Badge>)}
                </div>
                {!check.ok && (
                  <ul className="mt-2 list-disc pl-5 text-sm text-amber-900" data-testid="missing">
                    {(en ? check.missingEn : check.missing).map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                )}
                <div className="mt-3">
                  {actor === "explain" && <ExplainForm proposalId={p.id} version={p.version} flagged={p.flags.length > 0} />}
                  {actor === "agenda" &&
                    (p.meetings.length > 0 ? (
                      <AgendaAddForProposal
                        proposalId={p.id}
                        meetings={p.meetings.map((m) => ({ id: m.id, label: `${m.date} · ${m.place}（${t(`meetingState.${m.state}`)}）` }))}
                      />
                    ) : (
                      <p className="text-sm">
                        {t("page.noMeeting")}{" "}
                        <Link href="/meetings" className="underline">
                          {t("page.toMeetings")}
                        </Link>
                      </p>
                    ))}
                  {actor === "meeting" && (
                    <p className="text-sm">
                      {p.pendingMeetings.length
                        ? p.pendingMeetings.map((m) => (
                            <Link key={m.meetingId} href={`/meetings/${m.meetingId}`} className="underline">
                              {t("page.atMeeting", { date: m.date })}
                            </Link>
                          ))
                        : t("page.awaitingVote")}
                    </p>
                  )}
                  {actor === "first_notice" && (
                    <p className="text-sm">
                      {p.votes.length > 0 && (
                        <Link href={`/meetings/${p.votes.at(-1)!.meetingId}`} className="underline">
                          {t("page.publishOnMeeting")}
                        </Link>
                      )}
                    </p>
                  )}
                  {actor === "township" && (
                    <>
                      <ReasonStepForm
                        which="township"
                        proposalId={p.id}
                        version={p.version}
                        label={t("page.review")}
                        placeholder={t("page.reviewPlaceholder")}
                      />
                      <SendBackAtReviewForm proposalId={p.id} version={p.version} />
                    </>
                  )}
                  {actor === "second_notice" && <SecondNoticeForm proposalIds={[p.id]} today={p.today} notBefore={notBefore} />}
                  {actor === "county" && (
                    <>
                      <ReasonStepForm
                        which="county"
                        proposalId={p.id}
                        version={p.version}
                        label={t("page.approve")}
                        placeholder={t("page.approvePlaceholder")}
                      />
                      <SendBackAtReviewForm proposalId={p.id} version={p.version} />
                    </>
                  )}
                  {actor === "announce" && <AnnounceForm proposalIds={[p.id]} label={t("page.announce")} />}
                  {actor === "send_back" && <ObjectionCheckForm proposalId={p.id} version={p.version} />}
                  {actor === null && step !== "voted" && <p className="text-xs text-stone-600">{t("page.byOthers")}</p>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={`${t("page.flagsTitle")} (${p.flags.length})`}>
        {p.flags.length === 0 ? (
          <p className="text-sm text-stone-700">{t("page.noFlags")}</p>
        ) : (
          <>
            <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="flags">
              {p.flags.map((f, i) => (
                <li key={i}>
                  {COMPARISON_FLAG_LABELS[f.code][en ? "en" : "zh"]}
                  {f.detail ? `（${f.detail}）` : ""}
                  {f.source && (
                    <span className="ml-2 text-xs text-stone-600" data-testid="flag-source">
                      {tf("source", { department: tf(`departments.${f.source.department as DepartmentCode}`), asOf: f.source.asOf })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm">
              <span className="text-stone-500">{t("page.explanation")}：</span>
              {p.flagExplanation ?? <span className="text-red-700">{t("page.notExplained")}</span>}
            </p>
          </>
        )}
      </Card>

      <Card title={t("page.verificationTitle")}>
        {p.homeVerification ? (
          <VerificationRecord v={p.homeVerification} />
        ) : (
          <p
            className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
            role="note"
            data-testid="verification-missing"
          >
            {t("page.verificationMissing")}
          </p>
        )}
        {p.authorisationEvidenceId && (
          <p className="mt-2 text-sm">
            {t("page.authorisation")}：
            <a href={`/api/evidence/${p.authorisationEvidenceId}`} target="_blank" className="underline">
              {t("page.viewFile")}
            </a>
          </p>
        )}
        {p.canVerify && (
          <details className="mt-3" open={!p.homeVerification}>
            <summary className="cursor-pointer text-sm font-semibold">
              {p.homeVerification ? t("page.verifyAgain") : t("page.recordVerification")}
            </summary>
            <div className="mt-2">
              <HomeVerificationForm proposalId={p.id} today={p.today} income={p.recordIncome} />
            </div>
          </details>
        )}
      </Card>

      {p.exit && (
        <Card title={t("page.exitTitle")}>
          {/* the year's income record as the household signed it (收入核算), or that none is signed */}
          <p className="mb-2 text-sm" data-testid="exit-signed-income">
            {p.exit.signedIncome ? (
              <Badge tone="green">
                {tr("income.signedIncome", {
                  income: formatQuantity(p.exit.signedIncome.perCapitaIncome),
                  date: p.exit.signedIncome.signedOn,
                })}
              </Badge>
            ) : (
              <Badge tone="amber">{tr("income.noSignedIncome", { year: p.exit.incomeYear })}</Badge>
            )}
          </p>
          {p.exit.agreement ? (
            <div className="space-y-2 text-sm" data-testid="exit-agreement">
              <p>
                <Badge tone={p.exit.agreement.outcome === "agreed" ? "green" : "red"}>
                  {t(`page.agreementOutcome.${p.exit.agreement.outcome}`)}
                </Badge>
                <span className="ml-2 text-stone-600">
                  {when(p.exit.agreement.at)} · {p.exit.agreement.recordedBy ?? "—"}
                  {p.exit.agreement.method
                    ? ` · ${t(`page.agreementMethod.${p.exit.agreement.method as KeyUnder<"procedure.page.agreementMethod">}`)}`
                    : ""}
                </span>
              </p>
              <p>
                {t("page.shownIncome", { income: formatQuantity(p.exit.agreement.perCapitaIncome) })}；
                {GUARANTEES.map((k) => `${t(`guarantee.${k}`)}${p.exit!.agreement!.guarantees[k] ? "✓" : "✗"}`).join("　")}
              </p>
              {p.exit.agreement.refusalReason && (
                <p className="text-red-800">
                  {t("page.refusalReason")}：{p.exit.agreement.refusalReason}
                </p>
              )}
              {p.exit.agreement.evidenceId && (
                <a href={`/api/evidence/${p.exit.agreement.evidenceId}`} target="_blank" className="underline">
                  {t("page.viewFile")}
                </a>
              )}
            </div>
          ) : (
            <p className="text-sm text-stone-700">{p.stage === "voted" ? t("page.agreementDue") : t("page.agreementLater")}</p>
          )}
          {p.exit.canAgree && p.homeVerification && (
            <div className="mt-3">
              <ExitAgreementForm
                proposalId={p.id}
                version={p.version}
                income={p.homeVerification.perCapitaIncome}
                guarantees={p.homeVerification.guarantees}
              />
            </div>
          )}
        </Card>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("page.votesTitle")}>
          {p.votes.length === 0 ? (
            <EmptyState>{t("page.noVotes")}</EmptyState>
          ) : (
            <ul className="space-y-2 text-sm">
              {p.votes.map((v) => (
                <li key={v.meetingId} className="flex flex-wrap items-center gap-2">
                  <Link href={`/meetings/${v.meetingId}`} className="underline">
                    {v.date}
                  </Link>
                  <span className="tabular-nums">
                    {t("choice.yes")} {v.yes} · {t("choice.no")} {v.no} · {t("choice.abstain")} {v.abstain}
                  </span>
                  <Badge tone={v.passed ? "green" : "red"}>{v.passed ? t("meeting.passed") : t("meeting.notPassed")}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("page.noticesTitle")}>
          {p.notices.length === 0 ? (
            <EmptyState>{t("page.noNotices")}</EmptyState>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="proposal-notices">
              {p.notices.map((n) => (
                <li key={n.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/notices/${n.id}`} target="_blank" className="underline">
                    {t(`noticeKind.${n.kind}`)}
                  </Link>
                  <span className="tabular-nums">
                    {n.start} — {n.end}
                  </span>
                  {n.kind !== "announcement" && (
                    <Badge tone={n.state === "open" ? "amber" : n.state === "ended" ? "gray" : "blue"}>{t(`noticeState.${n.state}`)}</Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card title={`${t("page.objectionsTitle")} (${p.objections.length})`}>
        {p.objections.length === 0 ? (
          <p className="text-sm text-stone-700">{t("page.noObjections")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {p.objections.map((o) => (
              <li key={o.id} className="rounded-lg border border-stone-200 p-2">
                <div className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
                  <span>{when(o.lodgedAt)}</span>
                  <Badge>{t(`objectionSource.${o.source}`)}</Badge>
                  {o.byName && <span>{o.byName}</span>}
                  {o.recordedBy && <span>{t("page.recordedBy", { name: o.recordedBy })}</span>}
                  {o.resolvedAt ? <Badge tone="green">{o.resolution}</Badge> : <Badge tone="red">{t("page.open")}</Badge>}
                </div>
                <p className="mt-1">{o.text}</p>
              </li>
            ))}
          </ul>
        )}
        {p.canObject && p.runningNotice && (
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-semibold">
              {t("page.lodgeTitle", { start: p.runningNotice.start, end: p.runningNotice.end })}
            </summary>
            <div className="mt-2">
              <ObjectionForm proposalId={p.id} />
            </div>
          </details>
        )}
      </Card>

      <Card title={t("page.historyTitle")}>
        <ol className="space-y-2 text-sm" data-testid="history">
          {p.steps.map((s) => (
            <li key={s.id} className="border-l-4 border-stone-300 pl-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{stepName(s.stage)}</span>
                {s.stage === "voted" && (
                  <Badge tone={s.decision === "passed" ? "green" : "red"}>
                    {s.decision === "passed" ? t("meeting.passed") : t("meeting.notPassed")}
                  </Badge>
                )}
                <span className="text-xs text-stone-600">
                  {when(s.at)} · {s.actor ?? t("page.system")}
                </span>
              </div>
              {s.reason && <p className="text-stone-700">{historyLine(s.reason, th)}</p>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
