// The spot check's comparison (lib/domain/evaluation-compare.ts): pure, deterministic, every
// rule at, just below and just above its boundary.
import { describe, expect, it } from "vitest";
import {
  compareRecheck,
  discrepancyKey,
  incomeDirection,
  incomeToleranceCents,
  INCOME_TOLERANCE_MIN_YUAN,
  INCOME_TOLERANCE_PERCENT,
  justAboveLine,
  PAPER_EXIT_MARGIN_PERCENT,
  recheckHousehold,
  type RecheckAnswers,
  type RecheckSide,
  type RecordedSide,
} from "@/lib/domain/evaluation-compare";
import type { HouseholdRecord, MemberRecord } from "@/lib/domain/input-from-record";
import { INDICATOR_KEYS, type IndicatorKey } from "@/lib/domain/indicator";
import { resolvePolicy } from "@/lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { questionnaireSchema } from "@/lib/validation/evaluation";

const allMet = (): Record<IndicatorKey, boolean> =>
  Object.fromEntries(INDICATOR_KEYS.map((k) => [k, true])) as Record<IndicatorKey, boolean>;
const noEvidence = () => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, []])) as unknown as RecheckSide["evidence"];

function recorded(o: Partial<RecordedSide> = {}): RecordedSide {
  return {
    registeredStatus: "not_registered",
    monitored: false,
    householdNetIncome: 30_000,
    perCapitaIncome: 10_000,
    indicatorsMet: allMet(),
    status: "secure",
    ...o,
  };
}
function recheck(o: Partial<RecheckSide> = {}): RecheckSide {
  return {
    householdNetIncome: 30_000,
    perCapitaIncome: 10_000,
    countedMembers: 3,
    indicatorsMet: allMet(),
    status: "secure",
    evidence: noEvidence(),
    ...o,
  };
}
const ctx = { povertyLine: 4000 };
const kinds = (r: RecordedSide, c: RecheckSide) => compareRecheck(r, c, ctx).map((d) => discrepancyKey(d));

describe("the named constants", () => {
  it("are 10 % and 500 yuan for income, 10 % above the line for a paper exit", () => {
    expect(INCOME_TOLERANCE_PERCENT).toBe(10);
    expect(INCOME_TOLERANCE_MIN_YUAN).toBe(500);
    expect(PAPER_EXIT_MARGIN_PERCENT).toBe(10);
  });
});

describe("income tolerance: max(10 % of the recorded net income, 500 yuan), strictly beyond", () => {
  it("10 % rules above 5,000 yuan", () => {
    expect(incomeToleranceCents(1_000_000)).toBe(100_000); // 10,000 yuan → 1,000
    expect(incomeDirection(10_000, 9_000)).toBeNull(); // exactly 1,000 short: tolerated
    expect(incomeDirection(10_000, 8_999.99)).toBe("overstated");
    expect(incomeDirection(10_000, 11_000)).toBeNull();
    expect(incomeDirection(10_000, 11_000.01)).toBe("understated");
  });
  it("the 500-yuan floor rules below 5,000 yuan", () => {
    expect(incomeToleranceCents(300_000)).toBe(50_000); // 3,000 yuan: 10 % is 300, the floor is 500
    expect(incomeDirection(3_000, 2_500)).toBeNull();
    expect(incomeDirection(3_000, 2_499.99)).toBe("overstated");
    expect(incomeDirection(3_000, 3_500)).toBeNull();
    expect(incomeDirection(3_000, 3_500.01)).toBe("understated");
  });
  it("at 5,000 yuan both bounds coincide", () => {
    expect(incomeDirection(5_000, 4_500)).toBeNull();
    expect(incomeDirection(5_000, 4_499.99)).toBe("overstated");
  });
  it("uses the absolute value of a negative recorded income", () => {
    expect(incomeToleranceCents(-2_000_000)).toBe(200_000);
    expect(incomeDirection(-20_000, -18_000)).toBeNull();
    expect(incomeDirection(-20_000, -17_999.99)).toBe("understated");
  });
  it("no cent drift on decimals", () => {
    expect(incomeDirection(12_345.67, 11_111.11)).toBeNull(); // diff 1,234.56 ≤ 1,234.567
    expect(incomeDirection(12_345.67, 11_111.1)).toBe("overstated"); // diff 1,234.57 > 1,234.567
  });
});

describe("just above the line (paper exit band): line < pc ≤ line × 1.10", () => {
  it("at, below and above both ends", () => {
    expect(justAboveLine(4000, 4000)).toBe(false); // on the line is not above it
    expect(justAboveLine(4000.01, 4000)).toBe(true);
    expect(justAboveLine(4400, 4000)).toBe(true);
    expect(justAboveLine(4400.01, 4000)).toBe(false);
    expect(justAboveLine(3999.99, 4000)).toBe(false);
  });
});

describe("compareRecheck", () => {
  it("a matching re-check finds nothing", () => {
    expect(kinds(recorded(), recheck())).toEqual([]);
  });

  it("income overstated and understated beyond the tolerance", () => {
    expect(kinds(recorded(), recheck({ householdNetIncome: 26_999.99 }))).toEqual(["income_overstated"]);
    expect(kinds(recorded(), recheck({ householdNetIncome: 27_000 }))).toEqual([]);
    expect(kinds(recorded(), recheck({ householdNetIncome: 33_000.01 }))).toEqual(["income_understated"]);
    const [d] = compareRecheck(recorded(), recheck({ householdNetIncome: 20_000 }), ctx);
    expect(d?.detail).toMatchObject({ recordedNetIncome: 30_000, resurveyedNetIncome: 20_000, difference: 10_000, tolerance: 3_000 });
    expect(d?.detail.zh).toContain("多记 10,000 元");
  });

  it("an indicator recorded met and found not met; never the reverse", () => {
    const found = recheck({ indicatorsMet: { ...allMet(), housing: false }, status: "below_standard" });
    expect(kinds(recorded({ registeredStatus: "registered_poor" }), found)).toEqual(["indicator_wrong:housing"]);
    const better = recorded({
      registeredStatus: "registered_poor",
      indicatorsMet: { ...allMet(), water: false },
      status: "below_standard",
    });
    expect(kinds(better, recheck())).toEqual([]);
  });

  it("wrongly lifted: lifted and re-assessed below standard; at_risk is not", () => {
    const below = recheck({ indicatorsMet: { ...allMet(), medical: false }, status: "below_standard" });
    expect(kinds(recorded({ registeredStatus: "lifted" }), below)).toEqual(["indicator_wrong:medical", "wrongly_lifted"]);
    expect(kinds(recorded({ registeredStatus: "lifted" }), recheck({ status: "at_risk" }))).toEqual([]);
  });

  it("missed: not registered, not monitored, re-assessed below standard", () => {
    const below = recheck({ indicatorsMet: { ...allMet(), food: false }, status: "below_standard" });
    expect(kinds(recorded(), below)).toEqual(["indicator_wrong:food", "missed"]);
    expect(kinds(recorded({ monitored: true }), below)).toEqual(["indicator_wrong:food"]);
    expect(kinds(recorded({ registeredStatus: "registered_poor" }), below)).toEqual(["indicator_wrong:food"]);
  });

  it("paper exit: lifted, recorded just above the line, no income evidence", () => {
    const r = recorded({ registeredStatus: "lifted", perCapitaIncome: 4_200, householdNetIncome: 12_600 });
    const c = recheck({ householdNetIncome: 12_600, perCapitaIncome: 4_200 });
    expect(kinds(r, c)).toEqual(["paper_exit"]);
    expect(
      kinds(r, recheck({ householdNetIncome: 12_600, perCapitaIncome: 4_200, evidence: { ...noEvidence(), income: ["bank_statement"] } })),
    ).toEqual([]);
    expect(kinds(recorded({ registeredStatus: "lifted", perCapitaIncome: 4_400.01, householdNetIncome: 12_600 }), c)).toEqual([]);
    expect(kinds(recorded({ registeredStatus: "not_registered", perCapitaIncome: 4_200, householdNetIncome: 12_600 }), c)).toEqual([]);
    const [d] = compareRecheck(r, c, ctx);
    expect(d?.detail).toMatchObject({ recordedPerCapita: 4_200, povertyLine: 4_000, ceiling: 4_400 });
  });

  it("carries the evidence seen for the indicator concerned", () => {
    const found = recheck({
      indicatorsMet: { ...allMet(), water: false },
      status: "below_standard",
      evidence: { ...noEvidence(), water: ["water_test", "photo"] },
    });
    const [d] = compareRecheck(recorded({ registeredStatus: "registered_poor" }), found, ctx);
    expect(d?.evidence).toBe("photo,water_test");
  });
});

// ───────────── from a stored record ─────────────

const D = (v: number) => ({ toString: () => String(v) });
function record(o: Partial<HouseholdRecord> = {}): HouseholdRecord {
  return {
    registeredStatus: "lifted",
    monitoringCategory: null,
    incomeWages: D(30_000),
    incomeBusiness: D(0),
    incomeBusinessCosts: D(0),
    incomeProperty: D(0),
    incomeTransfers: D(0),
    rigidExpenditure: D(0),
    previousYearIncome: null,
    food: true,
    clothing: true,
    housingGrade: "A",
    electricity: true,
    waterLitres: D(40),
    waterScarceArea: false,
    waterPiped: true,
    waterRoundTripMin: null,
    waterHorizontalM: null,
    waterVerticalM: null,
    waterQualitySafe: true,
    waterOutageDays: 0,
    ...o,
  };
}
const member = (): MemberRecord => ({
  birthDate: new Date("1975-03-01T00:00:00Z"),
  counted: true,
  active: true,
  medicalInsurance: true,
  schoolStatus: "graduated",
  dropoutMedicalExemption: false,
  laborCapacity: "full",
});
const members = [member(), member(), member()];
function answers(o: Partial<RecheckAnswers["income"]> = {}, unmet: string[] = []): RecheckAnswers {
  const ind = (k: string) => ({ met: !unmet.includes(k), evidence: [] });
  return {
    income: { wages: 30_000, business: 0, businessCosts: 0, property: 0, transfers: 0, ...o },
    indicators: {
      income: { evidence: [] },
      food: ind("food"),
      clothing: ind("clothing"),
      medical: ind("medical"),
      housing: ind("housing"),
      water: ind("water"),
      education: ind("education"),
    },
    approval: "approve",
  };
}
const policy = resolvePolicy(DEFAULT_POLICY_ROWS, 2026, "52"); // line 4,000 carried, threshold 6,300

describe("recheckHousehold", () => {
  it("re-assesses with the re-surveyed income: a lifted household found at 0 is wrongly lifted", () => {
    const r = recheckHousehold(record(), members, "lifted", answers({ wages: 0 }), policy, "2026-11-28");
    expect(r.recorded).toMatchObject({ householdNetIncome: 30_000, perCapitaIncome: 10_000, status: "secure" });
    expect(r.recheck).toMatchObject({ householdNetIncome: 0, perCapitaIncome: 0, status: "below_standard" });
    expect(r.recheck.indicatorsMet.income).toBe(false);
    expect(r.discrepancies.map(discrepancyKey)).toEqual(["income_overstated", "indicator_wrong:income", "wrongly_lifted"]);
  });

  it("the same record and answers give the same result (deterministic)", () => {
    const a = recheckHousehold(record(), members, "not_registered", answers({ wages: 9_000 }, ["water"]), policy, "2026-11-28");
    const b = recheckHousehold(record(), members, "not_registered", answers({ wages: 9_000 }, ["water"]), policy, "2026-11-28");
    expect(a).toEqual(b);
    expect(a.discrepancies.map(discrepancyKey)).toEqual(["income_overstated", "indicator_wrong:income", "indicator_wrong:water", "missed"]);
  });

  it("uses the frozen registered status, not the row's", () => {
    const r = recheckHousehold(
      record({ registeredStatus: "registered_poor" }),
      members,
      "lifted",
      answers({}, ["food"]),
      policy,
      "2026-11-28",
    );
    expect(r.recorded.registeredStatus).toBe("lifted");
    expect(r.discrepancies.map(discrepancyKey)).toContain("wrongly_lifted");
  });

  it("a household under monitoring is never missed", () => {
    const r = recheckHousehold(
      record({ registeredStatus: "not_registered", monitoringCategory: "marginal" }),
      members,
      "not_registered",
      answers({ wages: 0 }),
      policy,
      "2026-11-28",
    );
    expect(r.discrepancies.map(discrepancyKey)).not.toContain("missed");
  });

  it("all met but income under the monitoring threshold is at_risk, not below standard", () => {
    const r = recheckHousehold(record(), members, "lifted", answers({ wages: 15_000 }), policy, "2026-11-28"); // 5,000 per capita
    expect(r.recheck.status).toBe("at_risk");
    expect(r.discrepancies.map(discrepancyKey)).toEqual(["income_overstated"]);
  });
});

describe("questionnaire input", () => {
  const base = {
    id: "5f0c1e62-8a1d-4f0e-9d55-1d1f9c0a2b3c",
    evaluationId: "6f0c1e62-8a1d-4f0e-9d55-1d1f9c0a2b3c",
    householdId: "7f0c1e62-8a1d-4f0e-9d55-1d1f9c0a2b3c",
    income: { wages: "1000", business: "0", businessCosts: "0", property: "0", transfers: "0" },
    indicators: Object.fromEntries(
      ["food", "clothing", "medical", "housing", "water", "education"].map((k) => [k, { met: "true", evidence: [] }]),
    ),
    approval: "approve",
  };
  const withIncome = { ...base, indicators: { ...base.indicators, income: { evidence: ["bank_statement"] } } };
  it("parses form strings", () => {
    const r = questionnaireSchema.safeParse(withIncome);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.income.wages).toBe(1000);
  });
  it("refuses a negative income, an unknown enum, an empty amount, naming the path", () => {
    const r = questionnaireSchema.safeParse({
      ...withIncome,
      income: { ...withIncome.income, wages: "-1", property: "" },
      approval: "maybe",
      indicators: { ...withIncome.indicators, income: { evidence: ["receipt"] } },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    const byPath = Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath["income.wages"]).toBe("evaluation.errors.nonNegative");
    expect(byPath["income.property"]).toBe("evaluation.errors.number");
    // the errors name the options shown (认可/不认可/说不清; the indicator's own evidence), not "not an allowed value"
    expect(byPath["approval"]).toBe("evaluation.errors.approvalChoice");
    expect(byPath["indicators.income.evidence.0"]).toBe("evaluation.errors.evidenceKind");
  });

  it("offers each indicator its own evidence: a water test is no proof of schooling; met is 达标/未达标", () => {
    const r = questionnaireSchema.safeParse({
      ...withIncome,
      indicators: {
        ...withIncome.indicators,
        education: { met: "maybe", evidence: ["water_test"] },
        water: { met: "true", evidence: ["water_test"] },
      },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    const byPath = Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath["indicators.education.evidence.0"]).toBe("evaluation.errors.evidenceKind");
    expect(byPath["indicators.education.met"]).toBe("evaluation.errors.metChoice");
    expect(byPath["indicators.water.evidence.0"]).toBeUndefined();
  });
});
