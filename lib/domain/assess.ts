/**
 * The status engine: one pure function from a household and a resolved policy
 * to an assessment that carries every verdict, the numbers behind it, what
 * would change it, and the policy version it was computed under.
 */
import { clothingIndicator, foodIndicator, type NoNumbers } from "./basic-needs";
import { candidateFor, type CandidateKind, type MonitoringCategory } from "./candidate";
import { educationIndicator, type EducationNumbers } from "./education";
import { formatCents } from "./format";
import { countedMembers, type ExcludedItems, type HouseholdInput, type RegisteredStatus, type TransferItems } from "./household";
import { housingIndicator, type HousingNumbers } from "./housing";
import { incomeIndicator, type IncomeNumbers } from "./income";
import { INDICATOR_KEYS, type IndicatorKey, type IndicatorResult } from "./indicator";
import { medicalIndicator, type MedicalNumbers } from "./medical";
import { toCents } from "./money";
import type { ResolvedPolicy } from "./policy";
import {
  isBelowMonitoringThreshold,
  isIncomeDrop,
  isSuddenHardship,
  MONITORING_FIRST_YEAR,
  statusFrom,
  type AssessedStatus,
} from "./status";
import { waterIndicator, type WaterNumbers } from "./water";

export { ageOn, countedMembers, householdNetIncome, perCapitaIncome } from "./household";
export { incomeIndicator } from "./income";
export { foodIndicator, clothingIndicator } from "./basic-needs";
export { medicalIndicator } from "./medical";
export { housingIndicator } from "./housing";
export { waterIndicator } from "./water";
export { educationIndicator } from "./education";
export { candidateFor, monitoringCategoryFor } from "./candidate";
export { statusFrom, isSuddenHardship, isIncomeDrop, isShock, STATUS_RANK } from "./status";

export interface Indicators {
  income: IndicatorResult<IncomeNumbers>;
  food: IndicatorResult<NoNumbers>;
  clothing: IndicatorResult<NoNumbers>;
  medical: IndicatorResult<MedicalNumbers>;
  housing: IndicatorResult<HousingNumbers>;
  water: IndicatorResult<WaterNumbers>;
  education: IndicatorResult<EducationNumbers>;
}

export type ChangeTarget = IndicatorKey | "monitoringThreshold" | "rigidExpenditure" | "incomeDrop";

export interface WhatWouldChange {
  indicator: ChangeTarget;
  zh: string;
  en: string;
}

export interface Assessment {
  status: AssessedStatus;
  registeredStatus: RegisteredStatus;
  candidate: CandidateKind | null;
  monitoringCategory: MonitoringCategory | null;
  /** identify of a lifted household: a relapse (返贫) */
  relapse: boolean;
  /** an unmet guarantee (one of the six other indicators) with income above the line: 三保障问题 */
  guaranteeGap: boolean;
  /** rigid expenditure above last year's income, or income below the share of last year's */
  shock: boolean;
  /** same as shock (kept for older readers) */
  suddenHardship: boolean;
  /** the income as recorded: counted items and the excluded ones (never counted) */
  income: {
    wages: number;
    business: number;
    businessCosts: number;
    property: number;
    transfers: number | TransferItems;
    excluded: ExcludedItems;
  };
  countedMembers: number;
  householdNetIncome: number;
  perCapitaIncome: number;
  povertyLine: number;
  /** true when the line comes from an earlier year's policy */
  povertyLineCarried: boolean;
  /** null before monitoring began (2020) */
  monitoringThreshold: number | null;
  monitoringThresholdCarried: boolean;
  /** the monitoring threshold is carried from more than a year before */
  thresholdStale: boolean;
  policyVersion: string;
  year: number;
  asOf: string;
  indicators: Indicators;
  whatWouldChange: WhatWouldChange[];
}

export function assess(input: HouseholdInput, policy: ResolvedPolicy): Assessment {
  if (policy.year !== input.year) {
    throw new RangeError(`policy is for ${policy.year}, household is assessed for ${input.year}`);
  }
  if (countedMembers(input.members).length === 0) {
    throw new RangeError("household has no counted member");
  }
  const p = policy.values;
  const indicators: Indicators = {
    income: incomeIndicator(input, p),
    food: foodIndicator(input.food),
    clothing: clothingIndicator(input.clothing),
    medical: medicalIndicator(input.members),
    housing: housingIndicator(input.housing),
    water: waterIndicator(input.water, p),
    education: educationIndicator(input.members, input.asOf, p),
  };
  const allIndicatorsMet = INDICATOR_KEYS.every((k) => indicators[k].met);
  const guaranteesMet = INDICATOR_KEYS.every((k) => k === "income" || indicators[k].met);
  const monitoring = input.year >= MONITORING_FIRST_YEAR;
  const threshold = monitoring ? p.monitoringThreshold : null;
  const thresholdSource = monitoring ? policy.sources.monitoringThreshold : null;
  const householdIncome = indicators.income.numbers.householdNetIncome;
  const rigidShock = isSuddenHardship(input.rigidExpenditure, input.previousYearIncome);
  const dropShock = isIncomeDrop(householdIncome, input.previousYearIncome, p.incomeDropShare);
  const shock = rigidShock || dropShock;
  const perCapita = indicators.income.numbers.perCapitaIncome;
  const incomeMet = indicators.income.met;
  const incomeBelowLine = indicators.income.numbers.difference < 0;
  const status = statusFrom({
    allIndicatorsMet,
    perCapitaIncome: perCapita,
    monitoringThreshold: threshold,
    suddenHardship: shock,
    year: input.year,
  });
  const belowThreshold = isBelowMonitoringThreshold(perCapita, threshold);
  const { candidate, monitoringCategory } = candidateFor({
    registeredStatus: input.registeredStatus,
    year: input.year,
    incomeBelowLine,
    incomeMet,
    guaranteesMet,
    belowThreshold,
    shock,
    monitored: input.monitored,
  });

  return {
    status,
    registeredStatus: input.registeredStatus,
    candidate,
    monitoringCategory,
    relapse: candidate === "identify" && input.registeredStatus === "lifted",
    guaranteeGap: !guaranteesMet && incomeMet,
    shock,
    suddenHardship: shock,
    income: {
      wages: input.income.wages,
      business: input.income.business,
      businessCosts: input.income.businessCosts,
      property: input.income.property,
      transfers: input.income.transfers,
      excluded: input.income.excluded ?? {},
    },
    countedMembers: indicators.income.numbers.countedMembers,
    householdNetIncome: householdIncome,
    perCapitaIncome: perCapita,
    povertyLine: p.povertyLine,
    povertyLineCarried: policy.sources.povertyLine.carried,
    monitoringThreshold: threshold,
    monitoringThresholdCarried: thresholdSource?.carried ?? false,
    thresholdStale: thresholdSource?.stale ?? false,
    policyVersion: policy.version,
    year: input.year,
    asOf: input.asOf,
    indicators,
    whatWouldChange: whatWouldChange(status, indicators, input, threshold, { rigidShock, dropShock, share: p.incomeDropShare }),
  };
}

function whatWouldChange(
  status: AssessedStatus,
  indicators: Indicators,
  input: HouseholdInput,
  monitoringThreshold: number | null,
  shock: { rigidShock: boolean; dropShock: boolean; share: number },
): WhatWouldChange[] {
  const out: WhatWouldChange[] = [];
  for (const key of INDICATOR_KEYS) {
    const r = indicators[key];
    if (!r.met) out.push({ indicator: key, zh: r.fix ?? r.reason, en: r.fixEn ?? r.reasonEn });
  }
  if (status !== "at_risk") return out;

  const perCapita = indicators.income.numbers.perCapitaIncome;
  if (monitoringThreshold !== null && isBelowMonitoringThreshold(perCapita, monitoringThreshold)) {
    const P = formatCents(toCents(perCapita));
    const T = formatCents(toCents(monitoringThreshold));
    const G = formatCents(toCents(monitoringThreshold) - toCents(perCapita));
    out.push({
      indicator: "monitoringThreshold",
      zh: `人均纯收入 ${P} 元，低于 ${T} 元监测线 ${G} 元；达到 ${T} 元及以上即不再因收入存在风险`,
      en: `Per-capita net income ${P} yuan is ${G} below the ${T} monitoring threshold; reaching ${T} or more removes the income risk`,
    });
  }
  if (shock.rigidShock && input.previousYearIncome !== null) {
    const R = formatCents(toCents(input.rigidExpenditure));
    const I = formatCents(toCents(input.previousYearIncome));
    const G = formatCents(toCents(input.rigidExpenditure) - toCents(input.previousYearIncome));
    out.push({
      indicator: "rigidExpenditure",
      zh: `刚性支出 ${R} 元超过上年家庭收入 ${I} 元 ${G} 元；刚性支出须降至不超过上年收入`,
      en: `Rigid expenditure ${R} yuan exceeds the previous year's household income of ${I} by ${G}; it must fall to no more than that income`,
    });
  }
  if (shock.dropShock && input.previousYearIncome !== null) {
    const N = formatCents(toCents(indicators.income.numbers.householdNetIncome));
    const I = formatCents(toCents(input.previousYearIncome));
    const S = `${Math.round(shock.share * 1000) / 10}%`;
    out.push({
      indicator: "incomeDrop",
      zh: `近 12 个月家庭纯收入 ${N} 元，低于上年收入 ${I} 元的 ${S}（收入大幅缩减）；须回升到上年收入的 ${S} 及以上`,
      en: `Household net income of the last 12 months, ${N} yuan, is below ${S} of last year's ${I} (a sharp drop); it must recover to ${S} of last year's or more`,
    });
  }
  return out;
}
