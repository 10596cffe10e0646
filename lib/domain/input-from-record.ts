/**
 * Builds the status engine's HouseholdInput (the JSON contract) from a stored household
 * row and its members. Pure: no Prisma import. The record types are structural, so a
 * Prisma row (Decimal columns arrive as Decimal objects) fits, and so does a plain object.
 */
import type {
  ExcludedItem,
  HouseholdInput,
  HousingGrade,
  LaborCapacity,
  MemberInput,
  RegisteredStatus,
  SafeAlternative,
  SchoolStatus,
  TransferItem,
} from "@/lib/domain/household";

/** The column of each counted transfer item ("other" is the old lump column). */
export const TRANSFER_COLUMNS = {
  subsistence: "transferSubsistence",
  extremeHardship: "transferExtremeHardship",
  pension: "transferPension",
  ecological: "transferEcological",
  familyPlanning: "transferFamilyPlanning",
  support: "transferSupport",
  other: "incomeTransfers",
} as const satisfies Record<TransferItem, string>;

/** The column of each recorded-but-never-counted item. */
export const EXCLUDED_COLUMNS = {
  medicalReimbursement: "excludedMedical",
  temporaryRelief: "excludedTemporaryRelief",
  housingSubsidy: "excludedHousingSubsidy",
  relocationSubsidy: "excludedRelocationSubsidy",
  gifts: "excludedGifts",
} as const satisfies Record<ExcludedItem, string>;

export type TransferColumn = (typeof TRANSFER_COLUMNS)[TransferItem];
export type ExcludedColumn = (typeof EXCLUDED_COLUMNS)[ExcludedItem];

/** A number, a numeric string, or a Decimal-like object (Prisma.Decimal has toString()). */
export type DecimalLike = number | string | { toString(): string };

/** The Household columns the engine reads. */
export interface HouseholdRecord {
  registeredStatus: RegisteredStatus;
  /** registered monitoring category, when the household is under monitoring */
  monitoringCategory?: string | null;
  incomeWages: DecimalLike;
  incomeBusiness: DecimalLike;
  incomeBusinessCosts: DecimalLike;
  incomeProperty: DecimalLike;
  /** "other stable transfers" (before itemisation: every transfer) */
  incomeTransfers: DecimalLike;
  /** itemised transfers and excluded receipts; absent (older readers) counts as 0 */
  transferSubsistence?: DecimalLike;
  transferExtremeHardship?: DecimalLike;
  transferPension?: DecimalLike;
  transferEcological?: DecimalLike;
  transferFamilyPlanning?: DecimalLike;
  transferSupport?: DecimalLike;
  excludedMedical?: DecimalLike;
  excludedTemporaryRelief?: DecimalLike;
  excludedHousingSubsidy?: DecimalLike;
  excludedRelocationSubsidy?: DecimalLike;
  excludedGifts?: DecimalLike;
  safeAlternative?: SafeAlternative | null;
  rigidExpenditure: DecimalLike;
  previousYearIncome: DecimalLike | null;
  food: boolean;
  clothing: boolean;
  housingGrade: HousingGrade;
  electricity: boolean;
  waterLitres: DecimalLike;
  waterScarceArea: boolean;
  waterPiped: boolean;
  waterRoundTripMin: number | null;
  waterHorizontalM: number | null;
  waterVerticalM: number | null;
  waterQualitySafe: boolean;
  waterOutageDays: number;
}

type DecimalField =
  "incomeWages" | "incomeBusiness" | "incomeBusinessCosts" | "incomeProperty" | "incomeTransfers" | "rigidExpenditure" | "waterLitres";

/** The Member columns the engine reads. */
export interface MemberRecord {
  birthDate: Date;
  counted: boolean;
  /** members who left the household (moved out, died) are kept but not assessed */
  active: boolean;
  medicalInsurance: boolean;
  schoolStatus: SchoolStatus;
  dropoutMedicalExemption: boolean;
  laborCapacity: LaborCapacity;
}

/** Number(String(x)); throws on anything that is not a finite number. */
export function decimalToNumber(value: DecimalLike, field: string): number {
  const n = typeof value === "number" ? value : Number(String(value));
  if (!Number.isFinite(n)) {
    throw new RangeError(`${field} is not a number: ${String(value)}`);
  }
  return n;
}

/** A @db.Date value (midnight UTC) as YYYY-MM-DD, read in UTC. */
export function isoDateUtc(date: Date): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`not a valid date: ${String(date)}`);
  }
  return date.toISOString().slice(0, 10);
}

export function memberInputFromRecord(m: MemberRecord): MemberInput {
  return {
    birthDate: isoDateUtc(m.birthDate),
    counted: m.counted,
    medicalInsurance: m.medicalInsurance,
    schoolStatus: m.schoolStatus,
    dropoutMedicalExemption: m.dropoutMedicalExemption,
    laborCapacity: m.laborCapacity,
  };
}

/**
 * @param year assessment year (selects the policy)
 * @param asOf assessment date, YYYY-MM-DD or a Date (read in UTC)
 * @param registeredStatus overrides the row's status (e.g. for a historical assessment)
 * @param monitored overrides "under registered monitoring" (default: monitoringCategory is set)
 */
export function householdInputFromRecord(
  h: HouseholdRecord,
  members: readonly MemberRecord[],
  year: number,
  asOf: string | Date,
  registeredStatus?: RegisteredStatus,
  monitored?: boolean,
): HouseholdInput {
  const num = (field: DecimalField) => decimalToNumber(h[field], field);
  const opt = (field: TransferColumn | ExcludedColumn) => {
    const v = h[field];
    return v === undefined || v === null ? 0 : decimalToNumber(v, field);
  };
  return {
    year,
    asOf: typeof asOf === "string" ? asOf : isoDateUtc(asOf),
    registeredStatus: registeredStatus ?? h.registeredStatus,
    monitored: monitored ?? (h.monitoringCategory ?? null) !== null,
    members: members.filter((m) => m.active).map(memberInputFromRecord),
    income: {
      wages: num("incomeWages"),
      business: num("incomeBusiness"),
      businessCosts: num("incomeBusinessCosts"),
      property: num("incomeProperty"),
      transfers: Object.fromEntries(Object.entries(TRANSFER_COLUMNS).map(([item, col]) => [item, opt(col)])) as Record<
        TransferItem,
        number
      >,
      excluded: Object.fromEntries(Object.entries(EXCLUDED_COLUMNS).map(([item, col]) => [item, opt(col)])) as Record<ExcludedItem, number>,
    },
    food: h.food,
    clothing: h.clothing,
    housing: { grade: h.housingGrade, electricity: h.electricity, safeAlternative: h.safeAlternative ?? null },
    water: {
      litresPerPersonDay: num("waterLitres"),
      waterScarceArea: h.waterScarceArea,
      piped: h.waterPiped,
      roundTripMinutes: h.waterRoundTripMin,
      horizontalMetres: h.waterHorizontalM,
      verticalMetres: h.waterVerticalM,
      qualitySafe: h.waterQualitySafe,
      outageDaysPerYear: h.waterOutageDays,
    },
    rigidExpenditure: num("rigidExpenditure"),
    previousYearIncome: h.previousYearIncome === null ? null : decimalToNumber(h.previousYearIncome, "previousYearIncome"),
  };
}

/** The itemised-income and safe-housing columns, for a Prisma `select`. */
export const ITEM_FIELDS_SELECT = {
  transferSubsistence: true,
  transferExtremeHardship: true,
  transferPension: true,
  transferEcological: true,
  transferFamilyPlanning: true,
  transferSupport: true,
  excludedMedical: true,
  excludedTemporaryRelief: true,
  excludedHousingSubsidy: true,
  excludedRelocationSubsidy: true,
  excludedGifts: true,
  safeAlternative: true,
} as const;
