// Resident teams and first secretaries (驻村工作队, 第一书记), their monthly days in the village, and
// a pairing cadre's sending unit (结对帮扶). Shared by the forms and the actions; messages are keys.
import { z } from "zod";
import { messageKey } from "@/i18n/keys";
import {
  blankToUndefined,
  chinaToday,
  INT4_MAX,
  numberInput,
  numberType,
  realDate,
  requiredText,
  uuidText,
  versionInput,
} from "./plain-text";
import { daysInMonth } from "@/lib/domain/resident";

export const RESIDENT_ROLES = ["first_secretary", "team_leader", "team_member"] as const;

const date = realDate(messageKey("validation.required"));

/** A posting: who (a user, or a named person), from which unit, to which village, as what, from–to. `id` is made by the form (a retry cannot double it). */
export const postingSchema = z
  .object({
    id: uuidText(),
    version: z.preprocess(blankToUndefined, versionInput.optional()),
    villageId: z.string({ message: messageKey("validation.required") }).regex(/^\d{12}$/, { message: messageKey("validation.required") }),
    unitName: requiredText(60),
    userId: z.preprocess(blankToUndefined, uuidText().optional()),
    personName: requiredText(40),
    role: z.enum(RESIDENT_ROLES, { message: messageKey("validation.unknownValue") }),
    validFrom: date.refine((s) => s <= chinaToday(), { message: messageKey("validation.futureDate") }),
    validTo: z.preprocess(blankToUndefined, date.optional()),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.validTo && v.validTo < v.validFrom)
      ctx.addIssue({ code: "custom", path: ["validTo"], message: messageKey("places.teams.errors.endBeforeStart") });
  });
export type PostingInput = z.output<typeof postingSchema>;

/** The days one resident spent in the village in one month: 0 to the month's own length, not a month still to come. */
export const residentDaysSchema = z
  .object({
    postingId: uuidText(),
    month: z
      .string({ message: messageKey("validation.required") })
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: messageKey("places.teams.errors.month") })
      .refine((m) => m >= "2000-01" && m <= chinaToday().slice(0, 7), { message: messageKey("places.teams.errors.month") }),
    days: numberInput(
      numberType()
        .int({ message: messageKey("validation.integer") })
        .min(0, { message: messageKey("validation.nonNegative") })
        .max(INT4_MAX, { message: messageKey("validation.tooLarge") }),
    ),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(v.month) && v.days > daysInMonth(v.month))
      ctx.addIssue({ code: "custom", path: ["days"], message: messageKey("places.teams.errors.daysInMonth") });
  });
export type ResidentDaysInput = z.output<typeof residentDaysSchema>;

/** A pairing cadre's sending unit: the cadre's current pairings without a unit take it. */
export const cadreUnitSchema = z
  .object({
    userId: uuidText(),
    unitName: requiredText(60),
  })
  .strict();
export type CadreUnitInput = z.output<typeof cadreUnitSchema>;
