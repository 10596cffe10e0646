/**
 * The work calendar's admin forms (管理 → 节假日): one schema per form, shared by the form and
 * its action. Messages are full message keys (validation.…, admin.…).
 * Pure: imported by client components.
 */
import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";
import { isoWeekday } from "@/lib/domain/working-days";
import { INVISIBLE, numberInput, numberType, plain } from "./plain-text";
import { messageKey } from "@/i18n/keys";

/** Years an admin may keep a calendar for. */
export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2100;

export const CALENDAR_DAY_KINDS = ["holiday", "workday"] as const;

const yearField = numberInput(
  numberType()
    .int({ error: messageKey("validation.integer") })
    .min(CALENDAR_YEAR_MIN, { error: messageKey("admin.calendar.v.yearRange") })
    .max(CALENDAR_YEAR_MAX, { error: messageKey("admin.calendar.v.yearRange") }),
);

const dateField = plain(z.string({ error: messageKey("validation.required") }))
  .trim()
  .refine(isIsoDate, { error: messageKey("validation.invalidDate"), abort: true })
  .refine(
    (s) => {
      const y = Number(s.slice(0, 4));
      return y >= CALENDAR_YEAR_MIN && y <= CALENDAR_YEAR_MAX;
    },
    { error: messageKey("admin.calendar.v.yearRange") },
  );

/** Text shown as typed: invisible and control characters refused (never trimmed away silently). */
const visible = (s: string) => !INVISIBLE.test(s) && !/[\u0000-\u001f\u007f]/.test(s);

const text = (max: number) =>
  z
    .string({ error: messageKey("validation.required") })
    .refine(visible, { error: messageKey("validation.invisibleChars"), abort: true })
    .trim()
    .min(1, { error: messageKey("validation.required") })
    .max(max, { error: messageKey("validation.tooLong") });

export const setCalendarDaySchema = z
  .object({
    date: dateField,
    kind: z.enum(CALENDAR_DAY_KINDS, { error: messageKey("validation.unknownValue") }),
    /** the holiday's name, e.g. 国庆节 */
    name: text(20),
  })
  .strict()
  .superRefine((v, ctx) => {
    // a make-up working day is a Saturday or Sunday worked; a weekday is one already
    if (v.kind === "workday" && isIsoDate(v.date) && isoWeekday(v.date) <= 5) {
      ctx.addIssue({ code: "custom", path: ["date"], message: messageKey("admin.calendar.v.workdayOnWeekend") });
    }
  });

export const removeCalendarDaySchema = z.object({ date: dateField }).strict();

export const publishCalendarYearSchema = z
  .object({
    year: yearField,
    /** "package": load the bundled chinese-days data; "manual": the days were entered by hand */
    mode: z.enum(["package", "manual"], { error: messageKey("validation.unknownValue") }),
    /** the published notice the days were typed from (manual): the year's recorded source */
    notice: z
      .string({ error: messageKey("validation.required") })
      .refine(visible, { error: messageKey("validation.invisibleChars"), abort: true })
      .trim()
      .max(200, { error: messageKey("validation.tooLong") })
      .optional()
      .default(""),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.mode === "manual" && !v.notice)
      ctx.addIssue({ code: "custom", path: ["notice"], message: messageKey("admin.calendar.v.sourceRequired") });
  });

export const withdrawCalendarYearSchema = z.object({ year: yearField }).strict();

export type SetCalendarDayInput = z.output<typeof setCalendarDaySchema>;
