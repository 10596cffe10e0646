import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { policyProvinces, policyTable, recentJobs } from "@/lib/data/policy";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { PolicyForm } from "@/components/policy/policy-form";
import { JobProgress } from "@/components/policy/job-progress";
import { POLICY_GROUPS } from "@/components/policy/groups";
import { currentYear } from "@/lib/clock";
import type { KeyUnder } from "@/i18n/keys";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("policy"))("title") };
}

export default async function PolicyPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewerPage("policy.edit");
  const sp = await searchParams;
  const provinces = await policyProvinces(viewer);
  const province = provinces.find((p) => p.id === sp.province)?.id ?? null;
  const [{ rows, years }, jobs] = await Promise.all([policyTable(province), recentJobs(viewer)]);
  const t = await getTranslations("policy");
  const th = await getTranslations("household");
  const shown = POLICY_GROUPS.flatMap((g) => g.keys);
  return (
    <div className="space-y-4">
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <nav className="flex gap-2 text-sm" aria-label={t("scope")}>
        <a href="/admin/policy" className={`rounded border px-3 py-1 ${province ? "" : "bg-brand-700 text-white"}`}>
          {t("national")}
        </a>
        {provinces.map((p) => (
          <a
            key={p.id}
            href={`/admin/policy?province=${p.id}`}
            className={`rounded border px-3 py-1 ${province === p.id ? "bg-brand-700 text-white" : ""}`}
          >
            {p.name}
          </a>
        ))}
      </nav>
      <Card title={`${t("year")} · ${province ? provinces.find((p) => p.id === province)?.name : t("national")}`}>
        <div className="-mx-4 overflow-x-auto px-4">
          <table className="w-full min-w-[1100px] text-xs" data-testid="policy-table">
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th className="sticky left-0 bg-stone-50 px-2 py-2">{t("year")}</th>
                {shown.map((k) => (
                  <th key={k} className="px-2 py-2 font-medium">
                    {t(`keys.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 tabular-nums">
              {years.map((y) => (
                <tr key={y.year} className={y.year === currentYear() ? "bg-amber-50" : ""}>
                  <th scope="row" className="sticky left-0 bg-inherit px-2 py-1 text-left">
                    {y.year}
                  </th>
                  {shown.map((k) => (
                    <td
                      key={k}
                      className={`px-2 py-1 ${y.stale[k] && k === "monitoringThreshold" ? "bg-amber-100 text-amber-900" : y.carried[k] ? "text-stone-400" : "font-medium"}`}
                      title={y.stale[k] && k === "monitoringThreshold" ? t("stale") : y.carried[k] ? t("carried") : t("set")}
                      data-stale={y.stale[k] && k === "monitoringThreshold" ? "true" : undefined}
                    >
                      {y.values[k] ?? "—"}
                      {y.carried[k] && (
                        <span
                          className="ml-0.5 text-[10px]"
                          aria-label={y.stale[k] && k === "monitoringThreshold" ? t("stale") : t("carried")}
                        >
                          {y.stale[k] && k === "monitoringThreshold" ? "⚠" : "↓"}
                        </span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2 text-xs text-stone-500">
          ↓ = {t("carried")} · ⚠ = {t("stale")}
        </p>
        <p className="mt-1 text-xs text-amber-800" data-testid="as-reported">
          {t("asReported")}
        </p>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("edit")}>
          <p className="mb-3 text-xs text-stone-600">{t("provinceOnly")}</p>
          <PolicyForm provinces={provinces} defaultYear={currentYear()} />
        </Card>
        <div className="space-y-4">
          <Card title={t("jobs")}>
            {jobs.length === 0 ? (
              <EmptyState>{t("noJobs")}</EmptyState>
            ) : (
              <div className="space-y-2">
                {jobs.map((j) => (
                  <JobProgress
                    key={j.id}
                    id={j.id}
                    initial={{ id: j.id, state: j.state, total: j.total, done: j.done, error: j.error, regionId: j.regionId }}
                  />
                ))}
              </div>
            )}
          </Card>
          <Card title={t("rows")}>
            <ul className="space-y-1 text-xs">
              {rows
                .slice()
                .reverse()
                .map((r) => (
                  <li key={r.id} className="flex flex-wrap gap-2" title={r.id}>
                    <span className="font-medium">
                      {th("policyOf", { year: String(r.year), scope: r.provinceCode ? "provincial" : "national" })}
                    </span>
                    <span className="text-stone-600">
                      {Object.entries(r.values)
                        .map(([k, v]) => `${t(`keys.${k as KeyUnder<"policy.keys">}`)}=${v}`)
                        .join("，")}
                    </span>
                  </li>
                ))}
            </ul>
          </Card>
        </div>
      </div>
    </div>
  );
}
