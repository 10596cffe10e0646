/**
 * Evaluation (spot check) inputs: one schema per action, shared by the forms and the actions.
 * Messages are full message keys ("evaluation.errors.…"); the action pipeline translates them
 * and prefixes the field's name (the actions' `fieldLabel: evaluationFieldLabel`), so every
 * message says which field it is about.
 * Pure: imported by client components, so nothing from Prisma, Next or the data layer.
 */
import { z } from "zod";
import { numberInput } from "./plain-text";
import { messageKey } from "@/i18n/keys";

/** Evidence an evaluator may have seen for an indicator (a subset of EvidenceKind). */
export const EVIDENCE_SEEN = [
  "bank_statement",
  "income_record",
  "insurance_record",
  "housing_certificate",
  "water_test",
  "school_record",
  "interview",
  "photo",
  "other",
] as const;
export type EvidenceSeen = (typeof EVIDENCE_SEEN)[number];

export const INCOME_ITEMS = ["wages", "business", "businessCosts", "property", "transfers"] as const;
export type IncomeItem = (typeof INCOME_ITEMS)[number];

/** The seven indicators; income's verdict comes from the re-surveyed income, the six others are ticked. */
export const CHECKED_INDICATORS = ["food", "clothing", "medical", "housing", "water", "education"] as const;
export type CheckedIndicator = (typeof CHECKED_INDICATORS)[number];
export const ALL_INDICATORS = ["income", ...CHECKED_INDICATORS] as const;

/** The evidence an evaluator may have seen for each indicator (a water test is no proof of schooling). */
export const EVIDENCE_FOR: Record<(typeof ALL_INDICATORS)[number], readonly EvidenceSeen[]> = {
  income: ["bank_statement", "income_record", "interview", "other"],
  food: ["interview", "photo", "other"],
  clothing: ["interview", "photo", "other"],
  medical: ["insurance_record", "interview", "photo", "other"],
  housing: ["housing_certificate", "photo", "interview", "other"],
  water: ["water_test", "photo", "interview", "other"],
  education: ["school_record", "interview", "photo", "other"],
};

export const APPROVAL_ANSWERS = ["approve", "disapprove", "unsure"] as const;
export type ApprovalAnswerValue = (typeof APPROVAL_ANSWERS)[number];

/** Upper bound of one re-surveyed income item (yuan over 12 months). */
export const MAX_INCOME_ITEM = 10_000_000;
export const MAX_SEED_LENGTH = 128;
export const MAX_TEAM = 20;

const M = (key: string) => ({ message: `evaluation.errors.${key}` });

const uuid = z.string(M("invalidId")).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, M("invalidId"));
const text = (max: number) => z.string(M("required")).trim().max(max, M("tooLong"));
const bool = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")], M("boolean"));
/** An indicator's re-check: 达标 / 未达标, named so in the error too. */
const metAnswer = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")], M("metChoice"));

/** A number typed into a form ("" is missing): plain-text.ts refuses hidden characters and non-numbers. */
const typed = <T extends z.ZodType>(inner: T) =>
  numberInput(inner, {
    blank: undefined,
    required: messageKey("evaluation.errors.number"),
    number: messageKey("evaluation.errors.number"),
  });

/** A number from a form ("" is missing, not 0), finite, with at most 2 decimals. */
const amount = (max: number) =>
  typed(
    z
      .number(M("number"))
      .refine((n) => Number.isFinite(n), M("number"))
      .refine((n) => n >= 0, M("nonNegative"))
      .refine((n) => n <= max, M("tooLarge"))
      .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, M("twoDecimals")),
  );

const int = (min: number, max: number) => typed(z.number(M("number")).int(M("integer")).min(min, M("tooSmall")).max(max, M("tooLarge")));

// ───────────── create ─────────────

export const planSchema = z
  .object({
    villages: int(1, 1000),
    /** percent of ordinary households per picked village, (0, 100] */
    sharePercent: typed(z.number(M("number")).gt(0, M("sharePercent")).max(100, M("sharePercent"))),
    capPerVillage: int(1, 100_000),
    includeAllExited: bool.default(false),
  })
  .strict();

export const createEvaluationSchema = z
  .object({
    id: uuid,
    countyId: z.string(M("required")).regex(/^\d{6}$/, M("countyId")),
    year: int(2014, 2100),
    name: text(120).min(1, M("required")),
    team: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(uuid).max(MAX_TEAM, M("tooMany"))),
    plan: planSchema,
  })
  .strict();
export type CreateEvaluationInput = z.output<typeof createEvaluationSchema>;

// ───────────── draw, verify, release, close ─────────────

export const drawSchema = z
  .object({
    evaluationId: uuid,
    /** empty: the server generates a random one (shown afterwards) */
    seed: z
      .string(M("required"))
      .trim()
      .max(MAX_SEED_LENGTH, M("tooLong"))
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), M("seedChars"))
      .optional()
      .transform((s) => (s ? s : undefined)),
  })
  .strict();

export const evaluationRefSchema = z.object({ evaluationId: uuid }).strict();

/** "YYYY-MM-DDTHH:mm" from a datetime-local input, read as China time (UTC+8); or ISO with an offset. */
export const releaseSchema = z
  .object({
    evaluationId: uuid,
    releaseAt: z
      .string(M("required"))
      .trim()
      .min(1, M("required"))
      .transform((s, ctx) => {
        const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s);
        const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s);
        const d = local ? new Date(`${s.length === 16 ? `${s}:00` : s}+08:00`) : withOffset ? new Date(s) : null;
        if (!d || Number.isNaN(d.getTime())) {
          ctx.addIssue({ code: "custom", message: messageKey("evaluation.errors.dateTime") });
          return z.NEVER;
        }
        return d;
      }),
  })
  .strict();

export const resolveDiscrepancySchema = z
  .object({
    discrepancyId: uuid,
    resolution: text(1000).min(1, M("required")),
  })
  .strict();

// ───────────── questionnaire ─────────────

/** The evidence seen for one indicator: only that indicator's kinds. */
const evidenceList = (key: (typeof ALL_INDICATORS)[number]) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(EVIDENCE_FOR[key] as [EvidenceSeen, ...EvidenceSeen[]], M("evidenceKind"))).max(EVIDENCE_FOR[key].length, M("tooMany")),
  );

const checkedIndicator = (key: CheckedIndicator) =>
  z
    .object({
      met: z.preprocess((v) => (v === "" ? undefined : v), metAnswer),
      evidence: evidenceList(key),
    })
    .strict();

export const questionnaireSchema = z
  .object({
    id: uuid,
    evaluationId: uuid,
    householdId: uuid,
    income: z
      .object({
        wages: amount(MAX_INCOME_ITEM),
        business: amount(MAX_INCOME_ITEM),
        businessCosts: amount(MAX_INCOME_ITEM),
        property: amount(MAX_INCOME_ITEM),
        transfers: amount(MAX_INCOME_ITEM),
      })
      .strict(),
    indicators: z
      .object({
        income: z.object({ evidence: evidenceList("income") }).strict(),
        food: checkedIndicator("food"),
        clothing: checkedIndicator("clothing"),
        medical: checkedIndicator("medical"),
        housing: checkedIndicator("housing"),
        water: checkedIndicator("water"),
        education: checkedIndicator("education"),
      })
      .strict(),
    approval: z.enum(APPROVAL_ANSWERS, M("approvalChoice")),
    notes: text(2000).default(""),
  })
  .strict();
export type QuestionnaireInput = z.output<typeof questionnaireSchema>;

/** Messages of field errors (any prefix) are looked up under this label key: "income.wages" → fields.income.wages. */
/** The message key of a field's label: the action pipeline prefixes each of the field's errors with it. */
export function evaluationFieldLabel(path: string): string {
  return `evaluation.fields.${fieldLabelKey(path)}`;
}

export function fieldLabelKey(path: string): string {
  return path
    .split(".")
    .filter((p) => !/^\d+$/.test(p))
    .join(".");
}
