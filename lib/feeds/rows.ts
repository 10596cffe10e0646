// One department file's header and rows, checked on their own (docs/department-feeds.md "Values").
// The national ID by its check digit (never compared by name); nothing dated after the feed's as-of day.
import { validateNationalId } from "@/lib/national-id";
import { FEED_FACTS, factsOf, isFeedFact, type DepartmentCode, type FeedFact } from "@/lib/domain/feeds";

// ───────────────────────── the file ─────────────────────────

export const FEED_COLUMNS = ["national_id", "fact", "date", "value", "name"] as const;
export type FeedColumn = (typeof FEED_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly FeedColumn[] = ["national_id", "fact", "date", "value"];

/** A header cell's column: its English key or the Chinese label of docs/department-feeds.md. */
const HEADER_ALIASES: Record<string, FeedColumn> = {
  national_id: "national_id",
  身份证号: "national_id",
  公民身份号码: "national_id",
  fact: "fact",
  事项: "fact",
  date: "date",
  日期: "date",
  value: "value",
  数值: "value",
  金额: "value",
  name: "name",
  姓名: "name",
};

export interface FeedHeader {
  /** column → its index in the row */
  index: Map<FeedColumn, number>;
  /** column → the header's own text for it (the report names the column as the file does) */
  label: Map<FeedColumn, string>;
  issues: { column: string; rule: "unknown_column" | "duplicate_column" | "missing_column" }[];
}

export function readFeedHeader(cells: readonly string[]): FeedHeader {
  const index = new Map<FeedColumn, number>();
  const label = new Map<FeedColumn, string>();
  const issues: FeedHeader["issues"] = [];
  cells.forEach((raw, i) => {
    const text = raw.trim();
    const col = HEADER_ALIASES[text] ?? HEADER_ALIASES[text.toLowerCase()];
    if (!col) {
      if (text !== "") issues.push({ column: text, rule: "unknown_column" });
      return;
    }
    if (index.has(col)) issues.push({ column: text, rule: "duplicate_column" });
    else {
      index.set(col, i);
      label.set(col, text);
    }
  });
  for (const c of REQUIRED_COLUMNS) if (!index.has(c)) issues.push({ column: c, rule: "missing_column" });
  return { index, label, issues };
}

/** A checked row, as staged: line, national ID, fact, date (YYYY-MM-DD or null), value (yuan text or null). */
export type FeedTuple = [line: number, nationalId: string, fact: FeedFact, date: string | null, value: string | null];

export interface FeedRowIssue {
  column: FeedColumn | null;
  rule: string;
  params?: Record<string, string | number>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

function realDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && Number(m[1]) >= 1900;
}

/**
 * One data row of a department's file: the national ID valid (by its check digit, never
 * compared by name), the fact one of the department's, the date and value as the fact needs,
 * and nothing dated after the feed's as-of day.
 */
export function checkFeedRow(
  cell: (c: FeedColumn) => string,
  line: number,
  department: DepartmentCode,
  asOf: string,
): { tuple: FeedTuple | null; issues: FeedRowIssue[] } {
  const issues: FeedRowIssue[] = [];
  const nid = cell("national_id").toUpperCase();
  if (nid === "") issues.push({ column: "national_id", rule: "required" });
  else {
    const r = validateNationalId(nid, { today: asOf });
    if (!r.ok) issues.push({ column: "national_id", rule: "national_id", params: { reason: r.code } });
  }
  const factRaw = cell("fact");
  let fact: FeedFact | null = null;
  if (factRaw === "") issues.push({ column: "fact", rule: "required" });
  else if (!isFeedFact(factRaw)) issues.push({ column: "fact", rule: "fact_unknown", params: { allowed: factsOf(department).join(", ") } });
  else if (FEED_FACTS[factRaw].department !== department)
    issues.push({ column: "fact", rule: "fact_of_other_department", params: { allowed: factsOf(department).join(", ") } });
  else fact = factRaw;

  const dateRaw = cell("date");
  let date: string | null = null;
  if (dateRaw !== "") {
    if (!realDate(dateRaw)) issues.push({ column: "date", rule: "date" });
    else if (dateRaw > asOf) issues.push({ column: "date", rule: "after_as_of", params: { asOf } });
    else date = dateRaw;
  } else if (fact && FEED_FACTS[fact].date) issues.push({ column: "date", rule: "required" });

  const valueRaw = cell("value").replace(/,/g, "");
  let value: string | null = null;
  if (valueRaw !== "") {
    if (!AMOUNT.test(valueRaw)) issues.push({ column: "value", rule: "amount" });
    else value = valueRaw;
  } else if (fact && FEED_FACTS[fact].value) issues.push({ column: "value", rule: "required" });

  if (issues.length > 0 || !fact) return { tuple: null, issues };
  return { tuple: [line, nid, fact, date, value], issues };
}
