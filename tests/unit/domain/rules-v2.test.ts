/**
 * Rules v2 (issue #14): each point at its boundary, on each side.
 * Written before the change and seen failing on the old engine.
 */
import { describe, it, expect } from "vitest";
import { assess } from "@/lib/domain/assess";
import { countyExitMetrics, villageIncidence } from "@/lib/domain/exit-metrics";
import { isCompulsorySchoolAge } from "@/lib/domain/education";
import { resolvePolicy, type PolicyRow } from "@/lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { parseHouseholdInput } from "@/lib/validation/household-input";
import { adult, child, household, policyFor, run, withPerCapita, FAR_WATER } from "./fixtures";

describe("1. identification is income-based; an unmet guarantee above the line is a guarantee gap", () => {
  it("2018, 50,000 per person, grade C house: no candidate, a guarantee gap", () => {
    const a = run(withPerCapita(50_000, { year: 2018, housing: { grade: "C" } }));
    expect(a.status).toBe("below_standard");
    expect(a.candidate).toBeNull();
    expect(a.guaranteeGap).toBe(true);
  });
  it("2018 line 2,995: 2,994.99 identify; exactly 2,995 neither; 2,995.01 nothing", () => {
    expect(run(withPerCapita(2994.99, { year: 2018 })).candidate).toBe("identify");
    const on = run(withPerCapita(2995, { year: 2018 }));
    expect(on.candidate).toBeNull();
    expect(on.indicators.income.met).toBe(false);
    expect(run(withPerCapita(2995.01, { year: 2018 })).candidate).toBeNull();
  });
  it("below the line with an unmet guarantee: identify, not a gap", () => {
    const a = run(withPerCapita(2000, { year: 2018, housing: { grade: "D" } }));
    expect(a.candidate).toBe("identify");
    expect(a.guaranteeGap).toBe(false);
  });
  it("all met: no gap", () => {
    expect(run(withPerCapita(50_000, { year: 2018 })).guaranteeGap).toBe(false);
  });
  it("exit still needs income and every guarantee", () => {
    expect(run(withPerCapita(5000, { year: 2019, registeredStatus: "registered_poor", housing: { grade: "C" } })).candidate).toBeNull();
    expect(run(withPerCapita(5000, { year: 2019, registeredStatus: "registered_poor" })).candidate).toBe("exit");
  });
});

describe("2. monitoring begins in 2020", () => {
  it("2019: no monitoring threshold, never at_risk, never monitor", () => {
    const a = run(withPerCapita(3300, { year: 2019 }));
    expect(a.monitoringThreshold).toBeNull();
    expect(a.status).toBe("secure");
    expect(a.candidate).toBeNull();
    const shock = run(withPerCapita(30_000, { year: 2019, rigidExpenditure: 500_000, previousYearIncome: 100_000 }));
    expect(shock.status).toBe("secure");
    expect(shock.candidate).toBeNull();
  });
  it("2020: 5,999.99 monitor (marginal / unstable_lifted); 6,000 secure", () => {
    expect(run(withPerCapita(5999.99, { year: 2020 }))).toMatchObject({ candidate: "monitor", monitoringCategory: "marginal" });
    expect(run(withPerCapita(5999.99, { year: 2020, registeredStatus: "lifted" }))).toMatchObject({
      candidate: "monitor",
      monitoringCategory: "unstable_lifted",
    });
    expect(run(withPerCapita(6000, { year: 2020 }))).toMatchObject({ status: "secure", candidate: null });
  });
  it("sudden_hardship begins in 2021: a 2020 shock above the range is no sudden_hardship candidate", () => {
    const o = { rigidExpenditure: 200_000, previousYearIncome: 100_000 };
    const y2020 = run(withPerCapita(30_000, { year: 2020, ...o }));
    expect(y2020.shock).toBe(true);
    expect(y2020.monitoringCategory).not.toBe("sudden_hardship");
    expect(y2020.candidate).toBeNull();
    expect(run(withPerCapita(30_000, { year: 2021, ...o }))).toMatchObject({ candidate: "monitor", monitoringCategory: "sudden_hardship" });
  });
});

describe("3. the list closed at the end of 2020", () => {
  it("2020 below the line: identify; 2021 below the line: monitor, never identify", () => {
    expect(run(withPerCapita(3000, { year: 2020 })).candidate).toBe("identify");
    expect(run(withPerCapita(3000, { year: 2021 }))).toMatchObject({ candidate: "monitor", monitoringCategory: "marginal" });
  });
  it("a lifted household identified again is a relapse", () => {
    const a = run(withPerCapita(3999.99, { year: 2020, registeredStatus: "lifted" }));
    expect(a.candidate).toBe("identify");
    expect(a.relapse).toBe(true);
    expect(run(withPerCapita(3999.99, { year: 2020 })).relapse).toBe(false);
  });
});

describe("4. monitoring category order (from 2021)", () => {
  const shock = { rigidExpenditure: 200_000, previousYearIncome: 100_000 };
  it("income within the range decides first, even with a shock", () => {
    expect(run(withPerCapita(5000, { year: 2021, registeredStatus: "lifted", ...shock })).monitoringCategory).toBe("unstable_lifted");
    expect(run(withPerCapita(5000, { year: 2021, ...shock })).monitoringCategory).toBe("marginal");
  });
  it("above the range with a shock: sudden_hardship, lifted or not", () => {
    expect(run(withPerCapita(6000, { year: 2021, registeredStatus: "lifted", ...shock })).monitoringCategory).toBe("sudden_hardship");
    expect(run(withPerCapita(6000, { year: 2021, ...shock })).monitoringCategory).toBe("sudden_hardship");
  });
  it("a guarantee gap alone: unstable_lifted if lifted, else marginal", () => {
    expect(run(withPerCapita(9000, { year: 2021, registeredStatus: "lifted", housing: { grade: "C" } }))).toMatchObject({
      candidate: "monitor",
      monitoringCategory: "unstable_lifted",
      guaranteeGap: true,
    });
    expect(run(withPerCapita(9000, { year: 2021, housing: { grade: "C" } })).monitoringCategory).toBe("marginal");
  });
  it("already monitored: no candidate", () => {
    expect(run(withPerCapita(5000, { year: 2021, monitored: true })).candidate).toBeNull();
  });
});

describe("5. a shock is also a sharp income drop (below half of last year's)", () => {
  // 4 counted at 9,000 = 36,000 this year
  it("previous 72,000: exactly half, no shock; 72,000.04: below half, a shock", () => {
    expect(run(withPerCapita(9000, { year: 2021, previousYearIncome: 72_000 })).shock).toBe(false);
    const a = run(withPerCapita(9000, { year: 2021, previousYearIncome: 72_000.04 }));
    expect(a.shock).toBe(true);
    expect(a).toMatchObject({ status: "at_risk", candidate: "monitor", monitoringCategory: "sudden_hardship" });
  });
  it("the share is a policy setting", () => {
    const rows: PolicyRow[] = [...DEFAULT_POLICY_ROWS, { id: "p52", year: 2021, provinceCode: "52", values: { incomeDropShare: 0.4 } }];
    const h = withPerCapita(9000, { year: 2021, previousYearIncome: 80_000 });
    expect(assess(h, resolvePolicy(rows, 2021, null)).shock).toBe(true);
    expect(assess(h, resolvePolicy(rows, 2021, "52")).shock).toBe(false);
  });
  it("rigid expenditure above last year's income is still a shock; equal is not", () => {
    expect(run(withPerCapita(9000, { year: 2021, previousYearIncome: 36_000, rigidExpenditure: 36_000 })).shock).toBe(false);
    expect(run(withPerCapita(9000, { year: 2021, previousYearIncome: 36_000, rigidExpenditure: 36_000.01 })).shock).toBe(true);
  });
});

describe("6. thresholds after 2022", () => {
  it("2023 = 6,900 from the defaults; 2024 carried, not stale; 2025 stale", () => {
    const a2023 = run(withPerCapita(6899.99, { year: 2023 }));
    expect(a2023).toMatchObject({ monitoringThreshold: 6900, thresholdStale: false, candidate: "monitor" });
    expect(run(withPerCapita(6900, { year: 2023 })).candidate).toBeNull();
    expect(run(withPerCapita(9000, { year: 2024 }))).toMatchObject({
      monitoringThreshold: 6900,
      monitoringThresholdCarried: true,
      thresholdStale: false,
    });
    expect(run(withPerCapita(9000, { year: 2025 }))).toMatchObject({ monitoringThreshold: 6900, thresholdStale: true });
    expect(run(withPerCapita(9000, { year: 2022 })).thresholdStale).toBe(false);
  });
});

describe("7. national values are floors", () => {
  const rows = (extra: PolicyRow[]): PolicyRow[] => [...DEFAULT_POLICY_ROWS, ...extra];
  it("a province's higher threshold is not lowered by a later national row", () => {
    const r = rows([{ id: "gz-2021", year: 2021, provinceCode: "52", values: { monitoringThreshold: 7000 } }]);
    expect(resolvePolicy(r, 2022, "52").values.monitoringThreshold).toBe(7000);
    expect(resolvePolicy(r, 2023, "52").values.monitoringThreshold).toBe(7000);
    expect(resolvePolicy(r, 2023, null).values.monitoringThreshold).toBe(6900);
  });
  it("a province below the nation gets the nation's value", () => {
    const r = rows([{ id: "gz-2022", year: 2022, provinceCode: "52", values: { monitoringThreshold: 6000, povertyLine: 3000 } }]);
    expect(resolvePolicy(r, 2022, "52").values.monitoringThreshold).toBe(6300);
    expect(resolvePolicy(r, 2022, "52").values.povertyLine).toBe(4000);
  });
  it("a later national row that rises above the province wins", () => {
    const r = rows([{ id: "gz-2021", year: 2021, provinceCode: "52", values: { monitoringThreshold: 6500 } }]);
    expect(resolvePolicy(r, 2022, "52").values.monitoringThreshold).toBe(6500);
    expect(resolvePolicy(r, 2023, "52").values.monitoringThreshold).toBe(6900);
  });
  it("other settings: the province's own value stands against a later national row", () => {
    const r = rows([
      { id: "gz-2015", year: 2015, provinceCode: "52", values: { noticeDays: 10 } },
      { id: "nat-2020-notice", year: 2020, provinceCode: null, values: { noticeDays: 6 } },
    ]);
    expect(resolvePolicy(r, 2021, "52").values.noticeDays).toBe(10);
    expect(resolvePolicy(r, 2021, null).values.noticeDays).toBe(6);
  });
});

describe("8. water: a measured round trip decides; distances only stand in", () => {
  it("30 minutes measured fails even at 100 m", () => {
    const a = run(household({ water: { ...FAR_WATER, roundTripMinutes: 30, horizontalMetres: 100 } }));
    expect(a.indicators.water.met).toBe(false);
  });
  it("20 minutes measured passes; 20.5 fails", () => {
    expect(run(household({ water: { ...FAR_WATER, roundTripMinutes: 20, horizontalMetres: 5000 } })).indicators.water.met).toBe(true);
    expect(run(household({ water: { ...FAR_WATER, roundTripMinutes: 20.5 } })).indicators.water.met).toBe(false);
  });
  it("no trip measured: 800 m or 80 m stand in", () => {
    expect(run(household({ water: { ...FAR_WATER, horizontalMetres: 800 } })).indicators.water.met).toBe(true);
    expect(run(household({ water: { ...FAR_WATER, horizontalMetres: 801 } })).indicators.water.met).toBe(false);
    expect(run(household({ water: { ...FAR_WATER, verticalMetres: 80 } })).indicators.water.met).toBe(true);
  });
});

describe("9. compulsory-school age starts with the school year in which the child is 6 by 31 August", () => {
  const p = policyFor(2020).values;
  it("on 31 Dec 2020: born Nov 2014 not yet; born 31 Aug 2014 yes; born 1 Sep 2014 not yet", () => {
    expect(isCompulsorySchoolAge("2014-11-15", "2020-12-31", p)).toBe(false);
    expect(isCompulsorySchoolAge("2014-08-31", "2020-12-31", p)).toBe(true);
    expect(isCompulsorySchoolAge("2014-09-01", "2020-12-31", p)).toBe(false);
  });
  it("before the school year starts a child who turned 6 in May is not yet of age", () => {
    expect(isCompulsorySchoolAge("2014-05-01", "2020-06-30", p)).toBe(false);
    expect(isCompulsorySchoolAge("2014-05-01", "2020-09-01", p)).toBe(true);
  });
  it("until the 16th birthday", () => {
    expect(isCompulsorySchoolAge("2004-12-31", "2020-12-30", p)).toBe(true);
    expect(isCompulsorySchoolAge("2004-12-31", "2020-12-31", p)).toBe(false);
  });
  it("the form no longer refuses a child born in November 2014 without school status on 31 Dec 2020", () => {
    const h = household({ members: [adult(), child("2014-11-15", { schoolStatus: "not_applicable" })] });
    const r = parseHouseholdInput(h, DEFAULT_POLICY_ROWS);
    expect(r.ok).toBe(true);
    const r2 = parseHouseholdInput(
      household({ members: [adult(), child("2014-08-31", { schoolStatus: "not_applicable" })] }),
      DEFAULT_POLICY_ROWS,
    );
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors.map((e) => e.path)).toContain("members.1.schoolStatus");
  });
  it("the cut-off is a policy setting", () => {
    const rows: PolicyRow[] = [
      ...DEFAULT_POLICY_ROWS,
      { id: "x", year: 2014, provinceCode: "99", values: { schoolEntryCutoffMonth: 9, schoolEntryCutoffDay: 30 } },
    ];
    expect(isCompulsorySchoolAge("2014-09-15", "2020-12-31", resolvePolicy(rows, 2020, "99").values)).toBe(true);
  });
});

describe("10. safe alternative housing", () => {
  it("grade D with a resettlement flat: met; without: unmet", () => {
    expect(run(household({ housing: { grade: "D", safeAlternative: "resettlement_flat" } })).indicators.housing.met).toBe(true);
    expect(run(household({ housing: { grade: "D", safeAlternative: null } })).indicators.housing.met).toBe(false);
  });
});

describe("11. itemised income: transfers counted, excluded recorded never counted", () => {
  it("items add up; excluded items do not count", () => {
    const a = run(
      household({
        members: [adult()],
        income: {
          wages: 1000,
          transfers: {
            subsistence: 1000,
            extremeHardship: 0,
            pension: 500,
            ecological: 200,
            familyPlanning: 100,
            support: 300,
            other: 100,
          },
          excluded: { medicalReimbursement: 50_000, temporaryRelief: 2000, housingSubsidy: 30_000, relocationSubsidy: 10_000, gifts: 500 },
        },
      }),
    );
    expect(a.perCapitaIncome).toBe(3200);
    expect(a.indicators.income.numbers.transfersTotal).toBe(2200);
    expect(a.indicators.income.numbers.excludedTotal).toBe(92_500);
  });
  it("a number is still counted as a transfer", () => {
    expect(run(household({ members: [adult()], income: { wages: 1000, transfers: 2200 } })).perCapitaIncome).toBe(3200);
  });
});

describe("12. county exit metrics scale the sample's rates up to the county, in people", () => {
  const population = { rural: 100_000, registeredPoor: 1000, lifted: 20_000, notRegistered: 79_000 };
  // lifted sample: 51 people, 1 wrongly lifted -> 1.96...%; not registered: 101 people, 1 missed -> 0.99...%
  const sample = [
    { registeredStatus: "lifted", people: 50, finding: "ok", approval: "approve" },
    { registeredStatus: "lifted", people: 1, finding: "wrongly_lifted", approval: "disapprove" },
    { registeredStatus: "not_registered", people: 100, finding: "ok", approval: "approve" },
    { registeredStatus: "not_registered", people: 1, finding: "missed", approval: "unsure" },
  ] as const;
  it("comprehensive incidence = (poor + missed rate x not registered + wrongly lifted rate x lifted) / rural", () => {
    const m = countyExitMetrics({ zone: "west", population, sample: [...sample] }, policyFor(2019).values);
    expect(m.wronglyLiftedRate).toBeCloseTo((100 * 1) / 51, 10);
    expect(m.missedRate).toBeCloseTo((100 * 1) / 101, 10);
    const expected = (100 * (1000 + (1 / 101) * 79_000 + (1 / 51) * 20_000)) / 100_000;
    expect(m.comprehensiveIncidence).toBeCloseTo(expected, 10);
    expect(m.comprehensiveIncidence).toBeGreaterThan(2);
    expect(m.approvalRate).toBe(50); // households: 2 of 4 approve, unsure is not approval
    expect(m.pass).toEqual({ incidence: true, wronglyLifted: true, missed: true, approval: false, county: false });
  });
  it("zero denominators: null and failing", () => {
    const m = countyExitMetrics(
      { zone: "west", population, sample: [{ registeredStatus: "lifted", people: 4, finding: "ok", approval: "approve" }] },
      policyFor(2019).values,
    );
    expect(m.missedRate).toBeNull();
    expect(m.pass.missed).toBe(false);
    expect(m.comprehensiveIncidence).toBeNull();
    expect(m.pass.incidence).toBe(false);
    expect(m.wronglyLiftedRate).toBe(0);
    expect(m.approvalRate).toBe(100);
  });
});

describe("13. boundaries by wording: 以下 includes, 低于/高于 do not", () => {
  const p = policyFor(2019).values;
  it("village incidence 2% or less (3% in the west)", () => {
    expect(villageIncidence({ registeredPoorPeople: 20, population: 1000 }, "east", p).pass).toBe(true);
    expect(villageIncidence({ registeredPoorPeople: 21, population: 1000 }, "east", p).pass).toBe(false);
    expect(villageIncidence({ registeredPoorPeople: 30, population: 1000 }, "west", p).pass).toBe(true);
    expect(villageIncidence({ registeredPoorPeople: 31, population: 1000 }, "west", p).pass).toBe(false);
  });
  const base = { zone: "east" as const, population: { rural: 1000, registeredPoor: 0, lifted: 100, notRegistered: 900 } };
  const s = (status: "lifted" | "not_registered", ok: number, bad: number, approve = true) => [
    { registeredStatus: status, people: ok, finding: "ok" as const, approval: approve ? ("approve" as const) : ("unsure" as const) },
    ...(bad > 0
      ? [
          {
            registeredStatus: status,
            people: bad,
            finding: status === "lifted" ? ("wrongly_lifted" as const) : ("missed" as const),
            approval: "approve" as const,
          },
        ]
      : []),
  ];
  it("wrongly lifted below 2%: exactly 2% fails, 1.99% passes", () => {
    expect(countyExitMetrics({ ...base, sample: [...s("lifted", 98, 2), ...s("not_registered", 10, 0)] }, p).pass.wronglyLifted).toBe(
      false,
    );
    expect(countyExitMetrics({ ...base, sample: [...s("lifted", 9801, 199), ...s("not_registered", 10, 0)] }, p).pass.wronglyLifted).toBe(
      true,
    );
  });
  it("missed below 2%: exactly 2% fails, 1.99% passes", () => {
    expect(countyExitMetrics({ ...base, sample: [...s("lifted", 10, 0), ...s("not_registered", 98, 2)] }, p).pass.missed).toBe(false);
    expect(countyExitMetrics({ ...base, sample: [...s("lifted", 10, 0), ...s("not_registered", 9801, 199)] }, p).pass.missed).toBe(true);
  });
  it("approval above 90%: exactly 90% fails, 91 of 100 passes", () => {
    const rows = (approve: number, total: number) =>
      Array.from({ length: total }, (_, i) => ({
        registeredStatus: "lifted" as const,
        people: 1,
        finding: "ok" as const,
        approval: i < approve ? ("approve" as const) : ("disapprove" as const),
      }));
    expect(countyExitMetrics({ ...base, sample: rows(9, 10) }, p).pass.approval).toBe(false);
    expect(countyExitMetrics({ ...base, sample: rows(91, 100) }, p).pass.approval).toBe(true);
  });
  it("county comprehensive incidence 2% or less in the east", () => {
    const pop = { rural: 1000, registeredPoor: 20, lifted: 0, notRegistered: 0 };
    expect(countyExitMetrics({ zone: "east", population: pop, sample: s("lifted", 1, 0) }, p).pass.incidence).toBe(true);
    expect(
      countyExitMetrics({ zone: "east", population: { ...pop, registeredPoor: 21 }, sample: s("lifted", 1, 0) }, p).pass.incidence,
    ).toBe(false);
  });
});
