/**
 * Issue #18's plans (一户一策) and typed measures (decision 0047) for Danyang village: every
 * registered-poor and lifted household gets a plan for the seed year (its causes, an expected
 * per-capita income, two or three steps, some done), and some get typed measures: microcredit
 * (one overdue, one repaid), public-welfare jobs with a post and monthly pay, an ecological
 * ranger job, education aid.
 *
 * Built after everything else from its own random stream ("plans"), so the rest of the demo data
 * stays as it was.
 */
import type { Prisma, PovertyCause } from "@/lib/generated/prisma/client";
import { loanDueDate } from "@/lib/domain/measures";
import { addDays, chinaTime, DANYANG_ID, day, dayBetween, SEED_YEAR } from "./constants";
import type { HouseholdPlan } from "./households";
import { Rng } from "./random";

type Measure = Prisma.AssistanceMeasureCreateManyInput & { id: string };

interface Step {
  text: string;
  measureId: string | null;
}

const BANKS = ["贵州万山农村商业银行", "中国农业银行万山支行", "中国邮政储蓄银行万山支行"];
const POSTS = ["村保洁员", "护路员", "村级就业信息员", "农村公益性岗位：养老护理员"];
/** [issue date, term in months, status]: one overdue and one repaid, the rest current */
const LOANS = [
  ["2023-03-15", 36, "overdue"],
  ["2022-04-10", 36, "repaid"],
  ["2024-05-20", 36, "current"],
  ["2025-03-08", 36, "current"],
  ["2025-06-18", 24, "current"],
] as const;

const GENERAL_STEPS: readonly string[] = [
  "入户宣讲防返贫监测政策，登记家庭收支",
  "联系镇就业服务站，推荐技能培训（电工、厨师）",
  "核实医疗保险参保和家庭医生签约情况",
  "协助申报产业奖补资金，落实种养技术指导",
  "核实住房和饮水安全情况",
];

export interface PlanRecords {
  measures: Measure[];
  plans: Prisma.HouseholdPlanCreateManyInput[];
  planMeasures: Prisma.PlanMeasureCreateManyInput[];
  planItems: Prisma.PlanItemCreateManyInput[];
}

/**
 * @param cadreOf the cadre assigned to each household (household id → user id), who updated the
 *   plan and marked its done steps
 */
export function buildPlanRecords(
  households: readonly HouseholdPlan[],
  existingMeasures: readonly Prisma.AssistanceMeasureCreateManyInput[],
  cadreOf: ReadonlyMap<string, string>,
  today: string,
): PlanRecords {
  const rng = new Rng("plans");
  const out: PlanRecords = { measures: [], plans: [], planMeasures: [], planItems: [] };
  const year = SEED_YEAR;
  const firstOf = new Map<string, string>();
  for (const m of existingMeasures) if (m.id && !firstOf.has(m.householdId)) firstOf.set(m.householdId, m.id);
  const lastDone = addDays(today, -7);

  let loans = 0;
  let jobs = 0;
  let ranger = false;
  let education = 0;

  for (const p of households) {
    const row = p.row;
    if (row.villageId !== DANYANG_ID || row.registeredStatus === "not_registered") continue;
    const people = p.people.filter((m) => m.active);
    const workers = people.filter((m) => m.laborCapacity === "full").length;
    const measure = (m: Omit<Measure, "id" | "householdId" | "countyId" | "category"> & { category: Measure["category"] }): Measure => {
      const full: Measure = { id: rng.uuid(), householdId: row.id, countyId: row.countyId, ...m };
      out.measures.push(full);
      return full;
    };
    const steps: Step[] = [];
    const linked: string[] = [];

    if (loans < LOANS.length && workers >= 2 && rng.chance(0.4)) {
      const [issued, term, status] = LOANS[loans++]!;
      const amount = rng.int(3, 5) * 10_000;
      const due = loanDueDate(issued, term);
      const m = measure({
        category: "industry",
        kind: "microcredit",
        cause: "lack_of_capital",
        description: `扶贫小额信贷：发展${rng.pick(["生猪养殖", "油茶种植", "食用菌种植", "肉牛养殖"])}，财政全额贴息`,
        amount,
        startDate: day(issued),
        endDate: day(due),
        bank: rng.pick(BANKS),
        termMonths: term,
        interestSubsidy: Math.round(amount * 0.0385),
        loanStatus: status,
        repaidOn: status === "repaid" ? day(addDays(due, -rng.int(5, 20))) : null,
        overdueSince: status === "overdue" ? day(addDays(due, 1)) : null,
      });
      linked.push(m.id);
      steps.push({
        text:
          status === "overdue"
            ? "督促归还逾期小额信贷，协商还款计划"
            : status === "repaid"
              ? "小额信贷已还清，评估续贷需求"
              : "核实小额信贷用途，提醒按期还款",
        measureId: m.id,
      });
    }

    if (!ranger && workers >= 1 && row.mainCause === "lack_of_skills") {
      ranger = true;
      const pay = 800;
      const m = measure({
        category: "ecological",
        kind: "ecological_job",
        cause: "lack_of_skills",
        description: "生态护林员：负责丹阳村集体林区巡护",
        amount: pay * 12,
        startDate: day(`${year}-01-01`),
        endDate: day(`${year}-12-31`),
        post: "生态护林员",
        monthlyPay: pay,
      });
      linked.push(m.id);
      steps.push({ text: "落实生态护林员岗位，按月核发补助", measureId: m.id });
    } else if (
      jobs < 10 &&
      workers >= 1 &&
      (row.mainCause === "lack_of_skills" || row.mainCause === "lack_of_labour" || rng.chance(0.15))
    ) {
      jobs++;
      const post = rng.pick(POSTS);
      const pay = rng.int(5, 8) * 100;
      const start = dayBetween(`${year}-01-01`, `${year}-04-30`, rng.float());
      const m = measure({
        category: "employment",
        kind: "public_welfare_job",
        cause: row.mainCause === "lack_of_labour" ? "lack_of_labour" : "lack_of_skills",
        description: `公益性岗位：${post}`,
        amount: pay * 12,
        startDate: day(start),
        endDate: day(`${year}-12-31`),
        post,
        monthlyPay: pay,
      });
      linked.push(m.id);
      steps.push({ text: `安排公益性岗位（${post}），每月发放补贴 ${pay} 元`, measureId: m.id });
    }

    const pupil = people.find((m) => m.schoolStatus === "enrolled" && m.age >= 6);
    if (pupil && education < 12) {
      education++;
      const higher = pupil.age >= 16;
      const m = measure({
        category: "education",
        kind: higher ? "yulu_plan" : "two_exemptions",
        cause: "schooling",
        description: higher ? `教育资助：雨露计划补助（${pupil.name}）` : `教育资助：义务教育“两免一补”（${pupil.name}）`,
        amount: higher ? 3_000 : 1_250,
        startDate: day(`${year}-09-01`),
        endDate: null,
      });
      linked.push(m.id);
      steps.push({ text: higher ? `为${pupil.name}申请雨露计划补助` : `确认${pupil.name}在校就读，落实“两免一补”`, measureId: m.id });
    }

    if (linked.length === 0 && firstOf.has(row.id)) linked.push(firstOf.get(row.id)!);
    for (const text of rng.shuffle(GENERAL_STEPS)) {
      if (steps.length >= 2 + (rng.chance(0.5) ? 1 : 0)) break;
      steps.push({ text, measureId: null });
    }

    const cadre = cadreOf.get(row.id) ?? null;
    const planId = rng.uuid();
    out.plans.push({
      id: planId,
      householdId: row.id,
      countyId: row.countyId,
      year,
      mainCause: row.mainCause,
      secondaryCauses: row.secondaryCauses as PovertyCause[],
      expectedIncome: rng.int(90, 160) * 100,
      note: null,
      updatedById: cadre,
    });
    for (const measureId of linked) out.planMeasures.push({ planId, measureId, countyId: row.countyId });
    steps.forEach((s, position) => {
      const done = cadre !== null && rng.chance(0.4);
      out.planItems.push({
        id: rng.uuid(),
        planId,
        householdId: row.id,
        countyId: row.countyId,
        position,
        text: s.text,
        measureId: s.measureId,
        doneAt: done ? chinaTime(dayBetween(`${year}-03-01`, lastDone, rng.float()), 15) : null,
        doneById: done ? cadre : null,
      });
    });
  }
  return out;
}
