// An assistance measure by kind (decision 0047): the fields every measure has, then the kind's own
// details, each kind checked by its own schema (MEASURE_DETAIL_SCHEMAS) with its errors on the
// field. Details of another kind are dropped. Shared by the measure form, the action and the import.
import { z } from "zod";
import { messageKey, type KeyUnder } from "@/i18n/keys";
import {
  LOAN_STATUSES,
  MEASURE_CATEGORY_OF,
  MEASURE_KINDS,
  MEASURE_RISKS,
  POVERTY_CAUSES,
  detailsOf,
  type MeasureKind,
} from "@/lib/domain/measures";
import { atMostCents, blankToUndefined, moneyInput, numberInput, numberType, plain, realDate, requiredText } from "./plain-text";

const isoDate = realDate(messageKey("validation.invalidDate"));
const text = (max: number) => plain(requiredText(max));

export const MEASURE_ANSWERS = [...POVERTY_CAUSES, ...MEASURE_RISKS] as const;

/** Each kind's own details: required where the kind needs them. */
export const MEASURE_DETAIL_SCHEMAS = {
  loan: z
    .object({
      bank: text(100),
      termMonths: numberInput(
        numberType()
          .int({ message: messageKey("validation.integer") })
          .min(1, { message: messageKey("validation.positive") })
          .max(120, { message: messageKey("validation.tooLarge") }),
      ),
      interestSubsidy: moneyInput(10_000_000),
      loanStatus: z.enum(LOAN_STATUSES, { message: messageKey("validation.unknownValue") }),
      repaidOn: z.preprocess(blankToUndefined, isoDate.optional()),
      overdueSince: z.preprocess(blankToUndefined, isoDate.optional()),
    })
    .superRefine((v, ctx) => {
      if (v.loanStatus === "repaid" && !v.repaidOn)
        ctx.addIssue({ code: "custom", path: ["repaidOn"], message: messageKey("validation.required") });
      if (v.loanStatus === "overdue" && !v.overdueSince)
        ctx.addIssue({ code: "custom", path: ["overdueSince"], message: messageKey("validation.required") });
    })
    // a status's date only with that status
    .transform((v) => ({
      ...v,
      repaidOn: v.loanStatus === "repaid" ? v.repaidOn : undefined,
      overdueSince: v.loanStatus === "overdue" ? v.overdueSince : undefined,
    })),
  job: z.object({
    post: text(100),
    monthlyPay: moneyInput(1_000_000),
  }),
  none: z.object({}),
} as const;

export function detailSchemaOf(kind: MeasureKind): keyof typeof MEASURE_DETAIL_SCHEMAS {
  const d = detailsOf(kind);
  return d.includes("bank") ? "loan" : d.includes("post") ? "job" : "none";
}

const DETAIL_FIELDS = ["bank", "termMonths", "interestSubsidy", "loanStatus", "repaidOn", "overdueSince", "post", "monthlyPay"] as const;

export const measureSchema = z
  .object({
    /** generated on the device: a retried (or doubled) submission stores one measure */
    id: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid().optional()),
    householdId: z.string().uuid(),
    kind: z.enum(MEASURE_KINDS, { message: messageKey("validation.unknownValue") }),
    /** the poverty cause or the risk it answers */
    answers: z.enum(MEASURE_ANSWERS, { message: messageKey("validation.unknownValue") }),
    description: z
      .string({ message: messageKey("validation.required") })
      .trim()
      .min(1, { message: messageKey("validation.required") })
      .max(1000, { message: messageKey("validation.tooLong") }),
    amount: numberInput(
      numberType()
        .min(0, { message: messageKey("validation.nonNegative") })
        .max(100_000_000, { message: messageKey("validation.tooLong") })
        .refine(atMostCents, { message: messageKey("validation.cents") }),
    ),
    startDate: isoDate,
    endDate: z.preprocess(blankToUndefined, isoDate.optional()),
    bank: z.unknown().optional(),
    termMonths: z.unknown().optional(),
    interestSubsidy: z.unknown().optional(),
    loanStatus: z.unknown().optional(),
    repaidOn: z.unknown().optional(),
    overdueSince: z.unknown().optional(),
    post: z.unknown().optional(),
    monthlyPay: z.unknown().optional(),
  })
  .strict()
  .transform((v, ctx) => {
    const which = detailSchemaOf(v.kind);
    const raw = Object.fromEntries(detailsOf(v.kind).map((f) => [f, v[f]]));
    const parsed = MEASURE_DETAIL_SCHEMAS[which].safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path as PropertyKey[], message: issue.message });
      return z.NEVER;
    }
    const base = Object.fromEntries(Object.entries(v).filter(([k]) => !(DETAIL_FIELDS as readonly string[]).includes(k))) as Omit<
      typeof v,
      (typeof DETAIL_FIELDS)[number]
    >;
    return { ...base, category: MEASURE_CATEGORY_OF[v.kind], ...(parsed.data as MeasureDetails) };
  });

export interface MeasureDetails {
  bank?: string;
  termMonths?: number;
  interestSubsidy?: number;
  loanStatus?: (typeof LOAN_STATUSES)[number];
  repaidOn?: string;
  overdueSince?: string;
  post?: string;
  monthlyPay?: number;
}

export type MeasureInput = z.output<typeof measureSchema>;

/**
 * Rules whose messages live in householdEdit.problems: field path → key. The end not before the
 * start; a loan repaid or overdue not before it was issued.
 */
export function measureProblems(v: {
  startDate?: string;
  endDate?: string;
  repaidOn?: unknown;
  overdueSince?: unknown;
  kind?: string;
}): Record<string, KeyUnder<"householdEdit.problems">> {
  const out: Record<string, KeyUnder<"householdEdit.problems">> = {};
  if (v.startDate && v.endDate && v.endDate < v.startDate) out.endDate = "endBeforeStart";
  if (v.kind === "microcredit" && v.startDate) {
    if (typeof v.repaidOn === "string" && v.repaidOn && v.repaidOn < v.startDate) out.repaidOn = "beforeIssue";
    if (typeof v.overdueSince === "string" && v.overdueSince && v.overdueSince < v.startDate) out.overdueSince = "beforeIssue";
  }
  return out;
}
