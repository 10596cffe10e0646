// Department data feeds (大数据比对, docs/department-feeds.md): which facts each department sends,
// what a matched fact does, how one row is checked, and when a department is stale. Pure.
import type { ComparisonFlagCode } from "./procedure";

export const DEPARTMENTS = [
  "public_security",
  "housing",
  "market_regulation",
  "civil_affairs",
  "education",
  "medical_insurance",
  "human_resources",
] as const;
export type DepartmentCode = (typeof DEPARTMENTS)[number];

export function isDepartment(v: string): v is DepartmentCode {
  return (DEPARTMENTS as readonly string[]).includes(v);
}

/** The help lead's category a lead fact opens. */
export type LeadCategory = "illness" | "job_loss" | "school" | "other";

export interface FactSpec {
  department: DepartmentCode;
  /** the fact's date column must be filled */
  date: boolean;
  /** the value column must hold an amount (yuan) */
  value: boolean;
  /** matched to members who left the household too (deaths, moves) */
  former: boolean;
  /** a comparison flag on the household and its open proposal */
  flag?: ComparisonFlagCode;
  /** an early-warning lead for the household's cadre */
  lead?: LeadCategory;
  /** an indicator fact written to the member */
  fact?: { field: "medicalInsurance"; to: boolean } | { field: "schoolStatus"; to: "enrolled" | "dropped_out" };
}

export const FEED_FACTS = {
  // public security: vehicles, deaths, household registration
  vehicle: { department: "public_security", date: false, value: true, former: false, flag: "vehicle" },
  death: { department: "public_security", date: true, value: false, former: true, lead: "other" },
  // a registration moved out: the cadre verifies whether the person left the household (a visit records it)
  moved_out: { department: "public_security", date: true, value: false, former: true, lead: "other" },
  // housing and property
  commercial_housing: { department: "housing", date: false, value: false, former: false, flag: "commercial_housing" },
  // market regulation
  business: { department: "market_regulation", date: false, value: false, former: false, flag: "business" },
  // civil affairs: 低保, disability, the village committee roster
  village_committee: { department: "civil_affairs", date: false, value: false, former: false, flag: "village_committee" },
  disability_certificate: { department: "civil_affairs", date: true, value: false, former: false, lead: "illness" },
  dibao_start: { department: "civil_affairs", date: true, value: false, former: false, lead: "other" },
  dibao_stop: { department: "civil_affairs", date: true, value: false, former: false, lead: "other" },
  // education: enrolment
  enrolled: { department: "education", date: false, value: false, former: false, fact: { field: "schoolStatus", to: "enrolled" } },
  not_enrolled: {
    department: "education",
    date: false,
    value: false,
    former: false,
    lead: "school",
    fact: { field: "schoolStatus", to: "dropped_out" },
  },
  // medical insurance: enrolment, large out-of-pocket bills
  insured: { department: "medical_insurance", date: false, value: false, former: false, fact: { field: "medicalInsurance", to: true } },
  not_insured: {
    department: "medical_insurance",
    date: false,
    value: false,
    former: false,
    fact: { field: "medicalInsurance", to: false },
  },
  large_bill: { department: "medical_insurance", date: true, value: true, former: false, lead: "illness" },
  // human resources: employment
  public_employee: { department: "human_resources", date: false, value: false, former: false, flag: "public_employee" },
  job_loss: { department: "human_resources", date: true, value: false, former: false, lead: "job_loss" },
} as const satisfies Record<string, FactSpec>;

export type FeedFact = keyof typeof FEED_FACTS;
export const FEED_FACT_CODES = Object.keys(FEED_FACTS) as FeedFact[];

export function isFeedFact(v: string): v is FeedFact {
  return Object.hasOwn(FEED_FACTS, v);
}

export function factsOf(department: DepartmentCode): FeedFact[] {
  return FEED_FACT_CODES.filter((f) => FEED_FACTS[f].department === department);
}

/** Facts matched to former members as well as active ones. */
export const FORMER_FACTS: readonly FeedFact[] = FEED_FACT_CODES.filter((f) => FEED_FACTS[f].former);

// ───────────────────────── what a matched fact does ─────────────────────────

export interface MemberFacts {
  active: boolean;
  laborCapacity: "full" | "partial" | "none";
}

/**
 * Whether a matched lead fact opens a lead: a large bill at or above the policy's amount; a death
 * only of a member who could work (a working member's death is the household's shock); the others
 * always.
 */
export function opensLead(fact: FeedFact, value: number | null, member: MemberFacts, policy: { feedLargeMedicalBill: number }): boolean {
  const spec: FactSpec = FEED_FACTS[fact];
  if (!spec.lead) return false;
  if (fact === "large_bill") return value !== null && value >= policy.feedLargeMedicalBill;
  if (fact === "death") return member.laborCapacity !== "none";
  return member.active;
}

/** Whether a matched flag fact raises its flag: a vehicle only at or above the policy's value. */
export function raisesFlag(fact: FeedFact, value: number | null, policy: { comparisonVehicleValue: number }): boolean {
  const spec: FactSpec = FEED_FACTS[fact];
  if (!spec.flag) return false;
  if (fact === "vehicle") return value !== null && value >= policy.comparisonVehicleValue;
  return true;
}

/**
 * The key that makes the same fact from a later feed produce nothing new: a flag is one per
 * person and code (it stands until someone clears it); a lead one per person, fact and date (a
 * death, once).
 */
export function findingKey(kind: "flag" | "lead", code: string, nationalId: string, date: string | null): string {
  if (kind === "flag") return `flag:${code}:${nationalId}`;
  return `lead:${code}:${nationalId}:${code === "death" ? "" : (date ?? "")}`;
}

// ───────────────────────── the county page ─────────────────────────

/** YYYY-MM-DD `months` months before `day` (the same day of the month, or the month's last day). */
export function monthsBefore(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 - months;
  const d = Number(day.slice(8, 10));
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate();
  return `${yy}-${String(mm + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * A department is stale when its latest feed's as-of day lies more than `months` months before
 * `today` (exactly `months` months is not yet stale), or it was never loaded.
 */
export function isStale(latestAsOf: string | null, today: string, months: number): boolean {
  if (latestAsOf === null) return true;
  return latestAsOf < monthsBefore(today, months);
}
