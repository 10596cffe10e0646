// Each household's plan for a year (一户一策): causes, measures chosen, expected income and its
// steps; and a step's progress marked done. Shared by the plan form and the actions.
import { z } from "zod";
import { messageKey } from "@/i18n/keys";
import { POVERTY_CAUSES } from "@/lib/domain/measures";
import { blankToUndefined, moneyInput, numberInput, numberType, plain, versionInput } from "./plain-text";

export const MAX_PLAN_ITEMS = 20;
const list = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);
const cause = z.enum(POVERTY_CAUSES, { message: messageKey("validation.unknownValue") });

export const savePlanSchema = z
  .object({
    householdId: z.string().uuid({ message: messageKey("validation.invalidId") }),
    year: numberInput(
      numberType()
        .int({ message: messageKey("validation.integer") })
        .min(2014, { message: messageKey("validation.unknownValue") })
        .max(2100, { message: messageKey("validation.tooLarge") }),
    ),
    /** the version read; absent: no plan for the year yet */
    baseVersion: versionInput.optional(),
    mainCause: z.preprocess(blankToUndefined, cause.optional()),
    secondaryCauses: z.preprocess(list, z.array(cause).max(POVERTY_CAUSES.length, { message: messageKey("validation.tooMany") })),
    expectedIncome: moneyInput(10_000_000),
    measureIds: z.preprocess(
      list,
      z.array(z.string().uuid({ message: messageKey("validation.invalidId") })).max(50, { message: messageKey("validation.tooMany") }),
    ),
    /** one step a line; a kept step keeps its progress */
    items: z.preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(/\r?\n/)
              .map((s) => s.trim())
              .filter(Boolean)
          : (v ?? []),
      z
        .array(
          plain(
            z
              .string()
              .trim()
              .min(1, { message: messageKey("validation.required") })
              .max(200, { message: messageKey("validation.tooLong") }),
          ),
        )
        .max(MAX_PLAN_ITEMS, { message: messageKey("validation.tooMany") }),
    ),
    note: z.preprocess(
      blankToUndefined,
      plain(
        z
          .string()
          .trim()
          .max(1000, { message: messageKey("validation.tooLong") }),
      ).optional(),
    ),
  })
  .strict();
export type SavePlanInput = z.output<typeof savePlanSchema>;
