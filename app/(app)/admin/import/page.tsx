import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewerPage } from "@/lib/auth/session";
import { MAX_UPLOAD_BYTES } from "@/lib/import/jobs";
import { recentImports } from "@/lib/import/history";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { ImportWizard } from "@/components/import/import-wizard";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("bulkImport"))("title") };
}

const FORMAT_FILES = [
  ["regions.csv", "regions"],
  ["households.csv", "households"],
  ["members.csv", "members"],
  ["income.csv", "income"],
  ["indicators.csv", "indicators"],
  ["household_types.csv", "householdTypes"],
  ["income_records.csv", "incomeRecords"],
  ["relocation.csv", "relocation"],
  ["measures.csv", "measures"],
  ["plans.csv", "plans"],
  ["village_exits.csv", "villageExits"],
  ["postings.csv", "postings"],
] as const;

export default async function BulkImportPage() {
  const viewer = await requireViewerPage("data.import");
  const [t, format, history] = await Promise.all([getTranslations("bulkImport"), getFormatter(), recentImports()]);
  // the embedded database pauses other requests while an import writes: the page says so
  const pglite = /[?&]pglite=1\b/.test(process.env.DATABASE_URL ?? "");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-brand-700 underline">
          ← {t("back")}
        </Link>
      </p>
      <PageTitle sub={t("sub", { region: viewer.regionName, code: viewer.regionId })}>{t("title")}</PageTitle>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("files.label")} className="min-w-0 lg:col-span-2">
          <ImportWizard maxBytes={MAX_UPLOAD_BYTES} pglite={pglite} />
        </Card>
        <div className="min-w-0 space-y-4">
          <Card title={t("format.title")}>
            <p className="text-sm text-stone-700">{t("format.body")}</p>
            <dl className="mt-2 space-y-1 text-sm">
              {FORMAT_FILES.map(([file, key]) => (
                <div key={file}>
                  <dt className="inline font-mono text-xs">{file}</dt>
                  <dd className="inline text-stone-600"> — {t(`format.${key}`)}</dd>
                </div>
              ))}
            </dl>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-stone-700">
              <li>{t("format.rule1")}</li>
              <li>{t("format.rule2")}</li>
              <li>{t("format.rule3")}</li>
            </ul>
          </Card>
          <Card title={t("history.title")}>
            {history.length === 0 ? (
              <EmptyState>{t("history.empty")}</EmptyState>
            ) : (
              <ul className="divide-y divide-stone-100 text-sm" data-testid="import-history">
                {history.map((h) => (
                  <li key={h.id} className="py-2">
                    <div className="flex flex-wrap justify-between gap-x-2">
                      <time dateTime={h.at.toISOString()} className="tabular-nums">
                        {format.dateTime(h.at, { dateStyle: "short", timeStyle: "short" })}
                      </time>
                      <span className="text-stone-600">{h.by ?? "system"}</span>
                    </div>
                    <div className="text-xs text-stone-600">
                      {t("history.households")} {format.number(h.households)} · {t("history.members")} {format.number(h.members)}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
