/**
 * Assessed status (computed, never registered): below_standard < at_risk < secure.
 * Conventions: exactly on the monitoring threshold is not below it; rigid
 * expenditure must strictly exceed the previous year's income, and income must
 * fall strictly below the share of the previous year's, to count as a shock.
 * at_risk exists only from 2020, when monitoring began.
 */
import { toCents } from "./money";

export const ASSESSED_STATUSES = ["below_standard", "at_risk", "secure"] as const;
export type AssessedStatus = (typeof ASSESSED_STATUSES)[number];

/** Monitoring against relapse (防止返贫监测) began in 2020: a historical fact, not a setting. */
export const MONITORING_FIRST_YEAR = 2020;
/** The third monitoring category (突发严重困难户) began in 2021. */
export const SUDDEN_HARDSHIP_FIRST_YEAR = 2021;

/** Higher is better. */
export const STATUS_RANK: Record<AssessedStatus, number> = {
  below_standard: 0,
  at_risk: 1,
  secure: 2,
};

/** Rigid expenditure over the last 12 months exceeds the previous year's household income. */
export function isSuddenHardship(rigidExpenditure: number, previousYearIncome: number | null): boolean {
  return previousYearIncome !== null && toCents(rigidExpenditure) > toCents(previousYearIncome);
}

/** Household income of the last 12 months fell below `share` of the previous year's (收入大幅缩减). */
export function isIncomeDrop(householdIncome: number, previousYearIncome: number | null, share: number): boolean {
  if (previousYearIncome === null || previousYearIncome <= 0) return false;
  // exact in cents, share to 6 decimals
  const scale = 1_000_000n;
  return BigInt(toCents(householdIncome)) * scale < BigInt(Math.round(share * 1_000_000)) * BigInt(toCents(previousYearIncome));
}

/** A shock: rigid expenditure above last year's income, or income below the share of last year's. */
export function isShock(
  input: { rigidExpenditure: number; previousYearIncome: number | null; householdIncome: number },
  incomeDropShare: number,
): boolean {
  return (
    isSuddenHardship(input.rigidExpenditure, input.previousYearIncome) ||
    isIncomeDrop(input.householdIncome, input.previousYearIncome, incomeDropShare)
  );
}

/** Per-capita income strictly below the monitoring threshold (never, where there is none). */
export function isBelowMonitoringThreshold(perCapitaIncome: number, monitoringThreshold: number | null): boolean {
  return monitoringThreshold !== null && toCents(perCapitaIncome) < toCents(monitoringThreshold);
}

export function statusFrom(input: {
  allIndicatorsMet: boolean;
  perCapitaIncome: number;
  /** null before monitoring began */
  monitoringThreshold: number | null;
  suddenHardship: boolean;
  /** defaults to a year with monitoring */
  year?: number;
}): AssessedStatus {
  if (!input.allIndicatorsMet) return "below_standard";
  if ((input.year ?? MONITORING_FIRST_YEAR) < MONITORING_FIRST_YEAR) return "secure";
  if (input.suddenHardship) return "at_risk";
  if (isBelowMonitoringThreshold(input.perCapitaIncome, input.monitoringThreshold)) return "at_risk";
  return "secure";
}
