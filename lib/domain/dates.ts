/** ISO calendar dates (YYYY-MM-DD) as plain strings; no time zones involved. Pure. */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses "YYYY-MM-DD" into a real calendar date, or null (e.g. "2021-02-29"). */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

function mustParse(text: string, what: string): CalendarDate {
  const d = parseIsoDate(text);
  if (d === null) throw new RangeError(`${what} is not a valid YYYY-MM-DD date: ${text}`);
  return d;
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareIsoDates(a: string, b: string): number {
  const x = mustParse(a, "date");
  const y = mustParse(b, "date");
  return x.year - y.year || x.month - y.month || x.day - y.day;
}

/**
 * Age in full years on `asOf`. The birthday itself counts (16 from the 16th
 * birthday). Someone born on 29 February turns a year older on 1 March in
 * non-leap years. Negative if born after `asOf`.
 */
export function ageOn(birthDate: string, asOf: string): number {
  const b = mustParse(birthDate, "birthDate");
  const a = mustParse(asOf, "asOf");
  const beforeBirthday = a.month < b.month || (a.month === b.month && a.day < b.day);
  return a.year - b.year - (beforeBirthday ? 1 : 0);
}
