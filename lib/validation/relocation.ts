// Relocation (易地扶贫搬迁): the record an official keeps for a household. Shared by the form and
// the action; messages are full message keys. The contribution cap is the policy's (checked by
// the action, which knows the year's policy), the rest here.
import { z } from "zod";
import { messageKey } from "@/i18n/keys";
import {
  atMostCents,
  blankToUndefined,
  checkbox,
  chinaToday,
  moneyInput,
  numberInput,
  numberType,
  realDate,
  requiredText,
  uuidText,
  versionInput,
} from "./plain-text";

export const RELOCATION_MODES = ["centralised", "scattered"] as const;

const notFuture = (s: string) => s <= chinaToday();
const pastDate = realDate(messageKey("validation.required")).refine(notFuture, { message: messageKey("validation.futureDate") });
const optionalPastDate = z.preprocess(blankToUndefined, pastDate.optional());

export const relocationSchema = z
  .object({
    householdId: uuidText(),
    /** the record's version when the form was loaded; absent for a first record */
    version: z.preprocess(blankToUndefined, versionInput.optional()),
    /** where the family came from: a name (village, or county for arrivals from elsewhere), and its code when known */
    originName: requiredText(100),
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
    contribution: moneyInput(10_000_000),
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
