/**
 * One row of one file → the tuple staged for the set-based checks and the write, and the
 * rules the row breaks on its own (docs/import-format.md). Rules that need other rows or the
 * database (references, duplicates, what already exists) are checked later, in SQL
 * (lib/import/checks.ts). Pure.
 *
 * A row whose key is readable is staged even when another cell is wrong (`ok` false): rows of
 * other files that refer to it then find it, and the report shows only the real mistakes.
 */
import { checkDigit, validateNationalId } from "@/lib/national-id";
import { RECORD_STAGE_COLUMNS, RECORD_VALIDATORS } from "./records-rows";
import { Row, householdKey, inScope } from "./row-kit";
import { amount, bool, date, integer, oneOf, phone, text, type Params } from "./values";
import {
  CODE_DIGITS,
  EDUCATIONS,
  HEALTHS,
  HOUSING_GRADES,
  LABOR_CAPACITIES,
  LEVEL_LABELS,
  POVERTY_CAUSES,
  REGION_LEVELS,
  REGISTERED_STATUSES,
  RELATIONS,
  RELATION_LABELS,
  SCHOOL_STATUSES,
  SEXES,
  SEX_LABELS,
  STATUS_LABELS,
  WORK_STATUSES,
  type ImportFileName,
  type RegionLevel,
} from "./spec";

export type Cell = string | number | boolean | null;
export type Tuple = Cell[];

export interface RowIssue {
  column: string;
  rule: string;
  params?: Params;
}

export interface RowContext {
  /** YYYY-MM-DD: dates may not lie after it */
  today: string;
  /** region code prefix the import may touch ("" = anywhere) */
  scope: string;
  /** a new household id */
  newId: () => string;
}

export interface RowResult {
  /** null: the row's key is unreadable, nothing can refer to it */
  tuple: Tuple | null;
  issues: RowIssue[];
}

type Get = (key: string) => string;

/** Staging columns per file, in tuple order (line and ok first). */
export const STAGE_COLUMNS: Record<ImportFileName, readonly (readonly [string, string])[]> = {
  "regions.csv": [
    ["line", "int"],
    ["ok", "boolean"],
    ["code", "text"],
    ["parent_code", "text"],
    ["level", "text"],
    ["name", "text"],
    ["name_en", "text"],
  ],
  "households.csv": [
    ["line", "int"],
    ["ok", "boolean"],
    ["id", "text"],
    ["village", "text"],
    ["number", "text"],
    ["head_name", "text"],
    ["address", "text"],
    ["phone", "text"],
    ["status", "text"],
    ["registered_at", "date"],
    ["lifted_at", "date"],
    ["main_cause", "text"],
  ],
  "members.csv": [
    ["line", "int"],
    ["ok", "boolean"],
    ["village", "text"],
    ["number", "text"],
    ["name", "text"],
    ["national_id", "text"],
    ["sex", "text"],
    ["birth_date", "date"],
    ["relation", "text"],
    ["education", "text"],
    ["school_status", "text"],
    ["health", "text"],
    ["labor_capacity", "text"],
    ["work_status", "text"],
    ["medical_insurance", "boolean"],
    ["pension", "boolean"],
    ["subsistence_allowance", "boolean"],
    ["counted", "boolean"],
  ],
  "income.csv": [
    ["line", "int"],
    ["ok", "boolean"],
    ["village", "text"],
    ["number", "text"],
    ["wages", "numeric"],
    ["business", "numeric"],
    ["business_costs", "numeric"],
    ["property", "numeric"],
    ["transfers", "numeric"],
    ["rigid_expenditure", "numeric"],
    ["previous_year_income", "numeric"],
  ],
  "indicators.csv": [
    ["line", "int"],
    ["ok", "boolean"],
    ["village", "text"],
    ["number", "text"],
    ["food", "boolean"],
    ["clothing", "boolean"],
    ["housing_grade", "text"],
    ["electricity", "boolean"],
    ["water_litres", "numeric"],
    ["water_scarce_area", "boolean"],
    ["water_piped", "boolean"],
    ["water_round_trip_min", "int"],
    ["water_horizontal_m", "int"],
    ["water_vertical_m", "int"],
    ["water_quality_safe", "boolean"],
    ["water_outage_days", "int"],
  ],
  ...RECORD_STAGE_COLUMNS,
};

export function regionRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const level = row.required("level", (raw) => oneOf<RegionLevel>(raw, REGION_LEVELS, LEVEL_LABELS));
  const code = row.required("code", (raw) => {
    if (!/^\d+$/.test(raw) || ![2, 4, 6, 9, 12].includes(raw.length)) return { ok: false, rule: "region_code" };
    if (level && raw.length !== CODE_DIGITS[level]) return { ok: false, rule: "region_code_level", params: { digits: CODE_DIGITS[level] } };
    return { ok: true, value: raw };
  });
  if (code && !inScope(code, ctx.scope) && !ctx.scope.startsWith(code)) row.issue("code", "outside_scope", { scope: ctx.scope });
  const parentRaw = row.raw("parent_code");
  let parent: string | null = null;
  if (level === "province") {
    if (parentRaw !== "") row.issue("parent_code", "province_parent");
  } else if (parentRaw === "") {
    row.issue("parent_code", "required");
  } else if (code && level) {
    const digits = CODE_DIGITS[REGION_LEVELS[REGION_LEVELS.indexOf(level) - 1]!];
    if (parentRaw !== code.slice(0, digits)) row.issue("parent_code", "parent_prefix", { expected: code.slice(0, digits) });
    else parent = parentRaw;
  }
  const name = row.required("name", (raw) => text(raw, 1, 100));
  const nameEn = row.cell("name_en", (raw) => text(raw, 0, 100), null);
  return {
    tuple: code ? [line, row.ok, code, parent, level, name, nameEn || null] : null,
    issues: row.issues,
  };
}

export function householdRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const key = householdKey(row, ctx);
  const head = row.required("head_name", (raw) => text(raw, 1, 50));
  const address = row.cell("address", (raw) => text(raw, 0, 200), null);
  const tel = row.cell("phone", phone, null);
  const status = row.cell("registered_status", (raw) => oneOf(raw, REGISTERED_STATUSES, STATUS_LABELS), "not_registered");
  const registeredAt = row.cell("registered_at", (raw) => date(raw, ctx.today), null);
  const liftedAt = row.cell("lifted_at", (raw) => date(raw, ctx.today), null);
  const cause = row.cell("main_cause", (raw) => oneOf(raw, POVERTY_CAUSES), null);
  if (status && status !== "not_registered" && row.raw("registered_at") === "")
    row.issue("registered_at", "required_for_status", { status });
  if (status === "lifted" && row.raw("lifted_at") === "") row.issue("lifted_at", "required_for_status", { status });
  if (status && status !== "lifted" && row.raw("lifted_at") !== "") row.issue("lifted_at", "only_when_lifted");
  if (registeredAt && liftedAt && liftedAt < registeredAt) row.issue("lifted_at", "lifted_before_registered", { registeredAt });
  return {
    tuple: key ? [line, row.ok, ctx.newId(), key[0], key[1], head, address || null, tel, status, registeredAt, liftedAt, cause] : null,
    issues: row.issues,
  };
}

export function memberRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const key = householdKey(row, ctx);
  const name = row.required("name", (raw) => text(raw, 1, 50));
  const sex = row.required("sex", (raw) => oneOf(raw, SEXES, SEX_LABELS));
  const birth = row.required("birth_date", (raw) => date(raw, ctx.today));
  const relation = row.required("relation", (raw) => oneOf(raw, RELATIONS, RELATION_LABELS));
  let nationalId: string | null = null;
  const idRaw = row.raw("national_id");
  if (idRaw !== "") {
    // the contract accepts a lowercase x; the register keeps the uppercase X
    const id = /^[0-9]{17}x$/.test(idRaw) ? idRaw.toUpperCase() : idRaw;
    const r = nationalIdRule(id, ctx.today);
    if (r) row.issue("national_id", r.rule, r.params);
    else {
      nationalId = id;
      const idBirth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
      const idSex = Number(id[16]) % 2 === 1 ? "male" : "female";
      if (birth && birth !== idBirth) row.issue("birth_date", "id_birth_mismatch", { idBirth });
      if (sex && sex !== idSex) row.issue("sex", "id_sex_mismatch", { idSex });
    }
  }
  const education = row.cell("education", (raw) => oneOf(raw, EDUCATIONS), "none");
  const school = row.cell("school_status", (raw) => oneOf(raw, SCHOOL_STATUSES), "not_applicable");
  const health = row.cell("health", (raw) => oneOf(raw, HEALTHS), "healthy");
  const labor = row.cell("labor_capacity", (raw) => oneOf(raw, LABOR_CAPACITIES), "full");
  const work = row.cell("work_status", (raw) => oneOf(raw, WORK_STATUSES), "local_farming");
  const insurance = row.cell("medical_insurance", bool, true);
  const pension = row.cell("pension", bool, false);
  const dibao = row.cell("subsistence_allowance", bool, false);
  const counted = row.cell("counted", bool, true);
  return {
    tuple: key
      ? [
          line,
          row.ok,
          key[0],
          key[1],
          name,
          nationalId,
          sex,
          birth,
          relation,
          education,
          school,
          health,
          labor,
          work,
          insurance,
          pension,
          dibao,
          counted,
        ]
      : null,
    issues: row.issues,
  };
}

/** GB 11643 (lib/national-id.ts), as one rule of the report. */
export function nationalIdRule(id: string, today: string): { rule: string; params?: Params } | null {
  const r = validateNationalId(id, { today });
  if (r.ok) return null;
  if (r.code === "check_digit") return { rule: "national_id_check", params: { expected: checkDigit(id.slice(0, 17)) } };
  if (r.code === "birth_date") return { rule: "national_id_birth" };
  if (id.length !== 18 && /^[0-9X]+$/.test(id)) return { rule: "national_id_length", params: { length: id.length } };
  if (/^[0-9]{17}[0-9X]$/.test(id)) return { rule: "national_id_region", params: { region: id.slice(0, 6) } };
  return { rule: "national_id_chars" };
}

const AMOUNT_COLUMNS = ["wages", "business", "business_costs", "property", "transfers", "rigid_expenditure"] as const;

export function incomeRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const key = householdKey(row, ctx);
  const values = AMOUNT_COLUMNS.map((c) => row.cell(c, (raw) => amount(raw), "0"));
  const previous = row.cell("previous_year_income", (raw) => amount(raw), null);
  return { tuple: key ? [line, row.ok, key[0], key[1], ...values, previous] : null, issues: row.issues };
}

export function indicatorRow(get: Get, line: number, ctx: RowContext): RowResult {
  const row = new Row(get);
  const key = householdKey(row, ctx);
  const food = row.cell("food", bool, true);
  const clothing = row.cell("clothing", bool, true);
  const grade = row.cell("housing_grade", (raw) => oneOf(raw.toUpperCase(), HOUSING_GRADES), "A");
  const electricity = row.cell("electricity", bool, true);
  const litres = row.cell("water_litres", (raw) => amount(raw, 1_000_000), "40");
  const scarce = row.cell("water_scarce_area", bool, false);
  const piped = row.cell("water_piped", bool, true);
  const roundTrip = row.cell("water_round_trip_min", (raw) => integer(raw, 0, 24 * 60), null);
  const horizontal = row.cell("water_horizontal_m", (raw) => integer(raw, 0, 1_000_000), null);
  const vertical = row.cell("water_vertical_m", (raw) => integer(raw, 0, 1_000_000), null);
  const quality = row.cell("water_quality_safe", bool, true);
  const outage = row.cell("water_outage_days", (raw) => integer(raw, 0, 366), 0);
  return {
    tuple: key
      ? [
          line,
          row.ok,
          key[0],
          key[1],
          food,
          clothing,
          grade,
          electricity,
          litres,
          scarce,
          piped,
          roundTrip,
          horizontal,
          vertical,
          quality,
          outage,
        ]
      : null,
    issues: row.issues,
  };
}

export const ROW_VALIDATORS: Record<ImportFileName, (get: Get, line: number, ctx: RowContext) => RowResult> = {
  "regions.csv": regionRow,
  "households.csv": householdRow,
  "members.csv": memberRow,
  "income.csv": incomeRow,
  "indicators.csv": indicatorRow,
  ...RECORD_VALIDATORS,
};
