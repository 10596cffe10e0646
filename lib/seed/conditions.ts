/**
 * A household's income items and living conditions for its scenario. Per-capita targets are
 * whole yuan times the counted members, so "exactly on the line" is exact.
 */
import type { HousingGrade } from "@/lib/generated/prisma/client";
import type { Person } from "./people";
import type { Rng } from "./random";
import type { Scenario } from "./villages";

export interface Conditions {
  incomeWages: number;
  incomeBusiness: number;
  incomeBusinessCosts: number;
  incomeProperty: number;
  incomeTransfers: number;
  rigidExpenditure: number;
  previousYearIncome: number | null;
  food: boolean;
  clothing: boolean;
  housingGrade: HousingGrade;
  electricity: boolean;
  waterLitres: number;
  waterScarceArea: boolean;
  waterPiped: boolean;
  waterRoundTripMin: number;
  waterHorizontalM: number | null;
  waterVerticalM: number | null;
  waterQualitySafe: boolean;
  waterOutageDays: number;
}

/** Yearly amounts (yuan) used to build transfer income. */
export const TRANSFERS = {
  /** urban-rural residents' basic pension, per person aged 60+ */
  pension: 1_920,
  /** 低保, per covered person */
  dibao: 4_560,
} as const;

const round10 = (x: number) => Math.round(x / 10) * 10;

/**
 * Target per-capita net income for a scenario (whole yuan), against the current thresholds: the
 * poverty line 4,000 (carried from 2020) and the monitoring threshold 6,900 (2023, carried).
 */
export function perCapitaTarget(rng: Rng, scenario: Scenario): number {
  switch (scenario) {
    case "secure_on_threshold":
      return 6_900;
    case "income_on_line":
      return 4_000;
    case "at_risk_income":
      return rng.int(4_200, 6_800);
    case "income_below":
      return rng.int(2_600, 3_850);
    case "sudden_below":
      return rng.int(3_000, 3_800);
    case "secure": {
      const [lo, hi] = rng.weighted<readonly [number, number]>([
        [[7_000, 9_000], 20],
        [[9_000, 14_000], 45],
        [[14_000, 22_000], 30],
        [[22_000, 32_000], 5],
      ]);
      return rng.int(lo, hi);
    }
    default:
      // the scenario fails another indicator (or is a shock): income itself is fine
      return rng.int(6_900, 15_000);
  }
}

export function householdConditions(
  rng: Rng,
  scenario: Scenario,
  people: readonly Person[],
  village: { waterScarce?: boolean },
): Conditions {
  const counted = people.filter((p) => p.active && p.counted);
  const n = counted.length;
  const total = perCapitaTarget(rng, scenario) * n;

  // transfers: pensions, 低保, farmland and ecological subsidies
  const pensions = counted.filter((p) => p.pension).length * TRANSFERS.pension;
  const dibao = counted.filter((p) => p.subsistenceAllowance).length * TRANSFERS.dibao;
  let transfers = pensions + dibao + round10(rng.int(300, 900));
  let property = rng.chance(0.3) ? round10(rng.int(300, 2_400)) : 0;
  let business = 0;
  let costs = 0;
  if (rng.chance(0.4)) {
    business = round10(rng.int(3_000, 24_000));
    costs = round10(business * (0.35 + rng.float() * 0.3));
  }
  const canWork = counted.some((p) => p.laborCapacity !== "none" && p.age < 70);
  if (transfers > total * 0.85) transfers = Math.round(total * 0.6);
  let rest = total - transfers - property - (business - costs);
  if (rest < 0) {
    business = 0;
    costs = 0;
    rest = total - transfers - property;
  }
  if (rest < 0) {
    property = 0;
    rest = total - transfers;
  }
  let wages = rest;
  if (!canWork) {
    // nobody able to work: the rest is support from children living elsewhere (a transfer)
    transfers += wages;
    wages = 0;
  }

  const sudden = scenario === "sudden_hardship" || scenario === "sudden_below";
  let previousYearIncome: number | null = rng.chance(0.03) ? null : Math.round((total * (0.9 + rng.float() * 0.18)) / 100) * 100;
  let rigidExpenditure = rng.chance(0.55) ? 0 : round10(rng.int(200, 6_000));
  if (previousYearIncome !== null && rigidExpenditure > previousYearIncome * 0.4) {
    rigidExpenditure = round10(previousYearIncome * 0.3);
  }
  if (sudden) {
    previousYearIncome = Math.round((total * (0.85 + rng.float() * 0.15)) / 100) * 100;
    rigidExpenditure = round10(previousYearIncome * (1.2 + rng.float()));
  }

  const scarce = village.waterScarce === true;
  const c: Conditions = {
    incomeWages: wages,
    incomeBusiness: business,
    incomeBusinessCosts: costs,
    incomeProperty: property,
    incomeTransfers: transfers,
    rigidExpenditure,
    previousYearIncome,
    food: true,
    clothing: true,
    housingGrade: rng.chance(0.65) ? "A" : "B",
    electricity: true,
    waterLitres: scarce ? rng.int(24, 40) : rng.int(40, 90),
    waterScarceArea: scarce,
    waterPiped: true,
    waterRoundTripMin: 0,
    waterHorizontalM: null,
    waterVerticalM: null,
    waterQualitySafe: true,
    waterOutageDays: rng.int(0, 15),
  };

  switch (scenario) {
    case "housing_c":
      c.housingGrade = "C";
      break;
    case "housing_d":
      c.housingGrade = "D";
      break;
    case "no_electricity":
      c.electricity = false;
      break;
    case "water_quantity":
      c.waterLitres = 28;
      break;
    case "water_scarce_quantity":
      c.waterScarceArea = true;
      c.waterLitres = 18;
      break;
    case "water_scarce_ok":
      c.waterScarceArea = true;
      c.waterLitres = rng.int(20, 30);
      break;
    case "water_quality":
      c.waterQualitySafe = false;
      break;
    case "water_convenience":
      c.waterPiped = false;
      c.waterRoundTripMin = 35;
      c.waterHorizontalM = 1_200;
      c.waterVerticalM = 95;
      break;
    case "water_distance_ok":
      c.waterPiped = false;
      c.waterRoundTripMin = 30;
      c.waterHorizontalM = 650;
      c.waterVerticalM = 40;
      break;
    case "water_supply":
      c.waterOutageDays = 48;
      break;
    case "water_supply_edge":
      c.waterOutageDays = 36;
      break;
    case "food":
      c.food = false;
      break;
    case "clothing":
      c.clothing = false;
      break;
    default:
      break;
  }
  return c;
}
