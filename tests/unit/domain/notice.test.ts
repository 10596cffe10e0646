import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { noticeDaysFor, noticeDaysLeft, noticeEnd, noticeEnded, noticeEndedOn, noticeState, objectionsOpen } from "@/lib/domain/notice";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { resolvePolicy } from "@/lib/domain/policy";
import { addDays, fromDayNumber, toDayNumber } from "@/lib/domain/working-days";

describe("noticeEnd: posted on D for N days runs through D+N-1 inclusive", () => {
  it.each([
    ["2026-11-29", 7, "2026-12-05", "across a month end"],
    ["2026-12-28", 7, "2027-01-03", "across the year end"],
    ["2024-02-25", 7, "2024-03-02", "leap February (29 days)"],
    ["2026-02-25", 7, "2026-03-03", "common February (28 days)"],
    ["2024-02-29", 5, "2024-03-04", "posted on a leap day, monitoring length"],
    ["2100-02-27", 3, "2100-03-01", "2100 is not a leap year"],
    ["2026-03-01", 1, "2026-03-01", "a one-day notice ends the day it is posted"],
    ["2026-12-31", 5, "2027-01-04", "monitoring notice over new year"],
  ] as const)("%s + %i days -> through %s (%s)", (start, days, end, _why) => {
    expect(noticeEnd(start, days)).toBe(end);
    expect(noticeEndedOn(start, days)).toBe(addDays(end, 1));
  });

  it("rejects non-positive or fractional lengths and bad dates", () => {
    expect(() => noticeEnd("2026-11-29", 0)).toThrow(RangeError);
    expect(() => noticeEnd("2026-11-29", -7)).toThrow(RangeError);
    expect(() => noticeEnd("2026-11-29", 6.5)).toThrow(RangeError);
    expect(() => noticeEnd("2026-02-30", 7)).toThrow(RangeError);
  });
});

describe("objectionsOpen / noticeEnded around the boundaries (posted 2026-11-29 for 7 days)", () => {
  const start = "2026-11-29";
  it.each([
    ["2026-11-28", "not_started", false, false, 7],
    ["2026-11-29", "open", true, false, 7], // posting day is day 1
    ["2026-12-01", "open", true, false, 5],
    ["2026-12-05", "open", true, false, 1], // last day: objections still accepted
    ["2026-12-06", "ended", false, true, 0], // D + N: ended
    ["2027-01-01", "ended", false, true, 0],
  ] as const)("on %s: %s", (today, state, open, ended, left) => {
    expect(noticeState(start, 7, today)).toBe(state);
    expect(objectionsOpen(start, 7, today)).toBe(open);
    expect(noticeEnded(start, 7, today)).toBe(ended);
    expect(noticeDaysLeft(start, 7, today)).toBe(left);
  });

  it("a leap-year notice: posted 2024-02-24 for 7 days ends 2024-03-01 inclusive", () => {
    expect(objectionsOpen("2024-02-24", 7, "2024-02-29")).toBe(true);
    expect(objectionsOpen("2024-02-24", 7, "2024-03-01")).toBe(true);
    expect(noticeEnded("2024-02-24", 7, "2024-03-01")).toBe(false);
    expect(noticeEnded("2024-02-24", 7, "2024-03-02")).toBe(true);
  });

  it("property: exactly N days accept objections, and ended is true from D+N on", () => {
    const date = fc.integer({ min: toDayNumber("2014-01-01"), max: toDayNumber("2035-12-31") }).map(fromDayNumber);
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), fc.integer({ min: -5, max: 40 }), (start, days, offset) => {
        const today = addDays(start, offset);
        expect(objectionsOpen(start, days, today)).toBe(offset >= 0 && offset < days);
        expect(noticeEnded(start, days, today)).toBe(offset >= days);
      }),
      { numRuns: 300 },
    );
  });
});

describe("noticeDaysFor", () => {
  const policy = resolvePolicy(DEFAULT_POLICY_ROWS, 2021).values;
  it("identification and exit: noticeDays (7)", () => {
    expect(noticeDaysFor("identify", policy)).toBe(7);
    expect(noticeDaysFor("exit", policy)).toBe(7);
  });
  it("monitoring decisions: monitoringNoticeDays (5)", () => {
    expect(noticeDaysFor("monitor", policy)).toBe(5);
    expect(noticeDaysFor("eliminate_risk", policy)).toBe(5);
  });
  it("follows the policy values, and refuses a non-positive setting", () => {
    expect(noticeDaysFor("exit", { noticeDays: 10, monitoringNoticeDays: 3 })).toBe(10);
    expect(noticeDaysFor("monitor", { noticeDays: 10, monitoringNoticeDays: 3 })).toBe(3);
    expect(() => noticeDaysFor("identify", { noticeDays: 0, monitoringNoticeDays: 5 })).toThrow(RangeError);
  });
});
