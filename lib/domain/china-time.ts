// Dates and times as the registry shows them: in China's time zone (Asia/Shanghai), whatever the
// server's or the phone's own zone. The one place a moment becomes a calendar day or a clock time.
// Pure: Intl only (no clock read here; lib/clock.ts reads "now").

export const CHINA_TIME_ZONE = "Asia/Shanghai";

/** A moment in China's time zone, with the locale and fields given. */
export function formatInChina(d: Date, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: CHINA_TIME_ZONE }).format(d);
}

/** The calendar day in China of a moment, YYYY-MM-DD (2026-12-04). */
export function chinaDay(d: Date): string {
  return formatInChina(d, "en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
}

/** Day and minute in China, YYYY-MM-DD HH:MM (2026-12-04 20:03). */
export function chinaMinute(d: Date): string {
  return formatInChina(d, "sv-SE", { dateStyle: "short", timeStyle: "short" });
}

/** Day and second in China, YYYY-MM-DD HH:MM:SS (2026-12-04 20:03:59): the audit history's timestamps. */
export function chinaSecond(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** Day and minute in China, as Chinese readers write it: 2026/12/04 20:03. */
export function chinaDateTime(d: Date): string {
  return formatInChina(d, "zh-CN", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
}

/** The clock time in China, as Chinese readers write it: 20:03:59 (when a phone fixed its location). */
export function chinaClock(d: Date): string {
  return formatInChina(d, "zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
}

/** Month, day and minute in China, as Chinese readers write it: 12/04 20:03 (the phone's outbox, this year's items). */
export function chinaMonthDayMinute(d: Date): string {
  return formatInChina(d, "zh-CN", { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
}
