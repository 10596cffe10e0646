import { describe, it, expect } from "vitest";
import type { WaterInput } from "@/lib/domain/household";
import { adult, child, FAR_WATER, household, run, withPerCapita } from "./fixtures";

describe("income: strictly above the poverty line (2020: 4,000)", () => {
  it.each([
    [3999.99, false, "below_standard"],
    [4000, false, "below_standard"],
    [4000.01, true, "at_risk"],
  ] as const)("per capita %d -> met %s, %s", (pc, met, status) => {
    const a = run(withPerCapita(pc));
    expect(a.perCapitaIncome).toBe(pc);
    expect(a.indicators.income.met).toBe(met);
    expect(a.status).toBe(status);
  });

  it("reasons carry the numbers, in both languages", () => {
    expect(run(withPerCapita(3999.99)).indicators.income).toMatchObject({
      reason: "人均纯收入 3,999.99 元，低于 4,000 元标准线 0.01 元",
      reasonEn: "Per-capita net income 3,999.99 yuan is 0.01 below the 4,000 line",
    });
    const on = run(withPerCapita(4000)).indicators.income;
    expect(on.reason).toContain("恰好等于 4,000 元标准线");
    expect(on.reasonEn).toBe("Per-capita net income 4,000 yuan is exactly on the 4,000 line, not above it");
    expect(on.fix).not.toBeNull();
    const above = run(withPerCapita(4000.01)).indicators.income;
    expect(above.reasonEn).toBe("Per-capita net income 4,000.01 yuan is 0.01 above the 4,000 line");
    expect(above.fix).toBeNull();
    expect(above.fixEn).toBeNull();
  });

  it("uses the year's line: 2,952 in 2017", () => {
    expect(run(withPerCapita(2952, { year: 2017 })).indicators.income.met).toBe(false);
    expect(run(withPerCapita(2952.01, { year: 2017 })).indicators.income.met).toBe(true);
  });
});

describe("monitoring threshold: exactly on it is not below it", () => {
  it.each([
    [2020, 5999.99, "at_risk"],
    [2020, 6000, "secure"],
    [2020, 6000.01, "secure"],
    [2021, 5999.99, "at_risk"],
    [2021, 6000, "secure"],
    [2022, 6299.99, "at_risk"],
    [2022, 6300, "secure"],
    [2023, 6899.99, "at_risk"],
    [2023, 6900, "secure"],
    [2024, 6899.99, "at_risk"],
    [2024, 6900, "secure"],
    // no monitoring before 2020: above the line is secure
    [2018, 3000, "secure"],
    [2015, 2855.01, "secure"],
  ] as const)("%i per capita %d -> %s", (year, pc, status) => {
    expect(run(withPerCapita(pc, { year })).status).toBe(status);
  });

  it("a carried line is flagged", () => {
    const a = run(withPerCapita(9000, { year: 2024 }));
    expect(a.povertyLine).toBe(4000);
    expect(a.povertyLineCarried).toBe(true);
    expect(a.monitoringThresholdCarried).toBe(true);
    expect(run(withPerCapita(9000, { year: 2020 })).povertyLineCarried).toBe(false);
  });
});

describe("rigid expenditure vs previous year's income: must exceed", () => {
  it.each([
    [36_000, 36_000, false, "secure"],
    [36_000.01, 36_000, true, "at_risk"],
    [35_999.99, 36_000, false, "secure"],
    [80_000, null, false, "secure"],
  ] as const)("rigid %d vs %s -> hardship %s", (rigid, prev, hardship, status) => {
    const a = run(household({ rigidExpenditure: rigid, previousYearIncome: prev }));
    expect(a.suddenHardship).toBe(hardship);
    expect(a.status).toBe(status);
  });
});

describe("medical: every counted member insured", () => {
  it("an uncounted uninsured member does not matter", () => {
    const a = run(household({ members: [adult(), adult({ counted: false, medicalInsurance: false })] }));
    expect(a.indicators.medical.met).toBe(true);
  });
  it("two uninsured counted members", () => {
    const m = run(household({ members: [adult(), adult({ medicalInsurance: false }), adult({ medicalInsurance: false })] })).indicators
      .medical;
    expect(m.met).toBe(false);
    expect(m.numbers).toEqual({ countedMembers: 3, uninsured: 2 });
    expect(m.reason).toBe("2 名计入人口成员未参加基本医疗保险");
    expect(m.reasonEn).toBe("2 counted members are not enrolled in basic medical insurance");
  });
});

describe("housing: grade A or B and electricity", () => {
  it.each([
    ["A", true, true],
    ["B", true, true],
    ["C", true, false],
    ["D", true, false],
    ["A", false, false],
    ["B", false, false],
  ] as const)("grade %s, electricity %s -> %s", (grade, electricity, met) => {
    expect(run(household({ housing: { grade, electricity } })).indicators.housing.met).toBe(met);
  });
  it("C is named partly dangerous", () => {
    const h = run(household({ housing: { grade: "C" } })).indicators.housing;
    expect(h.reason).toContain("C 级（局部危房）");
    expect(h.reasonEn).toContain("grade C (partly dangerous)");
  });
});

describe("water", () => {
  const water = (w: Partial<WaterInput>) => run(household({ water: w })).indicators.water;

  it.each([
    [34.99, false, false],
    [35, false, true],
    [35.01, false, true],
    [19.99, true, false],
    [20, true, true],
    [20.01, true, true],
    [30, false, false],
    [30, true, true],
  ] as const)("quantity %d litres, water-scarce %s -> %s", (litres, scarce, met) => {
    expect(water({ litresPerPersonDay: litres, waterScarceArea: scarce }).met).toBe(met);
  });

  it.each([
    [19, true],
    [20, true],
    [21, false],
  ] as const)("round trip %d minutes -> %s", (minutes, met) => {
    expect(water({ ...FAR_WATER, roundTripMinutes: minutes }).met).toBe(met);
  });

  it.each([
    [799, true],
    [800, true],
    [801, false],
  ] as const)("horizontal %d m -> %s", (metres, met) => {
    // distances stand in only when no round trip was measured
    expect(water({ ...FAR_WATER, horizontalMetres: metres }).met).toBe(met);
    expect(water({ ...FAR_WATER, roundTripMinutes: 45, horizontalMetres: metres }).met).toBe(false);
  });

  it.each([
    [79, true],
    [80, true],
    [81, false],
  ] as const)("vertical %d m -> %s", (metres, met) => {
    expect(water({ ...FAR_WATER, verticalMetres: metres }).met).toBe(met);
    expect(water({ ...FAR_WATER, roundTripMinutes: 45, verticalMetres: metres }).met).toBe(false);
  });

  it("unknown distances do not count; piped needs nothing else", () => {
    expect(water({ ...FAR_WATER }).met).toBe(false);
    expect(water({ ...FAR_WATER, piped: true }).met).toBe(true);
  });

  it.each([
    [35, true],
    [36, true],
    [37, false],
  ] as const)("outage %d days -> %s", (days, met) => {
    expect(water({ outageDaysPerYear: days }).met).toBe(met);
  });

  it("quality must be safe", () => {
    expect(water({ qualitySafe: false }).met).toBe(false);
  });

  it("reason lists every failing part", () => {
    const w = water({ ...FAR_WATER, roundTripMinutes: 25, litresPerPersonDay: 30, outageDaysPerYear: 40 });
    expect(w.numbers).toMatchObject({ quantityMet: false, qualityMet: true, convenienceMet: false, supplyMet: false });
    expect(w.reason).toContain("每人每日用水 30 升，低于标准 35 升");
    expect(w.reason).toContain("往返 25 分钟");
    expect(w.reason).toContain("年断水 40 天，超过 36 天上限");
    expect(w.reasonEn).toContain("30 litres per person per day is below the minimum of 35");
  });
});

describe("education: compulsory-school age from the school year of 6 by 31 August until 16", () => {
  const dropped = { schoolStatus: "dropped_out" } as const;
  const edu = (birthDate: string, asOf = "2020-12-31", o = {}) =>
    run(household({ asOf, members: [adult(), child(birthDate, { ...dropped, ...o })] })).indicators.education;

  it("6 by 31 August of the school year's start", () => {
    expect(edu("2014-09-01").met).toBe(true); // 5 on 31 Aug 2020: not yet
    expect(edu("2014-08-31").met).toBe(false); // 6 on 31 Aug 2020: of age
  });

  it("15 until the day before the sixteenth birthday; 16 on it", () => {
    expect(edu("2005-01-01").met).toBe(false); // 15
    expect(edu("2004-12-31").met).toBe(true); // 16 on the day
    expect(edu("2005-06-15", "2021-06-14").met).toBe(false); // 15
    expect(edu("2005-06-15", "2021-06-15").met).toBe(true); // 16
  });

  it("born 29 February: still 15 on 28 February of a non-leap year", () => {
    expect(edu("2004-02-29", "2020-02-28").met).toBe(false);
    expect(edu("2004-02-29", "2020-02-29").met).toBe(true);
  });

  it("medical exemption, home teaching, uncounted children", () => {
    expect(edu("2010-03-01", undefined, { dropoutMedicalExemption: true }).met).toBe(true);
    expect(edu("2010-03-01", undefined, { schoolStatus: "home_taught" }).met).toBe(true);
    expect(edu("2010-03-01", undefined, { schoolStatus: "enrolled" }).met).toBe(true);
    expect(edu("2010-03-01", undefined, { counted: false }).met).toBe(true);
  });

  it("reasons count children, never name them", () => {
    const e = run(household({ members: [adult(), child("2010-03-01", dropped), child("2012-03-01", dropped)] })).indicators.education;
    expect(e.met).toBe(false);
    expect(e.reason).toBe("2 名适龄子女辍学");
    expect(e.reasonEn).toBe("2 school-age children have dropped out");
    expect(e.numbers).toMatchObject({ schoolAgeChildren: 2, droppedOut: 2 });
  });
});

describe("food and clothing", () => {
  it("as assessed on the visit", () => {
    expect(run(household({ food: false })).indicators.food.met).toBe(false);
    expect(run(household({ clothing: false })).indicators.clothing.met).toBe(false);
    expect(run(household({ food: false })).status).toBe("below_standard");
  });
});
