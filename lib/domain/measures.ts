// Measures by type (decision 0047): which category each kind belongs to, which details it
// carries, and the loan arithmetic of a microcredit. Pure: no I/O.

export const MEASURE_KINDS = [
  "industry",
  "microcredit",
  "employment",
  "public_welfare_job",
  "relocation",
  "ecological",
  "ecological_job",
  "ecological_compensation",
  "education",
  "yulu_plan",
  "two_exemptions",
  "health",
  "family_doctor",
  "serious_illness",
  "medical_assistance",
  "housing_renovation",
  "social_assistance",
  "dibao",
  "tekun",
  "temporary_relief",
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_CATEGORY_OF = {
  industry: "industry",
  microcredit: "industry",
  employment: "employment",
  public_welfare_job: "employment",
  relocation: "relocation",
  ecological: "ecological",
  ecological_job: "ecological",
  ecological_compensation: "ecological",
  education: "education",
  yulu_plan: "education",
  two_exemptions: "education",
  health: "health",
  family_doctor: "health",
  serious_illness: "health",
  medical_assistance: "health",
  housing_renovation: "housing",
  social_assistance: "social_assistance",
  dibao: "social_assistance",
  tekun: "social_assistance",
  temporary_relief: "social_assistance",
} as const satisfies Record<MeasureKind, string>;
export type MeasureCategoryOfKind = (typeof MEASURE_CATEGORY_OF)[MeasureKind];

export const MEASURE_RISKS = [
  "low_income",
  "income_drop",
  "medical_expense",
  "disaster_loss",
  "unsafe_housing",
  "unsafe_water",
  "dropout",
  "uninsured",
] as const;
export type MeasureRisk = (typeof MEASURE_RISKS)[number];

export const POVERTY_CAUSES = [
  "illness",
  "disability",
  "schooling",
  "disaster",
  "lack_of_land",
  "lack_of_water",
  "lack_of_skills",
  "lack_of_labour",
  "lack_of_capital",
  "poor_transport",
  "lack_of_drive",
  "other",
] as const;
export type PovertyCause = (typeof POVERTY_CAUSES)[number];

export const LOAN_STATUSES = ["current", "repaid", "overdue"] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** The details a kind carries beyond description, amount and dates. */
export type MeasureDetail = "bank" | "termMonths" | "interestSubsidy" | "loanStatus" | "repaidOn" | "overdueSince" | "post" | "monthlyPay";

const LOAN: readonly MeasureDetail[] = ["bank", "termMonths", "interestSubsidy", "loanStatus", "repaidOn", "overdueSince"];
const JOB: readonly MeasureDetail[] = ["post", "monthlyPay"];

export function detailsOf(kind: MeasureKind): readonly MeasureDetail[] {
  if (kind === "microcredit") return LOAN;
  if (kind === "public_welfare_job" || kind === "ecological_job") return JOB;
  return [];
}

/** A cause or a risk, as one value (a form's one select, an import's one column). */
export type MeasureAnswer = PovertyCause | MeasureRisk;

export function splitAnswer(a: MeasureAnswer): { cause: PovertyCause | null; risk: MeasureRisk | null } {
  return (POVERTY_CAUSES as readonly string[]).includes(a)
    ? { cause: a as PovertyCause, risk: null }
    : { cause: null, risk: a as MeasureRisk };
}

/** The loan's due date: the issue date plus the term in whole months, clamped to the month's last day. */
export function loanDueDate(issued: string, termMonths: number): string {
  const [y, m, d] = issued.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + termMonths;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, "0")}-${String(tm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Whole days a loan has been overdue on a day (0 before or on the date it fell overdue). */
export function daysOverdue(overdueSince: string, on: string): number {
  const ms = Date.parse(`${on}T00:00:00Z`) - Date.parse(`${overdueSince}T00:00:00Z`);
  return Math.max(0, Math.floor(ms / 86_400_000));
}
