/**
 * The household as the status engine sees it (the JSON contract), and the
 * income arithmetic over it. Pure.
 */
import { divideCents, fromCents, toCents, type Cents } from "./money";

export { ageOn } from "./dates";

export const REGISTERED_STATUSES = ["not_registered", "registered_poor", "lifted"] as const;
export type RegisteredStatus = (typeof REGISTERED_STATUSES)[number];

export const SCHOOL_STATUSES = [
  "enrolled",
  "home_taught",
  "graduated",
  "dropped_out",
  "not_applicable",
] as const;
export type SchoolStatus = (typeof SCHOOL_STATUSES)[number];

export const LABOR_CAPACITIES = ["full", "partial", "none"] as const;
export type LaborCapacity = (typeof LABOR_CAPACITIES)[number];

export const HOUSING_GRADES = ["A", "B", "C", "D"] as const;
export type HousingGrade = (typeof HOUSING_GRADES)[number];

export interface MemberInput {
  birthDate: string;
  /** false for members who are deceased, imprisoned, missing or do not share income */
  counted: boolean;
  medicalInsurance: boolean;
  schoolStatus: SchoolStatus;
  dropoutMedicalExemption: boolean;
  laborCapacity: LaborCapacity;
}

/** Yuan per year, last 12 months; never negative (businessCosts may exceed business). */
export interface IncomeInput {
  wages: number;
  business: number;
  businessCosts: number;
  property: number;
  transfers: number;
}

export interface HousingInput {
  grade: HousingGrade;
  electricity: boolean;
}

export interface WaterInput {
  litresPerPersonDay: number;
  waterScarceArea: boolean;
  piped: boolean;
  roundTripMinutes: number | null;
  horizontalMetres: number | null;
  verticalMetres: number | null;
  qualitySafe: boolean;
  outageDaysPerYear: number;
}

export interface HouseholdInput {
  year: number;
  /** YYYY-MM-DD; defaults to the year's 31 December */
  asOf: string;
  registeredStatus: RegisteredStatus;
  /** already under registered monitoring (from 2021): "monitor" is then no longer a candidate */
  monitored: boolean;
  members: MemberInput[];
  income: IncomeInput;
  food: boolean;
  clothing: boolean;
  housing: HousingInput;
  water: WaterInput;
  /** last 12 months' medical bills, disaster losses, ... (yuan) */
  rigidExpenditure: number;
  /** previous year's household income (yuan), null when unknown */
  previousYearIncome: number | null;
}

export function countedMembers(members: readonly MemberInput[]): MemberInput[] {
  return members.filter((m) => m.counted);
}

export function householdNetIncomeCents(income: IncomeInput): Cents {
  return (
    toCents(income.wages) +
    toCents(income.business) -
    toCents(income.businessCosts) +
    toCents(income.property) +
    toCents(income.transfers)
  );
}

/** wages + business - businessCosts + property + transfers, in yuan (may be negative). */
export function householdNetIncome(income: IncomeInput): number {
  return fromCents(householdNetIncomeCents(income));
}

/** Per-capita net income in cents; throws when no member is counted. */
export function perCapitaIncomeCents(household: Pick<HouseholdInput, "income" | "members">): Cents {
  const n = countedMembers(household.members).length;
  if (n === 0) throw new RangeError("household has no counted member");
  return divideCents(householdNetIncomeCents(household.income), n);
}

/** Per-capita net income in yuan, rounded to 2 decimals. */
export function perCapitaIncome(household: Pick<HouseholdInput, "income" | "members">): number {
  return fromCents(perCapitaIncomeCents(household));
}
