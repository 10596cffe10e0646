import { describe, expect, it } from "vitest";
import { countyExitFromCounts, incidenceThreshold, percent, villageIncidence } from "@/lib/domain/exit-metrics";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { resolvePolicy } from "@/lib/domain/policy";

const policy = resolvePolicy(DEFAULT_POLICY_ROWS, 2019).values;

describe("percent (display)", () => {
  it("rounds half up to 2 decimals", () => {
    expect(percent(2, 100)).toBe(2);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 80000)).toBe(0); // 0.00125% -> 0.00
    expect(percent(1, 20000)).toBe(0.01); // 0.005% -> 0.01 (half up)
    expect(percent(1, 20001)).toBe(0); // 0.00499...% -> 0.00
    expect(percent(443, 2850)).toBe(15.54);
  });
});

describe("incidenceThreshold", () => {
  it("west 3, east and central 2", () => {
    expect(incidenceThreshold("west", policy)).toBe(3);
    expect(incidenceThreshold("east", policy)).toBe(2);
    expect(incidenceThreshold("central", policy)).toBe(2);
  });
});

describe("villageIncidence: 2% or less (3% in the west), 降至2%以下 includes the number", () => {
  it.each([
    ["east", 19, 1000, true, 1.9],
    ["east", 20, 1000, true, 2], // exactly 2%: passes
    ["east", 21, 1000, false, 2.1],
    ["west", 29, 1000, true, 2.9],
    ["west", 30, 1000, true, 3], // exactly 3%: passes
    ["west", 31, 1000, false, 3.1],
    ["central", 20, 1000, true, 2],
    ["central", 21, 1000, false, 2.1],
  ] as const)("%s: %i of %i -> pass %s", (zone, poor, pop, pass, value) => {
    const m = villageIncidence({ registeredPoorPeople: poor, population: pop }, zone, policy);
    expect(m).toMatchObject({ key: "village_incidence", pass, value, numerator: poor, denominator: pop, comparison: "le" });
  });

  it("Danyang 2018 (443 of 2,850, Guizhou = west) may not exit; 2019 (11 left) may", () => {
    const m2018 = villageIncidence({ registeredPoorPeople: 443, population: 2850 }, "west", policy);
    expect(m2018.pass).toBe(false);
    expect(m2018.value).toBe(15.54);
    expect(m2018.reason.zh).toContain("15.54%");
    expect(m2018.reason.zh).toContain("2,850");
    const m2019 = villageIncidence({ registeredPoorPeople: 11, population: 2850 }, "west", policy);
    expect(m2019).toMatchObject({ pass: true, value: 0.39, threshold: 3 });
    expect(m2019.rule.zh).toContain("3% 以下（含 3%）");
    expect(m2019.rule.en).toContain("3% or less");
  });

  it("compares exactly, not the rounded display value", () => {
    // 2000000 / 100000000 = exactly 2%: passes
    const on = villageIncidence({ registeredPoorPeople: 2_000_000, population: 100_000_000 }, "east", policy);
    expect(on).toMatchObject({ value: 2, pass: true });
    // 2000001 / 100000000 displays as 2.00 too, but is above
    const above = villageIncidence({ registeredPoorPeople: 2_000_001, population: 100_000_000 }, "east", policy);
    expect(above).toMatchObject({ value: 2, pass: false });
  });

  it("zero population: value null and fails", () => {
    const m = villageIncidence({ registeredPoorPeople: 0, population: 0 }, "east", policy);
    expect(m).toMatchObject({ value: null, pass: false });
    expect(m.reason.en).toContain("denominator 0");
  });

  it("rejects bad counts", () => {
    expect(() => villageIncidence({ registeredPoorPeople: 11, population: 10 }, "east", policy)).toThrow(RangeError);
    expect(() => villageIncidence({ registeredPoorPeople: -1, population: 10 }, "east", policy)).toThrow(RangeError);
    expect(() => villageIncidence({ registeredPoorPeople: 1.5, population: 10 }, "east", policy)).toThrow(RangeError);
  });

  it("a fractional policy threshold is compared exactly (2.5%)", () => {
    const p = { exitIncidenceEast: 2.5, exitIncidenceWest: 3 };
    expect(villageIncidence({ registeredPoorPeople: 25, population: 1000 }, "east", p).pass).toBe(true);
    expect(villageIncidence({ registeredPoorPeople: 26, population: 1000 }, "east", p).pass).toBe(false);
  });
});

describe("countyExitFromCounts (people; the sample's rates scaled up)", () => {
  const counts = {
    population: { rural: 100_000, registeredPoor: 1000, lifted: 20_000, notRegistered: 79_000 },
    sampleLiftedPeople: 400,
    sampleWronglyLiftedPeople: 4,
    sampleNotRegisteredPeople: 600,
    sampleMissedPeople: 3,
    surveyedHouseholds: 1000,
    approvingHouseholds: 950,
  };
  it("scales: (1000 + 0.5% x 79,000 + 1% x 20,000) / 100,000 = 1.595%", () => {
    const r = countyExitFromCounts(counts, "west", policy);
    expect(r.comprehensiveIncidence).toBeCloseTo(1.595, 12);
    expect(r.metrics.incidence.value).toBe(1.6);
    expect(r.metrics.incidence.numerator).toBe(1595);
    expect(r.wronglyLiftedRate).toBe(1);
    expect(r.missedRate).toBe(0.5);
    expect(r.approvalRate).toBe(95);
    expect(r.pass.county).toBe(true);
  });
  it.each([
    ["incidence", { population: { ...counts.population, registeredPoor: 2000 } }, "east"],
    ["wronglyLifted", { sampleWronglyLiftedPeople: 8 }, "west"],
    ["missed", { sampleMissedPeople: 12 }, "west"],
    ["approval", { approvingHouseholds: 900 }, "west"],
  ] as const)("fails when %s fails", (key, change, zone) => {
    const r = countyExitFromCounts({ ...counts, ...change }, zone, policy);
    expect(r.pass.county).toBe(false);
    expect(
      Object.entries(r.pass)
        .filter(([k, v]) => k !== "county" && !v)
        .map(([k]) => k),
    ).toEqual([key]);
  });
  it("reasons in both languages carry the numbers", () => {
    const m = countyExitFromCounts({ ...counts, approvingHouseholds: 890 }, "west", policy).metrics.approval;
    expect(m.reason.zh).toBe("群众认可度 89%（890 ÷ 1,000），不符合“高于 90%”的标准");
    expect(m.reason.en).toBe("Public approval 89% (890 / 1,000) does not meet the rule: above 90%");
  });
  it("rejects bad counts", () => {
    expect(() => countyExitFromCounts({ ...counts, sampleWronglyLiftedPeople: 401 }, "west", policy)).toThrow(RangeError);
    expect(() => countyExitFromCounts({ ...counts, population: { ...counts.population, rural: -1 } }, "west", policy)).toThrow(RangeError);
  });
});
