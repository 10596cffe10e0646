/**
 * A designated poor village's exit (贫困村退出): each criterion met, not met, or pending the
 * county's judgment, with the reason. Pure.
 *
 *   incidence          registered-poor PEOPLE ÷ registered rural population, at most the policy's
 *                      threshold (降至2%以下: 以下 includes the number; 3% in the west). Judged by
 *                      villageIncidence (exit-metrics.ts), the same function as the county's list.
 *                      No registered population: cannot be shown to pass.
 *   road, water, power, clinic, school
 *                      in place or not, as the village recorded them
 *   collective income  recorded per village and year, judged by the county (no national figure):
 *                      not recorded: not met (the county has nothing to judge); recorded and not
 *                      yet judged: pending; then as the county judged it (met / not met)
 *
 * The village may propose its exit when no criterion is unmet (the collective income may be
 * pending: the county judges it when it approves); the county may approve it only when every
 * criterion is met.
 */
import { villageIncidence } from "./exit-metrics";
import { formatCents } from "./format";
import { toCents } from "./money";
import type { PolicyValues, RegionZone } from "./policy";

export const VILLAGE_EXIT_FACILITIES = ["road", "water", "power", "clinic", "school"] as const;
export type VillageExitFacility = (typeof VILLAGE_EXIT_FACILITIES)[number];
export const VILLAGE_EXIT_CRITERIA = ["incidence", ...VILLAGE_EXIT_FACILITIES, "collective_income"] as const;
export type VillageExitCriterionKey = (typeof VILLAGE_EXIT_CRITERIA)[number];

export type VillageExitPolicy = Pick<PolicyValues, "exitIncidenceEast" | "exitIncidenceWest">;

/** The county's judgment of the village's collective income. */
export const INCOME_JUDGMENTS = ["met", "not_met"] as const;
export type IncomeJudgment = (typeof INCOME_JUDGMENTS)[number];

export interface VillageExitFacts {
  /** registered-poor people of the village (members of its registered-poor households) */
  poorPeople: number;
  /** the village's registered rural population (members of all its households) */
  population: number;
  road: boolean;
  water: boolean;
  power: boolean;
  clinic: boolean;
  school: boolean;
  /** yuan a year; null when not recorded */
  collectiveIncome: number | null;
  /** the county's judgment of it; null: not judged yet */
  incomeJudgment: IncomeJudgment | null;
}

export type CriterionState = "met" | "not_met" | "pending";

export interface VillageExitCriterion {
  key: VillageExitCriterionKey;
  state: CriterionState;
  /** state === "met" */
  met: boolean;
  /** the criterion itself */
  name: { zh: string; en: string };
  /** the criterion applied to this village */
  reason: { zh: string; en: string };
}

export interface VillageExitVerdict {
  /** percent, rounded half up to 2 decimals; null without population */
  incidence: number | null;
  /** percent: the threshold the incidence was held to */
  threshold: number;
  criteria: VillageExitCriterion[];
  /** the criteria not met, in order */
  failed: VillageExitCriterionKey[];
  /** the criteria waiting for the county's judgment */
  pending: VillageExitCriterionKey[];
  /** no criterion unmet: the village may propose its exit */
  eligible: boolean;
  /** every criterion met (none pending): the county may approve it */
  approvable: boolean;
}

const FACILITY_NAME: Record<VillageExitFacility, { zh: string; en: string }> = {
  road: { zh: "通硬化路", en: "Paved road" },
  water: { zh: "通安全饮水", en: "Safe drinking water" },
  power: { zh: "通动力电", en: "Mains power" },
  clinic: { zh: "有标准化卫生室", en: "Village clinic" },
  school: { zh: "义务教育就学有保障", en: "School access" },
};

export const CRITERION_NAME: Record<VillageExitCriterionKey, { zh: string; en: string }> = {
  incidence: { zh: "贫困发生率", en: "Poverty incidence" },
  ...FACILITY_NAME,
  collective_income: { zh: "村集体经济收入", en: "Collective income" },
};

/** Every criterion of a village's exit, judged against the policy of its province and zone. */
export function judgeVillageExit(facts: VillageExitFacts, zone: RegionZone, policy: VillageExitPolicy): VillageExitVerdict {
  const inc = villageIncidence({ registeredPoorPeople: facts.poorPeople, population: facts.population }, zone, policy);
  const criteria: VillageExitCriterion[] = [
    {
      key: "incidence",
      state: inc.pass ? "met" : "not_met",
      met: inc.pass,
      name: CRITERION_NAME.incidence,
      reason:
        facts.population === 0
          ? {
              zh: "村里没有登记的户籍人口，贫困发生率无法计算，不能证明达标",
              en: "The village has no registered population: its incidence cannot be computed, so it cannot be shown to pass",
            }
          : inc.reason,
    },
  ];
  for (const f of VILLAGE_EXIT_FACILITIES) {
    const met = facts[f] === true;
    criteria.push({
      key: f,
      state: met ? "met" : "not_met",
      met,
      name: FACILITY_NAME[f],
      reason: met
        ? { zh: `${FACILITY_NAME[f].zh}：已达标`, en: `${FACILITY_NAME[f].en}: in place` }
        : { zh: `${FACILITY_NAME[f].zh}：未达标`, en: `${FACILITY_NAME[f].en}: not in place` },
    });
  }
  criteria.push(collectiveIncomeCriterion(facts.collectiveIncome, facts.incomeJudgment));
  const failed = criteria.filter((c) => c.state === "not_met").map((c) => c.key);
  const pending = criteria.filter((c) => c.state === "pending").map((c) => c.key);
  return {
    incidence: inc.value,
    threshold: inc.threshold,
    criteria,
    failed,
    pending,
    eligible: failed.length === 0,
    approvable: failed.length === 0 && pending.length === 0,
  };
}

/** The collective income criterion: the figure the village recorded and the county's judgment of it. */
export function collectiveIncomeCriterion(income: number | null, judgment: IncomeJudgment | null): VillageExitCriterion {
  const name = CRITERION_NAME.collective_income;
  if (income === null)
    return {
      key: "collective_income",
      state: "not_met",
      met: false,
      name,
      reason: {
        zh: "村集体经济收入未登记，县里无从审定",
        en: "Collective income not recorded: the county has nothing to judge",
      },
    };
  if (!Number.isFinite(income) || income < 0) throw new RangeError(`collective income must be a non-negative number: ${income}`);
  const V = formatCents(toCents(income));
  if (judgment === null)
    return {
      key: "collective_income",
      state: "pending",
      met: false,
      name,
      reason: {
        zh: `村集体经济收入 ${V} 元，待县审定`,
        en: `Collective income ${V} yuan, pending the county's judgment`,
      },
    };
  const met = judgment === "met";
  return {
    key: "collective_income",
    state: met ? "met" : "not_met",
    met,
    name,
    reason: met
      ? { zh: `村集体经济收入 ${V} 元，县审定达标`, en: `Collective income ${V} yuan, judged met by the county` }
      : { zh: `村集体经济收入 ${V} 元，县审定未达标`, en: `Collective income ${V} yuan, judged not met by the county` },
  };
}

/** The unmet criteria named in one sentence, in both languages (the refusal of a proposal). */
export function failedCriteriaText(verdict: VillageExitVerdict): { zh: string; en: string } {
  const failed = verdict.criteria.filter((c) => c.state === "not_met");
  return {
    zh: `不符合贫困村退出条件：${failed.map((c) => c.reason.zh).join("；")}`,
    en: `The village does not meet the exit criteria: ${failed.map((c) => c.reason.en).join("; ")}`,
  };
}
