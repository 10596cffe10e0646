import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { villageExitPage, type VillageExitPageData } from "@/lib/data/village-exit";
import { Card, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/tone";
import { VillageExitRecordForm } from "@/components/village-exit/record-form";
import { ProposeForm, ReviewForm } from "@/components/village-exit/step-forms";
import { CRITERION_LABEL, CRITERION_TONE, STAGE_TONE } from "@/components/village-exit/stage";
import { formatCents } from "@/lib/domain/format";
import { toCents } from "@/lib/domain/money";
import { currentYear, today } from "@/lib/clock";
import { VILLAGE_EXIT_FACILITIES } from "@/lib/domain/village-exit";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("villageExit");
  return { title: t("title") };
}

const STEPS = ["propose", "township_review", "county_approval"] as const;

/**
 * A designated poor village's exit for a year: the record (kept by the village while a draft or
 * returned), every criterion judged on it and the village's people, the steps taken, and the step
 * the viewer may take now. Out of the viewer's reach: not found.
 */
export default async function VillageExitPage({
  params,
  searchParams,
}: {
  params: Promise<{ villageId: string }>;
  searchParams: Promise<{ year?: string }>;
}) {
  const viewer = await requireViewerPage();
  const { villageId } = await params;
  const sp = await searchParams;
  const thisYear = currentYear();
  const asked = Number.parseInt(sp.year ?? "", 10);
  const year = Number.isInteger(asked) && asked >= 2014 && asked <= thisYear ? asked : thisYear;
  const d = await villageExitPage(viewer, villageId, year);
  if (!d) notFound();
  const t = await getTranslations("villageExit");
  const lang = (await getLocale()) === "en" ? "en" : "zh";
  const r = d.record;
  const stage = r?.stage ?? "none";
  const years = [...new Set([thisYear, ...d.years.map((y) => y.year)])].sort((a, b) => b - a);
  return (
    <div className="space-y-4">
      <PageTitle sub={`${d.village.countyName} · ${d.village.townshipName}`}>
        {d.village.name} · {t("title")}
      </PageTitle>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={STAGE_TONE[stage]}>{t(`stages.${stage}`)}</Badge>
        {d.village.exitYear !== null && <Badge tone="green">{t("exitedIn", { year: d.village.exitYear })}</Badge>}
        <nav aria-label={t("year")} className="flex flex-wrap gap-1">
          {years.map((y) => (
            <Link
              key={y}
              href={`/village-exit/${d.village.id}?year=${y}`}
              aria-current={y === d.year ? "page" : undefined}
              className={`rounded border px-2 py-0.5 ${y === d.year ? "border-brand-700 font-semibold text-brand-800" : "border-stone-300 text-stone-600"}`}
            >
              {y}
            </Link>
          ))}
        </nav>
        {r?.stage === "announced" && (
          <Link href={`/notices/village-exit/${r.id}`} className="text-brand-800 underline" data-testid="exit-announcement-link">
            {t("announcement.open")}
          </Link>
        )}
      </div>

      <Card>
        <h2 className="mb-2 font-semibold">{t("verdict.title")}</h2>
        <p className={`mb-2 text-sm font-medium ${d.verdict.eligible ? "text-emerald-800" : "text-amber-900"}`} data-testid="exit-verdict">
          {d.verdict.approvable
            ? t("verdict.approvable")
            : !d.verdict.eligible
              ? t("verdict.notEligible")
              : stage === "none" || stage === "draft" || stage === "returned"
                ? t("verdict.eligible")
                : t("verdict.eligibleUnderWay")}
        </p>
        <ul className="space-y-1 text-sm" data-testid="exit-criteria">
          {d.verdict.criteria.map((c) => (
            <li key={c.key} className="flex items-start gap-2" data-testid={`exit-criterion-${c.key}`}>
              <Badge tone={CRITERION_TONE[c.state]}>{t(CRITERION_LABEL[c.state])}</Badge>
              <span>{c.reason[lang]}</span>
            </li>
          ))}
        </ul>
        {d.verdict.pending.includes("collective_income") && <p className="mt-2 text-xs text-stone-600">{t("verdict.pendingNote")}</p>}
        {r?.frozen && r.frozen.value !== null && (
          <p className="mt-2 text-xs text-stone-600">
            {t("verdict.frozen", { poor: r.frozen.poor, people: r.frozen.people, value: r.frozen.value, threshold: r.frozen.threshold })}
          </p>
        )}
      </Card>

      <Card>
        <h2 className="mb-2 font-semibold">{t("record.title", { year: d.year })}</h2>
        {d.may.edit ? (
          <VillageExitRecordForm
            villageId={d.village.id}
            year={d.year}
            record={r ? { id: r.id, version: r.version, facilities: r.facilities, collectiveIncome: r.collectiveIncome } : null}
            today={today()}
          />
        ) : r ? (
          <>
            {r.stage !== "draft" && r.stage !== "returned" && <p className="mb-2 text-sm text-stone-600">{t("record.readOnly")}</p>}
            <dl className="grid gap-2 text-sm sm:grid-cols-2" data-testid="exit-record">
              {VILLAGE_EXIT_FACILITIES.map((f) => (
                <div key={f}>
                  <dt className="text-stone-500">{t(`record.facilities.${f}`)}</dt>
                  <dd>
                    {r.facilities[f].ok ? t("met") : t("notMet")}
                    {r.facilities[f].on ? ` · ${r.facilities[f].on}` : ""}
                    {r.facilities[f].note ? ` · ${r.facilities[f].note}` : ""}
                  </dd>
                </div>
              ))}
              <div>
                <dt className="text-stone-500">{t("record.collectiveIncome")}</dt>
                <dd className="tabular-nums">{r.collectiveIncome === null ? t("noRecord") : formatCents(toCents(r.collectiveIncome))}</dd>
              </div>
            </dl>
          </>
        ) : (
          <p className="text-sm text-stone-600">{t("steps.none")}</p>
        )}
        {r && r.collectiveIncome !== null && <IncomeJudgmentLine j={r.incomeJudgment} />}
      </Card>

      <Card>
        <h2 className="mb-2 font-semibold">{t("steps.title")}</h2>
        <ol className="mb-3 space-y-2 text-sm" data-testid="exit-steps">
          {STEPS.map((s) => {
            const taken = r?.steps.filter((x) => x.step === s) ?? [];
            return (
              <li key={s}>
                <span className="font-medium">{t(`steps.${s}`)}</span>
                {taken.length === 0 ? (
                  <span className="text-stone-400"> —</span>
                ) : (
                  <ul className="ml-4 list-disc">
                    {taken.map((x) => (
                      <li key={x.id}>
                        {t(`steps.decisions.${x.decision}`)} · {t("steps.by", { name: x.actor, at: x.at.slice(0, 10) })}
                        {x.reason ? `：${x.reason}` : ""}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
        {r && d.may.propose && <ProposeForm exitId={r.id} version={r.version} />}
        {r && d.may.review && <ReviewForm exitId={r.id} version={r.version} step="township" />}
        {r && d.may.approve && (
          <ReviewForm
            exitId={r.id}
            version={r.version}
            step="county"
            income={r.collectiveIncome === null ? null : formatCents(toCents(r.collectiveIncome))}
          />
        )}
      </Card>
    </div>
  );
}

/** The county's judgment of the collective income as recorded (a return keeps it for the village to read). */
async function IncomeJudgmentLine({ j }: { j: NonNullable<VillageExitPageData["record"]>["incomeJudgment"] }) {
  const t = await getTranslations("villageExit.judgment");
  return (
    <p className="mt-2 text-sm" data-testid="exit-income-judgment">
      <span className="font-medium">{t("title")}：</span>
      {j ? t("recorded", { judgment: t(j.judgment), name: j.by, at: j.at ? j.at.slice(0, 10) : "—", note: j.note || "—" }) : t("none")}
    </p>
  );
}
