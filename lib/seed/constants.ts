/** Fixed facts of the demo data set. */

export const PROVINCE_ID = "52";
export const CITY_ID = "5206";
export const WANSHAN_ID = "520603";
export const BIJIANG_ID = "520602";
export const HUANGDAO_ID = "520603201";
export const DANYANG_ID = "520603201200";
export const WANGJIA_ID = "520603004003";

/** Assessment year and date of the seeded assessments (the 2020 line carried forward). */
export const SEED_YEAR = 2026;
export const SEED_AS_OF = "2026-06-30";
/** "Today" in the demo: visits are spread over the twelve months up to it. */
export const DEFAULT_TODAY = "2026-11-28";

export const DEMO_PASSWORD = "Jingzhun@2026";

/** YYYY-MM-DD → Date at midnight UTC (how @db.Date values travel). */
export function day(iso: string): Date {
  const d = new Date(`${iso}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`bad date ${iso}`);
  return d;
}

/** A moment on a Chinese calendar day: YYYY-MM-DD at hh:mm China time (UTC+8). */
export function chinaTime(iso: string, hour: number, minute = 0): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), hour - 8, minute));
}

export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOf(new Date(day(iso).getTime() + days * 86_400_000));
}

/** A random-looking but reproducible day between two dates (inclusive), from r in [0,1). */
export function dayBetween(from: string, to: string, r: number): string {
  const a = day(from).getTime();
  const b = day(to).getTime();
  const span = Math.round((b - a) / 86_400_000);
  return addDays(from, Math.floor(r * (span + 1)));
}
