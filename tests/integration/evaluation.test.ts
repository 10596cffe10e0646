// Evaluations on a real database: the plan's bad input, the draw (set-based freeze, hash,
// seed, sample) and its verification, the embargo (before the release time no function a
// county or village user reaches returns sample membership; after it the county's official
// sees it), the evaluator's access rules (team, sample, close), questionnaires creating
// discrepancies routed to the county, and the metrics' counts.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb, countyIdForTest } from "./helpers";
import { createHousehold, createUser, seedRegions } from "../factories";
import { recomputeHousehold } from "@/lib/data/assessment";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { currentYear } from "@/lib/clock";
import { listHashV2 } from "@/lib/domain/sampling-v2";
import { createEvaluation } from "@/lib/actions/evaluation/create-evaluation";
import { drawSample } from "@/lib/actions/evaluation/draw-sample";
import { verifyDraw } from "@/lib/actions/evaluation/verify-draw";
import { setRelease } from "@/lib/actions/evaluation/set-release";
import { saveQuestionnaire } from "@/lib/actions/evaluation/save-questionnaire";
import { closeEvaluation } from "@/lib/actions/evaluation/close-evaluation";
import { resolveDiscrepancy } from "@/lib/actions/evaluation/resolve-discrepancy";
import { countyFollowups, isInReleasedSample, releasedSamples } from "@/lib/data/evaluation/county";
import { evaluationDetail } from "@/lib/data/evaluation/detail";
import { frozenListFor } from "@/lib/data/evaluation/draw";
import { sampledHousehold } from "@/lib/data/evaluation/household";
import { latestEvaluationMetrics } from "@/lib/data/county";
import { evaluationMetrics } from "@/lib/data/evaluation/metrics";
import { listEvaluations } from "@/lib/data/evaluation/evaluations";
import { getHousehold } from "@/lib/data/households";

let t: TestDb;
const YEAR = currentYear();
const A = "520603201200"; // 丹阳村
const B = "520603201201"; // 邻村
const H: Record<string, string> = {};
const EVAL = crypto.randomUUID();

async function as(username: string): Promise<Viewer> {
  await signInAs(t.prisma, username);
  return (await getViewer())!;
}

async function lifted(id: string, effective: string) {
  await t.prisma.registrationChange.create({
    data: {
      householdId: id,
      countyId: "520603",
      fromStatus: "registered_poor",
      toStatus: "lifted",
      effective: new Date(`${effective}T00:00:00Z`),
    },
  });
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "eval1", role: "evaluator", regionId: "5206", name: "评估员甲" });
  await createUser(t.prisma, { username: "eval2", role: "evaluator", regionId: "5206", name: "评估员乙" });
  await createUser(t.prisma, { username: "evalfar", role: "evaluator", regionId: "520602", name: "碧江评估员" });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602" });
  await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: A });
  await createUser(t.prisma, { username: "fac", role: "facilitator", regionId: A });

  const make = async (
    key: string,
    villageId: string,
    registeredStatus: "not_registered" | "registered_poor" | "lifted",
    incomeWages: number,
    members = 3,
  ) => {
    H[key] = (await createHousehold(t.prisma, { villageId, number: key, registeredStatus, incomeWages, members })).id;
  };
  await make("A1", A, "lifted", 30_000);
  await make("A2", A, "lifted", 30_000);
  await make("A3", A, "lifted", 30_000);
  await make("A4", A, "registered_poor", 6_000);
  await make("A5", A, "registered_poor", 6_000, 2);
  await make("A6", A, "not_registered", 30_000);
  await make("A7", A, "not_registered", 30_000);
  await make("A8", A, "not_registered", 30_000);
  await make("B1", B, "not_registered", 30_000);
  await make("B2", B, "lifted", 12_600); // 4,200 per capita: just above the 4,000 line
  await make("B3", B, "registered_poor", 8_000, 4);
  await make("X1", "520602100200", "not_registered", 30_000); // 碧江区: another county
  await lifted(H.A1!, `${YEAR}-03-01`);
  await lifted(H.A2!, `${YEAR}-06-15`);
  await lifted(H.A3!, "2019-12-10");
  await lifted(H.B2!, "2018-12-20");
  await t.prisma.member.updateMany({ where: { householdId: H.A1!, relation: "head" }, data: { nationalId: "52060319700501001X" } });
  for (const id of Object.values(H)) await t.prisma.$transaction((tx) => recomputeHousehold(tx, id, { trigger: "seed", actorId: null }));
});

afterAll(async () => {
  signOut();
  await t?.close();
});

const audits = (where: Record<string, unknown>) => t.prisma.auditEvent.count({ where });

function plan(o: Record<string, unknown> = {}) {
  return { villages: "2", sharePercent: "100", capPerVillage: "200", includeAllExited: true, ...o };
}

function questionnaire(
  householdId: string,
  o: { income?: Record<string, string>; unmet?: string[]; approval?: string; incomeEvidence?: string[]; id?: string } = {},
) {
  const ind = (k: string) => ({ met: o.unmet?.includes(k) ? "false" : "true", evidence: [] as string[] });
  return {
    id: o.id ?? crypto.randomUUID(),
    evaluationId: EVAL,
    householdId,
    income: { wages: "30000", business: "0", businessCosts: "0", property: "0", transfers: "0", ...o.income },
    indicators: {
      income: { evidence: o.incomeEvidence ?? ["bank_statement"] },
      food: ind("food"),
      clothing: ind("clothing"),
      medical: ind("medical"),
      housing: ind("housing"),
      water: ind("water"),
      education: ind("education"),
    },
    approval: o.approval ?? "approve",
    notes: "",
  };
}

describe("creating an evaluation", () => {
  it("refuses a plan asking for more villages than the county has, naming the counts and the field", async () => {
    await as("eval1");
    const r = await createEvaluation(undefined, {
      id: crypto.randomUUID(),
      countyId: "520603",
      year: String(YEAR),
      name: "太多村",
      team: [],
      plan: plan({ villages: "3" }),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("invalid");
    expect(r.fieldErrors?.["plan.villages"]?.[0]).toBe("抽取村数：计划抽取 3 个村，但万山区只有 2 个村有农户");
  });

  it("names the field of every bad value (share, cap, county out of scope)", async () => {
    await as("evalfar");
    const r = await createEvaluation(undefined, {
      id: crypto.randomUUID(),
      countyId: "520603",
      year: String(YEAR),
      name: "越权",
      team: [],
      plan: plan(),
    });
    expect(r).toMatchObject({ ok: false, fieldErrors: { countyId: ["县（区）：该县（区）不在您的评估范围内"] } });
    await as("eval1");
    const bad = await createEvaluation(undefined, {
      id: crypto.randomUUID(),
      countyId: "520603",
      year: String(YEAR),
      name: "x",
      team: [],
      plan: plan({ sharePercent: "0", capPerVillage: "-1" }),
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors?.["plan.sharePercent"]?.[0]).toBe("普通户抽样比例（%）：必须大于 0 且不超过 100");
    expect(bad.fieldErrors?.["plan.capPerVillage"]?.[0]).toContain("每村最多抽取户数：");
  });

  it("creates one evaluation per client id; the creator is always on the team", async () => {
    await as("eval1");
    const input = { id: EVAL, countyId: "520603", year: String(YEAR), name: "万山区抽查", team: [], plan: plan() };
    expect(await createEvaluation(undefined, input)).toMatchObject({ ok: true, data: { id: EVAL, replay: false } });
    expect(await createEvaluation(undefined, input)).toMatchObject({ ok: true, data: { id: EVAL, replay: true } });
    expect(await t.prisma.evaluation.count({ where: { id: EVAL } })).toBe(1);
    const team = await t.prisma.evaluationMember.findMany({ where: { evaluationId: EVAL } });
    expect(team).toHaveLength(1);
    expect((await listEvaluations(await as("eval1"))).map((e) => e.id)).toEqual([EVAL]);
    expect(await listEvaluations(await as("eval2"))).toEqual([]);
  });
});

describe("the draw", () => {
  it("an evaluator not on the team is not found (and audited)", async () => {
    const v = await as("eval2");
    const r = await drawSample(undefined, { evaluationId: EVAL });
    expect(r).toMatchObject({ ok: false, code: "not_found" });
    expect(await audits({ action: "access.denied", actorId: v.id, entityId: "evaluation.draw" })).toBe(1);
  });

  it("freezes the county set-based, hashes it, draws with the seed and stores the sample", async () => {
    await as("eval1");
    const r = await drawSample(undefined, { evaluationId: EVAL, seed: "万山-2026-test" });
    expect(r.ok).toBe(true);
    const frozen = await t.prisma.evaluationListEntry.findMany({ where: { evaluationId: EVAL }, orderBy: { householdId: "asc" } });
    expect(frozen).toHaveLength(11); // Wanshan only
    const exited = frozen
      .filter((f) => f.exitedThisYear)
      .map((f) => f.householdId)
      .sort();
    expect(exited).toEqual([H.A1!, H.A2!].sort());
    const e = await t.prisma.evaluation.findUniqueOrThrow({ where: { id: EVAL } });
    expect(e).toMatchObject({ state: "drawn", seed: "万山-2026-test", algorithm: "jingzhun-sample-v2" });
    expect(e.listHash).toBe(
      listHashV2(
        frozen.map((f) => ({
          id: f.householdId,
          villageId: f.villageId,
          villageDesignated: f.villageDesignated,
          exitedThisYear: f.exitedThisYear,
          registeredStatus: f.registeredStatus,
        })),
      ),
    );
    // 100 % of ordinary households in both villages, plus the exited ones: everyone
    expect(await t.prisma.sampleHousehold.count({ where: { evaluationId: EVAL } })).toBe(11);
    expect(await audits({ action: "evaluation.draw", entityId: EVAL })).toBe(1);
    // never with the county on the audit row (the county's audit view must not show the draw)
    expect(await audits({ entity: "evaluation", countyId: { not: null } })).toBe(0);
  });

  it("cannot draw twice", async () => {
    await as("eval1");
    expect(await drawSample(undefined, { evaluationId: EVAL })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("re-draws to verify: 一致; a tampered frozen list is caught", async () => {
    await as("eval1");
    expect(await verifyDraw(undefined, { evaluationId: EVAL })).toMatchObject({ ok: true, message: "一致", data: { same: true } });
    await t.sql(`UPDATE evaluation_list_entry SET "registeredStatus" = 'not_registered' WHERE "evaluationId" = $1 AND "householdId" = $2`, [
      EVAL,
      H.A3,
    ]);
    const tampered = await verifyDraw(undefined, { evaluationId: EVAL });
    expect(tampered).toMatchObject({ ok: true, data: { same: false } });
    if (tampered.ok) expect(tampered.data?.message).toContain("名单哈希不同");
    await t.sql(`UPDATE evaluation_list_entry SET "registeredStatus" = 'lifted' WHERE "evaluationId" = $1 AND "householdId" = $2`, [
      EVAL,
      H.A3,
    ]);
    expect(await verifyDraw(undefined, { evaluationId: EVAL })).toMatchObject({ data: { same: true } });
  });
});

describe("evaluator access to household records", () => {
  it("reads a sampled household while open, audited with the reason, national IDs masked", async () => {
    const v = await as("eval1");
    const r = await sampledHousehold(v, EVAL, H.A1!, "核对收入");
    expect(r.household.number).toBe("A1");
    const head = r.household.members.find((m) => m.relation === "head");
    expect(head?.nationalId).toBe("520603********001X");
    const ev = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: "evaluation.household.read", actorId: v.id },
      orderBy: { id: "desc" },
    });
    expect(ev).toMatchObject({ entity: "evaluation", entityId: EVAL, countyId: null, reason: "抽样核查 (spot check): 核对收入" });
    expect(ev.after).toMatchObject({ householdId: H.A1 });
    // the household's own history (shown to cadres) never mentions the evaluator's read
    expect(await audits({ entity: "household", entityId: H.A1!, action: { startsWith: "evaluation" } })).toBe(0);
  });

  it("not on the team: not found, audited", async () => {
    const v = await as("eval2");
    await expect(sampledHousehold(v, EVAL, H.A1!)).rejects.toMatchObject({ code: "not_found" });
    expect(await audits({ action: "access.denied", actorId: v.id, entity: "evaluation.household", entityId: H.A1! })).toBe(1);
  });

  it("outside the sample: not found, audited with the reason", async () => {
    const v = await as("eval1");
    await expect(sampledHousehold(v, EVAL, H.X1!)).rejects.toMatchObject({ code: "not_found" });
    const ev = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: "access.denied", actorId: v.id, entity: "evaluation.household", entityId: H.X1! },
    });
    expect(ev.after).toMatchObject({ reason: "outside the sample" });
    // the normal household pages give an evaluator nothing at all
    expect(await getHousehold(v, H.A1!)).toBeNull();
  });
});

describe("questionnaires and discrepancies", () => {
  it("refuses bad answers with messages naming the field", async () => {
    await as("eval1");
    const bad = questionnaire(H.A1!, { income: { wages: "-5" }, approval: "maybe" });
    const r = await saveQuestionnaire(undefined, bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors?.["income.wages"]).toEqual(["工资性收入：不能为负数"]);
    expect(r.fieldErrors?.["approval"]).toEqual(["农户对识别（退出）结果的认可：请选择“认可”“不认可”或“说不清”"]);
    const noMet = questionnaire(H.A1!);
    (noMet.indicators.food as { met: string }).met = "perhaps";
    const r2 = await saveQuestionnaire(undefined, noMet);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.fieldErrors?.["indicators.food.met"]?.[0]).toBe("不愁吃复核结论：请选择“达标”或“未达标”");
    expect(await t.prisma.questionnaire.count()).toBe(0);
  });

  it("only households of the sample, only team members, only evaluators", async () => {
    await as("eval1");
    expect(await saveQuestionnaire(undefined, questionnaire(H.X1!))).toMatchObject({ ok: false, code: "not_found" });
    await as("eval2");
    expect(await saveQuestionnaire(undefined, questionnaire(H.A1!))).toMatchObject({ ok: false, code: "not_found" });
    await as("official");
    expect(await saveQuestionnaire(undefined, questionnaire(H.A1!))).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("a lifted household found with no income: overstated, income indicator wrong, wrongly lifted", async () => {
    await as("eval1");
    const r = await saveQuestionnaire(undefined, questionnaire(H.A1!, { income: { wages: "0" }, approval: "unsure" }));
    expect(r).toMatchObject({ ok: true, message: "问卷已保存，发现 3 项问题，已转县里跟踪整改。", data: { status: "below_standard" } });
    const d = await t.prisma.discrepancy.findMany({ where: { evaluationId: EVAL, householdId: H.A1! }, orderBy: { kind: "asc" } });
    expect(d.map((x) => x.kind).sort()).toEqual(["income_overstated", "indicator_wrong", "wrongly_lifted"]);
    expect(d.every((x) => x.state === "open" && x.countyId === "520603")).toBe(true);
    expect(await audits({ action: "questionnaire.create", countyId: null })).toBe(1);
  });

  it("a missed household, a clean one and a suspected paper exit", async () => {
    await as("eval1");
    expect(await saveQuestionnaire(undefined, questionnaire(H.A6!, { unmet: ["food"], approval: "disapprove" }))).toMatchObject({
      ok: true,
      data: { status: "below_standard" },
    });
    expect(await saveQuestionnaire(undefined, questionnaire(H.A2!))).toMatchObject({ ok: true, message: "问卷已保存，未发现问题。" });
    expect(await saveQuestionnaire(undefined, questionnaire(H.B2!, { income: { wages: "12600" }, incomeEvidence: [] }))).toMatchObject({
      ok: true,
    });
    const kinds = async (id: string) => (await t.prisma.discrepancy.findMany({ where: { householdId: id } })).map((x) => x.kind).sort();
    expect(await kinds(H.A6!)).toEqual(["indicator_wrong", "missed"]);
    expect(await kinds(H.A2!)).toEqual([]);
    expect(await kinds(H.B2!)).toEqual(["paper_exit"]);
  });

  it("one questionnaire per household: a second one updates it (audited); the same again is not saved twice", async () => {
    await as("eval1");
    const stored = await t.prisma.questionnaire.findUniqueOrThrow({
      where: { evaluationId_householdId: { evaluationId: EVAL, householdId: H.B2! } },
    });
    // another device, another id: still the same questionnaire, now with the bank statement seen
    const r = await saveQuestionnaire(undefined, questionnaire(H.B2!, { income: { wages: "12600" }, incomeEvidence: ["bank_statement"] }));
    expect(r).toMatchObject({ ok: true, data: { questionnaireId: stored.id, replay: false } });
    expect(await t.prisma.questionnaire.count({ where: { householdId: H.B2! } })).toBe(1);
    expect(await t.prisma.discrepancy.count({ where: { householdId: H.B2! } })).toBe(0); // the paper exit is withdrawn
    expect(await audits({ action: "questionnaire.update", entityId: stored.id })).toBe(1);
    const again = await saveQuestionnaire(
      undefined,
      questionnaire(H.B2!, { id: stored.id, income: { wages: "12600" }, incomeEvidence: ["bank_statement"] }),
    );
    expect(again).toMatchObject({ ok: true, message: "内容没有变化，未重复保存。", data: { replay: true } });
    expect(await audits({ action: "questionnaire.update", entityId: stored.id })).toBe(1);
    // and back: the paper exit comes back
    await saveQuestionnaire(undefined, questionnaire(H.B2!, { income: { wages: "12600" }, incomeEvidence: [] }));
    expect(await t.prisma.discrepancy.count({ where: { householdId: H.B2!, kind: "paper_exit" } })).toBe(1);
  });
});

describe("the embargo", () => {
  const countyFunctions = async (v: Viewer, now?: Date) => ({
    released: await releasedSamples(v, undefined, now),
    releasedForCounty: await releasedSamples(v, "520603", now),
    followups: await countyFollowups(v, {}, now),
    inSample: await isInReleasedSample(v, H.A1!, now),
  });

  it("before any release time: nothing for the county's or villages' users, in any function", async () => {
    for (const user of ["official", "cadre1", "fac", "official2"]) {
      const v = await as(user);
      expect(await countyFunctions(v)).toEqual({ released: [], releasedForCounty: [], followups: [], inSample: false });
      await expect(frozenListFor(v, EVAL)).rejects.toMatchObject({ code: "not_found" });
      await expect(evaluationDetail(v, EVAL)).rejects.toMatchObject({ code: "not_found" });
      await expect(evaluationMetrics(v, EVAL)).rejects.toMatchObject({ code: "not_found" });
      await expect(sampledHousehold(v, EVAL, H.A1!)).rejects.toMatchObject({ code: "not_found" });
    }
    // the county's own household page carries nothing of the evaluation
    const official = await as("official");
    const page = await getHousehold(official, H.A1!);
    expect(JSON.stringify(page)).not.toContain(EVAL);
  });

  it("a release time in the past is refused, naming the field", async () => {
    await as("eval1");
    const r = await setRelease(undefined, { evaluationId: EVAL, releaseAt: "2020-01-01T20:00" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.releaseAt?.[0]).toMatch(/^发布时间：发布时间必须晚于现在/);
    const garbled = await setRelease(undefined, { evaluationId: EVAL, releaseAt: "明晚" });
    if (!garbled.ok) expect(garbled.fieldErrors?.releaseAt?.[0]).toBe("发布时间：日期时间无效（格式：年-月-日 时:分）");
  });

  it("set in the future: still nothing until then; after it, the county's official sees the sample and the follow-ups", async () => {
    await as("eval1");
    const releaseAt = new Date(Date.now() + 3_600_000);
    expect(await setRelease(undefined, { evaluationId: EVAL, releaseAt: releaseAt.toISOString() })).toMatchObject({ ok: true });
    const official = await as("official");
    expect(await countyFunctions(official)).toEqual({ released: [], releasedForCounty: [], followups: [], inSample: false });

    const later = new Date(releaseAt.getTime() + 60_000);
    const seen = await countyFunctions(official, later);
    expect(seen.released).toHaveLength(1);
    expect(seen.released[0]!.households.map((h) => h.number).sort()).toEqual([
      "A1",
      "A2",
      "A3",
      "A4",
      "A5",
      "A6",
      "A7",
      "A8",
      "B1",
      "B2",
      "B3",
    ]);
    expect(seen.inSample).toBe(true);
    expect(seen.followups.map((f) => f.kind).sort()).toEqual([
      "income_overstated",
      "indicator_wrong",
      "indicator_wrong",
      "missed",
      "paper_exit",
      "wrongly_lifted",
    ]);
    expect((await frozenListFor(official, EVAL, later)).rows).toHaveLength(11);
    // other counties and other roles still see nothing
    for (const user of ["official2", "cadre1", "fac"])
      expect(await countyFunctions(await as(user), later)).toEqual({ released: [], releasedForCounty: [], followups: [], inSample: false });
  });

  it("once passed, the release time cannot move", async () => {
    await t.prisma.evaluation.update({ where: { id: EVAL }, data: { releaseAt: new Date(Date.now() - 60_000) } });
    await as("eval1");
    const r = await setRelease(undefined, { evaluationId: EVAL, releaseAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(r).toMatchObject({ ok: false, code: "conflict" });
    const official = await as("official");
    expect((await releasedSamples(official)).length).toBe(1);
  });

  it("the county resolves a follow-up (audited with the county)", async () => {
    const official = await as("official");
    const [first] = await countyFollowups(official, { state: "open" });
    expect(await resolveDiscrepancy(undefined, { discrepancyId: first!.id, resolution: "已重新核实收入并整改" })).toMatchObject({
      ok: true,
    });
    expect(await resolveDiscrepancy(undefined, { discrepancyId: first!.id, resolution: "again" })).toMatchObject({
      ok: false,
      code: "closed",
    });
    expect(await audits({ action: "discrepancy.resolve", countyId: "520603" })).toBe(1);
    await as("official2");
    const other = (await t.prisma.discrepancy.findFirstOrThrow({ where: { state: "open" } })).id;
    expect(await resolveDiscrepancy(undefined, { discrepancyId: other, resolution: "越权" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("metrics", () => {
  it("counts behind each metric, in people: the sample's rates scaled up to the frozen register (#14)", async () => {
    const m = await evaluationMetrics(await as("eval1"), EVAL);
    expect(m.zone).toBe("west");
    // 11 households of 3 people: 3 registered poor, 4 lifted, 4 not registered on the frozen list
    expect(m.counts).toMatchObject({
      sampled: 11,
      sampledLifted: 4,
      sampledNonRegistered: 4,
      checked: 4,
      frozenHouseholds: 11,
      population: { rural: 33, registeredPoor: 9, lifted: 12, notRegistered: 12 },
      sampleLiftedPeople: 9,
      sampleWronglyLiftedPeople: 3,
      sampleNotRegisteredPeople: 3,
      sampleMissedPeople: 3,
      surveyedHouseholds: 4,
      approvingHouseholds: 2,
      approving: 2,
      disapproving: 1,
      unsure: 1,
    });
    const [incidence, wrongly, missed, approval] = m.verdict.metrics;
    // (9 + 100% x 12 + 33.3% x 12) / 33 = 25 / 33
    expect(incidence).toMatchObject({ key: "county_incidence", numerator: 25, denominator: 33, value: 75.76, threshold: 3, pass: false });
    expect(m.result.comprehensiveIncidence).toBeCloseTo((100 * 25) / 33, 10);
    expect(wrongly).toMatchObject({
      key: "wrongly_lifted_rate",
      numerator: 3,
      denominator: 9,
      value: 33.33,
      threshold: 2,
      comparison: "lt",
      pass: false,
    });
    expect(missed).toMatchObject({ key: "missed_rate", numerator: 3, denominator: 3, value: 100, pass: false });
    expect(approval).toMatchObject({
      key: "approval_rate",
      numerator: 2,
      denominator: 4,
      value: 50,
      threshold: 90,
      comparison: "gt",
      pass: false,
    });
    expect(m.verdict.pass).toBe(false);
  });
});

describe("closing", () => {
  it("freezes the evaluation: every later write refused, household records no longer readable", async () => {
    const v = await as("eval1");
    expect(await closeEvaluation(undefined, { evaluationId: EVAL })).toMatchObject({ ok: true });
    const close = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "evaluation.close", entityId: EVAL } });
    expect(close.after).toMatchObject({ state: "closed", metrics: { pass: false } });
    // the county page shows the same figure by the same name as the report (#14)
    const onCountyPage = await latestEvaluationMetrics(countyIdForTest("520603"));
    expect(onCountyPage?.metrics.verdict.metrics.map((m) => [m.key, m.value])).toEqual(
      (await evaluationMetrics(v, EVAL)).verdict.metrics.map((m) => [m.key, m.value]),
    );
    expect(onCountyPage?.metrics.verdict.metrics[0]).toMatchObject({ key: "county_incidence", value: 75.76 });

    expect(await saveQuestionnaire(undefined, questionnaire(H.A7!))).toMatchObject({
      ok: false,
      code: "closed",
      message: "该评估已结束，不能再修改。",
    });
    expect(await setRelease(undefined, { evaluationId: EVAL, releaseAt: new Date(Date.now() + 86_400_000).toISOString() })).toMatchObject({
      ok: false,
      code: "closed",
    });
    expect(await drawSample(undefined, { evaluationId: EVAL })).toMatchObject({ ok: false, code: "closed" });
    expect(await closeEvaluation(undefined, { evaluationId: EVAL })).toMatchObject({ ok: false, code: "closed" });
    await expect(sampledHousehold(v, EVAL, H.A1!)).rejects.toMatchObject({ code: "not_found" });
    const denied = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: "access.denied", actorId: v.id, entity: "evaluation.household", entityId: H.A1! },
      orderBy: { id: "desc" },
    });
    expect(denied.after).toMatchObject({ reason: "evaluation closed" });
    // still verifiable and reportable; head names no longer listed
    expect(await verifyDraw(undefined, { evaluationId: EVAL })).toMatchObject({ data: { same: true } });
    const detail = await evaluationDetail(v, EVAL);
    expect(detail.groups.flatMap((g) => g.households).every((h) => h.headName === null)).toBe(true);
  });
});
