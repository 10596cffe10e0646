/**
 * One CSV cell → a value, or the rule it breaks (docs/import-format.md "Values"). Pure.
 * Cells arrive trimmed; "" means empty (the caller applies the column's default).
 */

export type Params = Record<string, string | number>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; rule: string; params?: Params };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (rule: string, params?: Params): Parsed<never> => ({ ok: false, rule, params });

/** Characters as a person counts them (code points, so 𠀀 is one). */
export function charLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--; // a surrogate pair counts once
  }
  return n;
}

export function text(raw: string, min: number, max: number): Parsed<string> {
  if (raw === "") return min > 0 ? bad("required") : ok("");
  const n = charLength(raw);
  if (n > max) return bad("too_long", { max, length: n });
  if (n < min) return bad("too_short", { min });
  return ok(raw);
}

const TRUE = new Set(["1", "true", "是"]);
const FALSE = new Set(["0", "false", "否"]);

export function bool(raw: string): Parsed<boolean> {
  const v = raw.toLowerCase();
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return bad("boolean");
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD, a real date from 1900, not after `today` (YYYY-MM-DD). */
export function date(raw: string, today: string): Parsed<string> {
  const m = DATE.exec(raw);
  if (!m) return bad("date");
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return bad("date");
  if (raw > today) return bad("future_date", { today });
  return ok(raw);
}

const AMOUNT = /^\d+(\.\d+)?$/;

/**
 * Yuan: digits, at most two decimals, no sign, no thousands separators, below `limit`.
 * Returned as the text written (exact: it goes to a numeric column unchanged).
 */
export function amount(raw: string, limit = 10_000_000_000): Parsed<string> {
  if (raw.startsWith("-")) return AMOUNT.test(raw.slice(1)) ? bad("amount_negative") : bad("amount");
  if (!AMOUNT.test(raw)) return bad("amount");
  const dot = raw.indexOf(".");
  if (dot !== -1 && raw.length - dot - 1 > 2) return bad("amount_decimals");
  if (Number(raw) >= limit) return bad("amount_too_large", { max: limit });
  return ok(raw);
}

/** A whole number in [min, max]. */
export function integer(raw: string, min: number, max: number): Parsed<number> {
  if (!/^-?\d+$/.test(raw)) return bad("integer");
  const n = Number(raw);
  if (n < min || n > max) return bad("integer_range", { min, max });
  return ok(n);
}

/** One of `values` (by its English value, or a Chinese label where the contract gives one). */
export function oneOf<T extends string>(raw: string, values: readonly T[], labels?: Readonly<Record<string, T>>): Parsed<T> {
  if ((values as readonly string[]).includes(raw)) return ok(raw as T);
  const byLabel = labels?.[raw];
  if (byLabel) return ok(byLabel);
  return bad("enum", { allowed: values.join(", ") });
}

export function phone(raw: string): Parsed<string> {
  if (!/^[0-9+\- ]+$/.test(raw)) return bad("phone");
  if (raw.length > 20) return bad("too_long", { max: 20, length: raw.length });
  return ok(raw);
}
