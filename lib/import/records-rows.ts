/**
 * One row of an optional county-record file → the tuple staged for the set-based checks and the
 * write, and the rules the row breaks on its own (docs/import-format.md). Rules that need other
 * rows or the database (the household, duplicates, what already exists, the contribution cap)
 * are SQL (lib/import/records-checks.ts). Pure.
 */
import { MEASURE_CATEGORY_OF, detailsOf, loanDueDate, type MeasureDetail, type MeasureKind } from "@/lib/domain/measures";
import { FIRST_INCOME_YEAR, MAX_INCOME_ITEM } from "@/lib/validation/income-record";
import { amount, bool, date, integer, oneOf, text, type Parsed } from "./values";
import { Row, householdKey, inScope } from "./row-kit";
import type { RowContext, RowResult } from "./rows";
import {
  HOUSEHOLD_TYPES,
  HOUSEHOLD_TYPE_LABELS,
  INCOME_RECORD_ITEMS,
  LOAN_STATUSES,
  LOAN_STATUS_LABELS,
  MEASURE_ANSWERS,
  MEASURE_KINDS,
  MEASURE_KIND_LABELS,
  POVERTY_CAUSES,
  RELOCATION_MODES,
  RELOCATION_MODE_LABELS,
  RESIDENT_ROLES,
  RESIDENT_ROLE_LABELS,
  SIGN_METHODS,
  SIGN_METHOD_LABELS,
  VILLAGE_EXIT_FACILITY_COLUMNS,
  type RecordFileName,
} from "./records-spec";

type Get = (key: string) => string;
type Columns = readonly (readonly [string, string])[];

const key: Columns = [
  ["line", "int"],
  ["ok", "boolean"],
  ["village", "text"],
  ["number", "text"],
];

/** Staging columns per file, in tuple order (line and ok first). */
export const RECORD_STAGE_COLUMNS: Record<RecordFileName, Columns> = {
  "household_types.csv": [...key, ["type", "text"], ["since", "date"], ["basis", "text"]],
  "income_records.csv": [
    ...key,
    ["year", "int"],
    ...INCOME_RECORD_ITEMS.map(([k]) => [k, "numeric"] as const),
    ["signed_on", "date"],
    ["sign_method", "text"],
    // computed by the income rule before the write (lib/import/records-checks.ts)
    ["counted", "int"],
    ["net", "numeric"],
    ["pci", "numeric"],
  ],
  "relocation.csv": [
    ...key,
    ["origin_name", "text"],
    ["origin_code", "text"],
    ["settlement", "text"],
    ["site_name", "text"],
    ["mode", "text"],
    ["floor_area", "numeric"],
    ["contribution", "numeric"],
    ["moved_on", "date"],
    ["demolished_on", "date"],
    ["reclaimed_on", "date"],
    ["support_job", "boolean"],
    ["support_school", "boolean"],
    ["support_community", "boolean"],
  ],
  "measures.csv": [
    ...key,
    ["id", "text"],
    ["kind", "text"],
    ["category", "text"],
    ["cause", "text"],
    ["risk", "text"],
    ["description", "text"],
    ["amount", "numeric"],
    ["start_date", "date"],
    ["end_date", "date"],
    ["bank", "text"],
    ["term_months", "int"],
    ["interest_subsidy", "numeric"],
    ["loan_status", "text"],
    ["repaid_on", "date"],
    ["overdue_since", "date"],
    ["post", "text"],
    ["monthly_pay", "numeric"],
    ["plan_year", "int"],
  ],
  "village_exits.csv": [
    ...key, // number: always null (the stage indexes every record file by village, number)
    ["year", "int"],
    ...VILLAGE_EXIT_FACILITY_COLUMNS.flatMap(([k]) => [
      [`${k}_ok`, "boolean"] as const,
      [`${k}_on`, "date"] as const,
      [`${k}_note`, "text"] as const,
    ]),
    ["collective_income", "numeric"],
  ],
  "postings.csv": [
    ...key, // number: always null (as village_exits.csv)
    ["name", "text"],
    ["role", "text"],
    ["unit", "text"],
    ["valid_from", "date"],
    ["valid_to", "date"],
  ],
  "plans.csv": [
    ...key,
    ["id", "text"],
    ["year", "int"],
    ["main_cause", "text"],
    ["secondary_causes", "text[]"],
    ["expected_income", "numeric"],
    ["steps", "text[]"],
    ["note", "text"],
  ],
};

/** A PostgreSQL array literal of texts (each quoted), for a text[] staging column. */
export function textArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

const yearOf = (ctx: RowContext) => Number(ctx.today.slice(0, 4));
/** Any real date (a loan's due date, a measure's end, may lie ahead). */
const anyDate = (raw: string) => date(raw, "9999-12-31");
/** Yuan, at most `max` (the forms' limits). */
const money = (max: number) => (raw: string) => amount(raw, max + 0.01);

export function householdTypeRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const k = householdKey(row, ctx);
  const type = row.required("type", (raw) => oneOf(raw, HOUSEHOLD_TYPES, HOUSEHOLD_TYPE_LABELS));
  const since = row.required("since", (raw) => date(raw, ctx.today));
  const basis = row.cell("basis", (raw) => text(raw, 0, 200), "import");
  return { tuple: k ? [line, row.ok, k[0], k[1], type, since, basis] : null, issues: row.issues };
}

export function incomeRecordRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const k = householdKey(row, ctx);
  const year = row.required("year", (raw) => integer(raw, FIRST_INCOME_YEAR, yearOf(ctx)));
  const items = INCOME_RECORD_ITEMS.map(([c]) => row.cell(c, money(MAX_INCOME_ITEM), "0"));
  const signedOn = row.cell("signed_on", (raw) => date(raw, ctx.today), null);
  const method = row.cell("sign_method", (raw) => oneOf(raw, SIGN_METHODS, SIGN_METHOD_LABELS), null);
  if (row.raw("signed_on") !== "" && row.raw("sign_method") === "") row.issue("sign_method", "required_with", { column: "signed_on" });
  if (row.raw("sign_method") !== "" && row.raw("signed_on") === "") row.issue("signed_on", "required_with", { column: "sign_method" });
  if (signedOn && year && signedOn < `${year}-01-01`) row.issue("signed_on", "signed_before_year", { year });
  return {
    tuple: k ? [line, row.ok, k[0], k[1], year, ...items, signedOn, method, null, null, null] : null,
    issues: row.issues,
  };
}

export function relocationRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const k = householdKey(row, ctx);
  const originName = row.required("origin_name", (raw) => text(raw, 1, 100));
  const originCode = row.cell(
    "origin_code",
    (raw): Parsed<string> => (/^\d{6}(\d{3}(\d{3})?)?$/.test(raw) ? { ok: true, value: raw } : { ok: false, rule: "origin_code" }),
    null,
  );
  const settlement = row.required("settlement_code", (raw): Parsed<string> =>
    /^\d{9}(\d{3})?$/.test(raw) ? { ok: true, value: raw } : { ok: false, rule: "settlement_code" },
  );
  const site = row.cell("site_name", (raw) => text(raw, 0, 60), "");
  const mode = row.required("mode", (raw) => oneOf(raw, RELOCATION_MODES, RELOCATION_MODE_LABELS));
  const area = row.required("floor_area", (raw) => {
    const r = money(10_000)(raw);
    return r.ok && Number(r.value) === 0 ? { ok: false, rule: "positive" } : r;
  });
  const contribution = row.cell("contribution", money(10_000_000), "0");
  const movedOn = row.required("moved_on", (raw) => date(raw, ctx.today));
  const demolishedOn = row.cell("demolished_on", (raw) => date(raw, ctx.today), null);
  const reclaimedOn = row.cell("reclaimed_on", (raw) => date(raw, ctx.today), null);
  if (row.raw("reclaimed_on") !== "" && row.raw("demolished_on") === "") row.issue("reclaimed_on", "reclaimed_without_demolished");
  else if (reclaimedOn && demolishedOn && reclaimedOn < demolishedOn)
    row.issue("reclaimed_on", "reclaimed_before_demolished", { demolishedOn });
  const job = row.cell("support_job", bool, false);
  const school = row.cell("support_school", bool, false);
  const community = row.cell("support_community", bool, false);
  return {
    tuple: k
      ? [
          line,
          row.ok,
          k[0],
          k[1],
          originName,
          originCode,
          settlement,
          site,
          mode,
          area,
          contribution,
          movedOn,
          demolishedOn,
          reclaimedOn,
          job,
          school,
          community,
        ]
      : null,
    issues: row.issues,
  };
}

/** The detail columns of measures.csv and the detail each holds (lib/domain/measures.ts). */
const DETAIL_COLUMNS: [string, MeasureDetail][] = [
  ["bank", "bank"],
  ["term_months", "termMonths"],
  ["interest_subsidy", "interestSubsidy"],
  ["loan_status", "loanStatus"],
  ["repaid_on", "repaidOn"],
  ["overdue_since", "overdueSince"],
  ["post", "post"],
  ["monthly_pay", "monthlyPay"],
];

/** The measure's rules: as MEASURE_DETAIL_SCHEMAS and measureProblems (lib/validation/measure.ts), one import rule each. */
export function measureRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const k = householdKey(row, ctx);
  const kind = row.required("kind", (raw) => oneOf<MeasureKind>(raw, MEASURE_KINDS, MEASURE_KIND_LABELS));
  const answers = row.required("answers", (raw) => oneOf(raw, MEASURE_ANSWERS));
  const cause = answers && (POVERTY_CAUSES as readonly string[]).includes(answers) ? answers : null;
  const risk = answers && !cause ? answers : null;
  const description = row.required("description", (raw) => text(raw, 1, 1000));
  const amt = row.cell("amount", money(100_000_000), "0");
  const start = row.required("start_date", anyDate);
  let end = row.cell("end_date", anyDate, null);
  if (start && end && end < start) row.issue("end_date", "end_before_start", { start });

  const details = kind ? detailsOf(kind) : [];
  if (kind) {
    for (const [column, detail] of DETAIL_COLUMNS) {
      if (!details.includes(detail) && row.raw(column) !== "") row.issue(column, "not_for_kind", { kind });
    }
  }
  const has = (d: MeasureDetail) => details.includes(d);
  const bank = has("bank") ? row.required("bank", (raw) => text(raw, 1, 100)) : null;
  const term = has("termMonths") ? row.required("term_months", (raw) => integer(raw, 1, 120)) : null;
  const subsidy = has("interestSubsidy") ? row.required("interest_subsidy", money(10_000_000)) : null;
  const status = has("loanStatus") ? row.required("loan_status", (raw) => oneOf(raw, LOAN_STATUSES, LOAN_STATUS_LABELS)) : null;
  let repaidOn: string | null = null;
  let overdueSince: string | null = null;
  if (has("repaidOn")) {
    repaidOn = row.cell("repaid_on", (raw) => date(raw, ctx.today), null);
    overdueSince = row.cell("overdue_since", (raw) => date(raw, ctx.today), null);
    if (status === "repaid" && row.raw("repaid_on") === "") row.issue("repaid_on", "required_for_loan_status", { status });
    if (status === "overdue" && row.raw("overdue_since") === "") row.issue("overdue_since", "required_for_loan_status", { status });
    if (status && status !== "repaid" && row.raw("repaid_on") !== "") row.issue("repaid_on", "only_for_loan_status", { status: "repaid" });
    if (status && status !== "overdue" && row.raw("overdue_since") !== "")
      row.issue("overdue_since", "only_for_loan_status", { status: "overdue" });
    if (start && repaidOn && repaidOn < start) row.issue("repaid_on", "before_issue", { start });
    if (start && overdueSince && overdueSince < start) row.issue("overdue_since", "before_issue", { start });
    // a microcredit's due date is its end: given, or the issue date plus the term
    if (!end && start && term) end = loanDueDate(start, term);
  }
  const post = has("post") ? row.required("post", (raw) => text(raw, 1, 100)) : null;
  const pay = has("monthlyPay") ? row.required("monthly_pay", money(1_000_000)) : null;
  const planYear = row.cell("plan_year", (raw) => integer(raw, FIRST_INCOME_YEAR, yearOf(ctx) + 1), null);
  return {
    tuple: k
      ? [
          line,
          row.ok,
          k[0],
          k[1],
          ctx.newId(),
          kind,
          kind ? MEASURE_CATEGORY_OF[kind] : null,
          cause,
          risk,
          description,
          amt,
          start,
          end,
          bank,
          term,
          subsidy,
          status,
          repaidOn,
          overdueSince,
          post,
          pay,
          planYear,
        ]
      : null,
    issues: row.issues,
  };
}

/** Several values in one cell: separated by ; ；、 or a line break. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[;；、\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function planRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const k = householdKey(row, ctx);
  const year = row.required("year", (raw) => integer(raw, FIRST_INCOME_YEAR, yearOf(ctx) + 1));
  const main = row.cell("main_cause", (raw) => oneOf(raw, POVERTY_CAUSES), null);
  const secondary = row.cell(
    "secondary_causes",
    (raw): Parsed<string[]> => {
      const out: string[] = [];
      for (const v of splitList(raw)) {
        const r = oneOf(v, POVERTY_CAUSES);
        if (!r.ok) return r;
        if (!out.includes(r.value) && r.value !== main) out.push(r.value);
      }
      return { ok: true, value: out };
    },
    [],
  );
  const expected = row.required("expected_income", money(100_000_000));
  const steps = row.cell(
    "steps",
    (raw): Parsed<string[]> => {
      const list = splitList(raw);
      if (list.length > 20) return { ok: false, rule: "too_many", params: { max: 20, count: list.length } };
      for (const s of list) {
        const r = text(s, 1, 500);
        if (!r.ok) return r;
      }
      return { ok: true, value: list };
    },
    [],
  );
  const note = row.cell("note", (raw) => text(raw, 0, 1000), null);
  return {
    tuple: k
      ? [line, row.ok, k[0], k[1], ctx.newId(), year, main, textArray(secondary ?? []), expected, textArray(steps ?? []), note || null]
      : null,
    issues: row.issues,
  };
}

/** The first year a village exit record may be for (the designated villages of 2014). */
export const FIRST_VILLAGE_EXIT_YEAR = 2014;

/**
 * A designated village's exit record for a year: each facility in place or not, since when (a
 * date only with the facility in place), a note, and the collective income figure (yuan a year;
 * blank: not recorded). The county's judgment of the income is never imported.
 */
export function villageExitRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const village = row.required("village_code", (raw): Parsed<string> =>
    /^\d{12}$/.test(raw) ? { ok: true, value: raw } : { ok: false, rule: "village_code" },
  );
  if (village && !inScope(village, ctx.scope)) row.issue("village_code", "outside_scope", { scope: ctx.scope });
  const year = row.required("year", (raw) => integer(raw, FIRST_VILLAGE_EXIT_YEAR, yearOf(ctx)));
  const facilities = VILLAGE_EXIT_FACILITY_COLUMNS.flatMap(([k]) => {
    const ok = row.cell(k, bool, false);
    const on = row.cell(`${k}_on`, (raw) => date(raw, ctx.today), null);
    if (row.raw(`${k}_on`) !== "" && ok === false) row.issue(`${k}_on`, "only_when_in_place", { column: k });
    const note = row.cell(`${k}_note`, (raw) => text(raw, 0, 200), "");
    return [ok, on, note];
  });
  const income = row.cell("collective_income", money(9_999_999_999), null);
  return { tuple: village ? [line, row.ok, village, null, year, ...facilities, income] : null, issues: row.issues };
}

/**
 * A resident posting (驻村工作队, 第一书记, decision 0052): who, as what, sent by which unit, to
 * which village, from–to (to: blank while serving; not before from). As the posting form
 * (lib/validation/resident.ts): the name at most 40, the unit 60, from not in the future.
 */
export function postingRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const village = row.required("village_code", (raw): Parsed<string> =>
    /^\d{12}$/.test(raw) ? { ok: true, value: raw } : { ok: false, rule: "village_code" },
  );
  if (village && !inScope(village, ctx.scope)) row.issue("village_code", "outside_scope", { scope: ctx.scope });
  const name = row.required("name", (raw) => text(raw, 1, 40));
  const role = row.required("role", (raw) => oneOf(raw, RESIDENT_ROLES, RESIDENT_ROLE_LABELS));
  const unit = row.required("unit", (raw) => text(raw, 1, 60));
  const from = row.required("valid_from", (raw) => date(raw, ctx.today));
  const to = row.cell("valid_to", anyDate, null);
  if (from && to && to < from) row.issue("valid_to", "end_before_start", { start: from });
  return { tuple: village ? [line, row.ok, village, null, name, role, unit, from, to] : null, issues: row.issues };
}

export const RECORD_VALIDATORS: Record<RecordFileName, (get: Get, line: number, ctx: RowContext) => RowResult> = {
  "postings.csv": postingRow,
  "village_exits.csv": villageExitRow,
  "household_types.csv": householdTypeRow,
  "income_records.csv": incomeRecordRow,
  "relocation.csv": relocationRow,
  "measures.csv": measureRow,
  "plans.csv": planRow,
};
