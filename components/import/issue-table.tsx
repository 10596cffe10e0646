"use client";
import { useTranslations } from "next-intl";
import type { KeyUnder } from "@/i18n/keys";
import type { ImportIssue } from "@/lib/import/issues";

/**
 * The report's problems: file, row, column, rule. A table from a tablet up; on a phone each
 * problem is a short block (where, then what), so nothing needs scrolling sideways.
 */
export function IssueTable({ issues }: { issues: ImportIssue[] }) {
  const t = useTranslations("bulkImport");
  // the rule is a key of bulkImport.rules (lib/import/issues.ts names it so)
  const message = (issue: ImportIssue) => t(`rules.${issue.rule as KeyUnder<"bulkImport.rules">}`, issue.params ?? {});
  return (
    <div
      className="max-h-[32rem] overflow-auto rounded-lg border border-red-200"
      tabIndex={0}
      role="region"
      aria-label={t("table.caption")}
    >
      <ol className="divide-y divide-stone-100 text-sm sm:hidden" data-testid="import-issues-list">
        {issues.map((issue, i) => (
          <li key={i} className="px-3 py-2">
            <div className="flex flex-wrap gap-x-2 font-mono text-xs text-stone-600">
              <span>{issue.file ?? "—"}</span>
              {issue.row !== null && (
                <span>
                  {t("table.row")} {issue.row}
                </span>
              )}
              {issue.column && <span className="font-semibold text-stone-800">{issue.column}</span>}
            </div>
            <div className="mt-0.5">{message(issue)}</div>
          </li>
        ))}
      </ol>
      <table className="hidden w-full text-sm sm:table" data-testid="import-issues">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="sticky top-0 bg-red-50 text-left text-red-900">
          <tr>
            <th scope="col" className="px-2 py-2 font-medium">
              {t("table.file")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              {t("table.row")}
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              {t("table.column")}
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              {t("table.rule")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {issues.map((issue, i) => (
            <tr key={i} className="align-top">
              <td className="whitespace-nowrap px-2 py-1.5 font-mono text-xs">{issue.file ?? "—"}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{issue.row ?? "—"}</td>
              <td className="px-2 py-1.5 font-mono text-xs">{issue.column ?? "—"}</td>
              <td className="px-2 py-1.5">{message(issue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
