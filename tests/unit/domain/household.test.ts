import { describe, it, expect } from "vitest";
import { ageOn, countedMembers, householdNetIncome, perCapitaIncome } from "@/lib/domain/assess";
import { compareIsoDates, isIsoDate, parseIsoDate } from "@/lib/domain/dates";
import { divideCents, toCents } from "@/lib/domain/money";
import { formatCents, formatQuantity } from "@/lib/domain/format";
import { adult, household } from "./fixtures";

describe("ageOn", () => {
  it("counts full years; the birthday itself counts", () => {
    expect(ageOn("2004-06-15", "2020-06-14")).toBe(15);
    expect(ageOn("2004-06-15", "2020-06-15")).toBe(16);
    expect(ageOn("2004-06-15", "2020-06-16")).toBe(16);
    expect(ageOn("2014-12-31", "2020-12-31")).toBe(6);
    expect(ageOn("2015-01-01", "2020-12-31")).toBe(5);
  });

  it("born on 29 February: a year older on 1 March in non-leap years, on 29 February in leap years", () => {
    expect(ageOn("2004-02-29", "2020-02-28")).toBe(15);
    expect(ageOn("2004-02-29", "2020-02-29")).toBe(16);
    expect(ageOn("2004-02-29", "2021-02-28")).toBe(16);
    expect(ageOn("2005-03-01", "2021-02-28")).toBe(15);
    expect(ageOn("2004-02-29", "2019-02-28")).toBe(14);
    expect(ageOn("2004-02-29", "2019-03-01")).toBe(15);
  });

  it("negative before birth; rejects impossible dates", () => {
    expect(ageOn("2021-01-01", "2020-12-31")).toBe(-1);
    expect(() => ageOn("2021-02-29", "2022-01-01")).toThrow(RangeError);
    expect(() => ageOn("2020-1-1", "2022-01-01")).toThrow(RangeError);
  });
});

describe("dates", () => {
  it("accepts only real YYYY-MM-DD dates", () => {
    expect(isIsoDate("2020-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2021-02-29")).toBe(false);
    expect(isIsoDate("2021-04-31")).toBe(false);
    expect(isIsoDate("2021-13-01")).toBe(false);
    expect(isIsoDate("2021-00-10")).toBe(false);
    expect(isIsoDate("2021-1-10")).toBe(false);
    expect(isIsoDate("2021-01-10T00:00:00Z")).toBe(false);
    expect(parseIsoDate("2021-12-31")).toEqual({ year: 2021, month: 12, day: 31 });
    expect(compareIsoDates("2020-01-02", "2020-01-10")).toBeLessThan(0);
  });
});

describe("income arithmetic", () => {
  it("scenario 4: 20,000 + 8,000 - 3,000 + 4,200 = 29,200 over 4 counted of 5 = 7,300 exactly", () => {
    const h = household({
      members: [adult(), adult(), adult(), adult(), adult({ counted: false })],
      income: { wages: 20_000, business: 8_000, businessCosts: 3_000, property: 0, transfers: 4_200 },
    });
    expect(countedMembers(h.members)).toHaveLength(4);
    expect(householdNetIncome(h.income)).toBe(29_200);
    expect(perCapitaIncome(h)).toBe(7_300);
  });

  it("rounds to cents, half away from zero, without float drift", () => {
    const three = [adult(), adult(), adult()];
    expect(perCapitaIncome(household({ members: three, income: { wages: 10_000 } }))).toBe(3333.33);
    expect(perCapitaIncome(household({ members: three, income: { wages: 20_000 } }))).toBe(6666.67);
    expect(householdNetIncome({ wages: 0.1, business: 0, businessCosts: 0, property: 0.2, transfers: 0 })).toBe(0.3);
    expect(toCents(1.005)).toBe(101);
    expect(divideCents(1, 2)).toBe(1);
    expect(divideCents(-1, 2)).toBe(-1);
    expect(divideCents(-5, 4)).toBe(-1);
  });

  it("business costs may exceed business income; net may be negative", () => {
    const h = household({ income: { wages: 0, business: 1_000, businessCosts: 5_000 } });
    expect(householdNetIncome(h.income)).toBe(-4_000);
    expect(perCapitaIncome(h)).toBe(-1_000);
  });

  it("no counted member: perCapitaIncome throws", () => {
    expect(() => perCapitaIncome(household({ members: [adult({ counted: false })] }))).toThrow(RangeError);
  });
});

describe("formatting", () => {
  it("thousands separators, decimals only when needed", () => {
    expect(formatCents(375_000)).toBe("3,750");
    expect(formatCents(399_999)).toBe("3,999.99");
    expect(formatCents(1)).toBe("0.01");
    expect(formatCents(-125_000)).toBe("-1,250");
    expect(formatCents(123_456_789_00)).toBe("123,456,789");
    expect(formatQuantity(34.9)).toBe("34.9");
    expect(formatQuantity(1_200)).toBe("1,200");
  });
});
