// A designated poor village's exit (贫困村退出, decision 0051): the record the village keeps for a
// year and the steps of its procedure. Shared by the forms and the actions; messages are full
// message keys. The criteria themselves are judged by lib/domain/village-exit.ts.
import { z } from "zod";
import { messageKey } from "@/i18n/keys";
import { INCOME_JUDGMENTS, VILLAGE_EXIT_FACILITIES } from "@/lib/domain/village-exit";
import { atMostCents, blankToUndefined, checkbox, chinaToday, numberInput, numberType, realDate, versionInput } from "./plain-text";

const uuid = z
  .string({ message: messageKey("validation.required") })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: messageKey("validation.unknownValue") });
const pastDate = realDate().refine((s) => s <= chinaToday(), { message: messageKey("validation.futureDate") });
const optionalPastDate = z.preprocess(blankToUndefined, pastDate.optional());
const note = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string({ message: messageKey("validation.unknownValue") })
    .trim()
    .max(200, { message: messageKey("validation.tooLong") }),
);

const facilityFields = Object.fromEntries(
  VILLAGE_EXIT_FACILITIES.flatMap((f) => [
    [`${f}Ok`, checkbox],
    [`${f}On`, optionalPastDate],
    [`${f}Note`, note],
  ]),
) as {
  [K in (typeof VILLAGE_EXIT_FACILITIES)[number] as `${K}Ok`]: typeof checkbox;
} & { [K in (typeof VILLAGE_EXIT_FACILITIES)[number] as `${K}On`]: typeof optionalPastDate } & {
  [K in (typeof VILLAGE_EXIT_FACILITIES)[number] as `${K}Note`]: typeof note;
};

export const saveVillageExitSchema = z
  .object({
    /** the record's id: made by the client for a first record (a resent form finds it), the record's own after */
    id: uuid,
    villageId: z
      .string({ message: messageKey("validation.required") })
      .regex(/^\d{12}$/, { message: messageKey("validation.unknownValue") }),
    year: numberInput(
      numberType()
        .int({ message: messageKey("validation.integer") })
        .min(2014, { message: messageKey("villageExit.errors.yearRange") })
        .refine((y) => y <= Number(chinaToday().slice(0, 4)), { message: messageKey("villageExit.errors.yearRange") }),
    ),
    /** the record's version when the form was loaded; absent for a first record */
    version: z.preprocess(blankToUndefined, versionInput.optional()),
    ...facilityFields,
    /** yuan a year; blank: not recorded */
    collectiveIncome: z.preprocess(
      blankToUndefined,
      numberInput(
        numberType()
          .min(0, { message: messageKey("validation.nonNegative") })
          .max(9_999_999_999, { message: messageKey("validation.tooLarge") })
          .refine(atMostCents, { message: messageKey("validation.cents") }),
      ).optional(),
    ),
  })
  .strict();
export type SaveVillageExitInput = z.output<typeof saveVillageExitSchema>;

export const proposeVillageExitSchema = z.object({ exitId: uuid, version: versionInput }).strict();
export type ProposeVillageExitInput = z.output<typeof proposeVillageExitSchema>;

export const VILLAGE_EXIT_REVIEW_DECISIONS = ["approve", "return"] as const;

const longText = (max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : v),
    z
      .string({ message: messageKey("validation.unknownValue") })
      .trim()
      .max(max, { message: messageKey("validation.tooLong") }),
  );

const reviewFields = {
  exitId: uuid,
  version: versionInput,
  decision: z.enum(VILLAGE_EXIT_REVIEW_DECISIONS, { message: messageKey("validation.unknownValue") }),
  reason: longText(500),
};

/** The township's review: approve, or return to the village with the reason. */
export const reviewVillageExitSchema = z
  .object(reviewFields)
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === "return" && v.reason === "")
      ctx.addIssue({ code: "custom", path: ["reason"], message: messageKey("villageExit.errors.reasonRequired") });
  });
export type ReviewVillageExitInput = z.output<typeof reviewVillageExitSchema>;

/**
 * The county's approval: approve and announce, or return with the reason — and its judgment of the
 * village's collective income (met / not met, with a note). Approving needs the income judged met;
 * a return may judge it (not met, say) or leave it pending.
 */
export const approveVillageExitSchema = z
  .object({
    ...reviewFields,
    incomeJudgment: z.preprocess(blankToUndefined, z.enum(INCOME_JUDGMENTS, { message: messageKey("validation.unknownValue") }).optional()),
    incomeNote: longText(200),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === "return" && v.reason === "")
      ctx.addIssue({ code: "custom", path: ["reason"], message: messageKey("villageExit.errors.reasonRequired") });
    if (v.decision === "approve" && v.incomeJudgment !== "met")
      ctx.addIssue({
        code: "custom",
        path: ["incomeJudgment"],
        message: messageKey(
          v.incomeJudgment === undefined ? "villageExit.errors.incomeJudgmentRequired" : "villageExit.errors.incomeNotMet",
        ),
      });
    if (v.incomeJudgment !== undefined && v.incomeNote === "")
      ctx.addIssue({ code: "custom", path: ["incomeNote"], message: messageKey("villageExit.errors.incomeNoteRequired") });
  });
export type ApproveVillageExitInput = z.output<typeof approveVillageExitSchema>;
