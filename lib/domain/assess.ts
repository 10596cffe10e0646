/**
 * The status engine: one pure function from a household and a resolved policy
 * to an assessment that carries every verdict, the numbers behind it, what
 * would change it, and the policy version it was computed under.
 */
import { clothingIndicator, foodIndicator, type NoNumbers } from "./basic-needs";
import { candidateFor, type CandidateKind, type MonitoringCategory } from "./candidate";
import { educationIndicator, type EducationNumbers } from "./education";
import { formatCents } from "./format";
import { countedMembers, type HouseholdInput, type RegisteredStatus } from "./household";
import { housingIndicator, type HousingNumbers } from "./housing";
import { incomeIndicator, type IncomeNumbers } from "./income";
import { INDICATOR_KEYS, type IndicatorKey, type IndicatorResult } from "./indicator";
import { medicalIndicator, type MedicalNumbers } from "./medical";
import { toCents } from "./money";
import type { ResolvedPolicy } from "./policy";
import { isBelowMonitoringThreshold, isSuddenHardship, statusFrom, type AssessedStatus } from "./status";
import { waterIndicator, type WaterNumbers } from "./water";

export { ageOn, countedMembers, householdNetIncome, perCapitaIncome } from "./household";
export { incomeIndicator } from "./income";
export { foodIndicator, clothingIndicator } from "./basic-needs";
export { medicalIndicator } from "./medical";
export { housingIndicator } from "./housing";
export { waterIndicator } from "./water";
export { educationIndicator } from "./education";
export { candidateFor, monitoringCategoryFor } from "./candidate";
export { statusFrom, isSuddenHardship, STATUS_RANK } from "./status";

export interface Indicators {
  income: IndicatorResult<IncomeNumbers>;
  food: IndicatorResult<NoNumbers>;
  clothing: IndicatorResult<NoNumbers>;
  medical: IndicatorResult<MedicalNumbers>;
  housing: IndicatorResult<HousingNumbers>;
  water: IndicatorResult<WaterNumbers>;
  education: IndicatorResult<EducationNumbers>;
}

export type ChangeTarget = IndicatorKey | "monitoringThreshold" | "rigidExpenditure";

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
  suddenHardship: boolean;
  countedMembers: number;
  householdNetIncome: number;
  perCapitaIncome: number;
  povertyLine: number;
  /** true when the line comes from an earlier year's policy */
  povertyLineCarried: boolean;
  monitoringThreshold: number;
  monitoringThresholdCarried: boolean;
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
  const suddenHardship = isSuddenHardship(input.rigidExpenditure, input.previousYearIncome);
  const perCapita = indicators.income.numbers.perCapitaIncome;
  const status = statusFrom({
    allIndicatorsMet,
    perCapitaIncome: perCapita,
    monitoringThreshold: p.monitoringThreshold,
    suddenHardship,
  });
  const { candidate, monitoringCategory } = candidateFor(
    status,
    input.registeredStatus,
    input.year,
    suddenHardship,
    input.monitored,
  );

  return {
    status,
    registeredStatus: input.registeredStatus,
    candidate,
    monitoringCategory,
    suddenHardship,
    countedMembers: indicators.income.numbers.countedMembers,
    householdNetIncome: indicators.income.numbers.householdNetIncome,
    perCapitaIncome: perCapita,
    povertyLine: p.povertyLine,
    povertyLineCarried: policy.sources.povertyLine.carried,
    monitoringThreshold: p.monitoringThreshold,
    monitoringThresholdCarried: policy.sources.monitoringThreshold.carried,
    policyVersion: policy.version,
    year: input.year,
    asOf: input.asOf,
    indicators,
    whatWouldChange: whatWouldChange(status, indicators, input, p.monitoringThreshold, suddenHardship),
  };
}

function whatWouldChange(
  status: AssessedStatus,
  indicators: Indicators,
  input: HouseholdInput,
  monitoringThreshold: number,
  suddenHardship: boolean,
): WhatWouldChange[] {
  const out: WhatWouldChange[] = [];
  for (const key of INDICATOR_KEYS) {
    const r = indicators[key];
    if (!r.met) out.push({ indicator: key, zh: r.fix ?? r.reason, en: r.fixEn ?? r.reasonEn });
  }
  if (status !== "at_risk") return out;

  const perCapita = indicators.income.numbers.perCapitaIncome;
  if (isBelowMonitoringThreshold(perCapita, monitoringThreshold)) {
    const P = formatCents(toCents(perCapita));
    const T = formatCents(toCents(monitoringThreshold));
    const G = formatCents(toCents(monitoringThreshold) - toCents(perCapita));
    out.push({
      indicator: "monitoringThreshold",
      zh: `人均纯收入 ${P} 元，低于 ${T} 元监测线 ${G} 元；达到 ${T} 元及以上即不再因收入存在风险`,
      en: `Per-capita net income ${P} yuan is ${G} below the ${T} monitoring threshold; reaching ${T} or more removes the income risk`,
    });
  }
  if (suddenHardship && input.previousYearIncome !== null) {
    const R = formatCents(toCents(input.rigidExpenditure));
    const I = formatCents(toCents(input.previousYearIncome));
    const G = formatCents(toCents(input.rigidExpenditure) - toCents(input.previousYearIncome));
    out.push({
      indicator: "rigidExpenditure",
      zh: `刚性支出 ${R} 元超过上年家庭收入 ${I} 元 ${G} 元；刚性支出须降至不超过上年收入`,
      en: `Rigid expenditure ${R} yuan exceeds the previous year's household income of ${I} by ${G}; it must fall to no more than that income`,
    });
  }
  return out;
}
