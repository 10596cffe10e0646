/**
 * The five files of docs/import-format.md: their names, columns (English and Chinese), the
 * enumerations the cells may hold, and reading a header line. Pure.
 */

import { RECORD_COLUMNS, RECORD_FILES } from "./records-spec";

/** The five files, then the optional county-record files (lib/import/records-spec.ts). */
export const IMPORT_FILES = ["regions.csv", "households.csv", "members.csv", "income.csv", "indicators.csv", ...RECORD_FILES] as const;
export type ImportFileName = (typeof IMPORT_FILES)[number];

export function isImportFile(name: string): name is ImportFileName {
  return (IMPORT_FILES as readonly string[]).includes(name);
}

export interface ColumnSpec {
  key: string;
  zh: string;
  /** the header must have it */
  required?: boolean;
}

const key = (required = true): ColumnSpec[] => [
  { key: "village_code", zh: "村代码", required },
  { key: "household_number", zh: "户编号", required },
];

export const COLUMNS: Record<ImportFileName, ColumnSpec[]> = {
  "regions.csv": [
    { key: "code", zh: "区划代码", required: true },
    { key: "parent_code", zh: "上级代码", required: true },
    { key: "level", zh: "级别", required: true },
    { key: "name", zh: "名称", required: true },
    { key: "name_en", zh: "英文名称" },
  ],
  "households.csv": [
    ...key(),
    { key: "head_name", zh: "户主姓名", required: true },
    { key: "address", zh: "住址" },
    { key: "phone", zh: "联系电话" },
    { key: "registered_status", zh: "登记状态" },
    { key: "registered_at", zh: "识别日期" },
    { key: "lifted_at", zh: "脱贫日期" },
    { key: "main_cause", zh: "主要致贫原因" },
  ],
  "members.csv": [
    ...key(),
    { key: "name", zh: "姓名", required: true },
    { key: "national_id", zh: "身份证号" },
    { key: "sex", zh: "性别", required: true },
    { key: "birth_date", zh: "出生日期", required: true },
    { key: "relation", zh: "与户主关系", required: true },
    { key: "education", zh: "文化程度" },
    { key: "school_status", zh: "在校状况" },
    { key: "health", zh: "健康状况" },
    { key: "labor_capacity", zh: "劳动能力" },
    { key: "work_status", zh: "务工状况" },
    { key: "medical_insurance", zh: "医疗保险" },
    { key: "pension", zh: "养老保险" },
    { key: "subsistence_allowance", zh: "低保" },
    { key: "counted", zh: "计入家庭人口" },
  ],
  "income.csv": [
    ...key(),
    { key: "wages", zh: "工资性收入" },
    { key: "business", zh: "生产经营性收入" },
    { key: "business_costs", zh: "生产经营支出" },
    { key: "property", zh: "财产性收入" },
    { key: "transfers", zh: "转移性收入" },
    { key: "rigid_expenditure", zh: "刚性支出" },
    { key: "previous_year_income", zh: "上年人均纯收入" },
  ],
  "indicators.csv": [
    ...key(),
    { key: "food", zh: "不愁吃" },
    { key: "clothing", zh: "不愁穿" },
    { key: "housing_grade", zh: "住房等级" },
    { key: "electricity", zh: "通生活用电" },
    { key: "water_litres", zh: "人均日供水量升" },
    { key: "water_scarce_area", zh: "缺水地区" },
    { key: "water_piped", zh: "自来水入户" },
    { key: "water_round_trip_min", zh: "取水往返分钟" },
    { key: "water_horizontal_m", zh: "取水水平距离米" },
    { key: "water_vertical_m", zh: "取水垂直距离米" },
    { key: "water_quality_safe", zh: "水质达标" },
    { key: "water_outage_days", zh: "年停水天数" },
  ],
  ...RECORD_COLUMNS,
};

// ── enumerations (the Prisma enums; tests/unit/import-rows.test.ts checks they agree) ──

export const REGION_LEVELS = ["province", "city", "county", "township", "village"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const LEVEL_LABELS: Record<string, RegionLevel> = { 省: "province", 市: "city", 县: "county", 乡: "township", 村: "village" };
/** Digits of a code at each level. */
export const CODE_DIGITS: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

export const REGISTERED_STATUSES = ["not_registered", "registered_poor", "lifted"] as const;
export const STATUS_LABELS: Record<string, (typeof REGISTERED_STATUSES)[number]> = {
  未识别: "not_registered",
  建档立卡: "registered_poor",
  已脱贫: "lifted",
};
/** the poverty causes: the one list of lib/domain (the plan and measure forms use it too) */
export { POVERTY_CAUSES } from "@/lib/domain/measures";
export const SEXES = ["male", "female"] as const;
export const SEX_LABELS: Record<string, (typeof SEXES)[number]> = { 男: "male", 女: "female" };
export const RELATIONS = ["head", "spouse", "child", "child_in_law", "grandchild", "parent", "grandparent", "sibling", "other"] as const;
export const RELATION_LABELS: Record<string, (typeof RELATIONS)[number]> = { 户主: "head" };
export const EDUCATIONS = ["none", "preschool", "primary", "junior", "senior", "vocational", "college"] as const;
export const SCHOOL_STATUSES = ["not_applicable", "enrolled", "home_taught", "graduated", "dropped_out"] as const;
export const HEALTHS = ["healthy", "chronic", "serious_illness", "disabled"] as const;
export const LABOR_CAPACITIES = ["full", "partial", "none"] as const;
export const WORK_STATUSES = ["local_farming", "local_work", "migrant_work", "student", "unemployed", "retired", "none"] as const;
export const HOUSING_GRADES = ["A", "B", "C", "D"] as const;

// ── the header ──

export interface HeaderIssue {
  /** 0-based position in the header, or null for a column that is missing */
  index: number | null;
  column: string;
  rule: "unknown_column" | "duplicate_column" | "missing_column";
}

export interface Header {
  /** for each header position, the column key (undefined: unknown column) */
  keys: (string | undefined)[];
  /** key → position */
  index: Map<string, number>;
  /** key → the name as written in the file (Chinese or English), for reports */
  label: Map<string, string>;
  issues: HeaderIssue[];
}

/** Match the header's cells to the file's columns, English or Chinese, in any order. */
export function readHeader(file: ImportFileName, cells: string[]): Header {
  const columns = COLUMNS[file];
  const byName = new Map<string, string>();
  for (const c of columns) {
    byName.set(c.key, c.key);
    byName.set(c.zh, c.key);
  }
  const keys: (string | undefined)[] = [];
  const index = new Map<string, number>();
  const label = new Map<string, string>();
  const issues: HeaderIssue[] = [];
  cells.forEach((raw, i) => {
    const name = raw.replace(/^\uFEFF/, "").trim();
    const k = byName.get(name) ?? byName.get(name.toLowerCase());
    if (!k) {
      issues.push({ index: i, column: name, rule: "unknown_column" });
      keys.push(undefined);
    } else if (index.has(k)) {
      issues.push({ index: i, column: name, rule: "duplicate_column" });
      keys.push(undefined);
    } else {
      index.set(k, i);
      label.set(k, name);
      keys.push(k);
    }
  });
  for (const c of columns) {
    if (!label.has(c.key)) label.set(c.key, c.key);
    if (c.required && !index.has(c.key)) issues.push({ index: null, column: c.key, rule: "missing_column" });
  }
  return { keys, index, label, issues };
}
