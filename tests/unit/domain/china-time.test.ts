// Dates and times in China's zone, whatever the machine's: the day turns at 16:00 UTC.
import { describe, expect, it } from "vitest";
import { chinaClock, chinaDay, chinaMonthDayMinute } from "@/lib/domain/china-time";

describe("china-time", () => {
  it("the day turns at midnight in China (16:00 UTC), not at the machine's midnight", () => {
    expect(chinaDay(new Date("2026-12-04T15:59:59Z"))).toBe("2026-12-04");
    expect(chinaDay(new Date("2026-12-04T16:00:00Z"))).toBe("2026-12-05");
  });

  it("a clock time in China, 24-hour, with seconds", () => {
    expect(chinaClock(new Date("2026-12-04T12:03:09Z"))).toBe("20:03:09");
    expect(chinaClock(new Date("2026-12-04T16:00:00Z"))).toBe("00:00:00");
  });

  it("month, day and minute in China, as the outbox lists them", () => {
    expect(chinaMonthDayMinute(new Date("2026-12-31T16:05:00Z"))).toBe("01/01 00:05");
    expect(chinaMonthDayMinute(new Date("2026-03-09T01:02:00Z"))).toBe("03/09 09:02");
  });
});
