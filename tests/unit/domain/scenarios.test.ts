/** The eleven scenarios, verbatim. All other indicators are met unless named. */
import { describe, it, expect } from "vitest";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { parseHouseholdInput } from "@/lib/validation/household-input";
import { adult, child, FAR_WATER, household, run, withPerCapita } from "./fixtures";

describe("status engine scenarios", () => {
  it("1. 2020, 4 counted adults, wages 15,000 -> 3,750, income unmet, below_standard, identify", () => {
    const a = run(household({ year: 2020, income: { wages: 15_000 } }));
    expect(a.countedMembers).toBe(4);
    expect(a.perCapitaIncome).toBe(3750);
    expect(a.povertyLine).toBe(4000);
    expect(a.monitoringThreshold).toBe(6000);
    expect(a.indicators.income.met).toBe(false);
    expect(a.indicators.income.reason).toBe("人均纯收入 3,750 元，低于 4,000 元标准线 250 元");
    expect(a.indicators.income.reasonEn).toBe("Per-capita net income 3,750 yuan is 250 below the 4,000 line");
    expect(a.status).toBe("below_standard");
    expect(a.candidate).toBe("identify");
    expect(a.monitoringCategory).toBeNull();
    expect(a.whatWouldChange).toHaveLength(1);
    expect(a.whatWouldChange[0]).toMatchObject({ indicator: "income" });
    expect(a.whatWouldChange[0]?.en).toContain("more than 250");
    expect(a.year).toBe(2020);
    expect(a.asOf).toBe("2020-12-31");
    expect(a.policyVersion).toMatch(/^2020:national:/);
  });

  it("2. same, wages 17,000 -> 4,250 met but below 6,000: at_risk, monitor, marginal", () => {
    const a = run(household({ year: 2020, income: { wages: 17_000 } }));
    expect(a.perCapitaIncome).toBe(4250);
    expect(a.indicators.income.met).toBe(true);
    expect(a.status).toBe("at_risk");
    expect(a.candidate).toBe("monitor");
    expect(a.monitoringCategory).toBe("marginal");
    expect(a.whatWouldChange).toEqual([
      expect.objectContaining({
        indicator: "monitoringThreshold",
        en: expect.stringContaining("1,750 below the 6,000 monitoring threshold") as unknown,
      }),
    ]);
  });

  it("3. 2020, 7,000 per capita, counted 12-year-old dropped out -> below_standard; home_taught -> secure", () => {
    const members = (schoolStatus: "dropped_out" | "home_taught") => [adult(), adult(), adult(), child("2008-03-10", { schoolStatus })];
    const dropped = run(household({ members: members("dropped_out"), income: { wages: 28_000 } }));
    expect(dropped.perCapitaIncome).toBe(7000);
    expect(dropped.indicators.education.met).toBe(false);
    expect(dropped.indicators.education.reason).toBe("1 名适龄子女辍学");
    expect(dropped.indicators.education.reasonEn).toBe("1 school-age child has dropped out");
    expect(dropped.status).toBe("below_standard");
    const taught = run(household({ members: members("home_taught"), income: { wages: 28_000 } }));
    expect(taught.indicators.education.met).toBe(true);
    expect(taught.status).toBe("secure");
  });

  it("4. 20,000 + 8,000 - 3,000 + 4,200 = 29,200 over 4 counted of 5 -> 7,300; 2021 secure", () => {
    const a = run(
      household({
        year: 2021,
        members: [adult(), adult(), adult(), adult(), adult({ counted: false, medicalInsurance: false })],
        income: { wages: 20_000, business: 8_000, businessCosts: 3_000, property: 0, transfers: 4_200 },
      }),
    );
    expect(a.householdNetIncome).toBe(29_200);
    expect(a.countedMembers).toBe(4);
    expect(a.perCapitaIncome).toBe(7_300);
    expect(a.status).toBe("secure");
    expect(a.candidate).toBeNull();
    expect(a.whatWouldChange).toEqual([]);
  });

  it("5. housing grade C unmet; B met", () => {
    const c = run(household({ housing: { grade: "C" } }));
    expect(c.indicators.housing.met).toBe(false);
    expect(c.status).toBe("below_standard");
    expect(run(household({ housing: { grade: "B" } })).indicators.housing.met).toBe(true);
  });

  it("6. water: 25 min not piped unmet, 700 m met; 30 litres ordinary unmet, scarce met; 40 outage days unmet", () => {
    const w = (water: Parameters<typeof household>[0]) => run(household(water)).indicators.water.met;
    expect(w({ water: { ...FAR_WATER, roundTripMinutes: 25 } })).toBe(false);
    // a measured 25-minute trip fails whatever the distance; 700 m stands in only when no trip was measured
    expect(w({ water: { ...FAR_WATER, roundTripMinutes: 25, horizontalMetres: 700 } })).toBe(false);
    expect(w({ water: { ...FAR_WATER, horizontalMetres: 700 } })).toBe(true);
    expect(w({ water: { litresPerPersonDay: 30, waterScarceArea: false } })).toBe(false);
    expect(w({ water: { litresPerPersonDay: 30, waterScarceArea: true } })).toBe(true);
    expect(w({ water: { outageDaysPerYear: 40 } })).toBe(false);
  });

  it("7. one counted adult not insured -> medical unmet", () => {
    const a = run(household({ members: [adult(), adult({ medicalInsurance: false }), adult(), adult()] }));
    expect(a.indicators.medical.met).toBe(false);
    expect(a.indicators.medical.reason).toBe("1 名计入人口成员未参加基本医疗保险");
    expect(a.status).toBe("below_standard");
  });

  it("8. 2020 registered_poor at 8,000 -> secure, exit", () => {
    const a = run(withPerCapita(8000, { year: 2020, registeredStatus: "registered_poor" }));
    expect(a.status).toBe("secure");
    expect(a.candidate).toBe("exit");
    expect(a.monitoringCategory).toBeNull();
  });

  it("9. 2022 lifted at 6,200 -> at_risk (threshold 6,300), monitor, unstable_lifted", () => {
    const a = run(withPerCapita(6200, { year: 2022, registeredStatus: "lifted" }));
    expect(a.monitoringThreshold).toBe(6300);
    expect(a.status).toBe("at_risk");
    expect(a.candidate).toBe("monitor");
    expect(a.monitoringCategory).toBe("unstable_lifted");
  });

  it("10. 2021 not_registered at 9,000, rigid 80,000 vs previous 36,000 -> at_risk, monitor, sudden_hardship", () => {
    const a = run(withPerCapita(9000, { year: 2021, rigidExpenditure: 80_000, previousYearIncome: 36_000 }));
    expect(a.suddenHardship).toBe(true);
    expect(a.status).toBe("at_risk");
    expect(a.candidate).toBe("monitor");
    expect(a.monitoringCategory).toBe("sudden_hardship");
    expect(a.whatWouldChange).toEqual([
      expect.objectContaining({
        indicator: "rigidExpenditure",
        en: expect.stringContaining("80,000 yuan exceeds the previous year's household income of 36,000 by 44,000") as unknown,
      }),
    ]);
  });

  describe("11. input errors name the field", () => {
    const paths = (json: unknown) => {
      const r = parseHouseholdInput(json, DEFAULT_POLICY_ROWS);
      return r.ok ? [] : r.errors.map((e) => e.path);
    };
    it("wages -1 -> income.wages", () => {
      const r = parseHouseholdInput(household({ income: { wages: -1 } }), DEFAULT_POLICY_ROWS);
      expect(r).toEqual({
        ok: false,
        errors: [{ path: "income.wages", message: "不能为负数", messageEn: "must not be negative" }],
      });
    });
    it("no counted member -> members", () => {
      expect(paths(household({ members: [adult({ counted: false })] }))).toEqual(["members"]);
      expect(paths(household({ members: [] }))).toEqual(["members"]);
    });
    it("year 2013 -> year", () => {
      expect(paths(household({ year: 2013 }))).toEqual(["year"]);
    });
  });
});
