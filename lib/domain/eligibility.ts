// Which proposals a household's registered status admits: identification for a household not on
// the list, exit for a registered poor one, monitoring for one not already monitored (in the
// category its status allows), risk elimination for a monitored one. Pure (no server imports).
import type { ProposalKind } from "@/lib/domain/procedure";
import { identificationOpen, type MonitoringCategory } from "@/lib/domain/candidate";
import type { RegisteredStatus } from "@/lib/domain/household";

export type IneligibleReason =
  | "identify_closed"
  | "identify_already_registered"
  | "exit_not_registered"
  | "monitor_already_monitored"
  | "monitor_registered_poor"
  | "unstable_needs_lifted"
  | "marginal_needs_unregistered"
  | "eliminate_not_monitored";

export function proposalEligibility(
  kind: ProposalKind,
  category: MonitoringCategory | null,
  household: { registeredStatus: RegisteredStatus; monitoringCategory: MonitoringCategory | null },
  /** the year of the proposal: the list closed at the end of 2020 (nobody is identified from 2021) */
  year?: number,
): IneligibleReason | null {
  switch (kind) {
    case "identify":
      if (year !== undefined && !identificationOpen(year)) return "identify_closed";
      return household.registeredStatus === "registered_poor" ? "identify_already_registered" : null;
    case "exit":
      return household.registeredStatus === "registered_poor" ? null : "exit_not_registered";
    case "monitor":
      if (household.monitoringCategory !== null) return "monitor_already_monitored";
      if (household.registeredStatus === "registered_poor") return "monitor_registered_poor";
      if (category === "unstable_lifted" && household.registeredStatus !== "lifted") return "unstable_needs_lifted";
      if (category === "marginal" && household.registeredStatus !== "not_registered") return "marginal_needs_unregistered";
      return null;
    case "eliminate_risk":
      return household.monitoringCategory === null ? "eliminate_not_monitored" : null;
  }
}

/** Stages in which a proposal is still under way (a household has at most one). */
export const OPEN_STAGES = [
  "proposed",
  "comparison_explained",
  "on_agenda",
  "voted",
  "first_notice",
  "township_review",
  "second_notice",
  "county_approval",
  "reverify",
] as const;
