/**
 * Where the assessed status and the registered status disagree, the household
 * is a candidate for a proposal to the next appraisal meeting (docs/rules.md).
 *
 *  - registered poor, income and every guarantee met: exit;
 *  - up to 2020, not registered or lifted, per-capita income strictly BELOW the
 *    line: identify (a lifted one is a relapse). Exactly on the line is neither
 *    identified nor exited; an unmet guarantee with income above the line is a
 *    guarantee gap for the county to close, never an identification;
 *  - 2020, not registered or lifted, not monitored, all met, income below the
 *    monitoring threshold: monitor (lifted -> unstable_lifted, else marginal);
 *  - from 2021, not registered or lifted, not monitored, and income below the
 *    threshold, a guarantee gap or a shock: monitor. Category: income within the
 *    range decides first, then a shock (sudden_hardship), then the gap alone.
 */
import type { RegisteredStatus } from "./household";
import { MONITORING_FIRST_YEAR, SUDDEN_HARDSHIP_FIRST_YEAR } from "./status";

export type CandidateKind = "identify" | "exit" | "monitor";
export type MonitoringCategory = "unstable_lifted" | "marginal" | "sudden_hardship";

/**
 * The national register closed to new entries after 2020; from 2021 nobody is
 * identified (neither by the engine nor by hand). A historical fact, not a tunable setting.
 */
export const LAST_IDENTIFICATION_YEAR = 2020;

/** May a household be proposed for identification in `year`? */
export function identificationOpen(year: number): boolean {
  return year <= LAST_IDENTIFICATION_YEAR;
}

export interface CandidateVerdict {
  candidate: CandidateKind | null;
  /** set only when candidate is "monitor" */
  monitoringCategory: MonitoringCategory | null;
}

export interface CandidateFacts {
  registeredStatus: RegisteredStatus;
  year: number;
  /** per-capita income strictly below the poverty line */
  incomeBelowLine: boolean;
  /** per-capita income strictly above the poverty line (the income indicator met) */
  incomeMet: boolean;
  /** every one of the six other indicators met */
  guaranteesMet: boolean;
  /** per-capita income strictly below the monitoring threshold (false where there is none) */
  belowThreshold: boolean;
  shock: boolean;
  /** already under registered monitoring */
  monitored: boolean;
}

/** Category of a monitoring candidate: income within the range first, then a shock, then a gap alone. */
export function monitoringCategoryFor(
  registeredStatus: RegisteredStatus,
  shock: boolean,
  belowThreshold = false,
  year: number = SUDDEN_HARDSHIP_FIRST_YEAR,
): MonitoringCategory {
  if (!belowThreshold && shock && year >= SUDDEN_HARDSHIP_FIRST_YEAR) return "sudden_hardship";
  return registeredStatus === "lifted" ? "unstable_lifted" : "marginal";
}

export function candidateFor(f: CandidateFacts): CandidateVerdict {
  const none: CandidateVerdict = { candidate: null, monitoringCategory: null };
  if (f.registeredStatus === "registered_poor") {
    return f.incomeMet && f.guaranteesMet ? { candidate: "exit", monitoringCategory: null } : none;
  }
  // not_registered or lifted
  if (identificationOpen(f.year) && f.incomeBelowLine) return { candidate: "identify", monitoringCategory: null };
  if (f.monitored || f.year < MONITORING_FIRST_YEAR) return none;
  const monitor = (): CandidateVerdict => ({
    candidate: "monitor",
    monitoringCategory: monitoringCategoryFor(f.registeredStatus, f.shock, f.belowThreshold, f.year),
  });
  if (f.year < SUDDEN_HARDSHIP_FIRST_YEAR) {
    return f.incomeMet && f.guaranteesMet && f.belowThreshold ? monitor() : none;
  }
  return f.belowThreshold || !f.guaranteesMet || f.shock ? monitor() : none;
}
