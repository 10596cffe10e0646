// The household's own page (明白卡), from getCardView's plain object. Large type, short plain
// sentences, one column: it is read on cheap phones, often by older people.
import { getLocale, getTranslations } from "next-intl/server";
import type { CardView as CardData } from "@/lib/data/card";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { ReportForm } from "@/components/help/report-form";
import { ObjectionForm } from "./objection-form";
import { hotlineHref } from "@/lib/domain/hotline";

const money = (n: number, locale: string) => n.toLocaleString(locale === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 2 });

function Section({ title, children, id, testId }: { title: string; children: React.ReactNode; id?: string; testId?: string }) {
  return (
    <section id={id} data-testid={testId} className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

export async function CardView({ view, token }: { view: CardData; token: string }) {
  const t = await getTranslations("card");
  const th = await getTranslations("help");
  const tc = await getTranslations();
  const locale = await getLocale();
  const en = locale === "en";
  const a = view.assessment;
  const unmet = a?.indicators.filter((i) => !i.met).length ?? 0;

  return (
    <div className="mx-auto max-w-xl space-y-4 px-3 py-4 text-lg leading-relaxed">
      <header className="flex items-start justify-between gap-3">
        <div>
          <p className="text-base text-stone-600">{t("page.kicker")}</p>
          <h1 className="text-2xl font-bold" data-testid="card-head">
            {t("page.title", { name: view.headName })}
          </h1>
          <p className="text-base text-stone-600">{[view.countyName, view.townshipName, view.villageName].filter(Boolean).join(" · ")}</p>
        </div>
        <LanguageSwitcher />
      </header>

      <Section title={t("status.title")} testId="card-status">
        <p className="text-xl font-semibold">{t(`status.${view.registeredStatus}` as "status.lifted")}</p>
        {view.registeredStatus === "registered_poor" && view.registeredOn && (
          <p className="text-base text-stone-600">{t("status.since", { date: view.registeredOn })}</p>
        )}
        {view.registeredStatus === "lifted" && view.liftedOn && (
          <p className="text-base text-stone-600">{t("status.liftedOn", { date: view.liftedOn })}</p>
        )}
        {view.monitoringCategory && (
          <p className="mt-2 rounded-xl bg-amber-50 p-3 text-amber-900">
            {t("status.monitoring", { category: tc(`monitoring.${view.monitoringCategory}`) })}
            {view.monitoringSince && <span className="block text-base">{t("status.since", { date: view.monitoringSince })}</span>}
          </p>
        )}
        {view.mainCause && (
          <p className="mt-2 text-base">
            {t("status.cause")}
            {[view.mainCause, ...view.secondaryCauses].map((c) => tc(`causes.${c}`)).join("、")}
          </p>
        )}
      </Section>

      <Section title={t("indicators.title")} testId="card-indicators">
        {a ? (
          <>
            <p
              className={`mb-3 rounded-xl p-3 font-semibold ${unmet > 0 ? "bg-red-50 text-red-900" : a.status === "at_risk" ? "bg-amber-50 text-amber-900" : "bg-emerald-50 text-emerald-900"}`}
              data-testid="card-summary"
            >
              {unmet > 0
                ? t("indicators.unmet", { count: unmet })
                : a.status === "at_risk"
                  ? t("indicators.atRisk")
                  : t("indicators.allMet")}
            </p>
            <ul className="space-y-3">
              {a.indicators.map((i) => (
                <li key={i.key} data-indicator={i.key} data-met={i.met} className="flex gap-3">
                  <span
                    aria-hidden
                    className={`mt-0.5 flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-lg font-bold text-white ${i.met ? "bg-emerald-600" : "bg-red-600"}`}
                  >
                    {i.met ? "✓" : "✕"}
                  </span>
                  <div>
                    <div className="font-semibold">
                      {t(`indicators.name.${i.key}` as "indicators.name.income")} ·{" "}
                      <span className={i.met ? "text-emerald-700" : "text-red-700"}>
                        {i.met ? t("indicators.met") : t("indicators.notMet")}
                      </span>
                    </div>
                    <div className="text-base text-stone-700">{en ? i.reasonEn : i.reason}</div>
                    {!i.met && (en ? i.fixEn : i.fix) && (
                      <div className="text-base text-stone-700">
                        {t("indicators.fix")}
                        {en ? i.fixEn : i.fix}
                      </div>
                    )}
                  </div>
                </li>
              ))}
            </ul>
            {a.notCounted.length > 0 && (
              <div className="mt-3 rounded-xl bg-stone-50 p-3 text-base text-stone-700" data-testid="card-not-counted">
                <div className="font-semibold">{t("indicators.notCounted")}</div>
                <ul className="mt-1">
                  {a.notCounted.map((n) => (
                    <li key={n.item}>
                      {t(`indicators.excluded.${n.item}` as "indicators.excluded.gifts")}：{money(n.amount, locale)}
                    </li>
                  ))}
                </ul>
                <p className="mt-1 text-sm text-stone-500">{t("indicators.notCountedWhy")}</p>
              </div>
            )}
            <p className="mt-3 text-sm text-stone-500">{t("indicators.asOf", { date: a.asOf, line: money(a.povertyLine, locale) })}</p>
          </>
        ) : (
          <p>{t("indicators.none")}</p>
        )}
      </Section>

      <Section title={t("cadre.title")} testId="card-cadre">
        {view.cadre ? (
          <>
            <p className="text-xl font-semibold">{view.cadre.name}</p>
            {view.cadre.phone && (
              <a
                href={`tel:${view.cadre.phone}`}
                className="mt-2 flex items-center justify-center gap-2 rounded-xl bg-emerald-700 px-4 py-3 text-xl font-semibold text-white"
              >
                {t("cadre.call", { phone: view.cadre.phone })}
              </a>
            )}
          </>
        ) : (
          <p>{t("cadre.none")}</p>
        )}
        <p className="mt-3 text-base">
          {t("cadre.hotline")}{" "}
          <a className="font-semibold underline" href={hotlineHref(view.hotline)}>
            {view.hotline}
          </a>
        </p>
      </Section>

      <Section title={tc("plan.plan.title")} testId="card-plan">
        {view.plan ? (
          <p className="text-base">
            {tc("plan.plan.expected")}：{money(view.plan.expectedIncome, locale)} {tc("common.yuan")} ·{" "}
            {tc("plan.plan.progress", { done: view.plan.done, total: view.plan.total })}
          </p>
        ) : (
          <p>{tc("plan.plan.none")}</p>
        )}
      </Section>

      <Section title={t("measures.title")} testId="card-measures">
        {view.measures.length === 0 ? (
          <p>{t("measures.none")}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {view.measures.map((m, i) => (
              <li key={i} className="py-2">
                <div className="flex justify-between gap-2 font-semibold">
                  <span>
                    {m.kind ? tc(`plan.kind.${m.kind}`) : tc(`measure.${m.category}`)}
                    {m.loanStatus && <span className="ml-1 font-normal">（{tc(`plan.loan.${m.loanStatus}`)}）</span>}
                  </span>
                  {m.amount > 0 && <span className="tabular-nums">{t("measures.amount", { amount: money(m.amount, locale) })}</span>}
                </div>
                {m.text && <div className="text-base text-stone-700">{m.text}</div>}
                <div className="text-sm text-stone-500">
                  {m.endDate ? t("measures.period", { from: m.startDate, to: m.endDate }) : t("measures.from", { from: m.startDate })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t("visits.title")} testId="card-visits">
        {view.visits.length === 0 ? (
          <p>{t("visits.none")}</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {view.visits.map((v, i) => (
              <li key={i} className="flex justify-between gap-3 py-1 tabular-nums">
                <span>{v.date}</span>
                <span className="text-stone-600">{tc(`visitMode.${v.mode}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {view.proposals.length > 0 && (
        <Section title={t("procedure.title")} testId="card-procedure">
          <ul className="space-y-4">
            {view.proposals.map((p) => (
              <li key={p.id} className="space-y-2" data-testid="card-proposal">
                <div className="font-semibold">
                  {t(`procedure.kind.${p.kind}` as "procedure.kind.exit")}
                  {p.monitoringCategory ? `（${tc(`monitoring.${p.monitoringCategory}`)}）` : ""}
                </div>
                <div className="text-base">
                  {t("procedure.now", { stage: t(`procedure.stage.${p.stage}` as "procedure.stage.proposed") })}
                </div>
                {p.notices.map((n, i) => (
                  <div key={i} className={`rounded-xl p-3 text-base ${n.open ? "bg-amber-50 text-amber-900" : "bg-stone-100"}`}>
                    {n.kind === "announcement"
                      ? t("procedure.announced", { date: n.startDate })
                      : t("procedure.notice", {
                          which: t(`procedure.noticeKind.${n.kind}` as "procedure.noticeKind.first"),
                          from: n.startDate,
                          to: n.endDate,
                        })}
                    {n.open && <span className="block font-semibold">{t("procedure.objectUntil", { date: n.endDate })}</span>}
                  </div>
                ))}
                <details className="text-base text-stone-700">
                  <summary className="cursor-pointer">{t("procedure.steps")}</summary>
                  <ol className="mt-1 list-decimal pl-6">
                    {p.steps.map((s, i) => (
                      <li key={i}>
                        {s.on} {t(`procedure.stage.${s.stage}` as "procedure.stage.proposed")}
                      </li>
                    ))}
                  </ol>
                </details>
                {p.objectionOpenUntil && <ObjectionForm token={token} proposalId={p.id} until={p.objectionOpenUntil} />}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={th("cardTitle")} id="help" testId="card-help">
        <p className="mb-3 text-base text-stone-700">{th("cardIntro")}</p>
        <ReportForm variant="card" token={token} />
      </Section>

      {view.requests.length > 0 && (
        <Section title={th("mine.title")} testId="card-requests">
          <ul className="space-y-3">
            {view.requests.map((r, i) => (
              <li key={i} className="rounded-xl bg-stone-50 p-3">
                <div className="font-semibold">
                  {th(`category.${r.category}` as "category.other")} · {r.receivedOn}
                </div>
                <div className="text-base">
                  {th(`state.${r.state}` as "state.open")}
                  {r.handledOn ? `（${r.handledOn}）` : ""}
                </div>
                {r.state === "open" && <div className="text-base text-stone-600">{th("mine.deadline", { date: r.deadline })}</div>}
                {r.outcome && <div className="text-base text-stone-700">{r.outcome}</div>}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <footer className="space-y-1 pb-8 text-sm text-stone-500">
        <p>{t("page.privacy")}</p>
        <p>{t("page.lost")}</p>
        {view.cardIssuedOn && <p>{t("page.issued", { date: view.cardIssuedOn })}</p>}
      </footer>
    </div>
  );
}
