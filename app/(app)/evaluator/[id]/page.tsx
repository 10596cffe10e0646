import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { today } from "@/lib/clock";
import { evaluationDetail } from "@/lib/data/evaluation/detail";
import { metricsFor } from "@/lib/data/evaluation/metrics";
import { chinaDateTime } from "@/lib/domain/china-time";
import { SAMPLE_ALGORITHM } from "@/lib/domain/sampling";
import { SAMPLE_ALGORITHM_V2 } from "@/lib/domain/sampling-v2";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { CloseForm, DrawForm, ReleaseForm, VerifyButton } from "@/components/evaluation/evaluation-actions";
import { MetricsTable } from "@/components/evaluation/metrics-table";
import { pageTitle } from "@/lib/page-title";
import type { KeyUnder } from "@/i18n/keys";

export const dynamic = "force-dynamic";

const STATE_TONE = { draft: "gray", drawn: "blue", closed: "green" } as const;
const STATUS_TONE = { not_registered: "gray", registered_poor: "red", lifted: "blue" } as const;

/** "the evening before": 20:00 China time today, or tomorrow when that has passed. */
function suggestedRelease(now = new Date()): string {
  const day = today(now);
  const tonight = new Date(`${day}T20:00:00+08:00`);
  if (tonight.getTime() > now.getTime()) return `${day}T20:00`;
  return `${today(new Date(now.getTime() + 86_400_000))}T20:00`;
}

async function load(viewer: Awaited<ReturnType<typeof requireViewerPage>>, id: string) {
  try {
    return await evaluationDetail(viewer, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export const generateMetadata = pageTitle("evaluation");

export default async function EvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewerPage("evaluation.run");
  const { id } = await params;
  const d = await load(viewer, id);
  const t = await getTranslations("evaluation");
  const tr = await getTranslations("registered");
  const lang = (await getLocale()) === "en" ? "en" : "zh";
  const e = d.evaluation;
  const drawn = e.state !== "draft";
  const open = e.state === "drawn";
  const metrics = drawn ? await metricsFor(e) : null;
  const now = new Date();
  const released = e.releaseAt !== null && e.releaseAt.getTime() <= now.getTime();

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link href="/evaluator" className="text-sm underline">
        ← {t("detail.back")}
      </Link>
      <PageTitle sub={t("detail.sub", { county: d.county.name, year: e.year, by: d.createdByName ?? "—" })}>
        <span className="mr-2">{e.name}</span>
        <Badge tone={STATE_TONE[e.state]}>{t(`state.${e.state}`)}</Badge>
      </PageTitle>

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("detail.plan")}>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <dt className="text-stone-500">{t("fields.plan.villages")}</dt>
            <dd className="tabular-nums">{d.plan.villages}</dd>
            <dt className="text-stone-500">{t("fields.plan.sharePercent")}</dt>
            <dd className="tabular-nums">{Number((d.plan.share * 100).toPrecision(12))}%</dd>
            <dt className="text-stone-500">{t("fields.plan.capPerVillage")}</dt>
            <dd className="tabular-nums">{d.plan.capPerVillage}</dd>
            <dt className="text-stone-500">{t("fields.plan.includeAllExited")}</dt>
            <dd>{d.plan.includeAllExited ? t("detail.yes") : t("detail.no")}</dd>
            <dt className="text-stone-500">{t("fields.team")}</dt>
            <dd>{d.team.map((m) => m.name).join("、")}</dd>
          </dl>
          {d.plan.defaults && (
            <p className="mt-2 text-xs text-stone-500">
              {t("create.defaultsHint", {
                min: d.plan.defaults.villagesMin,
                max: d.plan.defaults.villagesMax,
                share: Number((d.plan.defaults.share * 100).toPrecision(12)),
                cap: d.plan.defaults.capPerVillage,
              })}
            </p>
          )}
        </Card>

        <Card title={t("release.title")}>
          <p className="text-sm" data-testid="release-state">
            {e.releaseAt === null
              ? t("release.notSet")
              : released
                ? t("release.released", { at: chinaDateTime(e.releaseAt) })
                : t("release.embargoed", { at: chinaDateTime(e.releaseAt) })}
          </p>
          {e.state !== "closed" && !released && (
            <div className="mt-3">
              <ReleaseForm evaluationId={e.id} suggested={suggestedRelease(now)} />
            </div>
          )}
        </Card>
      </div>

      <Card title={t("draw.title")}>
        {!drawn ? (
          <DrawForm evaluationId={e.id} />
        ) : (
          <div className="space-y-3">
            <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]" data-testid="draw-record">
              <dt className="text-stone-500">{t("draw.seed")}</dt>
              <dd className="break-all font-mono" data-testid="draw-seed">
                {e.seed}
              </dd>
              <dt className="text-stone-500">{t("draw.listHash")}</dt>
              <dd className="break-all font-mono text-xs" data-testid="draw-hash">
                {e.listHash}
              </dd>
              <dt className="text-stone-500">{t("draw.algorithm")}</dt>
              <dd className="font-mono">{e.algorithm ?? SAMPLE_ALGORITHM}</dd>
              <dt className="text-stone-500">{t("draw.frozen")}</dt>
              <dd className="tabular-nums">
                {t("draw.frozenCount", { count: d.frozenCount, at: e.frozenAt ? chinaDateTime(e.frozenAt) : "—" })}
              </dd>
              <dt className="text-stone-500">{t("draw.sampled")}</dt>
              <dd className="tabular-nums">
                {t("draw.sampledCount", { count: d.sampled, villages: d.plan.drawn?.villages.length ?? d.groups.length })}
              </dd>
            </dl>
            <div className="flex flex-wrap items-start gap-3">
              <VerifyButton evaluationId={e.id} />
              <a
                href={`/evaluator/${e.id}/frozen-list.csv`}
                className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 px-4 text-sm font-medium hover:bg-stone-50"
                data-testid="download-csv"
              >
                {t("draw.downloadCsv")}
              </a>
              <a
                href={`/evaluator/${e.id}/draw.json`}
                className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 px-4 text-sm font-medium hover:bg-stone-50"
              >
                {t("draw.downloadJson")}
              </a>
            </div>
            <details className="rounded-lg bg-stone-50 p-3 text-sm">
              <summary className="min-h-11 cursor-pointer font-medium">{t("draw.howToTitle")}</summary>
              <p className="mt-2 text-stone-700">
                {e.algorithm === SAMPLE_ALGORITHM_V2
                  ? t("draw.howToV2", { algorithm: e.algorithm })
                  : t("draw.howTo", { algorithm: e.algorithm ?? SAMPLE_ALGORITHM })}
              </p>
            </details>
          </div>
        )}
      </Card>

      {metrics && (
        <Card
          title={t("metrics.title")}
          actions={
            <Link
              href={`/evaluator/${e.id}/report`}
              className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 px-4 text-sm font-medium hover:bg-stone-50"
              data-testid="open-report"
            >
              {t("report.open")}
            </Link>
          }
        >
          <MetricsTable metrics={metrics} />
        </Card>
      )}

      {drawn && (
        <Card title={t("sample.title", { count: d.sampled, checked: d.checked })}>
          {!open && <p className="mb-2 text-sm text-stone-600">{t("sample.closedNote")}</p>}
          {!released && open && <p className="mb-2 rounded-lg bg-amber-50 p-2 text-sm text-amber-900">{t("sample.embargoNote")}</p>}
          {d.plan.drawn?.strata && (
            <p className="mb-2 text-sm text-stone-700" data-testid="sample-strata">
              {t("sample.strataSummary", {
                designated: d.plan.drawn.strata.designated.villages.length,
                designatedAvailable: d.plan.drawn.strata.designated.available,
                other: d.plan.drawn.strata.other.villages.length,
                otherAvailable: d.plan.drawn.strata.other.available,
              })}
              {d.plan.drawn.villagesShort && <> {t("sample.villagesShort", { planned: d.plan.villages })}</>}
            </p>
          )}
          <div className="space-y-3" data-testid="sample-list">
            {d.groups.map((g) => (
              <details key={g.villageId} className="rounded-lg border border-stone-200" open={d.groups.length <= 2}>
                <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-2 px-3 py-2">
                  <span className="font-semibold">{g.villageName}</span>
                  <span className="text-xs text-stone-500">{g.townshipName}</span>
                  {g.strata ? (
                    <>
                      <Badge tone={g.strata.designated ? "amber" : "gray"}>
                        <span data-testid="village-stratum">
                          {t(g.strata.designated ? "sample.stratum.designated" : "sample.stratum.other")}
                        </span>
                      </Badge>
                      <span className="text-xs tabular-nums text-stone-600" data-testid="village-halves">
                        {t("sample.perVillageV2", {
                          households: g.strata.households,
                          target: g.strata.target,
                          register: g.strata.register,
                          registerDrawn: g.strata.registerDrawn,
                          exited: g.strata.exited,
                          outside: g.strata.outside,
                          outsideDrawn: g.strata.outsideDrawn,
                        })}
                      </span>
                    </>
                  ) : (
                    <span className="text-xs tabular-nums text-stone-600">
                      {t("sample.perVillage", { ordinary: g.ordinary ?? "—", drawn: g.ordinaryDrawn ?? "—", exited: g.exited ?? "—" })}
                    </span>
                  )}
                  <span className="text-xs tabular-nums text-stone-600">
                    {t("sample.checkedOf", { checked: g.households.filter((h) => h.checkedAt).length, count: g.households.length })}
                  </span>
                </summary>
                {g.households.length === 0 ? (
                  <p className="px-3 pb-3 text-sm text-stone-500">{t("sample.noneFromVillage")}</p>
                ) : (
                  <ul className="divide-y divide-stone-100 border-t border-stone-100">
                    {g.households.map((h) => {
                      const body = (
                        <>
                          <span className="w-12 shrink-0 tabular-nums text-stone-600">{h.number}</span>
                          {h.headName && <span className="font-medium">{h.headName}</span>}
                          <Badge tone={STATUS_TONE[h.registeredStatus]}>{tr(h.registeredStatus)}</Badge>
                          {h.exited && <Badge tone="green">{t("sample.exitedThisYear")}</Badge>}
                          {h.checkedAt ? <Badge tone="green">✓ {t("sample.checked")}</Badge> : <Badge>{t("sample.notChecked")}</Badge>}
                          {[...new Set(h.discrepancies)].map((k) => (
                            <Badge key={k} tone="amber">
                              {t(`discrepancy.kinds.${k as KeyUnder<"evaluation.discrepancy.kinds">}`)}
                            </Badge>
                          ))}
                        </>
                      );
                      return (
                        <li key={h.householdId}>
                          {open ? (
                            <Link
                              href={`/evaluator/${e.id}/households/${h.householdId}`}
                              className="flex min-h-11 flex-wrap items-center gap-2 px-3 py-2 hover:bg-stone-50"
                              data-testid="sample-household"
                            >
                              {body}
                            </Link>
                          ) : (
                            <div className="flex min-h-11 flex-wrap items-center gap-2 px-3 py-2">{body}</div>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </details>
            ))}
          </div>
        </Card>
      )}

      {drawn && (
        <Card title={t("discrepancy.title", { count: d.discrepancies.length })}>
          {d.discrepancies.length === 0 ? (
            <EmptyState>{t("discrepancy.none")}</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100" data-testid="discrepancy-list">
              {d.discrepancies.map((x) => (
                <li key={x.id} className="py-2 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone="amber">{t(`discrepancy.kinds.${x.kind as KeyUnder<"evaluation.discrepancy.kinds">}`)}</Badge>
                    <span>
                      {x.villageName} · {x.number}
                    </span>
                    <Badge tone={x.state === "open" ? "red" : "green"}>{t(`discrepancy.state.${x.state}`)}</Badge>
                  </div>
                  <p className="mt-1 text-stone-700">{x.detail[lang] ?? x.detail.zh}</p>
                  {x.resolution && (
                    <p className="mt-0.5 text-emerald-800">
                      {t("followups.resolution")}：{x.resolution}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}

      {e.state !== "closed" ? (
        <Card title={t("close.title")}>
          <p className="mb-2 text-sm text-stone-600">{t("close.hint")}</p>
          <CloseForm evaluationId={e.id} />
        </Card>
      ) : (
        <p className="text-sm text-stone-600" data-testid="closed-note">
          {t("close.closedAt", { at: e.closedAt ? chinaDateTime(e.closedAt) : "—" })}
        </p>
      )}
    </div>
  );
}
