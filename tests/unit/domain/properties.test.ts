import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isCompulsorySchoolAge } from "@/lib/domain/education";
import { STATUS_RANK } from "@/lib/domain/status";
import { INDICATOR_KEYS, type IndicatorKey } from "@/lib/domain/indicator";
import {
  HOUSING_GRADES,
  LABOR_CAPACITIES,
  REGISTERED_STATUSES,
  SCHOOL_STATUSES,
  type HouseholdInput,
  type IncomeInput,
  type MemberInput,
} from "@/lib/domain/household";
import { policyFor, run } from "./fixtures";

const yuan = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const isoDate = (minYear: number, maxYear: number) =>
  fc
    .date({ min: new Date(Date.UTC(minYear, 0, 1)), max: new Date(Date.UTC(maxYear, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const memberArb: fc.Arbitrary<MemberInput> = fc.record({
  birthDate: isoDate(1930, 2020),
  counted: fc.boolean(),
  medicalInsurance: fc.constantFrom(true, true, true, true, false),
  schoolStatus: fc.constantFrom(...SCHOOL_STATUSES),
  dropoutMedicalExemption: fc.boolean(),
  laborCapacity: fc.constantFrom(...LABOR_CAPACITIES),
});

/** Mostly-good households so every status shows up often. */
const householdArb: fc.Arbitrary<HouseholdInput> = fc
  .record({
    year: fc.integer({ min: 2014, max: 2025 }),
    registeredStatus: fc.constantFrom(...REGISTERED_STATUSES),
    monitored: fc.boolean(),
    members: fc.array(memberArb, { minLength: 1, maxLength: 7 }),
    income: fc.record({
      wages: yuan(60_000),
      business: yuan(30_000),
      businessCosts: yuan(10_000),
      property: yuan(5_000),
      transfers: yuan(10_000),
    }),
    food: fc.constantFrom(true, true, true, false),
    clothing: fc.constantFrom(true, true, true, false),
    housing: fc.record({
      grade: fc.constantFrom(...HOUSING_GRADES, "A", "B"),
      electricity: fc.constantFrom(true, true, true, false),
    }),
    water: fc.record({
      litresPerPersonDay: fc.integer({ min: 10, max: 60 }),
      waterScarceArea: fc.boolean(),
      piped: fc.boolean(),
      roundTripMinutes: fc.option(fc.integer({ min: 0, max: 60 })),
      horizontalMetres: fc.option(fc.integer({ min: 0, max: 2000 })),
      verticalMetres: fc.option(fc.integer({ min: 0, max: 200 })),
      qualitySafe: fc.constantFrom(true, true, true, false),
      outageDaysPerYear: fc.integer({ min: 0, max: 60 }),
    }),
    rigidExpenditure: yuan(100_000),
    previousYearIncome: fc.option(yuan(100_000)),
  })
  .map((h) => ({
    ...h,
    asOf: `${h.year}-12-31`,
    // at least one counted member
    members: h.members.map((m, i) => (i === 0 ? { ...m, counted: true } : m)),
  }));

const rank = (h: HouseholdInput) => STATUS_RANK[run(h).status];

const INCOME_ITEMS = ["wages", "business", "property", "transfers"] as const satisfies readonly (keyof IncomeInput)[];

describe("properties", () => {
  it("raising any income item never worsens the status", () => {
    fc.assert(
      fc.property(householdArb, fc.constantFrom(...INCOME_ITEMS), yuan(20_000), (h, item, delta) => {
        const raised = { ...h, income: { ...h.income, [item]: (h.income[item] as number) + delta } };
        expect(rank(raised)).toBeGreaterThanOrEqual(rank(h));
      }),
      { numRuns: 500 },
    );
  });

  it("lowering business costs or rigid expenditure, or raising last year's income, never worsens", () => {
    fc.assert(
      fc.property(householdArb, fc.double({ min: 0, max: 1, noNaN: true }), (h, f) => {
        const cheaper = { ...h, income: { ...h.income, businessCosts: Math.floor(h.income.businessCosts * f) } };
        expect(rank(cheaper)).toBeGreaterThanOrEqual(rank(h));
        const lessRigid = { ...h, rigidExpenditure: Math.floor(h.rigidExpenditure * f) };
        expect(rank(lessRigid)).toBeGreaterThanOrEqual(rank(h));
        if (h.previousYearIncome !== null) {
          const richer = { ...h, previousYearIncome: h.previousYearIncome + 1000 * f };
          expect(rank(richer)).toBeGreaterThanOrEqual(rank(h));
        }
      }),
      { numRuns: 300 },
    );
  });

  /** Ways to turn each indicator from met to unmet. */
  const worsen: Record<IndicatorKey, (h: HouseholdInput) => HouseholdInput | null> = {
    income: (h) => ({ ...h, income: { wages: 0, business: 0, businessCosts: 0, property: 0, transfers: 0 } }),
    food: (h) => ({ ...h, food: false }),
    clothing: (h) => ({ ...h, clothing: false }),
    medical: (h) => ({
      ...h,
      members: h.members.map((m, i) => (i === 0 ? { ...m, medicalInsurance: false } : m)),
    }),
    housing: (h) => ({ ...h, housing: { ...h.housing, electricity: false } }),
    water: (h) => ({ ...h, water: { ...h.water, outageDaysPerYear: 366 } }),
    education: (h) => {
      const p = policyFor(h.year).values;
      const idx = h.members.findIndex((m) => m.counted && isCompulsorySchoolAge(m.birthDate, h.asOf, p));
      if (idx < 0) return null;
      return {
        ...h,
        members: h.members.map((m, i) => (i === idx ? { ...m, schoolStatus: "dropped_out" as const, dropoutMedicalExemption: false } : m)),
      };
    },
  };

  it("turning any indicator from met to unmet never improves the status", () => {
    fc.assert(
      fc.property(householdArb, fc.constantFrom(...INDICATOR_KEYS), (h, key) => {
        const before = run(h);
        fc.pre(before.indicators[key].met);
        const worse = worsen[key](h);
        fc.pre(worse !== null);
        const after = run(worse!);
        expect(after.indicators[key].met).toBe(false);
        expect(after.status).toBe("below_standard");
        expect(STATUS_RANK[after.status]).toBeLessThanOrEqual(STATUS_RANK[before.status]);
      }),
      { numRuns: 500 },
    );
  });

  it("member order does not change the result", () => {
    fc.assert(
      fc.property(
        householdArb.chain((h) => fc.tuple(fc.constant(h), fc.shuffledSubarray(h.members, { minLength: h.members.length }))),
        ([h, shuffled]) => {
          expect(run({ ...h, members: shuffled })).toEqual(run(h));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("status follows the definition, and whatWouldChange lists every unmet indicator", () => {
    fc.assert(
      fc.property(householdArb, (h) => {
        const a = run(h);
        const unmet = INDICATOR_KEYS.filter((k) => !a.indicators[k].met);
        const threshold = policyFor(h.year).values.monitoringThreshold;
        if (unmet.length > 0) expect(a.status).toBe("below_standard");
        else if (h.year >= 2020 && ((threshold !== null && a.perCapitaIncome < threshold) || a.shock)) expect(a.status).toBe("at_risk");
        else expect(a.status).toBe("secure");
        const listed = a.whatWouldChange.map((w) => w.indicator).filter((k) => (INDICATOR_KEYS as readonly string[]).includes(k));
        expect(listed).toEqual(unmet);
        for (const k of INDICATOR_KEYS) {
          const r = a.indicators[k];
          expect(r.fix === null).toBe(r.met);
          expect(r.fixEn === null).toBe(r.met);
        }
        expect(a.monitoringCategory !== null).toBe(a.candidate === "monitor");
      }),
      { numRuns: 500 },
    );
  });
});
