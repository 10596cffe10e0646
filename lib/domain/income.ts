/** Indicator 1 (一达标): per-capita net income strictly above the poverty line. */
import { formatCents } from "./format";
import {
  countedMembers,
  excludedItems,
  excludedTotalCents,
  householdNetIncomeCents,
  transferItems,
  transfersTotalCents,
  type ExcludedItem,
  type HouseholdInput,
  type TransferItem,
} from "./household";
import { metResult, unmetResult, type IndicatorResult } from "./indicator";
import { divideCents, fromCents, toCents } from "./money";
import type { PolicyValues } from "./policy";

export interface IncomeNumbers {
  householdNetIncome: number;
  countedMembers: number;
  perCapitaIncome: number;
  povertyLine: number;
  /** perCapitaIncome - povertyLine (negative when below) */
  difference: number;
  /** counted transfers, by item, and their sum */
  transfers: Record<TransferItem, number>;
  transfersTotal: number;
  /** recorded but never counted (medical reimbursement, temporary relief, subsidies, gifts) */
  excluded: Record<ExcludedItem, number>;
  excludedTotal: number;
}

export function incomeIndicator(
  household: Pick<HouseholdInput, "income" | "members">,
  policy: Pick<PolicyValues, "povertyLine">,
): IndicatorResult<IncomeNumbers> {
  const n = countedMembers(household.members).length;
  if (n === 0) throw new RangeError("household has no counted member");
  const net = householdNetIncomeCents(household.income);
  const pc = divideCents(net, n);
  const line = toCents(policy.povertyLine);
  const diff = pc - line;
  const numbers: IncomeNumbers = {
    householdNetIncome: fromCents(net),
    countedMembers: n,
    perCapitaIncome: fromCents(pc),
    povertyLine: fromCents(line),
    difference: fromCents(diff),
    transfers: transferItems(household.income.transfers),
    transfersTotal: fromCents(transfersTotalCents(household.income.transfers)),
    excluded: excludedItems(household.income.excluded),
    excludedTotal: fromCents(excludedTotalCents(household.income.excluded)),
  };
  const P = formatCents(pc);
  const L = formatCents(line);

  if (diff > 0) {
    const D = formatCents(diff);
    return metResult(
      {
        zh: `人均纯收入 ${P} 元，高于 ${L} 元标准线 ${D} 元`,
        en: `Per-capita net income ${P} yuan is ${D} above the ${L} line`,
      },
      numbers,
    );
  }
  if (diff === 0) {
    return unmetResult(
      {
        zh: `人均纯收入 ${P} 元，恰好等于 ${L} 元标准线，未高于标准线`,
        en: `Per-capita net income ${P} yuan is exactly on the ${L} line, not above it`,
      },
      {
        zh: `人均纯收入须高于 ${L} 元标准线（目前恰好持平）`,
        en: `Per-capita net income must be above the ${L} line (it is exactly on it now)`,
      },
      numbers,
    );
  }
  const D = formatCents(-diff);
  const H = formatCents(-diff * n);
  return unmetResult(
    {
      zh: `人均纯收入 ${P} 元，低于 ${L} 元标准线 ${D} 元`,
      en: `Per-capita net income ${P} yuan is ${D} below the ${L} line`,
    },
    {
      zh: `人均纯收入须高于 ${L} 元标准线：人均需增加超过 ${D} 元（按 ${n} 名计入人口，家庭纯收入合计增加超过 ${H} 元）`,
      en: `Per-capita net income must be above the ${L} line: raise it by more than ${D} yuan per person (more than ${H} for the household of ${n} counted ${n === 1 ? "member" : "members"})`,
    },
    numbers,
  );
}
