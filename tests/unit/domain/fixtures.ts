/** Builders for domain tests: a household where every indicator is met unless a test says otherwise. */
import { assess, type Assessment } from "@/lib/domain/assess";
import type { HouseholdInput, MemberInput } from "@/lib/domain/household";
import { resolvePolicy, type ResolvedPolicy } from "@/lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";

export function adult(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    birthDate: "1980-05-01",
    counted: true,
    medicalInsurance: true,
    schoolStatus: "not_applicable",
    dropoutMedicalExemption: false,
    laborCapacity: "full",
    ...overrides,
  };
}

export function child(birthDate: string, overrides: Partial<MemberInput> = {}): MemberInput {
  return adult({ birthDate, schoolStatus: "enrolled", laborCapacity: "none", ...overrides });
}

export type HouseholdOverrides = Partial<Omit<HouseholdInput, "income" | "water" | "housing">> & {
  income?: Partial<HouseholdInput["income"]>;
  water?: Partial<HouseholdInput["water"]>;
  housing?: Partial<HouseholdInput["housing"]>;
};

/** 2020, 4 counted adults, wages 40,000 (10,000 per capita), every indicator met. */
export function household(o: HouseholdOverrides = {}): HouseholdInput {
  const year = o.year ?? 2020;
  return {
    year,
    asOf: o.asOf ?? `${year}-12-31`,
    registeredStatus: o.registeredStatus ?? "not_registered",
    monitored: o.monitored ?? false,
    members: o.members ?? [adult(), adult(), adult(), adult()],
    income: { wages: 40_000, business: 0, businessCosts: 0, property: 0, transfers: 0, ...o.income },
    food: o.food ?? true,
    clothing: o.clothing ?? true,
    housing: { grade: "A", electricity: true, ...o.housing },
    water: {
      litresPerPersonDay: 40,
      waterScarceArea: false,
      piped: true,
      roundTripMinutes: 0,
      horizontalMetres: null,
      verticalMetres: null,
      qualitySafe: true,
      outageDaysPerYear: 0,
      ...o.water,
    },
    rigidExpenditure: o.rigidExpenditure ?? 0,
    previousYearIncome: o.previousYearIncome ?? null,
  };
}

/** A household of `n` counted adults whose per-capita income is exactly `perCapita` (via wages). */
export function withPerCapita(perCapita: number, o: HouseholdOverrides = {}, n = 4): HouseholdInput {
  const members = Array.from({ length: n }, () => adult());
  return household({ members, ...o, income: { wages: Math.round(perCapita * n * 100) / 100, ...o.income } });
}

export function policyFor(year: number, provinceCode: string | null = null): ResolvedPolicy {
  return resolvePolicy(DEFAULT_POLICY_ROWS, year, provinceCode);
}

export function run(input: HouseholdInput): Assessment {
  return assess(input, policyFor(input.year));
}

/** Not-water fields that make "not convenient" unless a test sets one. */
export const FAR_WATER = {
  piped: false,
  roundTripMinutes: null,
  horizontalMetres: null,
  verticalMetres: null,
} as const;
