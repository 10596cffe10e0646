import { describe, it, expect } from "vitest";
import { candidateFor, monitoringCategoryFor } from "@/lib/domain/candidate";
import { statusFrom } from "@/lib/domain/status";

describe("candidateFor(status, registeredStatus, year, suddenHardship)", () => {
  it.each([
    // registered poor: exit once every indicator is met
    ["secure", "registered_poor", 2020, false, "exit", null],
    ["at_risk", "registered_poor", 2020, false, "exit", null],
    ["at_risk", "registered_poor", 2021, true, "exit", null],
    ["below_standard", "registered_poor", 2020, false, null, null],
    // below standard, not on the list: identify up to 2020, monitor from 2021
    ["below_standard", "not_registered", 2020, false, "identify", null],
    ["below_standard", "lifted", 2019, false, "identify", null],
    ["below_standard", "not_registered", 2021, false, "monitor", "marginal"],
    ["below_standard", "lifted", 2021, false, "monitor", "unstable_lifted"],
    ["below_standard", "not_registered", 2022, true, "monitor", "sudden_hardship"],
    // at risk: monitor
    ["at_risk", "not_registered", 2020, false, "monitor", "marginal"],
    ["at_risk", "lifted", 2022, false, "monitor", "unstable_lifted"],
    ["at_risk", "lifted", 2022, true, "monitor", "sudden_hardship"],
    ["at_risk", "not_registered", 2021, true, "monitor", "sudden_hardship"],
    // secure and not on the list: nothing to propose
    ["secure", "not_registered", 2020, false, null, null],
    ["secure", "lifted", 2022, false, null, null],
  ] as const)("%s / %s / %i / hardship %s -> %s %s", (status, reg, year, hardship, candidate, category) => {
    expect(candidateFor(status, reg, year, hardship)).toEqual({ candidate, monitoringCategory: category });
  });

  it("monitoring category precedence: sudden hardship, then lifted, then marginal", () => {
    expect(monitoringCategoryFor("lifted", true)).toBe("sudden_hardship");
    expect(monitoringCategoryFor("lifted", false)).toBe("unstable_lifted");
    expect(monitoringCategoryFor("not_registered", false)).toBe("marginal");
  });
});

describe("statusFrom", () => {
  it("below_standard whenever an indicator is unmet, whatever the income", () => {
    expect(
      statusFrom({ allIndicatorsMet: false, perCapitaIncome: 99_999, monitoringThreshold: 6000, suddenHardship: false }),
    ).toBe("below_standard");
  });
  it("sudden hardship makes at_risk whatever the income", () => {
    expect(
      statusFrom({ allIndicatorsMet: true, perCapitaIncome: 99_999, monitoringThreshold: 6000, suddenHardship: true }),
    ).toBe("at_risk");
  });
});

describe("candidateFor: households already under monitoring", () => {
  it("staying at risk or below standard is not a new candidate", () => {
    expect(candidateFor("at_risk", "lifted", 2022, false, true)).toEqual({ candidate: null, monitoringCategory: null });
    expect(candidateFor("below_standard", "not_registered", 2022, true, true)).toEqual({ candidate: null, monitoringCategory: null });
  });
  it("a registered poor household that meets everything is still an exit candidate", () => {
    expect(candidateFor("secure", "registered_poor", 2020, false, true).candidate).toBe("exit");
  });
  it("without monitoring the same household is a monitor candidate", () => {
    expect(candidateFor("at_risk", "lifted", 2022, false, false)).toEqual({ candidate: "monitor", monitoringCategory: "unstable_lifted" });
  });
});
