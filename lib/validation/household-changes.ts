// What a cadre may change on a household, from an edit form or a visit. One schema, shared by
// forms, actions and the data layer. Amounts are yuan, never negative; nothing is fixed up silently.
import { z } from "zod";
import { validateNationalId } from "@/lib/national-id";
import { atMostCents, birthDate, numberInput, numberType, plain } from "./plain-text";

// Amounts and counts: decimal text or numbers (numberInput refuses blanks, hidden characters and
// non-numbers by name); the upper bounds keep every value inside its database column.
const amount = (max: number) =>
  numberType()
    .min(0, { message: messageKey("validation.nonNegative") })
    .max(max, { message: messageKey("validation.tooLong") })
    .refine(atMostCents, { message: messageKey("validation.cents") });
const money = numberInput(amount(100_000_000));
const optionalMoney = numberInput(amount(100_000_000).nullable(), { blank: null });
const whole = (max: number) =>
  numberType()
    .int({ message: messageKey("validation.integer") })
    .min(0, { message: messageKey("validation.nonNegative") })
    .max(max, { message: messageKey("validation.tooLarge") });
const count = (max: number) => numberInput(whole(max));
const optionalCount = (max: number) => numberInput(whole(max).nullable(), { blank: null });
const bool = z.union([z.boolean(), z.enum(["true", "false", "on", "1", "0"]).transform((v) => v === "true" || v === "on" || v === "1")]);

import { HEALTH, LABOR, SCHOOL } from "./visit-constants";
import { messageKey } from "@/i18n/keys";
export { HEALTH, LABOR, SCHOOL } from "./visit-constants";
export const NOT_COUNTED = ["deceased", "imprisoned", "missing", "not_sharing", "moved_out"] as const;

export const indicatorChangesSchema = z
  .object({
    food: bool,
    clothing: bool,
    housingGrade: z.enum(["A", "B", "C", "D"], { message: messageKey("validation.unknownValue") }),
    /** safe alternative housing ("" or null: none) */
    safeAlternative: z
      .union([
        z.literal("").transform(() => null),
        z.enum(["resettlement_flat", "with_children", "public_rental", "other"], { message: messageKey("validation.unknownValue") }),
      ])
      .nullable(),
    electricity: bool,
    waterLitres: numberInput(
      numberType()
        .min(0, { message: messageKey("validation.nonNegative") })
        .max(10_000, { message: messageKey("validation.tooLarge") }),
    ),
    waterScarceArea: bool,
    waterPiped: bool,
    waterRoundTripMin: optionalCount(24 * 60),
    waterHorizontalM: optionalCount(100_000),
    waterVerticalM: optionalCount(100_000),
    waterQualitySafe: bool,
    waterOutageDays: count(366),
  })
  .partial()
  .strict();

export const incomeChangesSchema = z
  .object({
    incomeWages: money,
    incomeBusiness: money,
    incomeBusinessCosts: money,
    incomeProperty: money,
    incomeTransfers: money,
    transferSubsistence: money,
    transferExtremeHardship: money,
    transferPension: money,
    transferEcological: money,
    transferFamilyPlanning: money,
    transferSupport: money,
    excludedMedical: money,
    excludedTemporaryRelief: money,
    excludedHousingSubsidy: money,
    excludedRelocationSubsidy: money,
    excludedGifts: money,
    rigidExpenditure: money,
    previousYearIncome: optionalMoney,
  })
  .partial()
  .strict();

export const memberChangeSchema = z
  .object({
    id: z.string().uuid(),
    schoolStatus: z.enum(SCHOOL, { message: messageKey("validation.unknownValue") }).optional(),
    dropoutMedicalExemption: bool.optional(),
    medicalInsurance: bool.optional(),
    laborCapacity: z.enum(LABOR, { message: messageKey("validation.unknownValue") }).optional(),
    health: z.enum(HEALTH, { message: messageKey("validation.unknownValue") }).optional(),
    /** the person left: died or moved out. Kept, no longer active or counted. */
    leave: z.enum(["deceased", "moved_out"], { message: messageKey("validation.unknownValue") }).optional(),
    counted: bool.optional(),
    notCountedReason: z
      .enum(NOT_COUNTED, { message: messageKey("validation.unknownValue") })
      .nullable()
      .optional(),
  })
  .strict();

/** Hidden characters (a zero-width space, full-width digits) are refused by name before the ID rules. */
export const nationalIdSchema = plain(z.string())
  .trim()
  .superRefine((value, ctx) => {
    const r = validateNationalId(value);
    if (!r.ok)
      ctx.addIssue({
        code: "custom",
        message:
          r.code === "check_digit"
            ? messageKey("validation.nationalIdCheck")
            : r.code === "birth_date"
              ? messageKey("validation.nationalIdBirth")
              : messageKey("validation.nationalIdFormat"),
      });
  });

export const newMemberSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { message: messageKey("validation.required") })
      .max(40, { message: messageKey("validation.tooLong") }),
    nationalId: nationalIdSchema.nullable().optional(),
    sex: z.enum(["male", "female"], { message: messageKey("validation.unknownValue") }),
    birthDate: birthDate(),
    relation: z.enum(["head", "spouse", "child", "child_in_law", "grandchild", "parent", "grandparent", "sibling", "other"], {
      message: messageKey("validation.unknownValue"),
    }),
    schoolStatus: z.enum(SCHOOL, { message: messageKey("validation.unknownValue") }).default("not_applicable"),
    medicalInsurance: bool.default(true),
    laborCapacity: z.enum(LABOR, { message: messageKey("validation.unknownValue") }).default("none"),
    health: z.enum(HEALTH, { message: messageKey("validation.unknownValue") }).default("healthy"),
  })
  .strict();

export const householdChangesSchema = z
  .object({
    indicators: indicatorChangesSchema.optional(),
    income: incomeChangesSchema.optional(),
    members: z.array(memberChangeSchema).max(30).optional(),
    newMembers: z.array(newMemberSchema).max(10).optional(),
  })
  .strict();

export type HouseholdChanges = z.output<typeof householdChangesSchema>;
export type NewMember = z.output<typeof newMemberSchema>;
