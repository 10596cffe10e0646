"use client";
import { useTranslations } from "next-intl";
import type { ImportReport } from "@/lib/import/run";

/** The record files' counts, in the order of the files (docs/import-format.md). */
const RECORD_COUNT_ROWS = [
  "householdTypes",
  "incomeRecords",
  "relocations",
  "measures",
  "plans",
  "villageExits",
  "postings",
] as const satisfies readonly (keyof ImportReport["counts"])[];

/** What an import added and skipped (or, after a check, would). */
export function CountsTable({ counts }: { counts: ImportReport["counts"] }) {
  const t = useTranslations("bulkImport.counts");
  const rows: [string, number, number | null, number | null][] = [
    [t("regions"), counts.regions.rows, counts.regions.inserted, counts.regions.skipped],
    [t("households"), counts.households.rows, counts.households.inserted, counts.households.skipped],
    [t("members"), counts.members.rows, counts.members.inserted, counts.members.skipped],
    [t("income"), counts.income.rows, null, null],
    [t("indicators"), counts.indicators.rows, null, null],
    // the optional county-record files (lib/import/records-*.ts)
    ...RECORD_COUNT_ROWS.map((k): [string, number, number | null, number | null] => [
      t(k),
      counts[k].rows,
      counts[k].inserted,
      counts[k].skipped,
    ]),
  ];
  const n = (v: number | null) => (v === null ? "—" : v.toLocaleString());
  return (
    <table className="w-full text-sm tabular-nums" data-testid="import-counts">
      <caption className="sr-only">{t("caption")}</caption>
      <thead className="text-left text-stone-600">
        <tr>
          <th scope="col" className="py-1 pr-2 font-medium">
            {t("what")}
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            {t("rows")}
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            {t("inserted")}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t("skipped")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100">
        {rows.map(([label, total, inserted, skipped]) => (
          <tr key={label}>
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {label}
            </th>
            <td className="py-1 pr-2 text-right">{n(total)}</td>
            <td className="py-1 pr-2 text-right">{n(inserted)}</td>
            <td className="py-1 text-right">{n(skipped)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
