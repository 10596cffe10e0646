import { chinaDay } from "@/lib/domain/china-time";

// "Today" in the registry's time zone (Asia/Shanghai), as YYYY-MM-DD. JINGZHUN_TODAY pins it
// for demos and tests.
export function today(now = new Date()): string {
  const pinned = process.env.JINGZHUN_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return chinaDay(now);
}

export function currentYear(now = new Date()): number {
  return Number(today(now).slice(0, 4));
}

/** First day of the month of `date` (YYYY-MM-DD). */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function dateOnly(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
