// Relocation rules at each boundary: the area per person, the area rule (不超过: includes the
// number), the contribution cap (at most: includes the number), the shares.
import { describe, expect, it } from "vitest";
import { areaPerPerson, areaWithinRule, contributionWithinCap, percentShare } from "@/lib/domain/relocation";

describe("area per person", () => {
  it("divides and rounds half up to 2 decimals", () => {
    expect(areaPerPerson(80, 4)).toBe(20);
    expect(areaPerPerson(100, 3)).toBe(33.33);
    expect(areaPerPerson(0.05, 2)).toBe(0.03);
  });
  it("is null for a household without people, and refuses nonsense", () => {
    expect(areaPerPerson(80, 0)).toBeNull();
    expect(() => areaPerPerson(-1, 2)).toThrow(RangeError);
    expect(() => areaPerPerson(80, 1.5)).toThrow(RangeError);
    expect(() => areaPerPerson(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe("the area rule (per person at most the rule)", () => {
  it("at the rule passes, a hundredth above fails, below passes", () => {
    expect(areaWithinRule(80, 4, 20)).toBe(true);
    expect(areaWithinRule(80.01, 4, 20)).toBe(false);
    expect(areaWithinRule(79.99, 4, 20)).toBe(true);
  });
  it("compares exactly, not on the rounded per-person figure", () => {
    // 60.01 / 3 = 20.0033 → shows 20.00, but is above 3 × 20
    expect(areaPerPerson(60.01, 3)).toBe(20);
    expect(areaWithinRule(60.01, 3, 20)).toBe(false);
  });
  it("has nothing to judge without people", () => {
    expect(areaWithinRule(50, 0, 20)).toBeNull();
  });
});

describe("the own contribution cap (at most the cap)", () => {
  it("at the cap passes, a cent above fails, below passes", () => {
    expect(contributionWithinCap(3000, 3000)).toBe(true);
    expect(contributionWithinCap(3000.01, 3000)).toBe(false);
    expect(contributionWithinCap(2999.99, 3000)).toBe(true);
    expect(contributionWithinCap(0, 3000)).toBe(true);
  });
  it("refuses a negative amount", () => {
    expect(() => contributionWithinCap(-0.01, 3000)).toThrow(RangeError);
  });
});

describe("shares", () => {
  it("in percent, 1 decimal, half up", () => {
    expect(percentShare(1, 3)).toBe(33.3);
    expect(percentShare(2, 3)).toBe(66.7);
    expect(percentShare(1, 8)).toBe(12.5);
    expect(percentShare(0, 5)).toBe(0);
    expect(percentShare(5, 5)).toBe(100);
  });
  it("null without a denominator; nonsense refused", () => {
    expect(percentShare(0, 0)).toBeNull();
    expect(() => percentShare(6, 5)).toThrow(RangeError);
    expect(() => percentShare(-1, 5)).toThrow(RangeError);
  });
});
