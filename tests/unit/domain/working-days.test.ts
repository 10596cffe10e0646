import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addWorkingDays,
  daysBetween,
  fromDayNumber,
  isoWeekday,
  isWorkingDay,
  responseDeadline,
  timeLimitDeadline,
  toDayNumber,
  uncoveredYears,
  workCalendar,
  workingDaysBetween,
  workingDeadline,
  WEEKDAYS_ONLY,
  type WorkCalendar,
} from "@/lib/domain/working-days";
import { chineseDaysCalendar, chineseDaysYears } from "@/lib/calendar/chinese-days";

/** The State Council's schedules as the chinese-days package carries them (2004 to its last year). */
const CN: WorkCalendar = workCalendar(chineseDaysCalendar());
const W = WEEKDAYS_ONLY;

describe("day numbers", () => {
  it("epoch and known dates", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1969-12-31")).toBe(-1);
    expect(toDayNumber("2000-03-01")).toBe(11017);
    expect(fromDayNumber(0)).toBe("1970-01-01");
  });

  it("round-trips and agrees with Date.UTC over four centuries", () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber("1800-01-01"), max: toDayNumber("2400-12-31") }), (n) => {
        const iso = fromDayNumber(n);
        expect(toDayNumber(iso)).toBe(n);
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects impossible dates", () => {
    expect(() => toDayNumber("2026-02-29")).toThrow(RangeError);
    expect(() => toDayNumber("2026-13-01")).toThrow(RangeError);
    expect(() => addDays("2026-01-01", 1.5)).toThrow(RangeError);
  });
});

describe("addDays / daysBetween across month, year and leap boundaries", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"], // not a leap year
    ["2024-02-28", 1, "2024-02-29"], // leap year
    ["2024-02-29", 1, "2024-03-01"],
    ["2000-02-28", 1, "2000-02-29"], // divisible by 400: leap
    ["2100-02-28", 1, "2100-03-01"], // divisible by 100: not leap
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2026-04-30", 0, "2026-04-30"],
  ] as const)("%s %+i -> %s", (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
    expect(daysBetween(d, want)).toBe(n);
  });
});

describe("addMonths clamps to the month's last day", () => {
  it.each([
    ["2026-08-31", -6, "2026-02-28"],
    ["2024-08-31", -6, "2024-02-29"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2026-03-15", -6, "2025-09-15"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2026-07-01", -12, "2025-07-01"],
    ["2026-05-31", -1, "2026-04-30"],
  ] as const)("%s %+i months -> %s", (d, n, want) => {
    expect(addMonths(d, n)).toBe(want);
  });
});

describe("weekdays", () => {
  it("ISO weekday numbers", () => {
    expect(isoWeekday("1970-01-01")).toBe(4); // Thursday
    expect(isoWeekday("2026-11-30")).toBe(1); // Monday
    expect(isoWeekday("2026-12-05")).toBe(6); // Saturday
    expect(isoWeekday("2026-12-06")).toBe(7); // Sunday
    expect(isoWeekday("1969-12-29")).toBe(1); // before the epoch
  });
  it("without a calendar Monday to Friday are working days (1 October is just a weekday)", () => {
    expect(isWorkingDay("2026-12-04", W)).toBe(true);
    expect(isWorkingDay("2026-12-05", W)).toBe(false);
    expect(isWorkingDay("2026-12-06", W)).toBe(false);
    expect(isWorkingDay("2026-10-01", W)).toBe(true);
  });
  it("with the State Council's calendar: holidays are off, make-up Saturdays and Sundays are worked", () => {
    expect(isWorkingDay("2026-10-01", CN)).toBe(false); // National Day, Thursday
    expect(isWorkingDay("2025-10-08", CN)).toBe(false); // last day of the 2025 holiday, Wednesday
    expect(isWorkingDay("2025-10-09", CN)).toBe(true); // first day back
    expect(isWorkingDay("2025-09-28", CN)).toBe(true); // make-up Sunday before National Day 2025
    expect(isWorkingDay("2025-10-11", CN)).toBe(true); // make-up Saturday after it
    expect(isWorkingDay("2025-10-12", CN)).toBe(false); // an ordinary Sunday
    expect(isWorkingDay("2026-02-14", CN)).toBe(true); // make-up Saturday before Spring Festival 2026
    expect(isWorkingDay("2026-02-23", CN)).toBe(false); // Monday, still Spring Festival
    expect(isWorkingDay("2026-02-28", CN)).toBe(true); // make-up Saturday after it
  });
});

describe("addWorkingDays: the 5-working-day deadline", () => {
  // Week of 2026-11-30 (Mon) .. 2026-12-06 (Sun)
  it.each([
    ["2026-11-30", 5, "2026-12-07", "Monday -> next Monday"],
    ["2026-12-02", 5, "2026-12-09", "Wednesday -> next Wednesday"],
    ["2026-12-04", 5, "2026-12-11", "Friday -> next Friday"],
    ["2026-12-05", 5, "2026-12-11", "Saturday -> the Friday after (Mon..Fri)"],
    ["2026-12-06", 5, "2026-12-11", "Sunday -> the Friday after"],
    ["2026-12-04", 1, "2026-12-07", "Friday + 1 -> Monday"],
    ["2026-12-05", 1, "2026-12-07", "Saturday + 1 -> Monday"],
    ["2026-12-03", 2, "2026-12-07", "Thursday + 2 skips the weekend"],
    ["2026-12-05", 6, "2026-12-14", "Saturday + 6 -> the second Monday"],
    ["2026-12-02", 10, "2026-12-16", "two weeks"],
    ["2026-12-31", 5, "2027-01-07", "across the year end (Thursday)"],
    ["2024-02-28", 2, "2024-03-01", "across a leap day (Wed -> Fri)"],
    ["2026-12-05", 0, "2026-12-05", "zero: the day itself"],
  ] as const)("%s + %i -> %s (%s)", (d, n, want, _why) => {
    expect(addWorkingDays(d, n, W)).toBe(want);
    // no holiday falls in these weeks: the State Council's calendar agrees
    expect(addWorkingDays(d, n, CN)).toBe(want);
  });

  it("policy leadResponseWorkingDays", () => {
    expect(responseDeadline("2026-12-04", { leadResponseWorkingDays: 5 }, CN)).toEqual({ due: "2026-12-11", uncoveredYears: [] });
  });

  it("rejects negative or fractional counts", () => {
    expect(() => addWorkingDays("2026-12-04", -1, CN)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-12-04", 0.5, CN)).toThrow(RangeError);
  });

  it("properties: lands on a working day, counts exactly n, and is monotone", () => {
    const date = fc.integer({ min: toDayNumber("2020-01-01"), max: toDayNumber("2030-12-31") }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const due = addWorkingDays(d, n, W);
        expect(isWorkingDay(due, W)).toBe(true);
        expect(workingDaysBetween(d, due, W)).toBe(n);
        expect(workingDaysBetween(d, addDays(due, -1), W)).toBe(n - 1);
        expect(daysBetween(d, due)).toBeGreaterThanOrEqual(n);
        expect(daysBetween(d, due)).toBeLessThanOrEqual(Math.floor(((n - 1) / 5) * 7) + 3 + 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("workingDaysBetween", () => {
  it("excludes the start, includes the end", () => {
    expect(workingDaysBetween("2026-12-04", "2026-12-07", W)).toBe(1);
    expect(workingDaysBetween("2026-11-30", "2026-12-06", W)).toBe(4);
    expect(workingDaysBetween("2026-12-07", "2026-12-04", W)).toBe(0);
  });
  it("with holidays and make-up days", () => {
    // 2025-09-30 (Tue) .. 2025-10-14 (Tue): Oct 1–8 off, Oct 9, 10, 11 (make-up Sat), 13, 14 worked
    expect(workingDaysBetween("2025-09-30", "2025-10-14", CN)).toBe(5);
    expect(workingDaysBetween("2025-09-30", "2025-10-14", W)).toBe(10);
    // the make-up Sunday 2025-09-28 counts; the holiday Wednesday 2025-10-01 does not
    expect(workingDaysBetween("2025-09-27", "2025-09-28", CN)).toBe(1);
    expect(workingDaysBetween("2025-09-30", "2025-10-01", CN)).toBe(0);
  });
});

describe("deadlines across National Day and Spring Festival (issue #23: the State Council's schedules)", () => {
  it.each([
    // National Day 2025: Oct 1–8 off; Sep 28 (Sun) and Oct 11 (Sat) worked
    ["2025-09-30", 5, "2025-10-14", "the fifth working day after National Day, not 2025-10-07"],
    ["2025-09-30", 1, "2025-10-09", "first day back"],
    ["2025-09-30", 3, "2025-10-11", "the make-up Saturday counts"],
    ["2025-09-30", 4, "2025-10-13", "the Sunday after it does not"],
    ["2025-09-26", 1, "2025-09-28", "Friday + 1: the make-up Sunday before the holiday"],
    ["2025-09-26", 3, "2025-09-30", "Friday + 3: Sunday, Monday, Tuesday"],
    ["2025-09-26", 4, "2025-10-09", "Friday + 4 jumps the whole holiday"],
    // Spring Festival 2026: Feb 15–23 off; Feb 14 (Sat) and Feb 28 (Sat) worked
    ["2026-02-13", 5, "2026-02-27", "the fifth working day after Spring Festival, not 2026-02-20"],
    ["2026-02-13", 1, "2026-02-14", "the make-up Saturday before the holiday"],
    ["2026-02-13", 2, "2026-02-24", "first day back"],
    ["2026-02-13", 6, "2026-02-28", "the make-up Saturday after it"],
    ["2026-02-13", 7, "2026-03-02", "then Monday"],
    ["2026-02-14", 1, "2026-02-24", "from the make-up Saturday itself"],
    ["2026-02-20", 1, "2026-02-24", "received during the holiday"],
    // National Day 2026: Oct 1–7 off; Sep 20 (Sun) and Oct 10 (Sat) worked
    ["2026-09-30", 5, "2026-10-13", "National Day 2026"],
  ] as const)("%s + %i working days = %s (%s)", (d, n, want, _why) => {
    expect(addWorkingDays(d, n, CN)).toBe(want);
    expect(workingDeadline(d, n, CN)).toEqual({ due: want, uncoveredYears: [] });
    expect(responseDeadline(d, { leadResponseWorkingDays: n }, CN).due).toBe(want);
    expect(isWorkingDay(want, CN)).toBe(true);
    expect(workingDaysBetween(d, want, CN)).toBe(n);
  });

  it("without the calendar the old, wrong answers (what the issue measured)", () => {
    expect(addWorkingDays("2025-09-30", 5, W)).toBe("2025-10-07");
    expect(addWorkingDays("2026-02-13", 5, W)).toBe("2026-02-20");
  });

  it("properties with the real calendar: lands on a working day, counts exactly n, the day before counts n - 1", () => {
    const last = Math.max(...chineseDaysYears());
    const date = fc.integer({ min: toDayNumber("2004-01-01"), max: toDayNumber(`${last}-11-30`) }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const due = addWorkingDays(d, n, CN);
        expect(isWorkingDay(due, CN)).toBe(true);
        expect(workingDaysBetween(d, due, CN)).toBe(n);
        expect(workingDaysBetween(d, addDays(due, -1), CN)).toBe(n - 1);
        // n working days are n distinct days after the start
        expect(daysBetween(d, due)).toBeGreaterThanOrEqual(n);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with counting day by day (the slow, obvious way) over the whole calendar", () => {
    let d = "2004-01-01";
    let count = 0;
    for (let i = 0; i < 2000; i++) {
      const next = addDays(d, 1);
      if (isWorkingDay(next, CN)) count++;
      d = next;
      expect(workingDaysBetween("2004-01-01", d, CN)).toBe(count);
      if (isWorkingDay(d, CN)) expect(addWorkingDays("2004-01-01", count, CN)).toBe(d);
    }
  });
});

describe("a year with no calendar loaded is flagged, never silently counted as weekdays", () => {
  const only2026 = workCalendar({ years: [2026], days: chineseDaysCalendar().days.filter((x) => x.date.startsWith("2026")) });
  it("names the years the count ran through without a calendar", () => {
    expect(workingDeadline("2026-12-28", 5, only2026)).toEqual({ due: "2027-01-04", uncoveredYears: [2027] });
    expect(workingDeadline("2026-12-21", 5, only2026)).toEqual({ due: "2026-12-28", uncoveredYears: [] });
    // the day received does not count: received on the last day of an unloaded year, due in a loaded one
    expect(workingDeadline("2025-12-31", 1, only2026).uncoveredYears).toEqual([]);
    expect(workingDeadline("2025-12-30", 1, only2026)).toEqual({ due: "2025-12-31", uncoveredYears: [2025] });
    expect(uncoveredYears("2025-06-01", "2028-01-03", only2026)).toEqual([2025, 2027, 2028]);
    expect(uncoveredYears("2026-06-01", "2026-06-01", only2026)).toEqual([]);
  });
  it("the weekdays-only calendar flags every year", () => {
    expect(workingDeadline("2026-12-04", 5, W)).toEqual({ due: "2026-12-11", uncoveredYears: [2026] });
  });
});

describe("deadlines are arithmetic: bounded however large the count (issue #16, point 11)", () => {
  it("a count that runs past the year 9999 is refused at once, not looped day by day", () => {
    expect(() => addWorkingDays("2026-12-04", Number.MAX_SAFE_INTEGER, CN)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-12-04", 1_000_000_000, CN)).toThrow(RangeError);
    expect(() => workingDeadline("2026-12-04", 1_000_000_000, CN)).toThrow(RangeError);
  }, 1000);
  it("a million working days: the same as counting weeks (5 working days in 7)", () => {
    const empty = workCalendar({ years: [], days: [] });
    // 2026-12-07 is a Monday: 5 × 200,000 working days later is 200,000 weeks minus the weekend, a Friday
    expect(addWorkingDays("2026-12-06", 1_000_000, empty)).toBe(addDays("2026-12-06", 7 * 200_000 - 2));
    expect(workingDaysBetween("2026-12-06", addDays("2026-12-06", 7 * 200_000), empty)).toBe(1_000_000);
  }, 1000);
  it("the last representable day", () => {
    expect(addWorkingDays("9999-12-30", 1, W)).toBe("9999-12-31"); // a Friday
    expect(() => addWorkingDays("9999-12-31", 1, W)).toThrow(RangeError);
  });
});

describe("the calendar's data", () => {
  it("refuses a date listed twice", () => {
    expect(() =>
      workCalendar({
        years: [2026],
        days: [
          { date: "2026-10-01", kind: "holiday" },
          { date: "2026-10-01", kind: "workday" },
        ],
      }),
    ).toThrow(RangeError);
  });
  it("a make-up working day on a weekday or a holiday on a weekend changes no count", () => {
    const odd = workCalendar({
      years: [2026],
      days: [
        { date: "2026-12-02", kind: "workday" },
        { date: "2026-12-05", kind: "holiday" },
      ],
    });
    expect(addWorkingDays("2026-12-01", 5, odd)).toBe(addWorkingDays("2026-12-01", 5, W));
  });
  it("the package's data: 2025-10-01 is a holiday, 2025-09-28 a make-up working day", () => {
    const days = new Map(chineseDaysCalendar().days.map((d) => [d.date, d]));
    expect(days.get("2025-10-01")?.kind).toBe("holiday");
    expect(days.get("2025-10-01")?.name).toBe("国庆节");
    expect(days.get("2025-09-28")?.kind).toBe("workday");
    expect(chineseDaysYears()).toContain(2025);
    expect(chineseDaysYears()).toContain(2026);
  });
});

describe("time limits in calendar or working days (monitoring leads)", () => {
  it("15 calendar days / 15 working days", () => {
    expect(timeLimitDeadline("2025-09-30", { days: 15, unit: "calendar" }, CN)).toEqual({ due: "2025-10-15", uncoveredYears: [] });
    expect(timeLimitDeadline("2025-09-30", { days: 15, unit: "working" }, CN)).toEqual({
      due: addWorkingDays("2025-09-30", 15, CN),
      uncoveredYears: [],
    });
    expect(
      timeLimitDeadline("2025-12-30", { days: 15, unit: "calendar" }, workCalendar({ years: [2025], days: [] })).uncoveredYears,
    ).toEqual([]);
  });
});
