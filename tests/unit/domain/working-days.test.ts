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
  toDayNumber,
  workingDaysBetween,
} from "@/lib/domain/working-days";

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
  it("Monday to Friday are working days; no holiday calendar (1 October is just a weekday)", () => {
    expect(isWorkingDay("2026-12-04")).toBe(true);
    expect(isWorkingDay("2026-12-05")).toBe(false);
    expect(isWorkingDay("2026-12-06")).toBe(false);
    expect(isWorkingDay("2026-10-01")).toBe(true); // National Day, Thursday: counted as a working day
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
    expect(addWorkingDays(d, n)).toBe(want);
  });

  it("policy leadResponseWorkingDays", () => {
    expect(responseDeadline("2026-12-04", { leadResponseWorkingDays: 5 })).toBe("2026-12-11");
  });

  it("rejects negative or fractional counts", () => {
    expect(() => addWorkingDays("2026-12-04", -1)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-12-04", 0.5)).toThrow(RangeError);
  });

  it("properties: lands on a working day, counts exactly n, and is monotone", () => {
    const date = fc.integer({ min: toDayNumber("2020-01-01"), max: toDayNumber("2030-12-31") }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const due = addWorkingDays(d, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(d, due)).toBe(n);
        expect(workingDaysBetween(d, addDays(due, -1))).toBe(n - 1);
        expect(daysBetween(d, due)).toBeGreaterThanOrEqual(n);
        expect(daysBetween(d, due)).toBeLessThanOrEqual(Math.floor(((n - 1) / 5) * 7) + 3 + 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("workingDaysBetween", () => {
  it("excludes the start, includes the end", () => {
    expect(workingDaysBetween("2026-12-04", "2026-12-07")).toBe(1);
    expect(workingDaysBetween("2026-11-30", "2026-12-06")).toBe(4);
    expect(workingDaysBetween("2026-12-07", "2026-12-04")).toBe(0);
  });
});
