// Relocation (易地扶贫搬迁): the record an official keeps for a household. Shared by the form and
// the action; messages are full message keys. The contribution cap is the policy's (checked by
// the action, which knows the year's policy), the rest here.
import { z } from "zod";
import { messageKey } from "@/i18n/keys";
import { atMostCents, chinaToday, numberInput, numberType, realDate, versionInput } from "./plain-text";

export const RELOCATION_MODES = ["centralised", "scattered"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: messageKey("validation.unknownValue") });
const notFuture = (s: string) => s <= chinaToday();
const pastDate = realDate(messageKey("validation.required")).refine(notFuture, { message: messageKey("validation.futureDate") });
const optionalPastDate = z.preprocess(blankToUndefined, pastDate.optional());
const text = (max: number) =>
  z
    .string({ message: messageKey("validation.required") })
    .trim()
    .min(1, { message: messageKey("validation.required") })
    .max(max, { message: messageKey("validation.tooLong") });

/** A checkbox: "on" (or true) ticked, absent or "false" not; anything else is refused. */
const checkbox = z.preprocess(
  (v) =>
    v === "on" || v === "true" || v === true
      ? true
      : v === undefined || v === "" || v === "off" || v === "false" || v === false
        ? false
        : v,
  z.boolean({ message: messageKey("validation.unknownValue") }),
);

const money = (max: number) =>
  numberInput(
    numberType()
      .min(0, { message: messageKey("validation.nonNegative") })
      .max(max, { message: messageKey("validation.tooLarge") })
      .refine(atMostCents, { message: messageKey("validation.cents") }),
  );

export const relocationSchema = z
  .object({
    householdId: uuid,
    /** the record's version when the form was loaded; absent for a first record */
    version: z.preprocess(blankToUndefined, versionInput.optional()),
    /** where the family came from: a name (village, or county for arrivals from elsewhere), and its code when known */
    originName: text(100),
    originId: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{6}(\d{3}(\d{3})?)?$/, { message: messageKey("places.relocation.errors.regionCode") })
        .optional(),
    ),
    /** the destination: a region node of the county (a village or community, or a township) … */
    destinationId: z.string({ message: messageKey("validation.required") }).regex(/^\d{9}(\d{3})?$/, {
      message: messageKey("validation.required"),
    }),
    /** … or a named site under it (安置点); blank: the region node itself */
    siteName: z.preprocess(
      (v) => (v === undefined || v === null ? "" : v),
      z
        .string()
        .trim()
        .max(60, { message: messageKey("validation.tooLong") }),
    ),
    mode: z.enum(RELOCATION_MODES, { message: messageKey("validation.unknownValue") }),
    floorArea: numberInput(
      numberType()
        .positive({ message: messageKey("validation.positive") })
        .max(10_000, { message: messageKey("validation.tooLarge") })
        .refine(atMostCents, { message: messageKey("validation.cents") }),
    ),
    contribution: money(10_000_000),
    movedOn: pastDate,
    demolishedOn: optionalPastDate,
    reclaimedOn: optionalPastDate,
    supportJob: checkbox,
    supportSchool: checkbox,
    supportCommunity: checkbox,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.reclaimedOn && !v.demolishedOn)
      ctx.addIssue({ code: "custom", path: ["reclaimedOn"], message: messageKey("places.relocation.errors.reclaimBeforeDemolish") });
    else if (v.reclaimedOn && v.demolishedOn && v.reclaimedOn < v.demolishedOn)
      ctx.addIssue({ code: "custom", path: ["reclaimedOn"], message: messageKey("places.relocation.errors.reclaimBeforeDemolish") });
  });

export type RelocationInput = z.output<typeof relocationSchema>;
