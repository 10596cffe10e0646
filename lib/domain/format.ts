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

/** Quantities such as litres or metres: up to 2 decimals, trailing zeros dropped. */
export function formatQuantity(value: number): string {
  const sign = value < 0 ? "-" : "";
  const fixed = Math.abs(value)
    .toFixed(2)
    .replace(/\.?0+$/, "");
  const [whole = "0", frac] = fixed.split(".");
  return `${sign}${groupThousands(whole)}${frac ? `.${frac}` : ""}`;
}

/** English noun with count: plural("child", "children", 2) -> "2 children". */
export function countEn(n: number, singular: string, pluralForm: string): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
