// The household facts a visit may update, as the visit form holds them (pre-filled with the
// current values), and the two diffs that make sure only real changes travel and land:
//  - diffFacts (the device): what the cadre changed against what the form was loaded with;
//  - pruneChanges (the server): what still differs from the household as it now stands.
// Pure: imported by the client form and by the server.
import type { HouseholdChanges } from "./household-changes";
import type { KeyUnder } from "@/i18n/keys";

export const INDICATOR_FIELDS = [
  "food",
  "clothing",
  "housingGrade",
  "safeAlternative",
  "electricity",
  "waterLitres",
  "waterScarceArea",
  "waterPiped",
  "waterRoundTripMin",
  "waterHorizontalM",
  "waterVerticalM",
  "waterQualitySafe",
  "waterOutageDays",
] as const;
export const INCOME_FIELDS = [
  "incomeWages",
  "incomeBusiness",
  "incomeBusinessCosts",
  "incomeProperty",
  // counted transfers, itemised; incomeTransfers is "other stable transfers"
  "transferSubsistence",
  "transferExtremeHardship",
  "transferPension",
  "transferEcological",
  "transferFamilyPlanning",
  "transferSupport",
  "incomeTransfers",
  // recorded, never counted as income
  "excludedMedical",
  "excludedTemporaryRelief",
  "excludedHousingSubsidy",
  "excludedRelocationSubsidy",
  "excludedGifts",
  "rigidExpenditure",
  "previousYearIncome",
] as const;
/** Income fields recorded but never counted (the form shows them as their own list). */
export const EXCLUDED_INCOME_FIELDS = new Set<string>([
  "excludedMedical",
  "excludedTemporaryRelief",
  "excludedHousingSubsidy",
  "excludedRelocationSubsidy",
  "excludedGifts",
]);
export const MEMBER_FIELDS = ["schoolStatus", "medicalInsurance", "laborCapacity", "health"] as const;

/** Numeric fields that may be empty (not measured / not known). */
export const NULLABLE_NUMBERS = new Set<string>(["waterRoundTripMin", "waterHorizontalM", "waterVerticalM", "previousYearIncome"]);
export const BOOLEAN_INDICATORS = new Set<string>(["food", "clothing", "electricity", "waterScarceArea", "waterPiped", "waterQualitySafe"]);

export type IndicatorField = (typeof INDICATOR_FIELDS)[number];
export type IncomeField = (typeof INCOME_FIELDS)[number];

/** Indicators as the form holds them: switches as booleans, numbers as the typed text. */
export type IndicatorFacts = {
  food: boolean;
  clothing: boolean;
  housingGrade: "A" | "B" | "C" | "D";
  /** "" when the family lives in its own house */
  safeAlternative: "" | "resettlement_flat" | "with_children" | "public_rental" | "other";
  electricity: boolean;
  waterLitres: string;
  waterScarceArea: boolean;
  waterPiped: boolean;
  waterRoundTripMin: string;
  waterHorizontalM: string;
  waterVerticalM: string;
  waterQualitySafe: boolean;
  waterOutageDays: string;
};
export type IncomeFacts = Record<IncomeField, string>;

/** Each income field's label key in the `household` namespace. */
export const INCOME_LABEL = {
  incomeWages: "wages",
  incomeBusiness: "business",
  incomeBusinessCosts: "businessCosts",
  incomeProperty: "property",
  incomeTransfers: "transferOther",
  rigidExpenditure: "rigid",
  previousYearIncome: "previousYear",
  transferSubsistence: "transferSubsistence",
  transferExtremeHardship: "transferExtremeHardship",
  transferPension: "transferPension",
  transferEcological: "transferEcological",
  transferFamilyPlanning: "transferFamilyPlanning",
  transferSupport: "transferSupport",
  excludedMedical: "excludedMedical",
  excludedTemporaryRelief: "excludedTemporaryRelief",
  excludedHousingSubsidy: "excludedHousingSubsidy",
  excludedRelocationSubsidy: "excludedRelocationSubsidy",
  excludedGifts: "excludedGifts",
} as const satisfies Record<IncomeField, KeyUnder<"household">>;
export interface MemberFacts {
  id: string;
  name: string;
  schoolStatus: string;
  medicalInsurance: boolean;
  laborCapacity: string;
  health: string;
  /** "" while the person is still in the household */
  leave: "" | "deceased" | "moved_out";
}
export interface HouseholdFacts {
  indicators: IndicatorFacts;
  income: IncomeFacts;
  members: MemberFacts[];
}

export interface NewMemberDraft {
  name: string;
  sex: string;
  birthDate: string;
  relation: string;
  nationalId: string;
}

type DecimalLike = number | string | { toString(): string } | null;
const text = (v: DecimalLike) => (v == null ? "" : String(v));

/** The household record (Prisma row or plain object) → the form's pre-filled facts. */
export function factsFromRecord(h: {
  food: boolean;
  clothing: boolean;
  housingGrade: string;
  safeAlternative?: string | null;
  electricity: boolean;
  waterLitres: DecimalLike;
  waterScarceArea: boolean;
  waterPiped: boolean;
  waterRoundTripMin: number | null;
  waterHorizontalM: number | null;
  waterVerticalM: number | null;
  waterQualitySafe: boolean;
  waterOutageDays: number;
  incomeWages: DecimalLike;
  incomeBusiness: DecimalLike;
  incomeBusinessCosts: DecimalLike;
  incomeProperty: DecimalLike;
  incomeTransfers: DecimalLike;
  rigidExpenditure: DecimalLike;
  previousYearIncome: DecimalLike;
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
  members: {
    id: string;
    name: string;
    active: boolean;
    schoolStatus: string;
    medicalInsurance: boolean;
    laborCapacity: string;
    health: string;
  }[];
}): HouseholdFacts {
  return {
    indicators: {
      food: h.food,
      clothing: h.clothing,
      housingGrade: h.housingGrade as IndicatorFacts["housingGrade"],
      safeAlternative: (h.safeAlternative ?? "") as IndicatorFacts["safeAlternative"],
      electricity: h.electricity,
      waterLitres: text(h.waterLitres),
      waterScarceArea: h.waterScarceArea,
      waterPiped: h.waterPiped,
      waterRoundTripMin: text(h.waterRoundTripMin),
      waterHorizontalM: text(h.waterHorizontalM),
      waterVerticalM: text(h.waterVerticalM),
      waterQualitySafe: h.waterQualitySafe,
      waterOutageDays: text(h.waterOutageDays),
    },
    income: Object.fromEntries(INCOME_FIELDS.map((k) => [k, text(h[k] ?? (k === "previousYearIncome" ? null : 0))])) as IncomeFacts,
    members: h.members
      .filter((m) => m.active)
      .map((m) => ({
        id: m.id,
        name: m.name,
        schoolStatus: m.schoolStatus,
        medicalInsurance: m.medicalInsurance,
        laborCapacity: m.laborCapacity,
        health: m.health,
        leave: "",
      })),
  };
}

function sameNumberText(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (x === "" || y === "") return x === y;
  const nx = Number(x);
  const ny = Number(y);
  return Number.isFinite(nx) && Number.isFinite(ny) ? nx === ny : x === y;
}

/** A typed number as it travels: empty → null where the field may be empty, else the text (zod coerces and checks it). */
function numberOut(field: string, value: string): string | null {
  const v = value.trim();
  return v === "" && NULLABLE_NUMBERS.has(field) ? null : v;
}

/** Raw (unparsed) changes, as the form sends them: only what differs from the loaded facts. */
export interface RawChanges {
  indicators?: Record<string, unknown>;
  income?: Record<string, unknown>;
  members?: Record<string, unknown>[];
  newMembers?: Record<string, unknown>[];
}

/** A new-member row the cadre began to fill in (an untouched empty row is not sent). */
export const draftFilled = (n: NewMemberDraft) => Boolean(n.name.trim() || n.birthDate || n.nationalId.trim());

/** What the cadre changed: nothing that equals the pre-filled value is sent. */
export function diffFacts(base: HouseholdFacts, edited: HouseholdFacts, newMembers: NewMemberDraft[] = []): RawChanges | undefined {
  const out: RawChanges = {};
  const indicators: Record<string, unknown> = {};
  for (const k of INDICATOR_FIELDS) {
    const a = base.indicators[k];
    const b = edited.indicators[k];
    if (k === "safeAlternative") {
      if (a !== b) indicators[k] = b === "" ? null : b;
    } else if (typeof a === "string" && typeof b === "string" && k !== "housingGrade") {
      if (!sameNumberText(a, b)) indicators[k] = numberOut(k, b);
    } else if (a !== b) indicators[k] = b;
  }
  if (Object.keys(indicators).length) out.indicators = indicators;
  const income: Record<string, unknown> = {};
  for (const k of INCOME_FIELDS) if (!sameNumberText(base.income[k], edited.income[k])) income[k] = numberOut(k, edited.income[k]);
  if (Object.keys(income).length) out.income = income;
  const members: Record<string, unknown>[] = [];
  for (const m of edited.members) {
    const before = base.members.find((x) => x.id === m.id);
    if (!before) continue;
    const change: Record<string, unknown> = {};
    for (const k of MEMBER_FIELDS) if (before[k] !== m[k]) change[k] = m[k];
    if (m.leave && m.leave !== before.leave) change.leave = m.leave;
    if (Object.keys(change).length) members.push({ id: m.id, ...change });
  }
  if (members.length) out.members = members;
  const added = newMembers.filter(draftFilled).map((n) => ({
    name: n.name.trim(),
    sex: n.sex,
    birthDate: n.birthDate,
    relation: n.relation,
    ...(n.nationalId.trim() ? { nationalId: n.nationalId.trim() } : {}),
  }));
  if (added.length) out.newMembers = added;
  return Object.keys(out).length ? out : undefined;
}

/** The member columns pruneChanges compares with (any of memberChangeSchema's fields). */
export interface CurrentMember {
  id: string;
  active: boolean;
  [field: string]: unknown;
}

export interface CurrentFacts {
  [field: string]: unknown;
  members: CurrentMember[];
}

function same(current: unknown, next: unknown): boolean {
  if (next === null || next === undefined) return current == null;
  if (typeof next === "number") return current != null && current !== "" && Number(String(current)) === next;
  return current === next;
}

/**
 * The server's diff: drops every change that equals the household as it now stands, so an
 * unchanged form never writes, never bumps the version and never conflicts. Unknown member ids
 * are kept (applyHouseholdChanges refuses them). Null when nothing is left.
 */
export function pruneChanges(current: CurrentFacts, changes: HouseholdChanges | undefined): HouseholdChanges | null {
  if (!changes) return null;
  const out: HouseholdChanges = {};
  const keep = <T extends Record<string, unknown>>(part: T | undefined) => {
    if (!part) return undefined;
    const rest = Object.fromEntries(Object.entries(part).filter(([k, v]) => v !== undefined && !same(current[k], v)));
    return Object.keys(rest).length ? (rest as Partial<T>) : undefined;
  };
  const indicators = keep(changes.indicators);
  if (indicators) out.indicators = indicators;
  const income = keep(changes.income);
  if (income) out.income = income;
  const members = (changes.members ?? []).flatMap((m) => {
    const cur = current.members.find((x) => x.id === m.id);
    if (!cur) return [m];
    const { id, leave, ...fields } = m;
    const rest = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && !same(cur[k], v)));
    if (leave && cur.active) Object.assign(rest, { leave });
    return Object.keys(rest).length ? [{ id, ...rest }] : [];
  });
  if (members.length) out.members = members;
  if (changes.newMembers?.length) out.newMembers = changes.newMembers;
  return Object.keys(out).length ? out : null;
}
