// A sampled household's field check, phone first: the record (read only while the evaluation
// is open, each read audited with its reason) and the questionnaire.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { sampledHousehold } from "@/lib/data/evaluation/household";
import { chinaDateTime } from "@/lib/domain/china-time";
import { INDICATOR_KEYS } from "@/lib/domain/indicator";
import { ageOn } from "@/lib/domain/household";
import { today } from "@/lib/clock";
import { Badge } from "@/components/ui/badge";
import { QuestionnaireForm } from "@/components/evaluation/questionnaire-form";
import { pageTitle } from "@/lib/page-title";
import { formatQuantity as yuan } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export const generateMetadata = pageTitle("evaluationHousehold");

export default async function SampledHouseholdPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; householdId: string }>;
  searchParams: Promise<{ reason?: string | string[] }>;
}) {
  const viewer = await requireViewerPage("evaluation.run");
  const { id, householdId } = await params;
  const { reason } = await searchParams;
  let data;
  try {
    data = await sampledHousehold(viewer, id, householdId, typeof reason === "string" ? reason : undefined);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  const t = await getTranslations();
  const te = await getTranslations("evaluation");
  const lang = (await getLocale()) === "en" ? "en" : "zh";
  const h = data.household;
  const now = today();
  const a = h.assessment;
  const counted = h.members.filter((m) => m.counted).length;

  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <Link href={`/evaluator/${id}`} className="text-sm underline">
        ← {data.evaluation.name}
      </Link>
      <header className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm">
        <h1 className="text-xl font-semibold" data-testid="household-head">
          {t("household.title", { name: h.headName })}
        </h1>
        <p className="text-sm text-stone-600">
          {h.townshipName} · {h.villageName} · {t("household.number", { number: h.number })}
        </p>
        {h.address && (
          <p className="text-sm text-stone-600">
            {h.address}
            {h.phone && (
              <>
                {" "}
                ·{" "}
                <a className="underline" href={`tel:${h.phone}`}>
                  {h.phone}
                </a>
              </>
            )}
          </p>
        )}
        <div className="mt-2 flex flex-wrap gap-1">
          <Badge tone={h.frozenStatus === "registered_poor" ? "red" : h.frozenStatus === "lifted" ? "blue" : "gray"}>
            {t(`registered.${h.frozenStatus}`)}
          </Badge>
          {h.exitedThisYear && <Badge tone="green">{te("sample.exitedThisYear")}</Badge>}
          {h.monitoringCategory && <Badge tone="amber">{t(`monitoring.${h.monitoringCategory}`)}</Badge>}
          {h.assessedStatus && (
            <Badge tone={h.assessedStatus === "below_standard" ? "red" : h.assessedStatus === "at_risk" ? "amber" : "green"}>
              {t(`assessed.${h.assessedStatus}`)}
            </Badge>
          )}
        </div>
        <p className="mt-2 text-xs text-stone-500" data-testid="read-audited">
          {te("household.audited", { reason: data.reason })}
        </p>
      </header>

      <details className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm" data-testid="record">
        <summary className="min-h-11 cursor-pointer font-semibold">{te("household.record")}</summary>
        <p className="mt-1 text-xs text-stone-600">{te("household.recordHint")}</p>

        <h2 className="mt-3 text-sm font-semibold">{t("household.income")}</h2>
        <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 text-sm tabular-nums">
          <dt className="text-stone-500">{t("household.wages")}</dt>
          <dd>{yuan(h.income.wages)}</dd>
          <dt className="text-stone-500">{t("household.business")}</dt>
          <dd>{yuan(h.income.business)}</dd>
          <dt className="text-stone-500">{t("household.businessCosts")}</dt>
          <dd>{yuan(h.income.businessCosts)}</dd>
          <dt className="text-stone-500">{t("household.property")}</dt>
          <dd>{yuan(h.income.property)}</dd>
          <dt className="text-stone-500">{t("household.transfers")}</dt>
          <dd>{yuan(h.income.transfers)}</dd>
          <dt className="text-stone-500">{t("household.perCapita")}</dt>
          <dd className="font-semibold">{h.perCapitaIncome === null ? "—" : `${yuan(h.perCapitaIncome)} ${t("common.yuan")}`}</dd>
          <dt className="text-stone-500">{t("countyRecords.income.signedFigure", { year: data.evaluation.year })}</dt>
          <dd className="font-semibold" data-testid="signed-income">
            {data.signedIncome
              ? `${yuan(data.signedIncome.perCapitaIncome)} ${t("common.yuan")}（${data.signedIncome.signedOn}）`
              : t("countyRecords.income.noSignedFigure")}
          </dd>
        </dl>

        <h2 className="mt-3 text-sm font-semibold">{t("household.indicators")}</h2>
        {a ? (
          <ul className="mt-1 space-y-1 text-sm">
            {INDICATOR_KEYS.map((k) => (
              <li key={k} className="flex gap-2">
                <span className={a.indicators[k].met ? "text-emerald-700" : "text-red-700"} aria-hidden>
                  {a.indicators[k].met ? "✓" : "✕"}
                </span>
                <span>
                  <span className="font-medium">{t(`indicators.${k}`)}</span>（
                  {a.indicators[k].met ? t("household.met") : t("household.unmet")}）：
                  {lang === "en" ? a.indicators[k].reasonEn : a.indicators[k].reason}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-500">{t("assessed.none")}</p>
        )}

        <h2 className="mt-3 text-sm font-semibold">
          {t("household.members")}（{h.members.length}）
        </h2>
        <ul className="mt-1 divide-y divide-stone-100 text-sm">
          {h.members.map((m) => (
            <li key={m.id} className="py-1.5">
              <div className="flex flex-wrap gap-x-2">
                <span className="font-medium">{m.name}</span>
                <span>{t(`relation.${m.relation}`)}</span>
                <span>
                  {ageOn(m.birthDate.toISOString().slice(0, 10), now)}
                  {te("household.years")}
                </span>
                <span className="font-mono text-xs text-stone-500">{m.nationalId ?? "—"}</span>
              </div>
              <div className="text-xs text-stone-600">
                {t(`health.${m.health}`)} · {t(`labor.${m.laborCapacity}`)} · {t(`school.${m.schoolStatus}`)} · {t("household.insured")}{" "}
                {m.medicalInsurance ? "✓" : "✕"}
                {!m.counted && (
                  <> · {t("household.notCounted", { reason: m.notCountedReason ? t(`notCountedReason.${m.notCountedReason}`) : "—" })}</>
                )}
              </div>
            </li>
          ))}
        </ul>
        <p className="mt-1 text-xs text-stone-500">{te("household.masked")}</p>

        <h2 className="mt-3 text-sm font-semibold">{t("household.measures")}</h2>
        {h.measures.length === 0 ? (
          <p className="text-sm text-stone-500">{t("household.noMeasures")}</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {h.measures.map((m) => (
              <li key={m.id}>
                {t(`measure.${m.category}`)} · {m.description} · {yuan(m.amount)} {t("common.yuan")} · {iso(m.startDate)}–
                {m.endDate ? iso(m.endDate) : ""}
              </li>
            ))}
          </ul>
        )}

        <h2 className="mt-3 text-sm font-semibold">{t("household.visits")}</h2>
        {h.visits.length === 0 ? (
          <p className="text-sm text-stone-500">{t("household.noVisits")}</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {h.visits.map((v) => (
              <li key={v.id}>
                <span className="tabular-nums">{iso(v.date)}</span> · {t(`visitMode.${v.mode}`)} · {v.cadreName}：{v.findings}
                {v.problems && <span className="text-amber-800">（{v.problems}）</span>}
              </li>
            ))}
          </ul>
        )}

        <h2 className="mt-3 text-sm font-semibold">{t("household.evidence")}</h2>
        {h.evidence.length === 0 ? (
          <p className="text-sm text-stone-500">{t("household.noEvidence")}</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {h.evidence.map((x) => (
              <li key={x.id}>
                {x.indicator ? t(`indicators.${x.indicator}`) : "—"} · {x.fileName} · {iso(x.createdAt)}
              </li>
            ))}
          </ul>
        )}
      </details>

      <h2 className="pt-2 text-lg font-semibold">{te("questionnaire.title")}</h2>
      {data.questionnaire && (
        <p className="text-xs text-stone-600">{te("questionnaire.lastSaved", { at: chinaDateTime(data.questionnaire.submittedAt) })}</p>
      )}
      <QuestionnaireForm
        evaluationId={id}
        householdId={h.id}
        stored={
          data.questionnaire && {
            id: data.questionnaire.id,
            income: data.questionnaire.income,
            indicators: data.questionnaire.indicators,
            approval: data.questionnaire.approval,
            notes: data.questionnaire.notes,
          }
        }
        countedMembers={counted}
        povertyLine={data.povertyLine}
      />
    </div>
  );
}
