/**
 * A designated poor village's exit (贫困村退出): each criterion met or not, with the reason. Pure.
 *
 *   incidence          registered-poor PEOPLE ÷ registered rural population, at most the policy's
 *                      threshold (降至2%以下: 以下 includes the number; 3% in the west). Judged by
 *                      villageIncidence (exit-metrics.ts), the same function as the county's list.
 *                      No registered population: cannot be shown to pass.
 *   road, water, power, clinic, school
 *                      in place or not, as the village recorded them (judged by the county)
 *   collective income  at least the policy's villageCollectiveIncomeMin (不低于: includes the
 *                      number), compared in cents; not recorded: not met
 *
 * The village may be proposed for exit only when every criterion is met.
 */
import { villageIncidence } from "./exit-metrics";
import { formatCents } from "./format";
import { toCents } from "./money";
import type { PolicyValues, RegionZone } from "./policy";

export const VILLAGE_EXIT_FACILITIES = ["road", "water", "power", "clinic", "school"] as const;
export type VillageExitFacility = (typeof VILLAGE_EXIT_FACILITIES)[number];
export const VILLAGE_EXIT_CRITERIA = ["incidence", ...VILLAGE_EXIT_FACILITIES, "collective_income"] as const;
export type VillageExitCriterionKey = (typeof VILLAGE_EXIT_CRITERIA)[number];

export type VillageExitPolicy = Pick<PolicyValues, "exitIncidenceEast" | "exitIncidenceWest" | "villageCollectiveIncomeMin">;

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
}

export interface VillageExitCriterion {
  key: VillageExitCriterionKey;
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
  /** yuan: the collective income minimum */
  collectiveIncomeMin: number;
  criteria: VillageExitCriterion[];
  /** the criteria not met, in order */
  failed: VillageExitCriterionKey[];
  /** every criterion met: the village may be proposed */
  eligible: boolean;
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
      met,
      name: FACILITY_NAME[f],
      reason: met
        ? { zh: `${FACILITY_NAME[f].zh}：已达标`, en: `${FACILITY_NAME[f].en}: in place` }
        : { zh: `${FACILITY_NAME[f].zh}：未达标`, en: `${FACILITY_NAME[f].en}: not in place` },
    });
  }
  const min = policy.villageCollectiveIncomeMin;
  if (!Number.isFinite(min) || min < 0) throw new RangeError(`collective income minimum must be a non-negative number: ${min}`);
  const MIN = formatCents(toCents(min));
  if (facts.collectiveIncome === null) {
    criteria.push({
      key: "collective_income",
      met: false,
      name: CRITERION_NAME.collective_income,
      reason: {
        zh: `村集体经济收入未登记（标准：不低于 ${MIN} 元）`,
        en: `Collective income not recorded (the rule: at least ${MIN} yuan)`,
      },
    });
  } else {
    if (!Number.isFinite(facts.collectiveIncome) || facts.collectiveIncome < 0)
      throw new RangeError(`collective income must be a non-negative number: ${facts.collectiveIncome}`);
    const met = toCents(facts.collectiveIncome) >= toCents(min);
    const V = formatCents(toCents(facts.collectiveIncome));
    criteria.push({
      key: "collective_income",
      met,
      name: CRITERION_NAME.collective_income,
      reason: {
        zh: `村集体经济收入 ${V} 元，${met ? "符合" : "不符合"}“不低于 ${MIN} 元”的标准`,
        en: `Collective income ${V} yuan ${met ? "meets" : "does not meet"} the rule: at least ${MIN} yuan`,
      },
    });
  }
  const failed = criteria.filter((c) => !c.met).map((c) => c.key);
  return {
    incidence: inc.value,
    threshold: inc.threshold,
    collectiveIncomeMin: min,
    criteria,
    failed,
    eligible: failed.length === 0,
  };
}

/** The failed criteria named in one sentence, in both languages (the refusal of a proposal). */
export function failedCriteriaText(verdict: VillageExitVerdict): { zh: string; en: string } {
  const failed = verdict.criteria.filter((c) => !c.met);
  return {
    zh: `不符合贫困村退出条件：${failed.map((c) => c.reason.zh).join("；")}`,
    en: `The village does not meet the exit criteria: ${failed.map((c) => c.reason.en).join("; ")}`,
  };
}
