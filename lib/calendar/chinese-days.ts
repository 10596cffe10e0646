// The State Council's holiday schedules (国务院办公厅 部分节假日安排) as the `chinese-days` package
// carries them (MIT; updated when a schedule is published): every date off work in a holiday
// period (weekend days inside it included) and every weekend day worked in exchange (调休上班).
// The work calendar table is seeded from this (migration 20261204140000_work_calendar, for
// the years the package covered then); an admin loads a later year from here when a newer
// package carries it, or types it from the published notice (管理 → 节假日).
import data from "chinese-days/dist/chinese-days.json";
import pkg from "chinese-days/package.json";
import type { CalendarDayKind } from "@/lib/domain/working-days";

export interface SourceDay {
  date: string;
  kind: CalendarDayKind;
  /** the holiday's Chinese name, e.g. 国庆节 */
  name: string;
}

/** "National Day,国庆节,3" → "国庆节" */
function holidayName(text: string): string {
  const parts = text.split(",");
  return (parts[1] ?? parts[0] ?? "").trim() || "节假日";
}

export const CHINESE_DAYS_SOURCE = `chinese-days ${pkg.version}`;

/** Every year the package has a schedule for, ascending. */
export function chineseDaysYears(): number[] {
  const years = new Set<number>();
  for (const date of Object.keys(data.holidays)) years.add(Number(date.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

/** The package's days (of one year, or all), sorted by date. */
export function chineseDaysFor(year?: number): SourceDay[] {
  const out: SourceDay[] = [];
  const take = (table: Record<string, string>, kind: CalendarDayKind) => {
    for (const [date, text] of Object.entries(table)) {
      if (year === undefined || date.startsWith(`${year}-`)) out.push({ date, kind, name: holidayName(text) });
    }
  };
  take(data.holidays, "holiday");
  take(data.workdays, "workday");
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The whole package as a work calendar's data (every year it covers counted as loaded). */
export function chineseDaysCalendar(): { years: number[]; days: SourceDay[] } {
  return { years: chineseDaysYears(), days: chineseDaysFor() };
}
