// The annual income record (收入核算) and the household type (户属性): one schema each, shared by the
// forms, the actions and the import. Messages are full message keys. Pure: no Prisma, Next or data.
import { z } from "zod";
import { numberInput, numberType, atMostCents, plain } from "./plain-text";
import { messageKey } from "@/i18n/keys";
import { EXCLUDED_COLUMNS, TRANSFER_COLUMNS } from "@/lib/domain/input-from-record";
import type { IncomeInput } from "@/lib/domain/household";

/** The first year a record may name (the registry's first year, 2014) and the largest amount. */
export const FIRST_INCOME_YEAR = 2014;
export const MAX_INCOME_ITEM = 100_000_000;

/** The itemised columns, in the order the form and the record show them (as on Household). */
export const INCOME_ITEM_COLUMNS = ["incomeWages", "incomeBusiness", "incomeBusinessCosts", "incomeProperty"] as const;
export const TRANSFER_ITEM_COLUMNS = Object.values(TRANSFER_COLUMNS);
export const EXCLUDED_ITEM_COLUMNS = Object.values(EXCLUDED_COLUMNS);
export const ALL_ITEM_COLUMNS = [...INCOME_ITEM_COLUMNS, ...TRANSFER_ITEM_COLUMNS, ...EXCLUDED_ITEM_COLUMNS] as const;
export type IncomeItemColumn = (typeof ALL_ITEM_COLUMNS)[number];

/** The income rule's input from a record's items (transfers and excluded items by their columns). */
export function incomeInputOf(items: Record<IncomeItemColumn, number>): IncomeInput {
  return {
    wages: items.incomeWages,
    business: items.incomeBusiness,
    businessCosts: items.incomeBusinessCosts,
    property: items.incomeProperty,
    transfers: Object.fromEntries(Object.entries(TRANSFER_COLUMNS).map(([k, c]) => [k, items[c]])),
    excluded: Object.fromEntries(Object.entries(EXCLUDED_COLUMNS).map(([k, c]) => [k, items[c]])),
  };
}

const uuid = z.string({ message: messageKey("validation.required") }).uuid({ message: messageKey("validation.invalidId") });

/** An amount: never negative, at most fen; a cleared field is refused (the form starts each at 0), an absent key is 0. */
const item = numberInput(
  numberType()
    .min(0, { message: messageKey("validation.nonNegative") })
    .max(MAX_INCOME_ITEM, { message: messageKey("validation.tooLarge") })
    .refine(atMostCents, { message: messageKey("validation.cents") })
    .optional(),
).transform((v) => v ?? 0);

const year = numberInput(
  numberType()
    .int({ message: messageKey("validation.integer") })
    .min(FIRST_INCOME_YEAR, { message: messageKey("countyRecords.validation.yearTooEarly") })
    .max(9999, { message: messageKey("countyRecords.validation.yearInFuture") }),
);

/** 0 when no record of the year exists yet; otherwise the current revision the form was loaded with. */
const revision = numberInput(
  numberType()
    .int({ message: messageKey("validation.integer") })
    .min(0, { message: messageKey("validation.nonNegative") })
    .max(10_000, { message: messageKey("validation.tooLarge") }),
);

const items = Object.fromEntries(ALL_ITEM_COLUMNS.map((c) => [c, item])) as Record<IncomeItemColumn, typeof item>;

export const recordIncomeSchema = z
  .object({
    id: uuid,
    householdId: uuid,
    year,
    expectedRevision: revision,
    correctionReason: plain(z.string())
      .trim()
      .max(500, { message: messageKey("validation.tooLong") })
      .default(""),
    ...items,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.expectedRevision > 0 && !v.correctionReason)
      ctx.addIssue({ code: "custom", message: messageKey("countyRecords.validation.reasonRequired"), path: ["correctionReason"] });
  });
export type RecordIncomeInput = z.output<typeof recordIncomeSchema>;

export const INCOME_SIGN_METHODS = ["signature", "thumbprint_form"] as const;
export const MAX_SIGN_FILE_BYTES = 8 * 1024 * 1024;
export const SIGN_MIMES = { signature: ["image/png"], photo: ["image/jpeg", "image/png", "image/webp"] } as const;
const blankFile = (v: unknown) => (typeof Blob !== "undefined" && v instanceof Blob && v.size === 0 ? undefined : v);
function signFile(types: readonly string[]) {
  return z.preprocess(
    blankFile,
    z
      .custom<Blob>()
      .superRefine((f, ctx) => {
        if (typeof Blob === "undefined" || !(f instanceof Blob))
          return void ctx.addIssue({ code: "custom", message: messageKey("validation.fileMissing") });
        if (f.size > MAX_SIGN_FILE_BYTES) ctx.addIssue({ code: "custom", message: messageKey("validation.fileTooLarge") });
        if (f.type && !types.includes(f.type)) ctx.addIssue({ code: "custom", message: messageKey("validation.fileType") });
      })
      .optional(),
  );
}

/** The household signs the record read back to it: on the pad, or a photographed thumb-printed form. */
export const signIncomeSchema = z
  .object({
    recordId: uuid,
    method: z.enum(INCOME_SIGN_METHODS, { message: messageKey("validation.unknownValue") }),
    signature: signFile(SIGN_MIMES.signature),
    formPhoto: signFile(SIGN_MIMES.photo),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method === "signature" && !v.signature)
      ctx.addIssue({ code: "custom", message: messageKey("countyRecords.validation.signatureRequired"), path: ["signature"] });
    if (v.method === "thumbprint_form" && !v.formPhoto)
      ctx.addIssue({ code: "custom", message: messageKey("countyRecords.validation.formPhotoRequired"), path: ["formPhoto"] });
  });
export type SignIncomeInput = z.output<typeof signIncomeSchema>;

import { HOUSEHOLD_TYPES } from "./household-type";
export { HOUSEHOLD_TYPES, type HouseholdTypeValue } from "./household-type";

export const setHouseholdTypeSchema = z
  .object({
    id: uuid,
    householdId: uuid,
    type: z.enum(HOUSEHOLD_TYPES, { message: messageKey("validation.unknownValue") }),
    since: z
      .string({ message: messageKey("validation.required") })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: messageKey("validation.invalidDate"), abort: true })
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
        message: messageKey("validation.invalidDate"),
      }),
    basis: plain(z.string({ message: messageKey("validation.required") }))
      .trim()
      .min(1, { message: messageKey("validation.required") })
      .max(200, { message: messageKey("validation.tooLong") }),
  })
  .strict();
export type SetHouseholdTypeInput = z.output<typeof setHouseholdTypeSchema>;
