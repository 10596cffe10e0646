import { describe, it, expect } from "vitest";
import { candidateFor, monitoringCategoryFor, type CandidateFacts } from "@/lib/domain/candidate";
import { statusFrom } from "@/lib/domain/status";

const facts = (o: Partial<CandidateFacts>): CandidateFacts => ({
  registeredStatus: "not_registered",
  year: 2021,
  incomeBelowLine: false,
  incomeMet: true,
  guaranteesMet: true,
  belowThreshold: false,
  shock: false,
  monitored: false,
  ...o,
});

describe("candidateFor", () => {
  it.each([
    // registered poor: exit once income and every guarantee are met
    [{ registeredStatus: "registered_poor", year: 2020 }, "exit", null],
    [{ registeredStatus: "registered_poor", year: 2020, guaranteesMet: false }, null, null],
    [{ registeredStatus: "registered_poor", year: 2019, incomeMet: false, incomeBelowLine: true }, null, null],
    // identify up to 2020 on income below the line only
    [{ year: 2020, incomeMet: false, incomeBelowLine: true, belowThreshold: true }, "identify", null],
    [{ registeredStatus: "lifted", year: 2019, incomeMet: false, incomeBelowLine: true }, "identify", null],
    [{ year: 2018, guaranteesMet: false }, null, null],
    // from 2021 monitor
    [{ year: 2021, incomeMet: false, incomeBelowLine: true, belowThreshold: true }, "monitor", "marginal"],
    [
      { registeredStatus: "lifted", year: 2021, incomeMet: false, incomeBelowLine: true, belowThreshold: true },
      "monitor",
      "unstable_lifted",
    ],
    [{ year: 2022, shock: true }, "monitor", "sudden_hardship"],
    [{ year: 2022, shock: true, belowThreshold: true }, "monitor", "marginal"],
    [{ registeredStatus: "lifted", year: 2022, guaranteesMet: false }, "monitor", "unstable_lifted"],
    // 2020: monitor on income below the threshold only, all met
    [{ year: 2020, belowThreshold: true }, "monitor", "marginal"],
    [{ year: 2020, shock: true }, null, null],
    [{ year: 2020, guaranteesMet: false }, null, null],
    // secure
    [{ year: 2022 }, null, null],
    // already monitored
    [{ year: 2022, belowThreshold: true, monitored: true }, null, null],
  ] as const)("%o -> %s %s", (o, candidate, category) => {
    expect(candidateFor(facts(o))).toEqual({ candidate, monitoringCategory: category });
  });

  it("monitoring category: income within the range first, then a shock, then lifted or not", () => {
    expect(monitoringCategoryFor("lifted", true, true)).toBe("unstable_lifted");
    expect(monitoringCategoryFor("lifted", true, false)).toBe("sudden_hardship");
    expect(monitoringCategoryFor("lifted", true, false, 2020)).toBe("unstable_lifted");
    expect(monitoringCategoryFor("not_registered", false)).toBe("marginal");
  });
});

describe("statusFrom", () => {
  it("below_standard whenever an indicator is unmet, whatever the income", () => {
    expect(statusFrom({ allIndicatorsMet: false, perCapitaIncome: 99_999, monitoringThreshold: 6000, suddenHardship: false })).toBe(
      "below_standard",
    );
  });
  it("a shock makes at_risk whatever the income, from 2020; never before", () => {
    expect(statusFrom({ allIndicatorsMet: true, perCapitaIncome: 99_999, monitoringThreshold: 6000, suddenHardship: true })).toBe(
      "at_risk",
    );
    expect(
      statusFrom({ allIndicatorsMet: true, perCapitaIncome: 99_999, monitoringThreshold: null, suddenHardship: true, year: 2019 }),
    ).toBe("secure");
  });
});
