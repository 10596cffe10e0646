import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { householdOr404 } from "@/lib/data/household-page";
import { Card, EmptyState } from "@/components/ui/card";
import { AssessedBadge, Badge, RegisteredBadge } from "@/components/ui/badge";
import { IndicatorChecklist } from "@/components/household/indicator-checklist";
import { Members } from "@/components/household/members";
import { today } from "@/lib/clock";
import { policyLabel } from "@/lib/policy-label";
import type { Assessment } from "@/lib/domain/assess";
import { HouseholdVisitPanel } from "@/components/visit/household-visit-panel";
import { HouseholdProcedureTimeline } from "@/components/procedure/household-procedure-timeline";
import { pageTitle } from "@/lib/page-title";
import { formatInChina } from "@/lib/domain/china-time";
import { PlanCard } from "@/components/plan/plan-card";
import { planOf } from "@/lib/data/plan";
import { currentYear } from "@/lib/clock";
import { destinationOptions, householdRelocation } from "@/lib/data/relocation";
import { can } from "@/lib/auth/roles";
import { RelocationCard } from "@/components/places/relocation-card";
import { incomeRecordsOf } from "@/lib/data/income-records";
import { IncomeRecordView } from "@/components/income/income-record-view";
import { HouseholdTypeForm } from "@/components/household/official-forms";
import { householdTypesOf } from "@/lib/data/household-types";
import { householdDepartmentData } from "@/lib/data/feeds";
import { HouseholdDepartmentCard } from "@/components/feeds/household-department-card";
import { formatQuantity } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

const yuan = (v: unknown) => formatQuantity(Number(String(v ?? 0)));

export const generateMetadata = pageTitle("household");

export default async function HouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewerPage("household.read");
  const { id } = await params;
  const h = await householdOr404(viewer, id, "household", { idsMasked: true });
  const t = await getTranslations();
  const locale = await getLocale();
  const latest = h.assessments[0]?.result as unknown as Assessment | undefined;
  const now = today();
  const cadre = h.assignments[0]?.cadre;
  const pairingUnit = h.assignments[0]?.unit?.name ?? null;
  const readOnly = viewer.role !== "cadre";
  const year = currentYear();
  const plan = await planOf(h.id, year);
  // relocation (易地扶贫搬迁): shown where the household moved or has a record; an official in scope records it
  const relocation = await householdRelocation(viewer, h.id);
  const mayRecord = can(viewer.role, "places.record");
  const showRelocation = relocation && (relocation.record || relocation.origin.year != null || mayRecord);
  const destinations = showRelocation && mayRecord ? await destinationOptions(h.countyId) : null;
  // the annual income records (收入核算): the latest year's current revision, signed or not
  const incomeRecords = await incomeRecordsOf(h.id);
  const latestIncome = incomeRecords.find((r) => r.current);
  // household type (户属性): the current one and its history; an official over the region sets it
  const types = await householdTypesOf(h.id);
  const currentType = types.find((r) => r.current) ?? null;
  // other departments' data on the household (flags, leads, facts; medical ones by role), the view recorded
  const departmentData = await householdDepartmentData(viewer, { id: h.id, countyId: h.countyId });

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <header className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h1 className="text-xl font-semibold sm:text-2xl">{t("household.title", { name: h.headName })}</h1>
            <p className="text-sm text-stone-600">
              {h.village.parent?.name} · {h.village.name} · {t("household.number", { number: h.number })}
            </p>
            {h.relocatedYear != null && (
              <p className="text-sm text-stone-700" data-testid="relocation">
                {t("household.relocated", { year: h.relocatedYear, from: h.relocatedFromName ?? h.relocatedFromId ?? "—" })}
                {h.safeAlternative && (
                  <>
                    {" "}
                    · {t("household.safeAlternative")}：{t(`visit.ind.alt.${h.safeAlternative}`)}
                  </>
                )}
              </p>
            )}
          </div>
          <div className="no-print flex flex-wrap items-center gap-2">
            {readOnly && <Badge>{t("household.readOnly")}</Badge>}
            {viewer.role === "cadre" && (
              <>
                <Link href={`/households/${h.id}/edit`} className="rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-50">
                  {t("household.correct")}
                </Link>
                <Link
                  href={`/households/${h.id}/measures/new`}
                  className="rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-50"
                >
                  {t("household.addMeasure")}
                </Link>
              </>
            )}
            {(viewer.role === "cadre" || viewer.role === "facilitator") && (
              <Link href={`/households/${h.id}/propose`} className="rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-50">
                {t("household.propose")}
              </Link>
            )}
            <a
              href={`/households/${h.id}/handbook`}
              download
              title={t("countyRecords.handbook.printHint")}
              className="rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-50"
              data-testid="household-handbook"
            >
              {t("countyRecords.handbook.print")}
            </a>
            {(viewer.role === "cadre" || viewer.role === "county_official") && (
              <Link href={`/cards?household=${h.id}`} className="rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-50">
                {t("nav.cards")}
              </Link>
            )}
          </div>
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <div>
            <dt className="text-xs text-stone-500">{t("household.registered")}</dt>
            <dd className="mt-1" data-testid="registered-status">
              <RegisteredBadge status={h.registeredStatus} />
              {h.liftedAt && h.registeredAt && h.registeredAt > h.liftedAt && (
                <span className="ml-1" data-testid="relapse">
                  <Badge tone="red">{t("household.relapse")}</Badge>
                </span>
              )}
              {h.monitoringCategory && (
                <span className="ml-1">
                  <Badge tone="amber">{t(`monitoring.${h.monitoringCategory}`)}</Badge>
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-stone-500">{t("household.assessed")}</dt>
            <dd className="mt-1" data-testid="assessed-status">
              <AssessedBadge status={h.assessedStatus} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-stone-500">{t("household.perCapita")}</dt>
            <dd className="mt-1 font-semibold tabular-nums">
              {h.perCapitaIncome != null ? `${yuan(h.perCapitaIncome)} ${t("common.yuan")}` : "—"}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-stone-500">{t("household.cadre")}</dt>
            <dd className="mt-1 text-sm">
              {cadre ? (
                <>
                  {cadre.name}
                  {pairingUnit && (
                    <span className="text-stone-600" data-testid="pairing-unit">
                      {" "}
                      · {t("places.teams.pairUnit")}：{pairingUnit}
                    </span>
                  )}
                  {cadre.phone && (
                    <>
                      {" "}
                      ·{" "}
                      <a className="underline" href={`tel:${cadre.phone}`}>
                        {cadre.phone}
                      </a>
                    </>
                  )}
                </>
              ) : (
                t("household.noCadre")
              )}
            </dd>
          </div>
        </dl>
        {h.candidate && (
          <div
            className="mt-3 rounded-lg border border-violet-300 bg-violet-50 p-3 text-sm text-violet-900"
            role="note"
            data-testid="mismatch"
          >
            <div className="font-semibold">⚑ {t("household.mismatchTitle")}</div>
            <div>
              {t("household.mismatchBody", {
                candidate: t(`candidate.${h.candidate}`) + (h.candidateCategory ? ` · ${t(`monitoring.${h.candidateCategory}`)}` : ""),
              })}
            </div>
          </div>
        )}
      </header>

      <HouseholdVisitPanel viewer={viewer} householdId={h.id} version={h.version} lastVisitAt={h.lastVisitAt} />

      <Card title={t("household.indicators")}>
        {latest ? (
          <>
            <p className="mb-2 text-sm text-stone-600">
              {t("household.line")} {yuan(latest.povertyLine)}
              {latest.povertyLineCarried ? t("household.carried") : ""} · {t("household.threshold")}{" "}
              {latest.monitoringThreshold == null ? t("household.noThreshold") : yuan(latest.monitoringThreshold)}
              {latest.monitoringThresholdCarried && !latest.thresholdStale ? t("household.carried") : ""} · {latest.year}
            </p>
            {latest.thresholdStale && (
              <p
                className="mb-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900"
                role="note"
                data-testid="threshold-stale"
              >
                {t("household.thresholdStale")}
              </p>
            )}
            {(latest.guaranteeGap || latest.shock || latest.relapse) && (
              <div className="mb-2 flex flex-wrap gap-2" data-testid="assessment-flags">
                {latest.guaranteeGap && (
                  <span title={t("household.guaranteeGapHint")}>
                    <Badge tone="amber">{t("household.guaranteeGap")}</Badge>
                  </span>
                )}
                {latest.shock && (
                  <span title={t("household.shockHint")}>
                    <Badge tone="red">{t("household.shock")}</Badge>
                  </span>
                )}
                {latest.relapse && <Badge tone="red">{t("household.relapse")}</Badge>}
              </div>
            )}
            <IndicatorChecklist assessment={latest} />
          </>
        ) : (
          <EmptyState>{t("assessed.none")}</EmptyState>
        )}
      </Card>

      {departmentData.items.length > 0 && (
        <HouseholdDepartmentCard
          items={departmentData.items}
          hiddenMedical={departmentData.hiddenMedical}
          leadsHref={viewer.role === "cadre" || viewer.role === "county_official" ? "/leads" : null}
        />
      )}

      <Card title={`${t("household.members")} (${h.members.filter((m) => m.active).length})`}>
        <Members householdId={h.id} members={h.members} canReveal={h.nationalIdsShown === "full"} today={now} />
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("household.income")}>
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            {(
              [
                ["wages", h.incomeWages],
                ["business", h.incomeBusiness],
                ["businessCosts", h.incomeBusinessCosts],
                ["property", h.incomeProperty],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-stone-600">{t(`household.${k}`)}</dt>
                <dd className="text-right tabular-nums">{v == null ? "—" : yuan(v)}</dd>
              </div>
            ))}
            <div className="col-span-2 mt-1 text-xs font-medium text-stone-500">{t("household.countedTransfers")}</div>
            {(
              [
                ["transferSubsistence", h.transferSubsistence],
                ["transferExtremeHardship", h.transferExtremeHardship],
                ["transferPension", h.transferPension],
                ["transferEcological", h.transferEcological],
                ["transferFamilyPlanning", h.transferFamilyPlanning],
                ["transferSupport", h.transferSupport],
                ["transferOther", h.incomeTransfers],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-stone-600">{t(`household.${k}`)}</dt>
                <dd className="text-right tabular-nums">{yuan(v)}</dd>
              </div>
            ))}
            {(
              [
                ["rigidAfter", h.rigidExpenditure],
                ["previousYear", h.previousYearIncome],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-stone-600">{t(`household.${k}`)}</dt>
                <dd className="text-right tabular-nums">{v == null ? "—" : yuan(v)}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-3 rounded border border-stone-200 bg-stone-50 p-2" data-testid="income-not-counted">
            <div className="text-xs font-medium text-stone-600">{t("household.notCounted")}</div>
            <dl className="mt-1 grid grid-cols-2 gap-y-1 text-sm">
              {(
                [
                  ["excludedMedical", h.excludedMedical],
                  ["excludedTemporaryRelief", h.excludedTemporaryRelief],
                  ["excludedHousingSubsidy", h.excludedHousingSubsidy],
                  ["excludedRelocationSubsidy", h.excludedRelocationSubsidy],
                  ["excludedGifts", h.excludedGifts],
                ] as const
              ).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-stone-600">{t(`household.${k}`)}</dt>
                  <dd className="text-right tabular-nums">{yuan(v)}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-1 text-xs text-stone-500">{t("household.notCountedWhy")}</p>
          </div>
          {h.mainCause && (
            <p className="mt-3 text-sm">
              <span className="text-stone-600">{t("household.cause")}：</span>
              {t(`causes.${h.mainCause}`)}
              {h.secondaryCauses.length > 0 && (
                <span className="text-stone-600">
                  （{t("household.secondary")}：{h.secondaryCauses.map((c) => t(`causes.${c}`)).join("、")}）
                </span>
              )}
            </p>
          )}
        </Card>
        <PlanCard plan={plan} year={year} householdId={h.id} canEdit={viewer.role === "cadre" || viewer.role === "county_official"} />
        <Card title={t("countyRecords.income.title")}>
          <div data-testid="income-records">
            {latestIncome ? (
              <>
                {!latestIncome.signedAt && (
                  <p className="mb-2" data-testid="income-unsigned">
                    <Badge tone="amber">{t("countyRecords.income.unsignedBadge")}</Badge>
                  </p>
                )}
                <IncomeRecordView r={latestIncome} compact />
              </>
            ) : (
              <EmptyState>{t("countyRecords.income.none")}</EmptyState>
            )}
            <Link href={`/households/${h.id}/income`} className="no-print mt-2 inline-flex min-h-11 items-center text-sm underline">
              {can(viewer.role, "income.record") ? t("countyRecords.income.record") : t("countyRecords.income.history")}
            </Link>
          </div>
        </Card>
        <Card title={t("countyRecords.type.title")}>
          <div className="space-y-3 text-sm" data-testid="household-type">
            {currentType ? (
              <p>
                {t("countyRecords.type.current", {
                  type: t(`countyRecords.type.${currentType.type}`),
                  since: currentType.since,
                  basis: currentType.basis,
                })}
              </p>
            ) : (
              <EmptyState>{t("countyRecords.type.none")}</EmptyState>
            )}
            {types.length > 1 && (
              <details>
                <summary className="cursor-pointer text-stone-600">{t("countyRecords.type.history")}</summary>
                <ul className="mt-1 space-y-1">
                  {types.map((r) => (
                    <li key={r.id} className={r.current ? "" : "text-stone-500"}>
                      {r.since} · {t(`countyRecords.type.${r.type}`)} · {r.basis}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {can(viewer.role, "household_type.set") && <HouseholdTypeForm householdId={h.id} current={currentType?.type ?? null} />}
          </div>
        </Card>
        <Card title={t("household.measures")}>
          {h.measures.length === 0 ? (
            <EmptyState>{t("household.noMeasures")}</EmptyState>
          ) : (
            <ul className="space-y-2 text-sm">
              {h.measures.map((m) => (
                <li key={m.id} className="rounded border border-stone-100 p-2">
                  <div className="flex justify-between gap-2">
                    <span className="font-medium">{t(`plan.kind.${m.kind}`)}</span>
                    <span className="tabular-nums">
                      {yuan(m.amount)} {t("common.yuan")}
                    </span>
                  </div>
                  <div className="text-stone-700">{m.description}</div>
                  {m.loanStatus && (
                    <div className="text-xs text-stone-600" data-testid="measure-loan">
                      {m.bank} · {m.termMonths} · {t(`plan.loan.${m.loanStatus}`)}
                      {m.overdueSince && ` ${m.overdueSince.toISOString().slice(0, 10)}`}
                    </div>
                  )}
                  {m.post && (
                    <div className="text-xs text-stone-600">
                      {m.post} · {t("plan.form.monthlyPay")}：{yuan(m.monthlyPay)}
                    </div>
                  )}
                  <div className="text-xs text-stone-500">
                    {m.startDate.toISOString().slice(0, 10)} — {m.endDate?.toISOString().slice(0, 10) ?? ""}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      {showRelocation && <RelocationCard data={relocation} destinations={destinations} />}

      <Card title={t("household.visits")}>
        {h.visits.length === 0 ? (
          <EmptyState>{t("household.noVisits")}</EmptyState>
        ) : (
          <ol className="space-y-3 text-sm">
            {h.visits.map((v) => (
              <li key={v.id} className="border-l-2 border-brand-600 pl-3">
                <div className="font-medium">
                  {v.date.toISOString().slice(0, 10)} · {t(`visitMode.${v.mode}`)} · {v.cadre.name}
                </div>
                <div>
                  <span className="text-stone-500">{t("household.findings")}：</span>
                  {v.findings}
                </div>
                {v.problems && (
                  <div>
                    <span className="text-stone-500">{t("household.problems")}：</span>
                    {v.problems}
                  </div>
                )}
                {v.actionsTaken && (
                  <div>
                    <span className="text-stone-500">{t("household.actions")}：</span>
                    {v.actionsTaken}
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </Card>

      <HouseholdProcedureTimeline householdId={h.id} viewer={viewer} />

      <Card title={t("household.timeline")}>
        <ol className="space-y-2 text-sm" data-testid="assessment-timeline">
          {h.assessments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              <time className="tabular-nums text-stone-600">
                {formatInChina(a.createdAt, locale, {
                  year: "numeric",
                  month: "numeric",
                  day: "numeric",
                  hour: "numeric",
                  minute: "numeric",
                  second: "numeric",
                })}
              </time>
              <AssessedBadge status={a.status} />
              <span className="tabular-nums">
                {yuan(a.perCapitaIncome)} {t("common.yuan")}
              </span>
              <span className="text-xs text-stone-500">
                {t(`trigger.${a.trigger}`)} ·{" "}
                <span title={`${t("household.policy")} ${a.policyVersion}`}>{t("household.policyOf", policyLabel(a.policyVersion))}</span>
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
