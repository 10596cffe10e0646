/**
 * Monthly visits by the assigned cadres over the twelve months up to "today", with the
 * problems they found and the follow-ups (跟踪督办) opened for them. Some households are due
 * a visit this month, some are overdue (no visit for two months or more).
 */
import type { Prisma, VisitConfirmation, VisitMode } from "@/lib/generated/prisma/client";
import type { AssessmentSet } from "./assessments";
import { addDays, chinaTime, day, dayBetween } from "./constants";
import type { HouseholdPlan } from "./households";
import type { Person } from "./people";
import { Rng } from "./random";
import type { AssignmentPlan } from "./users";

export interface VisitSet {
  visits: (Prisma.VisitCreateManyInput & { id: string })[];
  followUps: Prisma.FollowUpCreateManyInput[];
  /** household id → date of the latest visit */
  lastVisit: Map<string, Date>;
}

interface Month {
  year: number;
  month: number;
}

function monthsBack(today: string, n: number): Month[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const out: Month[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const idx = y * 12 + (m - 1) - k;
    out.push({ year: Math.floor(idx / 12), month: (idx % 12) + 1 });
  }
  return out;
}

const key = (m: Month) => `${m.year}-${String(m.month).padStart(2, "0")}`;
const lastDayOf = (m: Month) => new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();

/** A problem found at a visit and what the follow-up must achieve. */
interface Issue {
  problem: string;
  followUp: string;
  /** "" while the problem persists (the follow-up stays open) */
  resolution: string;
}

function child(p: HouseholdPlan, pred: (m: Person) => boolean): Person | undefined {
  return p.people.find((m) => m.active && pred(m));
}

/** The unresolved problem behind a household's unmet indicator, if any. */
function standingIssue(p: HouseholdPlan): Issue | null {
  const r = p.row;
  switch (p.scenario) {
    case "housing_c":
    case "housing_d":
      return {
        problem: `住房经鉴定为 ${r.housingGrade} 级危房，存在安全隐患`,
        followUp: "申报农村危房改造，联系住建部门复核鉴定并安排改造",
        resolution: "",
      };
    case "no_electricity":
      return { problem: "住房尚未通电", followUp: "联系供电所安排接电入户", resolution: "" };
    case "water_quantity":
    case "water_scarce_quantity":
      return { problem: `每人每日用水量约 ${r.waterLitres} 升，水量不足`, followUp: "协调水务站增设蓄水池或延伸管网", resolution: "" };
    case "water_quality":
      return { problem: "饮用水未经检测，水质存疑", followUp: "联系疾控中心开展水质检测，必要时安装净水设备", resolution: "" };
    case "water_convenience":
      return {
        problem: `自来水未入户，往返取水约 ${r.waterRoundTripMin} 分钟`,
        followUp: "申报农村饮水安全巩固提升工程，管网延伸入户",
        resolution: "",
      };
    case "water_supply":
      return { problem: `去年断水约 ${r.waterOutageDays} 天，供水不稳定`, followUp: "联系水务站检修管网、落实应急送水", resolution: "" };
    case "medical": {
      const m = child(p, (x) => x.counted && !x.medicalInsurance);
      return {
        problem: `家庭成员${m?.name ?? ""}未参加 2026 年度城乡居民基本医疗保险`,
        followUp: "协助办理参保缴费（申请医疗救助资助参保）",
        resolution: "",
      };
    }
    case "education_dropout": {
      const m = child(p, (x) => x.schoolStatus === "dropped_out" && !x.dropoutMedicalExemption);
      return { problem: `适龄子女${m?.name ?? ""}辍学在家`, followUp: "联系学校开展控辍保学劝返复学", resolution: "" };
    }
    case "food":
      return { problem: "家中存粮不足，吃饭存在困难", followUp: "申请临时救助，协调发放粮油", resolution: "" };
    case "clothing":
      return { problem: "冬季衣被不足", followUp: "协调民政部门发放冬季衣被", resolution: "" };
    case "sudden_hardship":
    case "sudden_below": {
      const m = child(p, (x) => x.health === "serious_illness");
      return {
        problem: `家庭成员${m?.name ?? ""}患重病住院，医疗支出大`,
        followUp: "申请医疗救助、临时救助，落实防返贫监测帮扶",
        resolution: "",
      };
    }
    case "income_below":
    case "income_on_line":
    case "at_risk_income":
      return {
        problem: "务工收入减少，家庭收入偏低",
        followUp: "推荐公益性岗位或就近务工，落实产业帮扶",
        resolution: "已推荐就近务工并落实产业帮扶措施，继续跟踪收入变化",
      };
    default:
      return null;
  }
}

const GENERIC_ISSUES: readonly Issue[] = [
  { problem: "反映产业奖补资金尚未到位", followUp: "联系乡农业服务中心核实奖补资金发放进度", resolution: "奖补资金已发放到户" },
  { problem: "希望申请小额信贷发展养殖", followUp: "协助向农商银行提交脱贫人口小额信贷申请", resolution: "贷款已审批发放" },
  { problem: "屋顶局部漏雨", followUp: "联系村委会协调维修", resolution: "已组织维修完毕" },
  { problem: "慢性病门诊认定尚未办理", followUp: "协助办理门诊慢特病认定", resolution: "认定已办理，可享受门诊报销" },
  { problem: "入户水管破裂", followUp: "通知村水管员维修", resolution: "水管已修复" },
  { problem: "孩子申请雨露计划补助材料不全", followUp: "协助补齐材料并报送乡镇", resolution: "补助已到账" },
  { problem: "希望参加技能培训", followUp: "报名区人社局组织的电工/家政培训", resolution: "已参加培训并取得证书" },
];

const ACTIONS = [
  "宣传防返贫监测和帮扶政策",
  "核实家庭收入和支出情况",
  "帮助联系就近务工岗位",
  "讲解医保参保缴费政策",
  "指导申请小额信贷",
  "了解子女上学情况",
  "检查饮水和用电安全",
  "读回采集信息并经户主确认",
];

function incomeLine(rng: Rng, status: string, pc: number, p: HouseholdPlan): string {
  const pcText = `${Math.round(pc / 100) * 100}`;
  if (status === "secure") {
    const migrant = p.people.some((m) => m.active && m.workStatus === "migrant_work");
    return rng.pick([
      migrant ? "家中有劳动力在外务工，收入稳定。" : "家庭以种养殖和就近务工为主，收入稳定。",
      `家庭收入稳定，人均纯收入约 ${pcText} 元。`,
      "产业发展正常，家庭收支情况良好。",
    ]);
  }
  if (pc <= 4000) return `家庭收入偏低，人均纯收入约 ${pcText} 元，未超过 4000 元标准线。`;
  if (pc < 6900) return `人均纯收入约 ${pcText} 元，低于 6900 元监测线，收入不稳定。`;
  return `人均纯收入约 ${pcText} 元。`;
}

export function buildVisits(assignments: readonly AssignmentPlan[], assessments: AssessmentSet, today: string): VisitSet {
  const rng = new Rng("visits");
  const months = monthsBack(today, 12);
  const todayMonth = key(months[months.length - 1]!);
  const visits: VisitSet["visits"] = [];
  const followUps: Prisma.FollowUpCreateManyInput[] = [];
  const lastVisit = new Map<string, Date>();

  for (const a of assignments) {
    const p = a.plan;
    const latest = assessments.latest.get(p.row.id)!;
    const status = latest.assessment.status;
    const pc = latest.assessment.perCapitaIncome;
    const head = p.people[0]!;
    const n = latest.assessment.countedMembers;
    const issue = standingIssue(p);
    const sinceMonth = a.from.slice(0, 7);
    const untilMonth = a.to === null ? todayMonth : a.to.slice(0, 7);

    // which months this cadre visits: the pattern decides where the visits stop
    const stopBack = a.to !== null ? 0 : a.pattern === "current" ? 0 : a.pattern === "due" ? 1 : rng.int(2, 3);
    const window = months.filter((m) => key(m) >= sinceMonth && key(m) <= untilMonth);
    const visited = window.slice(0, Math.max(0, window.length - stopBack));
    // the standing problem was first reported three to six months ago
    // (or when the household entered monitoring, if that falls within the year)
    const since = p.row.monitoringSince?.toISOString().slice(0, 7);
    const defaultFrom = months[months.length - 1 - rng.int(3, 6)]!;
    const issueFrom = !issue
      ? null
      : since !== undefined && since >= key(months[0]!) && since < key(defaultFrom)
        ? months.find((m) => key(m) === since)!
        : defaultFrom;
    let issueOpened = false;

    visited.forEach((m, i) => {
      const isLast = i === visited.length - 1;
      if (!isLast && i > 0 && rng.chance(0.06)) return; // a missed month now and then
      const maxDay = key(m) === todayMonth ? Number(today.slice(8, 10)) : lastDayOf(m);
      const minDay = key(m) === sinceMonth ? Number(a.from.slice(8, 10)) : 1;
      const date = dayBetween(
        `${key(m)}-${String(Math.min(minDay, maxDay)).padStart(2, "0")}`,
        `${key(m)}-${String(maxDay).padStart(2, "0")}`,
        rng.float(),
      );
      const mode = rng.weighted<VisitMode>([
        ["home", 60],
        ["phone", 25],
        ["wechat", 15],
      ]);
      const id = rng.uuid();
      const hour = rng.int(9, 17);
      const minute = rng.int(0, 59);

      const parts: string[] = [];
      const lead =
        mode === "home"
          ? `入户走访${head.name}家，家中${n}口人。`
          : mode === "phone"
            ? `电话回访${head.name}。`
            : `微信视频回访${head.name}家。`;
      parts.push(lead, incomeLine(rng, status, pc, p));
      let problems = "";
      let raise: Issue | null = null;
      if (issue && issueFrom && key(m) >= key(issueFrom)) {
        if (!issueOpened) problems = issue.problem;
        else if (issue.resolution === "") problems = `${issue.problem}（已跟踪督办，尚未解决）`;
        else parts.push("已落实就业和产业帮扶措施，继续跟踪收入变化。");
        if (!issueOpened) raise = issue;
      } else if (status === "secure" && !issue) {
        parts.push("吃穿不愁，义务教育、基本医疗、住房和饮水安全均有保障。");
      }
      if (!raise && !problems && rng.chance(0.08)) {
        raise = rng.pick(GENERIC_ISSUES);
        problems = raise.problem;
      }
      const actions = rng.shuffle(ACTIONS).slice(0, rng.int(1, 2));
      if (raise) actions.unshift(`登记问题并提交跟踪督办：${raise.followUp}`);

      const confirmation: VisitConfirmation =
        mode === "home"
          ? rng.chance(0.55)
            ? "signature"
            : "read_back"
          : rng.weighted<VisitConfirmation>([
              ["read_back", mode === "phone" ? 80 : 60],
              ["none", mode === "phone" ? 20 : 40],
            ]);
      const located = mode === "home" && rng.chance(0.9);
      const at = chinaTime(date, hour, minute);
      visits.push({
        id,
        householdId: p.row.id,
        countyId: p.row.countyId,
        cadreId: a.row.cadreId,
        date: day(date),
        mode,
        findings: parts.join(""),
        problems,
        actionsTaken: actions.join("；"),
        locationConsent: located,
        latitude: located ? Math.round((p.village.lat + (rng.float() - 0.5) * 0.02) * 1e6) / 1e6 : null,
        longitude: located ? Math.round((p.village.lon + (rng.float() - 0.5) * 0.02) * 1e6) / 1e6 : null,
        accuracyM: located ? rng.int(5, 35) : null,
        locatedAt: located ? at : null,
        confirmation,
        baseVersion: 1,
        createdAt: at,
      });
      const prev = lastVisit.get(p.row.id);
      if (!prev || prev.getTime() < day(date).getTime()) lastVisit.set(p.row.id, day(date));

      if (raise) {
        const due = addDays(date, 7);
        let resolvedAt: Date | null = null;
        let resolution: string | null = null;
        if (raise === issue) issueOpened = true;
        if (raise === issue && raise.resolution === "") {
          // the household still fails the indicator: the follow-up stays open
        } else if (due < addDays(today, -3) && rng.chance(0.95)) {
          const done = addDays(date, rng.int(2, 12));
          resolvedAt = chinaTime(done < today ? done : today, 16);
          resolution = raise.resolution;
        }
        followUps.push({
          id: rng.uuid(),
          visitId: id,
          householdId: p.row.id,
          countyId: p.row.countyId,
          description: raise.followUp,
          dueDate: day(due),
          resolvedAt,
          resolution,
          createdAt: at,
        });
      }
    });
  }
  return { visits, followUps, lastVisit };
}
