/**
 * The five CSV files of docs/import-format.md as the generator writes them: English headers in
 * the contract's order, RFC 4180 quoting, "\n" line ends, UTF-8 without a BOM. Pure.
 */
import type { GenHousehold } from "./household";
import type { RegionRow } from "./tree";

export const FILES = ["regions.csv", "households.csv", "members.csv", "income.csv", "indicators.csv"] as const;
export type FileName = (typeof FILES)[number];

export const COLUMNS: Record<FileName, readonly string[]> = {
  "regions.csv": ["code", "parent_code", "level", "name", "name_en"],
  "households.csv": [
    "village_code",
    "household_number",
    "head_name",
    "address",
    "phone",
    "registered_status",
    "registered_at",
    "lifted_at",
    "main_cause",
  ],
  "members.csv": [
    "village_code",
    "household_number",
    "name",
    "national_id",
    "sex",
    "birth_date",
    "relation",
    "education",
    "school_status",
    "health",
    "labor_capacity",
    "work_status",
    "medical_insurance",
    "pension",
    "subsistence_allowance",
    "counted",
  ],
  "income.csv": [
    "village_code",
    "household_number",
    "wages",
    "business",
    "business_costs",
    "property",
    "transfers",
    "rigid_expenditure",
    "previous_year_income",
  ],
  "indicators.csv": [
    "village_code",
    "household_number",
    "food",
    "clothing",
    "housing_grade",
    "electricity",
    "water_litres",
    "water_scarce_area",
    "water_piped",
    "water_round_trip_min",
    "water_horizontal_m",
    "water_vertical_m",
    "water_quality_safe",
    "water_outage_days",
  ],
};

const NEEDS_QUOTES = /[",\r\n]/;

export function field(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function line(values: readonly string[]): string {
  let out = field(values[0] ?? "");
  for (let i = 1; i < values.length; i++) out += "," + field(values[i]!);
  return out + "\n";
}

export const headerLine = (file: FileName) => line(COLUMNS[file]);

const b = (v: boolean) => (v ? "1" : "0");

export function regionLine(r: RegionRow): string {
  return line([r.code, r.parentCode ?? "", r.level, r.name, r.nameEn ?? ""]);
}

export function householdLine(village: string, h: GenHousehold): string {
  return line([village, h.number, h.headName, h.address, h.phone, h.registeredStatus, h.registeredAt, h.liftedAt, h.mainCause]);
}

export function memberLines(village: string, h: GenHousehold): string {
  let out = "";
  for (const m of h.members) {
    out += line([
      village,
      h.number,
      m.name,
      m.nationalId,
      m.sex,
      m.birthDate,
      m.relation,
      m.education,
      m.schoolStatus,
      m.health,
      m.laborCapacity,
      m.workStatus,
      b(m.medicalInsurance),
      b(m.pension),
      b(m.subsistenceAllowance),
      b(m.counted),
    ]);
  }
  return out;
}

export function incomeLine(village: string, h: GenHousehold): string {
  const i = h.income;
  return line([village, h.number, i.wages, i.business, i.businessCosts, i.property, i.transfers, i.rigidExpenditure, i.previousYearIncome]);
}

export function indicatorLine(village: string, h: GenHousehold): string {
  const x = h.indicators;
  return line([
    village,
    h.number,
    b(x.food),
    b(x.clothing),
    x.housingGrade,
    b(x.electricity),
    x.waterLitres,
    b(x.waterScarceArea),
    b(x.waterPiped),
    x.waterRoundTripMin,
    x.waterHorizontalM,
    x.waterVerticalM,
    b(x.waterQualitySafe),
    String(x.waterOutageDays),
  ]);
}
