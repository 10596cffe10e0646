import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { householdOr404 } from "@/lib/data/household-page";
import { incomeRecordsOf } from "@/lib/data/income-records";
import { currentYear } from "@/lib/clock";
import { Card, EmptyState } from "@/components/ui/card";
import { IncomeRecordView } from "@/components/income/income-record-view";
import { IncomeRecordForm, SignIncomeForm } from "@/components/income/income-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("countyRecords.income");
  return { title: t("title") };
}

/** The household's income records (收入核算): each year's current revision, its history, recording and signing. */
export default async function IncomeRecordsPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewerPage("household.read");
  const { id } = await params;
  const h = await householdOr404(viewer, id, "income", { idsMasked: true });
  const records = await incomeRecordsOf(h.id);
  const t = await getTranslations("countyRecords.income");
  const year = currentYear();
  const mayRecord = can(viewer.role, "income.record");
  const current = records.filter((r) => r.current);
  const revisions = Object.fromEntries(current.map((r) => [r.year, r.revision]));
  const thisYear = current.find((r) => r.year === year);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href={`/households/${h.id}`} className="inline-flex min-h-11 items-center text-sm text-stone-700 underline">
        ← {t("back")}
      </Link>
      <div>
        <h1 className="text-xl font-semibold">{t("titleFor", { name: h.headName })}</h1>
        <p className="text-sm text-stone-600">{t("sub", { village: h.village.name, number: h.number })}</p>
      </div>
      {current.length === 0 && <EmptyState>{t("none")}</EmptyState>}
      {current.map((r) => (
        <Card key={r.id} title={`${r.year}`}>
          <IncomeRecordView r={r} />
          {mayRecord && !r.signedAt && (
            <div className="mt-3 border-t border-stone-200 pt-3">
              <SignIncomeForm recordId={r.id} />
            </div>
          )}
          {records.some((o) => o.year === r.year && !o.current) && (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-stone-700">{t("history")}</summary>
              <div className="mt-2 space-y-3">
                {records
                  .filter((o) => o.year === r.year && !o.current)
                  .map((o) => (
                    <IncomeRecordView key={o.id} r={o} compact />
                  ))}
              </div>
            </details>
          )}
        </Card>
      ))}
      {mayRecord && (
        <Card title={thisYear ? t("correct") : t("record")}>
          <IncomeRecordForm householdId={h.id} year={year} maxYear={year} revisions={revisions} initial={thisYear?.items ?? {}} />
        </Card>
      )}
    </div>
  );
}
