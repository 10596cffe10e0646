/**
 * The JSON contract for assessing a household (CLI and server share it):
 * shape and ranges via zod, then cross-field rules that need the year's policy.
 * Every error names its field as a dotted path and the rule in zh-CN and English.
 */
import { z } from "zod";
import { ageOn, isIsoDate } from "@/lib/domain/dates";
import { isCompulsorySchoolAge, type SchoolAgePolicy } from "@/lib/domain/education";
import {
  EXCLUDED_ITEMS,
  HOUSING_GRADES,
  LABOR_CAPACITIES,
  REGISTERED_STATUSES,
  SAFE_ALTERNATIVES,
  SCHOOL_STATUSES,
  TRANSFER_ITEMS,
  type ExcludedItem,
  type HouseholdInput,
  type TransferItem,
} from "@/lib/domain/household";
import {
  POLICY_KEYS,
  PolicyNotFoundError,
  REQUIRED_POLICY_KEY_COUNT,
  resolvePolicy,
  type PolicyKey,
  type PolicyRow,
} from "@/lib/domain/policy";

export interface InputError {
  /** dotted, e.g. "income.wages", "members.0.schoolStatus"; "input" for the whole document */
  path: string;
  /** zh-CN */
  message: string;
  messageEn: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

interface Bilingual {
  zh: string;
  en: string;
}

/** Largest accepted amount (yuan); keeps cent arithmetic within safe integers. */
export const MAX_AMOUNT = 10_000_000_000;

const isoDate = z.string().refine(isIsoDate, {
  params: { zh: "须为有效日期，格式 YYYY-MM-DD", en: "must be a real date written YYYY-MM-DD" },
});
const amount = z.number().min(0).max(MAX_AMOUNT);
const nonNegative = z.number().min(0);

const memberSchema = z.strictObject({
  birthDate: isoDate,
  counted: z.boolean(),
  medicalInsurance: z.boolean(),
  schoolStatus: z.enum(SCHOOL_STATUSES),
  dropoutMedicalExemption: z.boolean().default(false),
  laborCapacity: z.enum(LABOR_CAPACITIES),
});

/** Counted transfers by item (any subset, each >= 0). */
export const transferItemsSchema = z.strictObject(
  Object.fromEntries(TRANSFER_ITEMS.map((k) => [k, amount.optional()])) as Record<TransferItem, z.ZodOptional<typeof amount>>,
);
/** Recorded, never counted (any subset, each >= 0). */
export const excludedItemsSchema = z.strictObject(
  Object.fromEntries(EXCLUDED_ITEMS.map((k) => [k, amount.optional()])) as Record<ExcludedItem, z.ZodOptional<typeof amount>>,
);

const incomeSchema = z.strictObject({
  wages: amount,
  business: amount,
  businessCosts: amount,
  property: amount,
  /** a number (counted, read as "other") or the items */
  transfers: z.union([amount, transferItemsSchema]),
  excluded: excludedItemsSchema.optional(),
});

const housingSchema = z.strictObject({
  grade: z.enum(HOUSING_GRADES),
  electricity: z.boolean(),
  safeAlternative: z.enum(SAFE_ALTERNATIVES).nullable().optional(),
});

const waterSchema = z.strictObject({
  litresPerPersonDay: nonNegative,
  waterScarceArea: z.boolean(),
  piped: z.boolean(),
  roundTripMinutes: nonNegative.nullable().default(null),
  horizontalMetres: nonNegative.nullable().default(null),
  verticalMetres: nonNegative.nullable().default(null),
  qualitySafe: z.boolean(),
  outageDaysPerYear: z.number().min(0).max(366),
});

export const householdInputSchema = z
  .strictObject({
    year: z.number().int().min(2014).max(2100),
    asOf: isoDate.optional(),
    registeredStatus: z.enum(REGISTERED_STATUSES).default("not_registered"),
    monitored: z.boolean().default(false),
    members: z.array(memberSchema),
    income: incomeSchema,
    food: z.boolean(),
    clothing: z.boolean(),
    housing: housingSchema,
    water: waterSchema,
    rigidExpenditure: amount.default(0),
    previousYearIncome: amount.nullable().default(null),
  })
  .transform((v): HouseholdInput => ({ ...v, asOf: v.asOf ?? `${v.year}-12-31` }));

// Compile-time check: the schema's output is exactly the domain type.
type SchemaOutput = z.output<typeof householdInputSchema>;
const _sameShape: [SchemaOutput] extends [HouseholdInput] ? ([HouseholdInput] extends [SchemaOutput] ? true : false) : false = true;
void _sameShape;

/** Parses and checks a household document against the year's policy (national unless provinceCode). */
export function parseHouseholdInput(
  json: unknown,
  policyRows: readonly PolicyRow[],
  provinceCode: string | null = null,
): ParseResult<HouseholdInput> {
  const parsed = householdInputSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error.issues) };
  const value = parsed.data;
  const errors: InputError[] = [];

  let school: SchoolAgePolicy | null = null;
  try {
    const policy = resolvePolicy(policyRows, value.year, provinceCode);
    school = policy.values;
  } catch (e) {
    if (!(e instanceof PolicyNotFoundError)) throw e;
    errors.push(
      e.missing.length === REQUIRED_POLICY_KEY_COUNT
        ? err("year", {
            zh: `${value.year} 年及以前没有政策设置（贫困线等）`,
            en: `no policy settings (poverty line etc.) for ${value.year} or earlier`,
          })
        : err("year", {
            zh: `${value.year} 年的政策设置不完整：缺少 ${e.missing.join(", ")}`,
            en: `the policy for ${value.year} is incomplete: missing ${e.missing.join(", ")}`,
          }),
    );
  }

  if (!value.members.some((m) => m.counted)) {
    errors.push(
      err("members", {
        zh: "至少需要一名计入人口的成员",
        en: "must include at least one counted member",
      }),
    );
  }

  value.members.forEach((m, i) => {
    const age = ageOn(m.birthDate, value.asOf);
    if (age < 0) {
      errors.push(
        err(`members.${i}.birthDate`, {
          zh: `出生日期不能晚于评估日期 ${value.asOf}`,
          en: `must not be after the assessment date ${value.asOf}`,
        }),
      );
      return;
    }
    if (school && m.counted && isCompulsorySchoolAge(m.birthDate, value.asOf, school) && m.schoolStatus === "not_applicable") {
      const cutoff = `${school.schoolEntryCutoffMonth}月${school.schoolEntryCutoffDay}日`;
      errors.push(
        err(`members.${i}.schoolStatus`, {
          zh: `义务教育适龄（入学截止日 ${cutoff} 前满 ${school.schoolAgeMin} 周岁的学年起，至满 ${school.schoolAgeMax + 1} 周岁前）的计入人口成员须填写在学状态，不能为 not_applicable`,
          en: `a counted member of compulsory-school age (from the school year in which they are ${school.schoolAgeMin} by the entry cut-off, ${school.schoolEntryCutoffDay}/${school.schoolEntryCutoffMonth}, until their ${school.schoolAgeMax + 1}th birthday) needs a school status other than not_applicable`,
        }),
      );
    }
  });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

// ---- policy rows (the CLI's --policy file; the admin policy editor) ----

const policyValuesSchema = z.strictObject(
  Object.fromEntries(POLICY_KEYS.map((k) => [k, z.number().min(0).optional()])) as Record<PolicyKey, z.ZodOptional<z.ZodNumber>>,
);

export const policyRowSchema = z.strictObject({
  id: z.string().min(1),
  year: z.number().int().min(2014).max(2100),
  provinceCode: z.string().min(1).nullable(),
  values: policyValuesSchema,
});

/** A JSON array of PolicyRow, or { rows: [...] }. Row ids must be unique. */
export function parsePolicyRows(json: unknown): ParseResult<PolicyRow[]> {
  const isArray = Array.isArray(json);
  const schema = isArray ? z.array(policyRowSchema) : z.strictObject({ rows: z.array(policyRowSchema) });
  const parsed = schema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error.issues) };
  const rows: PolicyRow[] = Array.isArray(parsed.data) ? parsed.data : parsed.data.rows;
  const seen = new Set<string>();
  const errors: InputError[] = [];
  rows.forEach((r, i) => {
    if (seen.has(r.id)) {
      errors.push(err(`${isArray ? "" : "rows."}${i}.id`, { zh: `重复的 id：${r.id}`, en: `duplicate id: ${r.id}` }));
    }
    seen.add(r.id);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: rows };
}

// ---- zod issues -> bilingual errors ----

export function err(path: string, m: Bilingual): InputError {
  return { path, message: m.zh, messageEn: m.en };
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "input" : path.map((p) => String(p)).join(".");
}

const TYPE_NAMES: Record<string, Bilingual> = {
  number: { zh: "数字", en: "a number" },
  int: { zh: "整数", en: "a whole number" },
  boolean: { zh: "true 或 false", en: "true or false" },
  string: { zh: "字符串", en: "a string" },
  object: { zh: "对象", en: "an object" },
  array: { zh: "数组", en: "an array" },
};

function fmt(n: number | bigint): string {
  return String(n);
}

function isBilingual(x: unknown): x is Bilingual {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as Record<string, unknown>).zh === "string" &&
    typeof (x as Record<string, unknown>).en === "string"
  );
}

export function zodErrors(issues: readonly z.core.$ZodIssue[]): InputError[] {
  const out: InputError[] = [];
  for (const issue of issues) {
    const path = joinPath(issue.path);
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          out.push(err(joinPath([...issue.path, key]), { zh: "不允许的字段", en: "unknown field" }));
        }
        break;
      case "invalid_type": {
        if (issue.input === undefined) {
          out.push(err(path, { zh: "必填", en: "is required" }));
          break;
        }
        const t = TYPE_NAMES[issue.expected] ?? { zh: issue.expected, en: issue.expected };
        out.push(
          err(path, {
            zh: issue.expected === "number" ? "须为有限数字" : `须为${/^[a-z]/i.test(t.zh) ? " " : ""}${t.zh}`,
            en: issue.expected === "number" ? "must be a finite number" : `must be ${t.en}`,
          }),
        );
        break;
      }
      case "too_small":
        if (issue.origin === "number" && Number(issue.minimum) === 0) {
          out.push(err(path, { zh: "不能为负数", en: "must not be negative" }));
        } else if (issue.origin === "array" || issue.origin === "string") {
          out.push(err(path, { zh: `长度至少为 ${fmt(issue.minimum)}`, en: `must have at least ${fmt(issue.minimum)} items` }));
        } else {
          out.push(err(path, { zh: `不能小于 ${fmt(issue.minimum)}`, en: `must be at least ${fmt(issue.minimum)}` }));
        }
        break;
      case "too_big":
        out.push(err(path, { zh: `不能大于 ${fmt(issue.maximum)}`, en: `must be at most ${fmt(issue.maximum)}` }));
        break;
      case "invalid_value": {
        const list = issue.values.map((v) => String(v)).join(", ");
        out.push(err(path, { zh: `取值须为以下之一：${list}`, en: `must be one of: ${list}` }));
        break;
      }
      case "custom":
        out.push(err(path, isBilingual(issue.params) ? issue.params : { zh: "无效", en: "is invalid" }));
        break;
      default:
        out.push(err(path, { zh: "无效", en: "is invalid" }));
    }
  }
  return out;
}
