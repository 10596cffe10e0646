/**
 * County official inputs: the search parameters of the village list, the village household
 * list and the assignment list (shared by the pages and the CSV exports, so an export answers
 * exactly the filters the page shows), and the assignment forms.
 *
 * Search parameters are parsed one by one: a bad one is reported by name and dropped, the rest
 * still apply. A parameter's error message is a code ("enum", "int", …) that the page turns into
 * a sentence naming the parameter, the value and what is allowed.
 * Pure: imported by client components, so nothing from Prisma, Next or the data layer.
 */
import { z } from "zod";
import { INT4_MAX, numberInput, numberType, plain } from "./plain-text";
import { messageKey } from "@/i18n/keys";
import { POVERTY_CAUSES } from "@/lib/domain/measures";

export const INDICATORS = ["income", "food", "clothing", "medical", "housing", "water", "education"] as const;
export const REGISTERED = ["not_registered", "registered_poor", "lifted"] as const;
export const ASSESSED = ["below_standard", "at_risk", "secure"] as const;
export const CANDIDATES = ["identify", "exit", "monitor"] as const;
export const MONITORING = ["unstable_lifted", "marginal", "sudden_hardship"] as const;

// ───────────── parameter kinds ─────────────

export type ParamCode = "enum" | "int" | "number" | "min" | "max" | "text" | "id" | "repeated";

const enumParam = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "enum" });
const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: "int" })
    .transform(Number)
    .pipe(z.number().min(min, { error: "min" }).max(max, { error: "max" }));
const numberParam = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, { error: "number" })
    .transform(Number)
    .pipe(z.number().max(max, { error: "max" }));
const textParam = (max: number) => z.string().trim().max(max, { error: "text" });
const regionParam = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`), { error: "id" });
const uuidParam = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: "id" });

/** What the page says about a parameter: allowed values, or the numeric range. */
export interface ParamError {
  param: string;
  value: string;
  code: ParamCode;
  allowed?: readonly string[];
  min?: number;
  max?: number;
}

type Shape = Record<string, z.ZodType>;

/**
 * Parse each known parameter on its own; unknown parameters are ignored, empty ones are absent.
 * Returns the valid values and one error per bad parameter (which is left out of the values).
 */
export function parseParams<S extends Shape>(
  shape: S,
  raw: Record<string, string | string[] | undefined>,
): { values: Partial<{ [K in keyof S]: z.output<S[K]> }>; errors: ParamError[] } {
  const values: Record<string, unknown> = {};
  const errors: ParamError[] = [];
  for (const [param, schema] of Object.entries(shape)) {
    const v = raw[param];
    if (v === undefined || v === "") continue;
    if (Array.isArray(v)) {
      errors.push({ param, value: v.join(","), code: "repeated" });
      continue;
    }
    const r = schema.safeParse(v);
    if (r.success) {
      values[param] = r.data;
      continue;
    }
    const issue = r.error.issues[0];
    const code = (issue?.message ?? "enum") as ParamCode;
    const err: ParamError = { param, value: v.slice(0, 60), code };
    if (issue?.code === "invalid_value") err.allowed = (issue.values as unknown[]).map(String);
    const bound = numericBounds(schema);
    if (bound) Object.assign(err, bound);
    errors.push(err);
  }
  return { values: values as Partial<{ [K in keyof S]: z.output<S[K]> }>, errors };
}

function numericBounds(schema: z.ZodType): { min?: number; max?: number } | null {
  const meta = BOUNDS.get(schema);
  return meta ?? null;
}
const BOUNDS = new WeakMap<z.ZodType, { min?: number; max?: number }>();
function bounded<T extends z.ZodType>(schema: T, b: { min?: number; max?: number }): T {
  BOUNDS.set(schema, b);
  return schema;
}

/** Back to a query string (only set values), e.g. for links that keep the filters. */
export function toQuery(values: Record<string, unknown>, drop: readonly string[] = []): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "" || v === false || drop.includes(k)) continue;
    q.set(k, String(v));
  }
  return q;
}

// ───────────── village list (/county, export/villages) ─────────────

export const VILLAGE_SORTS = [
  "township",
  "name",
  "households",
  "people",
  "poorHouseholds",
  "poorPeople",
  "incidence",
  "monitored",
  "missed",
  "wronglyLifted",
  "coverage",
  "pending",
] as const;
export type VillageSort = (typeof VILLAGE_SORTS)[number];

/** Numeric columns of the village list: each gets <col>Min and <col>Max filters. */
export const VILLAGE_NUMERIC = [
  "households",
  "people",
  "poorHouseholds",
  "poorPeople",
  "incidence",
  "monitored",
  "missed",
  "wronglyLifted",
  "coverage",
  "pending",
] as const;
export type VillageNumeric = (typeof VILLAGE_NUMERIC)[number];
const PERCENT_COLUMNS: readonly VillageNumeric[] = ["incidence", "coverage"];

export const VILLAGE_PAGE_SIZE = 100;

const villageShape = {
  sort: enumParam(VILLAGE_SORTS),
  dir: enumParam(["asc", "desc"]),
  page: bounded(intParam(1, 100_000), { min: 1, max: 100_000 }),
  q: textParam(40),
  township: regionParam(9),
  inc: enumParam(["above", "below"]),
  ...(Object.fromEntries(
    VILLAGE_NUMERIC.flatMap((c) => {
      const max = PERCENT_COLUMNS.includes(c) ? 100 : 10_000_000;
      return [
        [`${c}Min`, bounded(numberParam(max), { min: 0, max })],
        [`${c}Max`, bounded(numberParam(max), { min: 0, max })],
      ];
    }),
  ) as unknown as Record<`${VillageNumeric}${"Min" | "Max"}`, z.ZodType<number, string>>),
};
export const VILLAGE_PARAMS = villageShape;
export type VillageParams = Partial<{ [K in keyof typeof villageShape]: z.output<(typeof villageShape)[K]> }>;

export function parseVillageParams(raw: Record<string, string | string[] | undefined>) {
  return parseParams(villageShape, raw) as { values: VillageParams; errors: ParamError[] };
}

// ───────────── village households (/county/villages/[id], export/households) ─────────────

export const HOUSEHOLD_SORTS = ["number", "head", "members", "registered", "assessed", "cause", "lastVisit"] as const;
export type HouseholdSort = (typeof HOUSEHOLD_SORTS)[number];
export const PAGE_SIZES = ["20", "50", "100"] as const;

const householdShape = {
  sort: enumParam(HOUSEHOLD_SORTS),
  dir: enumParam(["asc", "desc"]),
  page: bounded(intParam(1, 100_000), { min: 1, max: 100_000 }),
  size: enumParam(PAGE_SIZES),
  q: textParam(40),
  mismatch: enumParam(["any", ...CANDIDATES]),
  monitoring: enumParam(["any", "none", ...MONITORING]),
  overdue: enumParam(["1"]),
  unmet: enumParam(INDICATORS),
  cause: enumParam(POVERTY_CAUSES),
  registered: enumParam(REGISTERED),
  assessed: enumParam([...ASSESSED, "none"]),
  cadre: z.union([z.literal("none"), uuidParam], { error: "id" }),
};
export const HOUSEHOLD_PARAMS = householdShape;
export type HouseholdParams = Partial<{ [K in keyof typeof householdShape]: z.output<(typeof householdShape)[K]> }>;
/** The filter part of the household parameters (what an export repeats). */
export const HOUSEHOLD_FILTER_KEYS = [
  "q",
  "mismatch",
  "monitoring",
  "overdue",
  "unmet",
  "cause",
  "registered",
  "assessed",
  "cadre",
] as const;

export function parseHouseholdParams(raw: Record<string, string | string[] | undefined>) {
  return parseParams(householdShape, raw) as { values: HouseholdParams; errors: ParamError[] };
}

// ───────────── assignment list (/county/assignments) ─────────────

export const ASSIGN_PAGE_SIZE = 50;
const assignShape = {
  village: regionParam(12),
  need: enumParam(["1", "0"]),
  show: enumParam(["unassigned", "all"]),
  q: textParam(40),
  page: bounded(intParam(1, 100_000), { min: 1, max: 100_000 }),
  household: uuidParam,
};
export type AssignParams = Partial<{ [K in keyof typeof assignShape]: z.output<(typeof assignShape)[K]> }>;
export function parseAssignParams(raw: Record<string, string | string[] | undefined>) {
  return parseParams(assignShape, raw) as { values: AssignParams; errors: ParamError[] };
}

// ───────────── assignment forms ─────────────

const id = plain(z.string({ error: messageKey("validation.required") }))
  .trim()
  .min(1, messageKey("validation.required"))
  .max(64, messageKey("validation.invalidId"));
const reason = z
  .string({ error: messageKey("validation.required") })
  .trim()
  .min(1, messageKey("validation.required"))
  .max(500, messageKey("validation.tooLong"));

/** One household to one cadre (first assignment or reassignment). */
export const assignOneSchema = z.object({
  householdId: id,
  cadreId: id,
  reason,
});

/** Several households to a team of cadres, round-robin: the chosen ids, or all matching a filter. */
export const assignBulkSchema = z
  .object({
    mode: z.enum(["selected", "filter"], { error: messageKey("validation.unknownValue") }),
    householdIds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(id).max(2000, messageKey("validation.tooMany")),
    ),
    cadreIds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(id).min(1, messageKey("validation.required")).max(50, messageKey("validation.tooMany")),
    ),
    reason,
    // the list's filter, for mode "filter"
    village: z
      .string()
      .regex(/^\d{12}$/, messageKey("validation.invalidId"))
      .optional()
      .or(z.literal("").transform(() => undefined)),
    need: z.enum(["1", "0"]).optional(),
    show: z.enum(["unassigned", "all"]).optional(),
    q: z.string().trim().max(40, messageKey("validation.tooLong")).optional(),
    /** how many the official saw: a different count now means the list changed */
    expected: numberInput(
      numberType()
        .int({ message: messageKey("validation.integer") })
        .min(0, { message: messageKey("validation.nonNegative") })
        .max(INT4_MAX, { message: messageKey("validation.tooLarge") })
        .optional(),
      { blank: undefined },
    ),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "selected" && v.householdIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["householdIds"], message: messageKey("validation.required") });
  });

export const cadreSearchSchema = z.object({
  q: z.string().trim().max(20, messageKey("validation.tooLong")).default(""),
  /** a village whose own cadres are listed first */
  near: z
    .string()
    .regex(/^\d{12}$/, messageKey("validation.invalidId"))
    .optional(),
});
