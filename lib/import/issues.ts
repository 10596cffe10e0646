/**
 * The error report: each problem names file, row (line number, header = 1), column (as the
 * file's header wrote it) and rule, with the values the message needs. The report keeps the
 * first `cap` problems and counts them all, per file. Pure.
 */
import type { Params } from "./values";
import { IMPORT_FILES, type ImportFileName } from "./spec";

export interface ImportIssue {
  /** null: the import as a whole (e.g. a missing households.csv) */
  file: ImportFileName | null;
  /** null: the file as a whole */
  row: number | null;
  /** null: the row as a whole */
  column: string | null;
  /** a key of bulkImport.rules in messages/<locale>/bulk-import.json */
  rule: string;
  params?: Params;
}

export const DEFAULT_ISSUE_CAP = 1000;

export class IssueList {
  readonly items: ImportIssue[] = [];
  count = 0;
  readonly byFile: Partial<Record<ImportFileName | "-", number>> = {};

  constructor(readonly cap = DEFAULT_ISSUE_CAP) {}

  add(issue: ImportIssue) {
    this.count++;
    const k = issue.file ?? "-";
    this.byFile[k] = (this.byFile[k] ?? 0) + 1;
    if (this.items.length < this.cap) this.items.push(issue);
  }

  /** Count `total` problems of which `shown` are listed (from a capped SQL check). */
  addCounted(shown: ImportIssue[], total: number) {
    for (const issue of shown) this.add(issue);
    const extra = total - shown.length;
    if (extra > 0) {
      this.count += extra;
      const k = shown[0]?.file ?? "-";
      this.byFile[k] = (this.byFile[k] ?? 0) + extra;
    }
  }

  /** Room left in the list (SQL checks fetch no more than this, plus one). */
  get room() {
    return Math.max(0, this.cap - this.items.length);
  }

  get truncated() {
    return this.count > this.items.length;
  }

  /** Problems per file, in file order (the import as a whole, "-", first). */
  countsByFile(): Partial<Record<ImportFileName | "-", number>> {
    const out: Partial<Record<ImportFileName | "-", number>> = {};
    for (const k of ["-", ...IMPORT_FILES] as const) if (this.byFile[k]) out[k] = this.byFile[k];
    return out;
  }

  /** The kept problems in file order, then row order. */
  sorted(): ImportIssue[] {
    const order = (f: ImportFileName | null) => (f === null ? -1 : IMPORT_FILES.indexOf(f));
    return [...this.items].sort((a, b) => order(a.file) - order(b.file) || (a.row ?? 0) - (b.row ?? 0));
  }
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * One line of the report, e.g. `members.csv 第 1043 行 national_id：校验位错误（应为 7）`.
 * `t` is a translator for the bulkImport namespace.
 */
export function formatIssue(t: Translate, issue: ImportIssue): string {
  const message = t(`rules.${issue.rule}`, issue.params ?? {});
  if (issue.file === null) return message;
  const where = issue.row === null ? t("where.file", { file: issue.file }) : t("where.row", { file: issue.file, row: issue.row });
  return t(issue.column ? "where.withColumn" : "where.noColumn", { where, column: issue.column ?? "", message });
}
