/**
 * Calendar arithmetic on ISO dates ("YYYY-MM-DD" strings, no time zones):
 * day counts, month steps, weekdays and working days. Pure.
 *
 * Working days follow a WORK CALENDAR passed in as data: Monday to Friday, except the
 * statutory holidays the State Council publishes each year, plus the weekend days it swaps
 * into working days (调休上班). The calendar also says which years it holds; a count that runs
 * through a year it does not hold is counted Monday to Friday there and names that year
 * (`uncoveredYears`), so the page showing the deadline can say so — never silently.
 *
 * Every count is arithmetic: weekdays by a closed formula, the calendar's exceptions by binary
 * search, the n-th working day by bisection. Time and memory are bounded by the size of the
 * calendar, never by n (a deadline of a billion working days is refused at once, as beyond
 * the year 9999).
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

// ───────────────────────── the work calendar ─────────────────────────

export type CalendarDayKind = "holiday" | "workday";

export interface CalendarDayData {
  date: string;
  /** holiday: off work (a weekday off, or a weekend day inside the holiday period); workday: a weekend day worked (调休上班) */
  kind: CalendarDayKind;
}

export interface WorkCalendarData {
  /** the years whose schedule is loaded */
  years: readonly number[];
  days: readonly CalendarDayData[];
}

/** A work calendar ready for counting (build it with workCalendar). */
export interface WorkCalendar {
  readonly years: ReadonlySet<number>;
  /** holidays that fall Monday to Friday (the only ones that change a count), ascending day numbers */
  readonly offWeekdays: Int32Array;
  /** make-up working days that fall on a Saturday or Sunday, ascending day numbers */
  readonly workWeekends: Int32Array;
}

/**
 * Builds a calendar from its rows. A date listed twice is refused. A "workday" on a weekday or
 * a "holiday" on a weekend day is kept as data but changes no count (it is one anyway).
 */
export function workCalendar(data: WorkCalendarData): WorkCalendar {
  const seen = new Set<number>();
  const off: number[] = [];
  const work: number[] = [];
  for (const d of data.days) {
    const n = toDayNumber(d.date);
    if (seen.has(n)) throw new RangeError(`calendar lists ${d.date} twice`);
    seen.add(n);
    const weekday = weekdayOf(n) <= 5;
    if (d.kind === "holiday" && weekday) off.push(n);
    else if (d.kind === "workday" && !weekday) work.push(n);
  }
  for (const y of data.years) mustBeInteger(y, "calendar year");
  return {
    years: new Set(data.years),
    offWeekdays: Int32Array.from(off.sort((a, b) => a - b)),
    workWeekends: Int32Array.from(work.sort((a, b) => a - b)),
  };
}

/** No holidays, no make-up days, no year loaded: Monday to Friday, every year flagged. */
export const WEEKDAYS_ONLY: WorkCalendar = workCalendar({ years: [], days: [] });

/** How many values of the sorted array are <= x. */
function countUpTo(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Monday 1970-01-05 is day 4. Weekdays (Monday to Friday) in [base, x], extended to all x as a prefix count. */
function weekdayPrefix(x: number): number {
  const t = x - 4;
  const q = Math.floor(t / 7);
  const r = t - 7 * q; // 0 = Monday … 6 = Sunday
  return 5 * q + Math.min(r + 1, 5);
}

/** Working days in (a, b] by day number (0 when b <= a). */
function countWorking(a: number, b: number, cal: WorkCalendar): number {
  if (b <= a) return 0;
  const weekdays = weekdayPrefix(b) - weekdayPrefix(a);
  const off = countUpTo(cal.offWeekdays, b) - countUpTo(cal.offWeekdays, a);
  const work = countUpTo(cal.workWeekends, b) - countUpTo(cal.workWeekends, a);
  return weekdays - off + work;
}

const LAST_DAY = 2932896; // 9999-12-31

/** A working day by the calendar: Monday to Friday unless a holiday; a weekend day when made a working day. */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const n = toDayNumber(date);
  return countWorking(n - 1, n, cal) === 1;
}

/**
 * The date on which the n-th working day after `date` falls. The start date
 * itself never counts, even when it is a working day; n = 0 returns `date`.
 * Received on a Friday with 5 working days: due the next Friday (no holiday between);
 * received on 2025-09-30 with 5: due 2025-10-14 (National Day, and the make-up Saturday
 * 2025-10-11 counted). Beyond the year 9999: RangeError, at once.
 */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  mustBeInteger(n, "working days");
  if (n < 0) throw new RangeError(`working days must not be negative: ${n}`);
  const start = toDayNumber(date);
  if (n === 0) return date;
  // at least n working days lie in (start, LAST_DAY] or the answer is out of range
  if (n > LAST_DAY - start || countWorking(start, LAST_DAY, cal) < n) {
    throw new RangeError(`date out of range: ${n} working days after ${date} is after 9999-12-31`);
  }
  // the smallest d with countWorking(start, d) >= n: the count rises by one on each working
  // day only, so that d is the n-th working day. Bisection over (start, LAST_DAY].
  let lo = start + 1;
  let hi = LAST_DAY;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (countWorking(start, mid, cal) >= n) hi = mid;
    else lo = mid + 1;
  }
  return fromDayNumber(lo);
}

/** Working days after `from` up to and including `to` (0 when to <= from). */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  return countWorking(toDayNumber(from), toDayNumber(to), cal);
}

/** The years of the days after `from` up to and including `to` that the calendar does not hold. */
export function uncoveredYears(from: string, to: string, cal: Pick<WorkCalendar, "years">): number[] {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b <= a) return [];
  const out: number[] = [];
  for (let y = Number(fromDayNumber(a + 1).slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!cal.years.has(y)) out.push(y);
  return out;
}

/** A deadline, and the years it was counted through without a loaded calendar (Monday to Friday there). */
export interface Deadline {
  due: string;
  uncoveredYears: number[];
}

/** The n-th working day after `start`, flagged when the count ran through a year with no calendar. */
export function workingDeadline(start: string, n: number, cal: WorkCalendar): Deadline {
  const due = addWorkingDays(start, n, cal);
  return { due, uncoveredYears: uncoveredYears(start, due, cal) };
}

/**
 * A time limit counted in calendar days (start + days) or working days (by the calendar). A
 * calendar-day limit needs no calendar and is never flagged. For the monitoring time limits
 * (a lead decided within the policy's days of being raised).
 */
export function timeLimitDeadline(start: string, limit: { days: number; unit: "calendar" | "working" }, cal: WorkCalendar): Deadline {
  if (limit.unit === "working") return workingDeadline(start, limit.days, cal);
  mustBeInteger(limit.days, "days");
  if (limit.days < 0) throw new RangeError(`days must not be negative: ${limit.days}`);
  return { due: addDays(start, limit.days), uncoveredYears: [] };
}

/**
 * Deadline for answering a help request or a reported problem: the policy's
 * working days (5 by default) after the day it was received, by the work calendar.
 */
export function responseDeadline(receivedOn: string, policy: Pick<PolicyValues, "leadResponseWorkingDays">, cal: WorkCalendar): Deadline {
  return workingDeadline(receivedOn, policy.leadResponseWorkingDays, cal);
}
