// Resident teams' days in the village: a month's own length bounds a month's record.
import { describe, expect, it } from "vitest";
import { daysInMonth } from "@/lib/domain/resident";

describe("days in a month", () => {
  it("knows each month's length, leap Februaries included", () => {
    expect(daysInMonth("2024-02")).toBe(29);
    expect(daysInMonth("2023-02")).toBe(28);
    expect(daysInMonth("2100-02")).toBe(28);
    expect(daysInMonth("2000-02")).toBe(29);
    expect(daysInMonth("2024-04")).toBe(30);
    expect(daysInMonth("2024-12")).toBe(31);
  });
  it("refuses what is not a month", () => {
    expect(() => daysInMonth("2024-13")).toThrow(RangeError);
    expect(() => daysInMonth("2024-00")).toThrow(RangeError);
    expect(() => daysInMonth("2024-1")).toThrow(RangeError);
  });
});
