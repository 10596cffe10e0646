/**
 * Assistance measures (帮扶措施) for households that were poor or are monitored, matched
 * to the household's cause and members.
 */
import type { MeasureCategory, Prisma } from "@/lib/generated/prisma/client";
import { day, dayBetween } from "./constants";
import type { HouseholdPlan } from "./households";
import { TRANSFERS } from "./conditions";
import { Rng } from "./random";

interface MeasureDraft {
  category: MeasureCategory;
  description: string;
  amount: number;
  start: string;
  end: string | null;
}

const INDUSTRIES = ["油茶种植", "食用菌种植", "生猪养殖", "肉牛养殖", "蔬菜种植", "精品水果种植", "稻田养鱼", "中药材种植"];

function ym(year: number, rng: Rng, from = "03-01", to = "10-31"): string {
  return dayBetween(`${year}-${from}`, `${year}-${to}`, rng.float());
}

export function buildMeasures(plans: readonly HouseholdPlan[]): Prisma.AssistanceMeasureCreateManyInput[] {
  const rng = new Rng("measures");
  const out: Prisma.AssistanceMeasureCreateManyInput[] = [];

  for (const p of plans) {
    const monitored = p.row.monitoringCategory !== null;
    if (p.registeredYear === null && !monitored) continue;
    const drafts: MeasureDraft[] = [];
    const start = p.registeredYear ?? Number(p.row.monitoringSince!.toISOString().slice(0, 4));
    const cause = p.row.mainCause;
    const people = p.people.filter((m) => m.active);

    if (p.registeredYear !== null) {
      const industry = rng.pick(INDUSTRIES);
      drafts.push({
        category: "industry",
        description: `产业扶贫：${industry}，发放产业奖补资金`,
        amount: rng.int(3, 8) * 1000,
        start: ym(Math.min(start + 1, 2019), rng),
        end: null,
      });
      if (people.some((m) => m.laborCapacity === "full")) {
        drafts.push(
          rng.chance(0.5)
            ? {
                category: "employment",
                description: "公益性岗位：生态护林员",
                amount: 10_000,
                start: ym(Math.min(start + 2, 2020), rng),
                end: null,
              }
            : {
                category: "employment",
                description: "劳务输出：组织赴浙江务工，发放一次性交通补贴",
                amount: 500,
                start: ym(Math.min(start + 1, 2020), rng, "02-01", "03-31"),
                end: null,
              },
        );
      }
    }
    if (cause === "schooling" || people.some((m) => m.schoolStatus === "enrolled" && m.age >= 16)) {
      drafts.push({
        category: "education",
        description: "教育资助：雨露计划中职/高职补助",
        amount: 3_000,
        start: ym(Math.max(start, 2016), rng, "09-01", "10-31"),
        end: null,
      });
    } else if (people.some((m) => m.schoolStatus === "enrolled" && m.age >= 6 && m.age <= 15)) {
      drafts.push({
        category: "education",
        description: "教育资助：义务教育阶段家庭经济困难学生生活补助",
        amount: 1_000,
        start: ym(Math.max(start, 2016), rng, "09-01", "10-31"),
        end: null,
      });
    }
    if (cause === "illness" || people.some((m) => m.health === "serious_illness")) {
      drafts.push({
        category: "health",
        description: "健康帮扶：家庭医生签约，大病专项救治，医疗救助",
        amount: rng.int(3, 20) * 1000,
        start: ym(Math.max(start, 2017), rng),
        end: null,
      });
    } else if (cause === "disability" || people.some((m) => m.health === "disabled")) {
      drafts.push({
        category: "health",
        description: "残疾人两项补贴（困难残疾人生活补贴、重度残疾人护理补贴）",
        amount: 1_920,
        start: ym(Math.max(start, 2016), rng),
        end: null,
      });
    }
    const dibaoPeople = people.filter((m) => m.subsistenceAllowance).length;
    if (dibaoPeople > 0) {
      drafts.push({
        category: "social_assistance",
        description: `农村最低生活保障（${dibaoPeople} 人）`,
        amount: dibaoPeople * TRANSFERS.dibao,
        start: ym(Math.max(start, 2016), rng),
        end: null,
      });
    }
    if (p.registeredYear !== null && rng.chance(0.35)) {
      drafts.push({
        category: "ecological",
        description: "生态补偿：新一轮退耕还林补助",
        amount: rng.int(4, 12) * 150,
        start: ym(Math.max(start, 2016), rng),
        end: `${Math.max(start, 2016) + 5}-12-31`,
      });
    }
    if (monitored) {
      const since = p.row.monitoringSince!.toISOString().slice(0, 10);
      const s = dayBetween(since, `${since.slice(0, 4)}-12-31`, rng.float());
      if (p.row.monitoringCategory === "sudden_hardship") {
        drafts.push({
          category: "social_assistance",
          description: "防返贫监测帮扶：临时救助",
          amount: rng.int(2, 6) * 1000,
          start: s,
          end: s,
        });
        drafts.push({
          category: "health",
          description: "防返贫监测帮扶：医疗救助（大病二次报销）",
          amount: rng.int(8, 30) * 1000,
          start: s,
          end: null,
        });
      } else {
        drafts.push(
          rng.chance(0.5)
            ? { category: "employment", description: "防返贫监测帮扶：推荐就近务工（帮扶车间）", amount: 0, start: s, end: null }
            : {
                category: "industry",
                description: "防返贫监测帮扶：发放脱贫人口小额信贷 5 万元（财政贴息）",
                amount: 50_000,
                start: s,
                end: null,
              },
        );
      }
    }

    for (const d of drafts) {
      out.push({
        id: rng.uuid(),
        householdId: p.row.id,
        countyId: p.row.countyId,
        category: d.category,
        kind: d.category as Exclude<MeasureCategory, "housing">,
        description: d.description,
        amount: d.amount,
        startDate: day(d.start),
        endDate: d.end === null ? null : day(d.end),
      });
    }
  }
  return out;
}
