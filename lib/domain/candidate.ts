/**
 * Where the assessed status and the registered status disagree, the household
 * is a candidate for a proposal to the next appraisal meeting.
 */
import type { RegisteredStatus } from "./household";
import type { AssessedStatus } from "./status";

export type CandidateKind = "identify" | "exit" | "monitor";
export type MonitoringCategory = "unstable_lifted" | "marginal" | "sudden_hardship";

/**
 * The national register closed to new entries after 2020; from 2021 a household
 * below standard enters monitoring instead. A historical fact, not a tunable setting.
 */
export const LAST_IDENTIFICATION_YEAR = 2020;

export interface CandidateVerdict {
  candidate: CandidateKind | null;
  /** set only when candidate is "monitor" */
  monitoringCategory: MonitoringCategory | null;
}

export function monitoringCategoryFor(
  registeredStatus: RegisteredStatus,
  suddenHardship: boolean,
): MonitoringCategory {
  if (suddenHardship) return "sudden_hardship";
  if (registeredStatus === "lifted") return "unstable_lifted";
  return "marginal";
}

export function candidateFor(
  status: AssessedStatus,
  registeredStatus: RegisteredStatus,
  year: number,
  suddenHardship: boolean,
  monitored = false,
): CandidateVerdict {
  const none: CandidateVerdict = { candidate: null, monitoringCategory: null };
  // already monitored: staying at risk is what monitoring is for, not a mismatch
  if (monitored && status !== "secure" && registeredStatus !== "registered_poor") return none;
  if (registeredStatus === "registered_poor") {
    return status === "below_standard" ? none : { candidate: "exit", monitoringCategory: null };
  }
  // not_registered or lifted
  if (status === "secure") return none;
  if (status === "below_standard" && year <= LAST_IDENTIFICATION_YEAR) {
    return { candidate: "identify", monitoringCategory: null };
  }
  return {
    candidate: "monitor",
    monitoringCategory: monitoringCategoryFor(registeredStatus, suddenHardship),
  };
}
