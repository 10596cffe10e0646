import { describe, expect, it } from "vitest";
import {
  approvalRate,
  countyExit,
  countyIncidence,
  incidenceThreshold,
  missedRate,
  percent,
  villageIncidence,
  wronglyLiftedRate,
} from "@/lib/domain/exit-metrics";
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

describe("villageIncidence: strictly below the threshold", () => {
  it.each([
    ["east", 19, 1000, true, 1.9],
    ["east", 20, 1000, false, 2], // exactly 2%: fails
    ["east", 21, 1000, false, 2.1],
    ["west", 29, 1000, true, 2.9],
    ["west", 30, 1000, false, 3], // exactly 3%: fails
    ["west", 31, 1000, false, 3.1],
    ["central", 20, 1000, false, 2],
    ["central", 19, 1000, true, 1.9],
  ] as const)("%s: %i of %i -> pass %s", (zone, poor, pop, pass, value) => {
    const m = villageIncidence({ registeredPoorPeople: poor, population: pop }, zone, policy);
    expect(m).toMatchObject({ key: "village_incidence", pass, value, numerator: poor, denominator: pop, comparison: "lt" });
  });

  it("Danyang 2018 (443 of 2,850, Guizhou = west) may not exit; 2019 (11 left) may", () => {
    const m2018 = villageIncidence({ registeredPoorPeople: 443, population: 2850 }, "west", policy);
    expect(m2018.pass).toBe(false);
    expect(m2018.value).toBe(15.54);
    expect(m2018.reason.zh).toContain("15.54%");
    expect(m2018.reason.zh).toContain("2,850");
    const m2019 = villageIncidence({ registeredPoorPeople: 11, population: 2850 }, "west", policy);
    expect(m2019).toMatchObject({ pass: true, value: 0.39, threshold: 3 });
    expect(m2019.rule.zh).toContain("低于 3%");
    expect(m2019.rule.en).toContain("below 3%");
  });

  it("compares exactly, not the rounded display value", () => {
    // 1999999 / 100000000 = 1.999999% displays as 2.00 but is below 2
    const below = villageIncidence({ registeredPoorPeople: 1_999_999, population: 100_000_000 }, "east", policy);
    expect(below).toMatchObject({ value: 2, pass: true });
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
    expect(villageIncidence({ registeredPoorPeople: 24, population: 1000 }, "east", p).pass).toBe(true);
    expect(villageIncidence({ registeredPoorPeople: 25, population: 1000 }, "east", p).pass).toBe(false);
  });
});

describe("countyIncidence: at most the threshold", () => {
  it.each([
    ["east", 10, 5, 4, 1000, true], // 19 = 1.9%
    ["east", 10, 5, 5, 1000, true], // 20 = 2% exactly: passes
    ["east", 10, 5, 6, 1000, false], // 21 = 2.1%
    ["west", 20, 5, 5, 1000, true], // 30 = 3% exactly
    ["west", 20, 5, 6, 1000, false],
  ] as const)("%s: %i + %i + %i of %i -> %s", (zone, remaining, missed, wrong, pop, pass) => {
    const m = countyIncidence(
      { remainingRegisteredPoor: remaining, missed, wronglyLifted: wrong, ruralPopulation: pop },
      zone,
      policy,
    );
    expect(m.pass).toBe(pass);
    expect(m.numerator).toBe(remaining + missed + wrong);
    expect(m.comparison).toBe("le");
  });

  it("zero rural population fails", () => {
    expect(
      countyIncidence({ remainingRegisteredPoor: 0, missed: 0, wronglyLifted: 0, ruralPopulation: 0 }, "west", policy),
    ).toMatchObject({ value: null, pass: false });
  });
});

describe("wronglyLiftedRate and missedRate: at most 2%", () => {
  it.each([
    [1, 49, false], // 2.04%
    [1, 50, true], // exactly 2%
    [1, 51, true], // 1.96%
    [2, 100, true],
    [3, 100, false],
    [0, 10, true],
  ])("%i of %i -> %s", (bad, total, pass) => {
    expect(wronglyLiftedRate({ wronglyLifted: bad, liftedInSample: total }, policy).pass).toBe(pass);
    expect(missedRate({ missed: bad, sampledNonRegistered: total }, policy).pass).toBe(pass);
  });

  it("zero denominators: value null and pass (nothing in the sample could be wrong)", () => {
    expect(wronglyLiftedRate({ wronglyLifted: 0, liftedInSample: 0 }, policy)).toMatchObject({ value: null, pass: true });
    expect(missedRate({ missed: 0, sampledNonRegistered: 0 }, policy)).toMatchObject({ value: null, pass: true });
  });

  it("the numerator cannot exceed the sample", () => {
    expect(() => wronglyLiftedRate({ wronglyLifted: 1, liftedInSample: 0 }, policy)).toThrow(RangeError);
    expect(() => missedRate({ missed: 3, sampledNonRegistered: 2 }, policy)).toThrow(RangeError);
  });
});

describe("approvalRate: at least 90%", () => {
  it.each([
    [89, 100, false],
    [90, 100, true], // exactly 90%
    [91, 100, true],
    [899, 1000, false],
    [900, 1000, true],
    [8, 9, false], // 88.89%
    [9, 10, true],
  ])("%i of %i -> %s", (approving, surveyed, pass) => {
    const m = approvalRate({ approving, surveyed }, policy);
    expect(m.pass).toBe(pass);
    expect(m.comparison).toBe("ge");
    expect(m.threshold).toBe(90);
  });

  it("nobody surveyed: value null and fails", () => {
    expect(approvalRate({ approving: 0, surveyed: 0 }, policy)).toMatchObject({ value: null, pass: false });
  });

  it("reasons in both languages carry the numbers", () => {
    const m = approvalRate({ approving: 89, surveyed: 100 }, policy);
    expect(m.reason.zh).toBe("群众认可度 89%（89 ÷ 100），不符合“不低于 90%”的标准");
    expect(m.reason.en).toBe("Public approval 89% (89 / 100) does not meet the rule: at least 90%");
  });
});

describe("countyExit", () => {
  const ok = {
    remainingRegisteredPoor: 1000,
    missedPeople: 100,
    wronglyLiftedPeople: 50,
    ruralPopulation: 100_000,
    sampleWronglyLifted: 2,
    sampleLifted: 400,
    sampleMissed: 3,
    sampleNonRegistered: 600,
    surveyApproving: 950,
    surveyed: 1000,
  };
  it("passes when all four pass", () => {
    const v = countyExit(ok, "west", policy);
    expect(v.pass).toBe(true);
    expect(v.metrics.map((m) => m.key)).toEqual(["county_incidence", "wrongly_lifted_rate", "missed_rate", "approval_rate"]);
  });
  it.each([
    ["county_incidence", { remainingRegisteredPoor: 2851 }],
    ["wrongly_lifted_rate", { sampleWronglyLifted: 9 }],
    ["missed_rate", { sampleMissed: 13 }],
    ["approval_rate", { surveyApproving: 899 }],
  ] as const)("fails when %s fails", (key, change) => {
    const v = countyExit({ ...ok, ...change }, "east", policy);
    expect(v.pass).toBe(false);
    expect(v.metrics.filter((m) => !m.pass).map((m) => m.key)).toEqual([key]);
  });
});
