// Codes, IDs and numbers as people type them: nothing is fixed up silently. A zero-width space
// or a byte-order mark (pasted from a chat or a spreadsheet) would be trimmed away by .trim() or
// Number() without anyone knowing, or kept inside a code that then looks like another one; a
// full-width digit (typed with a Chinese input method) is not a digit to a regex. Each is
// refused on its field with a message that says what to correct. Numbers are decimal text or a
// number: a blank, null, a boolean or an array is never read as 0 or 1.
// Pure: imported by client components, so nothing from Prisma, Next or the data layer.
import { z } from "zod";
import { messageKey, type MessageKey } from "@/i18n/keys";
import { chinaDay } from "@/lib/domain/china-time";

/** Characters that do not show: zero-width space/joiners, marks, separators, word joiner, BOM, soft hyphen, bidi controls. */
export const INVISIBLE = /[\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF\u00AD\u180E]/;
/** Full-width forms (０-９, Ａ-Ｚ, ＋, －, ．…) and the ideographic space an input method types. */
export const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** The largest value of a 4-byte integer column (versions, counts, metres). */
export const INT4_MAX = 2_147_483_647;

/** The message key for what is hidden in `s`, or null when it is plain. */
export function hiddenProblem(s: string): "validation.invisibleChars" | "validation.fullWidth" | null {
  if (INVISIBLE.test(s)) return messageKey("validation.invisibleChars");
  if (FULL_WIDTH.test(s)) return messageKey("validation.fullWidth");
  return null;
}

/** A code, ID or number typed as text: refused on its field (and nothing else checked) when it hides characters. */
export function plain<T extends z.ZodString>(s: T): T {
  return s
    .refine((v) => !INVISIBLE.test(v), { message: messageKey("validation.invisibleChars"), abort: true })
    .refine((v) => !FULL_WIDTH.test(v), { message: messageKey("validation.fullWidth"), abort: true }) as T;
}

interface NumberOptions {
  /** what "" (a cleared field) becomes; without it a blank is refused with `required` */
  blank?: null | undefined;
  /** message keys, for schemas whose messages live in another namespace */
  required?: string;
  number?: string;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A number from a form (text) or a client (number), checked by `inner` (a z.number() with its
 * range). Only decimal notation: no hex, no exponent, no invisible or full-width characters.
 */
export function numberInput<T extends z.ZodType>(inner: T, options: NumberOptions = {}) {
  const required = options.required ?? messageKey("validation.required");
  const notNumber = options.number ?? messageKey("validation.number");
  return z.preprocess((v, ctx) => {
    if (typeof v === "number" || v === undefined || v === null) return v;
    if (typeof v !== "string") {
      ctx.addIssue({ code: "custom", message: notNumber, input: v });
      return z.NEVER;
    }
    const hidden = hiddenProblem(v);
    if (hidden) {
      ctx.addIssue({ code: "custom", message: hidden, input: v });
      return z.NEVER;
    }
    const s = v.trim();
    if (s === "") {
      if ("blank" in options) return options.blank;
      ctx.addIssue({ code: "custom", message: required, input: v });
      return z.NEVER;
    }
    if (!DECIMAL.test(s)) {
      ctx.addIssue({ code: "custom", message: notNumber, input: v });
      return z.NEVER;
    }
    return Number(s);
  }, inner);
}

/** z.number() whose type error says "required" for a missing value and "not a number" otherwise. */
export function numberType(required = messageKey("validation.required"), notNumber = messageKey("validation.number")) {
  return z.number({ error: (issue) => (issue.input === undefined || issue.input === null ? required : notNumber) });
}

/** The version a form was loaded with (optimistic concurrency): a positive integer that fits the column. */
export const versionInput = numberInput(
  numberType()
    .int({ message: messageKey("validation.integer") })
    .min(1, { message: messageKey("validation.positive") })
    .max(INT4_MAX, { message: messageKey("validation.tooLarge") }),
);

/**
 * Text the database cannot keep as typed: a NUL character (PostgreSQL refuses it) or half of a
 * surrogate pair (it would be replaced by U+FFFD). No keyboard types either; a crafted request
 * can, in any field or key.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted paths of every string (value or key) in an input that the database cannot store; "_form" for the input itself. */
export function unstorableText(value: unknown, path: (string | number)[] = [], out: string[] = [], depth = 0): string[] {
  const here = () => path.map(String).join(".") || "_form";
  if (typeof value === "string") {
    if (UNSTORABLE.test(value)) out.push(here());
  } else if (typeof File !== "undefined" && value instanceof File) {
    if (UNSTORABLE.test(value.name)) out.push(here()); // a file's name is kept (evidence lists, audit events)
  } else if (Array.isArray(value)) {
    if (depth < 32) value.forEach((v, i) => unstorableText(v, [...path, i], out, depth + 1));
  } else if (
    value !== null &&
    typeof value === "object" &&
    !(typeof Blob !== "undefined" && value instanceof Blob) &&
    !(value instanceof Date)
  ) {
    for (const [k, v] of Object.entries(value)) {
      if (UNSTORABLE.test(k)) out.push([...path, k].map(String).join("."));
      else if (depth < 32) unstorableText(v, [...path, k], out, depth + 1);
    }
  }
  return out;
}

/** Today's date in China (YYYY-MM-DD): the registry's calendar day. */
export function chinaToday(now = new Date()): string {
  return chinaDay(now);
}

/**
 * A real calendar date written YYYY-MM-DD, in 1900–2100: 2024-02-30 is refused (it used to be
 * stored as 03-01 while the audit said 02-30), so is year 0000 (#16.10).
 */
export function realDate(required: MessageKey = messageKey("validation.required")) {
  return z
    .string({ message: required })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: messageKey("validation.invalidDate"), abort: true })
    .refine(
      (s) => {
        const y = Number(s.slice(0, 4));
        const d = new Date(`${s}T00:00:00Z`);
        return y >= 1900 && y <= 2100 && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
      },
      { message: messageKey("validation.invalidDate"), abort: true },
    );
}

/** A birth date: a real date, not after today. */
export const birthDate = () => realDate().refine((s) => s <= chinaToday(), { message: messageKey("validation.futureDate") });

/** At most two decimals (fen): 12.345 is refused, not rounded silently (#16.10). */
export const atMostCents = (v: number | null | undefined): boolean =>
  v === null || v === undefined || Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

/** A cleared field ("" or only spaces) reads as absent: for `z.preprocess(blankToUndefined, x.optional())`. */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** An id a form made or was given (any UUID layout); anything else is an unknown value. */
export const uuidText = () =>
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: messageKey("validation.unknownValue") });

/** Text that must be given: trimmed, not blank, at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .string({ message: messageKey("validation.required") })
    .trim()
    .min(1, { message: messageKey("validation.required") })
    .max(max, { message: messageKey("validation.tooLong") });

/** A checkbox: "on" (or true) ticked, absent or "false" not; anything else is refused, not read as "no". */
export const checkbox = z.preprocess(
  (v) =>
    v === "on" || v === "true" || v === true
      ? true
      : v === undefined || v === "" || v === "off" || v === "false" || v === false
        ? false
        : v,
  z.boolean({ message: messageKey("validation.unknownValue") }),
);

/** An amount of money in yuan: not negative, at most `max`, at most fen. */
export const moneyInput = (max: number) =>
  numberInput(
    numberType()
      .min(0, { message: messageKey("validation.nonNegative") })
      .max(max, { message: messageKey("validation.tooLarge") })
      .refine(atMostCents, { message: messageKey("validation.cents") }),
  );
