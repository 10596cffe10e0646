import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { reviewCounty } from "@/lib/data/county";
import { isTownshipScope } from "@/lib/data/township";
import { loansByStatus, measuresByKind, overdueLoans } from "@/lib/data/measures";
import { PageTitle } from "@/components/ui/card";
import { CountyTabs } from "@/components/county/county-tabs";
import { MeasuresChart } from "@/components/county/charts/lazy-charts";
import { Pagination } from "@/components/ui/pagination";
import { daysOverdue } from "@/lib/domain/measures";
import { today } from "@/lib/clock";
import { pageTitle } from "@/lib/page-title";
import type { KeyUnder } from "@/i18n/keys";
import { formatQuantity as yuan } from "@/lib/domain/format";

export const dynamic = "force-dynamic";
export const generateMetadata = pageTitle("measures");

export default async function CountyMeasuresPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewerPage("village.review");
  if (isTownshipScope(viewer)) redirect("/township");
  const county = await reviewCounty(viewer);
  const page = Math.max(1, Math.min(10_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const t = await getTranslations("plan");
  const [kinds, loans, overdue] = await Promise.all([measuresByKind(county.id), loansByStatus(county.id), overdueLoans(county.id, page)]);
  const kindLabel = (k: string) => t(`kind.${k as KeyUnder<"plan.kind">}`);
  const total = kinds.reduce((a, k) => ({ measures: a.measures + k.measures, amount: a.amount + Number(k.amount) }), {
    measures: 0,
    amount: 0,
  });
  const on = today();
  return (
    <div className="space-y-4">
      <PageTitle sub={t("county.sub", { county: county.name })}>{t("county.title")}</PageTitle>
      <CountyTabs current="measures" />
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="kinds-title">
          <h2 id="kinds-title" className="mb-2 text-base font-semibold">
            {t("county.title")}
          </h2>
          <table className="w-full text-sm" data-testid="measures-by-kind">
            <thead>
              <tr className="border-b text-left text-stone-600">
                <th scope="col" className="py-1">
                  {t("county.kindCol")}
                </th>
                <th scope="col" className="py-1 text-right">
                  {t("county.measures")}
                </th>
                <th scope="col" className="py-1 text-right">
                  {t("county.households")}
                </th>
                <th scope="col" className="py-1 text-right">
                  {t("county.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((k) => (
                <tr key={k.kind} className="border-b border-stone-100">
                  <th scope="row" className="py-1 text-left font-normal">
                    {kindLabel(k.kind)}
                  </th>
                  <td className="py-1 text-right tabular-nums">{k.measures}</td>
                  <td className="py-1 text-right tabular-nums">{k.households}</td>
                  <td className="py-1 text-right tabular-nums">{yuan(Number(k.amount))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" className="py-1 text-left">
                  {t("county.total")}
                </th>
                <td className="py-1 text-right tabular-nums">{total.measures}</td>
                <td />
                <td className="py-1 text-right tabular-nums">{yuan(total.amount)}</td>
              </tr>
            </tfoot>
          </table>
        </section>
        <figure className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="chart-title">
          <h2 id="chart-title" className="mb-2 text-base font-semibold">
            {t("county.chartTitle")}
          </h2>
          <MeasuresChart kinds={kinds.map((k) => ({ kind: k.kind, households: k.households }))} />
        </figure>
      </div>
      <section className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby="overdue-title">
        <h2 id="overdue-title" className="text-base font-semibold">
          {t("county.overdueTitle")}
        </h2>
        <p className="mb-2 text-sm text-stone-600">
          {t("county.overdueSub")}{" "}
          {loans.map((l) => `${t(`county.${l.status as "repaid" | "current" | "overdue"}`)} ${l.loans}`).join(" · ")}
        </p>
        {overdue.total === 0 ? (
          <p className="text-sm text-stone-600">{t("county.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="overdue-loans">
              <thead>
                <tr className="border-b text-left text-stone-600">
                  <th scope="col" className="py-1 pr-2">
                    {t("county.household")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("county.village")}
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right">
                    {t("county.loanAmount")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("county.bank")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("county.issued")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("county.due")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("county.since")}
                  </th>
                  <th scope="col" className="py-1 text-right">
                    {t("county.days")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overdue.rows.map((r) => (
                  <tr key={r.id} className="border-b border-stone-100">
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      <Link href={`/households/${r.householdId}`} className="underline">
                        {r.household}
                      </Link>
                    </th>
                    <td className="py-1 pr-2">{r.village}</td>
                    <td className="py-1 pr-2 text-right tabular-nums">{yuan(r.amount)}</td>
                    <td className="py-1 pr-2">{r.bank}</td>
                    <td className="py-1 pr-2 tabular-nums">{r.issued}</td>
                    <td className="py-1 pr-2 tabular-nums">{r.due ?? "—"}</td>
                    <td className="py-1 pr-2 tabular-nums">{r.since}</td>
                    <td className="py-1 text-right tabular-nums text-red-800">{daysOverdue(r.since, on)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={20} total={overdue.total} params={{}} basePath="/county/measures" />
      </section>
    </div>
  );
}
