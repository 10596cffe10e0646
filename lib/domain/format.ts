/** Number formatting for reasons: thousands separators, no locale dependency. */
import { type Cents } from "./money";

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 375000 -> "3,750"; 399999 -> "3,999.99"; -12345 -> "-123.45". */
export function formatCents(cents: Cents): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const head = groupThousands(String(whole));
  return frac === 0 ? `${sign}${head}` : `${sign}${head}.${String(frac).padStart(2, "0")}`;
}

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formatters.get(key);
  // zh-CN and en group and point alike ("1,234.5"); the decimal is rounded as written (23.645 -> 23.65)
  if (!f) formatters.set(key, (f = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/**
 * Counts, yuan and quantities such as litres or metres, as every page shows them: thousands
 * separators, up to `digits` decimals (2 unless said), trailing zeros dropped. 1234 -> "1,234";
 * 1234.5 -> "1,234.5". The one number formatter of the pages (they had a local copy each).
 */
export function formatQuantity(value: number, digits = 2): string {
  return numberFormat(0, digits).format(value);
}

/** An amount with exactly `digits` decimals (2 unless said), as printed records show yuan: 28600 -> "28,600.00". */
export function formatFixed(value: number, digits = 2): string {
  return numberFormat(digits, digits).format(value);
}

/** English noun with count: plural("child", "children", 2) -> "2 children". */
export function countEn(n: number, singular: string, pluralForm: string): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
