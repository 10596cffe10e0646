/**
 * The household as the status engine sees it (the JSON contract), and the
 * income arithmetic over it. Pure.
 */
import { divideCents, fromCents, toCents, type Cents } from "./money";

export { ageOn } from "./dates";

export const REGISTERED_STATUSES = ["not_registered", "registered_poor", "lifted"] as const;
export type RegisteredStatus = (typeof REGISTERED_STATUSES)[number];

export const SCHOOL_STATUSES = ["enrolled", "home_taught", "graduated", "dropped_out", "not_applicable"] as const;
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

/**
 * Transfers that count as income (each named so a reader sees what was counted):
 * 低保金, 特困供养金, pensions, ecological compensation, family-planning awards,
 * support from children living apart (赡养费), other stable transfers.
 */
export const TRANSFER_ITEMS = ["subsistence", "extremeHardship", "pension", "ecological", "familyPlanning", "support", "other"] as const;
export type TransferItem = (typeof TRANSFER_ITEMS)[number];
export type TransferItems = Partial<Record<TransferItem, number>>;

/**
 * Money the household received that is recorded but NEVER counted as income:
 * medical reimbursement and assistance, temporary relief (临时救助), housing-repair
 * subsidy (危房改造补助), relocation subsidy (搬迁补助), one-off gifts. Counting these
 * was how "paper exits" were made.
 */
export const EXCLUDED_ITEMS = ["medicalReimbursement", "temporaryRelief", "housingSubsidy", "relocationSubsidy", "gifts"] as const;
export type ExcludedItem = (typeof EXCLUDED_ITEMS)[number];
export type ExcludedItems = Partial<Record<ExcludedItem, number>>;

/** Yuan per year, last 12 months; never negative (businessCosts may exceed business). */
export interface IncomeInput {
  wages: number;
  business: number;
  businessCosts: number;
  property: number;
  /** counted transfers: itemised, or one lump sum (read as "other") */
  transfers: number | TransferItems;
  /** recorded, never counted */
  excluded?: ExcludedItems;
}

/** Every transfer item with a value (0 when absent); a lump number is "other". */
export function transferItems(transfers: number | TransferItems): Record<TransferItem, number> {
  const items = typeof transfers === "number" ? { other: transfers } : transfers;
  return Object.fromEntries(TRANSFER_ITEMS.map((k) => [k, items[k] ?? 0])) as Record<TransferItem, number>;
}

export function excludedItems(excluded: ExcludedItems | undefined): Record<ExcludedItem, number> {
  return Object.fromEntries(EXCLUDED_ITEMS.map((k) => [k, excluded?.[k] ?? 0])) as Record<ExcludedItem, number>;
}

export function transfersTotalCents(transfers: number | TransferItems): Cents {
  const items = transferItems(transfers);
  return TRANSFER_ITEMS.reduce((sum, k) => sum + toCents(items[k]), 0);
}

export function excludedTotalCents(excluded: ExcludedItems | undefined): Cents {
  const items = excludedItems(excluded);
  return EXCLUDED_ITEMS.reduce((sum, k) => sum + toCents(items[k]), 0);
}

/** Safe alternative housing (a resettlement flat, with children in a safe home, public rental, other). */
export const SAFE_ALTERNATIVES = ["resettlement_flat", "with_children", "public_rental", "other"] as const;
export type SafeAlternative = (typeof SAFE_ALTERNATIVES)[number];

export interface HousingInput {
  grade: HousingGrade;
  electricity: boolean;
  /** the family lives in safe alternative housing: the guarantee is met whatever the old house's grade */
  safeAlternative?: SafeAlternative | null;
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
    transfersTotalCents(income.transfers)
  );
}

/** wages + business - businessCosts + property + counted transfers (never the excluded items), in yuan (may be negative). */
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
