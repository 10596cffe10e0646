/**
 * Resident teams (驻村工作队) and first secretaries (第一书记): the rules their records are read
 * against. Pure.
 *
 *   days in the village     0 … the month's own number of days (February 28 or 29)
 */

/** The number of days of a month ("YYYY-MM"): leap Februaries included. */
export function daysInMonth(month: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`month must be YYYY-MM: ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) throw new RangeError(`month must be 01–12: ${month}`);
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
