/**
 * Calendar arithmetic on ISO dates ("YYYY-MM-DD" strings, no time zones):
 * day counts, month steps, weekdays and working days. Pure.
 *
 * Working days are Monday to Friday. There is NO holiday calendar: the
 * statutory holidays and the weekend days that the State Council swaps into
 * working days (调休) are not known here, so a deadline that runs over a
 * holiday is earlier than the one the office will actually keep. A holiday
 * table can be added as policy data later; until then the deadline errs on
 * the strict side.
 */
import { daysInMonth, parseIsoDate, type CalendarDate } from "./dates";
import type { PolicyValues } from "./policy";

function mustParse(text: string, what: string): CalendarDate {
  const d = parseIsoDate(text);
  if (d === null) throw new RangeError(`${what} is not a valid YYYY-MM-DD date: ${text}`);
  return d;
}

function mustBeInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer: ${n}`);
}

/** Days since 1970-01-01 (negative before), proleptic Gregorian calendar. */
export function toDayNumber(date: string): number {
  const { year, month, day } = mustParse(date, "date");
  // H. Hinnant's days_from_civil
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber. Years 0000 to 9999 only (the ISO format has four digits). */
export function fromDayNumber(dayNumber: number): string {
  mustBeInteger(dayNumber, "day number");
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`date out of range: year ${year}`);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** date + n calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  mustBeInteger(n, "days");
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * date + n calendar months (n may be negative). When the target month is
 * shorter the day is clamped to its last day: 2026-08-31 - 6 months = 2026-02-28.
 */
export function addMonths(date: string, n: number): string {
  mustBeInteger(n, "months");
  const { year, month, day } = mustParse(date, "date");
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 0 || y > 9999) throw new RangeError(`date out of range: year ${y}`);
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  return weekdayOf(toDayNumber(date));
}

function weekdayOf(dayNumber: number): number {
  // 1970-01-01 (day 0) was a Thursday (4)
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Monday to Friday (no holiday calendar; see the module note). */
export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5;
}

/**
 * The date on which the n-th working day after `date` falls. The start date
 * itself never counts, even when it is a working day; n = 0 returns `date`.
 * A request made on Friday with 5 working days is due the next Friday; one
 * made on Saturday or Sunday is due the Friday after (Mon..Fri).
 */
export function addWorkingDays(date: string, n: number): string {
  mustBeInteger(n, "working days");
  if (n < 0) throw new RangeError(`working days must not be negative: ${n}`);
  let day = toDayNumber(date);
  let left = n;
  while (left > 0) {
    day += 1;
    if (weekdayOf(day) <= 5) left -= 1;
  }
  return fromDayNumber(day);
}

/** Working days after `from` up to and including `to` (0 when to <= from). */
export function workingDaysBetween(from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (weekdayOf(d) <= 5) count++;
  return count;
}

/**
 * Deadline for answering a help request or a reported problem: the policy's
 * working days (5 by default) after the day it was received.
 */
export function responseDeadline(
  receivedOn: string,
  policy: Pick<PolicyValues, "leadResponseWorkingDays">,
): string {
  return addWorkingDays(receivedOn, policy.leadResponseWorkingDays);
}
