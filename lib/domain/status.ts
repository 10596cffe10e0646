/**
 * Assessed status (computed, never registered): below_standard < at_risk < secure.
 * Conventions: exactly on the monitoring threshold is not below it; rigid
 * expenditure must strictly exceed the previous year's income to count as a shock.
 */
import { toCents } from "./money";

export const ASSESSED_STATUSES = ["below_standard", "at_risk", "secure"] as const;
export type AssessedStatus = (typeof ASSESSED_STATUSES)[number];

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

/** Per-capita income strictly below the monitoring threshold. */
export function isBelowMonitoringThreshold(perCapitaIncome: number, monitoringThreshold: number): boolean {
  return toCents(perCapitaIncome) < toCents(monitoringThreshold);
}

export function statusFrom(input: {
  allIndicatorsMet: boolean;
  perCapitaIncome: number;
  monitoringThreshold: number;
  suddenHardship: boolean;
}): AssessedStatus {
  if (!input.allIndicatorsMet) return "below_standard";
  if (input.suddenHardship) return "at_risk";
  if (isBelowMonitoringThreshold(input.perCapitaIncome, input.monitoringThreshold)) return "at_risk";
  return "secure";
}
