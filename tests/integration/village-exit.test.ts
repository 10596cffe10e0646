// A designated poor village's exit (贫困村退出, decision 0051) on a real database: the village records
// and proposes (its facilitator, or a cadre posted there as first secretary), the township reviews
// (approve or return with the reason), the county approves and announces. Each step: the wrong
// role, another township or county, the wrong stage, stale versions and two reviewers at once,
// criteria failing (the refusal names them), audit rows, and the county's list.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, useLocale, type TestDb } from "./helpers";
import { createHousehold, createUser, seedRegions } from "../factories";
import { getViewer } from "@/lib/auth/session";
import { saveVillageExitRecord } from "@/lib/actions/village-exit/save-record";
import { proposeVillageExitAction } from "@/lib/actions/village-exit/propose";
import { reviewVillageExitAction } from "@/lib/actions/village-exit/township-review";
import { approveVillageExitAction } from "@/lib/actions/village-exit/county-approve";
import { villageExitAnnouncement, villageExitList, villageExitPage } from "@/lib/data/village-exit";
import { resolvePolicy, type PolicyRow } from "@/lib/domain/policy";
import { policyOfVersion } from "@/lib/domain/stored-assessment";

let t: TestDb;
const DANYANG = "520603201200";
const NEIGHBOUR = "520603201201"; // not designated
const OTHER_TOWNSHIP = "520603202";
const OTHER_VILLAGE = "520603202200"; // designated, another township of Wanshan
const BIJIANG = "520602100200"; // designated, another county
const YEAR = 2019;
const exitId = crypto.randomUUID();

const record = (extra: Record<string, string | number | undefined> = {}) =>
  form({
    id: exitId,
    villageId: DANYANG,
    year: YEAR,
    roadOk: "on",
    roadOn: "2018-06-01",
    roadNote: "村道硬化 4.2 公里，通到乡镇",
    waterOk: "on",
    waterOn: "2018-03-01",
    powerOk: "on",
    clinicOk: "on",
    clinicOn: "2017-09-01",
    schoolOk: "on",
    collectiveIncome: "50000",
    ...extra,
  });

async function version(id = exitId): Promise<number> {
  const [r] = await t.sql<{ version: number }>(`SELECT version FROM village_exit WHERE id = $1`, [id]);
  return r!.version;
}
async function stage(id = exitId): Promise<string> {
  const [r] = await t.sql<{ stage: string }>(`SELECT stage::text FROM village_exit WHERE id = $1`, [id]);
  return r!.stage;
}
async function events(action: string): Promise<number> {
  const [r] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1`, [action]);
  return r!.n;
}
async function viewer(username: string) {
  await signInAs(t.prisma, username);
  return (await getViewer())!;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await t.prisma.region.createMany({
    data: [
      { id: OTHER_TOWNSHIP, parentId: "520603", level: "township", name: "另一乡", zone: "west" },
      { id: OTHER_VILLAGE, parentId: OTHER_TOWNSHIP, level: "village", name: "另一村", zone: "west" },
    ],
  });
  await t.prisma.region.updateMany({ where: { id: { in: [DANYANG, OTHER_VILLAGE, BIJIANG] } }, data: { designatedPoor: true } });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602" });
  await createUser(t.prisma, { username: "township", role: "county_official", regionId: "520603201" });
  await createUser(t.prisma, { username: "township2", role: "county_official", regionId: OTHER_TOWNSHIP });
  await createUser(t.prisma, { username: "facilitator", role: "facilitator", regionId: DANYANG });
  await createUser(t.prisma, { username: "nfacilitator", role: "facilitator", regionId: NEIGHBOUR });
  await createUser(t.prisma, { username: "bfacilitator", role: "facilitator", regionId: BIJIANG });
  const secretary = await createUser(t.prisma, { username: "secretary", role: "cadre", regionId: DANYANG });
  await createUser(t.prisma, { username: "cadre", role: "cadre", regionId: DANYANG });
  await createUser(t.prisma, { username: "evaluator", role: "evaluator", regionId: "5206" });
  const unit = await t.prisma.unit.create({ data: { countyId: "520603", name: "县农业农村局" } });
  await t.prisma.residentPosting.create({
    data: {
      countyId: "520603",
      villageId: DANYANG,
      unitId: unit.id,
      userId: secretary.id,
      personName: "第一书记",
      role: "first_secretary",
      validFrom: new Date("2018-03-01T00:00:00Z"),
    },
  });
  // Danyang: 100 people, 3 of them registered poor (exactly 3%: the west's threshold)
  const sizes: [number, "registered_poor" | "lifted" | "not_registered"][] = [
    [3, "registered_poor"],
    [40, "lifted"],
    [57, "not_registered"],
  ];
  let n = 0;
  for (const [people, status] of sizes) {
    const h = await createHousehold(t.prisma, { villageId: DANYANG, number: String(++n).padStart(3, "0"), registeredStatus: status });
    await t.prisma.household.update({ where: { id: h.id }, data: { memberCount: people } });
  }
  for (const v of [OTHER_VILLAGE, BIJIANG]) {
    const h = await createHousehold(t.prisma, { villageId: v, number: "001" });
    await t.prisma.household.update({ where: { id: h.id }, data: { memberCount: 50 } });
  }
});
afterAll(async () => {
  signOut();
  useLocale("zh-CN");
  await t?.close();
});

describe("the policy without a national collective income figure (the migration)", () => {
  it("retires the places row that carried it, adds the same values without it, and keeps old versions readable", async () => {
    const rows = await t.sql<{ id: string; active: boolean; values: Record<string, number>; retiredAt: Date | null; createdAt: Date }>(
      `SELECT id, active, "values", "retiredAt", "createdAt" FROM policy_row WHERE id LIKE 'national-2014-places%' ORDER BY id`,
    );
    expect(rows.map((r) => [r.id, r.active])).toEqual([
      ["national-2014-places", false],
      ["national-2014-places-v2", true],
    ]);
    expect(rows[0]!.values.villageCollectiveIncomeMin).toBe(50000); // the old row as it was
    expect(rows[1]!.values).toEqual({ relocationContributionCap: 3000, relocationAreaPerPerson: 20, residentDaysPerMonth: 20 });
    const all = (await t.prisma.policyRow.findMany()).map((r) => ({
      id: r.id,
      year: r.year,
      provinceCode: r.provinceId,
      values: r.values as PolicyRow["values"],
      createdAt: r.createdAt,
      retiredAt: r.retiredAt,
    }));
    expect(
      resolvePolicy(
        all.filter((r) => r.retiredAt === null),
        2019,
        "52",
      ).values,
    ).not.toHaveProperty("villageCollectiveIncomeMin");
    // a version written while the old row was in force (before its key was retired) still resolves
    const old = "2020:52:national-2014+national-2014-key-households+national-2014-places+national-2020#177e3258697a93e0";
    expect(policyOfVersion(all, old, new Date(rows[0]!.createdAt.getTime() + 1)).version).toBe(old);
  });
});

describe("the village's record", () => {
  it("the facilitator records it once, however often the form is sent, and it is audited", async () => {
    await signInAs(t.prisma, "facilitator");
    expect(await saveVillageExitRecord(undefined, record())).toMatchObject({ ok: true, data: { id: exitId, version: 1 } });
    expect(await saveVillageExitRecord(undefined, record())).toMatchObject({ ok: true, data: { id: exitId, version: 1 } });
    expect(await t.prisma.villageExit.count()).toBe(1);
    expect(await events("village_exit.recorded")).toBe(1);
    const r = await t.prisma.villageExit.findUniqueOrThrow({ where: { id: exitId } });
    expect(r).toMatchObject({
      countyId: "520603",
      year: YEAR,
      stage: "draft",
      roadOk: true,
      powerOn: null,
      roadNote: "村道硬化 4.2 公里，通到乡镇",
    });
    expect(Number(r.collectiveIncome)).toBe(50000);
  });

  it("another record of the same village and year is a conflict, not a second row", async () => {
    await signInAs(t.prisma, "facilitator");
    expect(await saveVillageExitRecord(undefined, record({ id: crypto.randomUUID() }))).toMatchObject({ ok: false, code: "conflict" });
    expect(await t.prisma.villageExit.count()).toBe(1);
  });

  it("a correction needs its version (stale: conflict); the first secretary may correct it too", async () => {
    await signInAs(t.prisma, "facilitator");
    expect(await saveVillageExitRecord(undefined, record({ version: 7 }))).toMatchObject({ ok: false, code: "conflict" });
    await signInAs(t.prisma, "secretary");
    expect(await saveVillageExitRecord(undefined, record({ version: 1, roadOk: undefined }))).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    const r = await t.prisma.villageExit.findUniqueOrThrow({ where: { id: exitId } });
    expect(r.roadOk).toBe(false);
    expect(r.roadOn).toBeNull(); // a date only with the facility in place
    expect(await events("village_exit.updated")).toBe(1);
  });

  it("bad input names its field", async () => {
    await signInAs(t.prisma, "facilitator");
    const cases: [Record<string, string>, string][] = [
      [{ year: "2013" }, "year"],
      [{ year: "2999" }, "year"],
      [{ collectiveIncome: "-1" }, "collectiveIncome"],
      [{ collectiveIncome: "12.345" }, "collectiveIncome"],
      [{ roadOn: "2999-01-01" }, "roadOn"],
      [{ clinicOn: "2019-02-30" }, "clinicOn"],
      [{ waterOk: "maybe" }, "waterOk"],
      [{ schoolNote: "长".repeat(201) }, "schoolNote"],
      [{ villageId: "5206" }, "villageId"],
    ];
    for (const [extra, field] of cases) {
      const r = await saveVillageExitRecord(undefined, record({ version: 2, ...extra }));
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}), JSON.stringify(extra)).toEqual([field]);
    }
    expect(await version()).toBe(2);
  });

  it("out of scope: another village's facilitator, a cadre not posted there, officials; a village not designated", async () => {
    await signInAs(t.prisma, "bfacilitator");
    expect(await saveVillageExitRecord(undefined, record({ version: 2 }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(t.prisma, "cadre");
    expect(await saveVillageExitRecord(undefined, record({ version: 2 }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(t.prisma, "official");
    expect(await saveVillageExitRecord(undefined, record({ version: 2 }))).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(t.prisma, "nfacilitator");
    const r = await saveVillageExitRecord(undefined, record({ id: crypto.randomUUID(), villageId: NEIGHBOUR }));
    expect(r).toMatchObject({ ok: false, code: "invalid", message: "该村不是贫困村，不登记退出" });
    expect(await version()).toBe(2);
    const denied = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access.denied' AND "entityId" = 'village_exit.save'`,
    );
    expect(denied[0]!.n).toBeGreaterThanOrEqual(3);
  });
});

describe("the procedure", () => {
  it("a village that fails a criterion cannot be proposed: the refusal names each failed criterion", async () => {
    await signInAs(t.prisma, "facilitator");
    const zh = await proposeVillageExitAction(undefined, form({ exitId, version: 2 }));
    expect(zh.ok).toBe(false);
    if (!zh.ok) {
      expect(zh.code).toBe("invalid");
      expect(zh.message).toContain("通硬化路：未达标");
      expect(zh.message).not.toContain("贫困发生率");
    }
    // one more poor person: 4 of 101 is above 3%
    const h = await createHousehold(t.prisma, { villageId: DANYANG, number: "099", registeredStatus: "registered_poor" });
    await t.prisma.household.update({ where: { id: h.id }, data: { memberCount: 1 } });
    useLocale("en");
    const en = await proposeVillageExitAction(undefined, form({ exitId, version: 2 }));
    useLocale("zh-CN");
    if (!en.ok) {
      expect(en.message).toContain("Paved road: not in place");
      expect(en.message).toContain("Poverty incidence 3.96% (4 / 101)");
    } else throw new Error("proposed a failing village");
    await t.prisma.household.update({ where: { id: h.id }, data: { memberCount: 0, registeredStatus: "lifted" } });
    expect(await stage()).toBe("draft");
    expect(await events("village_exit.proposed")).toBe(0);
  });

  it("the wrong stage is refused clearly: no review or approval of a draft", async () => {
    await signInAs(t.prisma, "township");
    const r = await reviewVillageExitAction(undefined, form({ exitId, version: 2, decision: "approve" }));
    expect(r).toMatchObject({ ok: false, code: "invalid", message: "该退出申请现在处于“村级填报中”环节，不能进行这一步" });
    await signInAs(t.prisma, "official");
    expect(await approveVillageExitAction(undefined, form({ exitId, version: 2, decision: "approve" }))).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });

  it("the first secretary proposes once every criterion is met: the counts and the policy frozen, a step and an audit row", async () => {
    await signInAs(t.prisma, "secretary");
    expect(await saveVillageExitRecord(undefined, record({ version: 2 }))).toMatchObject({ ok: true, data: { version: 3 } });
    await signInAs(t.prisma, "cadre");
    expect(await proposeVillageExitAction(undefined, form({ exitId, version: 3 }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(t.prisma, "secretary");
    expect(await proposeVillageExitAction(undefined, form({ exitId, version: 2 }))).toMatchObject({ ok: false, code: "conflict" });
    expect(await proposeVillageExitAction(undefined, form({ exitId, version: 3 }))).toMatchObject({
      ok: true,
      data: { stage: "proposed", version: 4 },
    });
    const r = await t.prisma.villageExit.findUniqueOrThrow({ where: { id: exitId } });
    expect(r).toMatchObject({ poorPeople: 3, population: 100 });
    expect(Number(r.incidenceThreshold)).toBe(3);
    // the collective income is not held to any national figure: pending the county's judgment
    expect(r.collectiveIncomeMin).toBeNull();
    expect(r.incomeJudgment).toBeNull();
    expect(r.policyVersion).toMatch(/^2019:52:/);
    expect(await t.prisma.villageExitStep.count({ where: { exitId, step: "propose" } })).toBe(1);
    expect(await events("village_exit.proposed")).toBe(1);
    // proposed: the record no longer changes, and it is not proposed twice
    await signInAs(t.prisma, "facilitator");
    expect(await saveVillageExitRecord(undefined, record({ version: 4 }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await proposeVillageExitAction(undefined, form({ exitId, version: 4 }))).toMatchObject({ ok: false, code: "invalid" });
  });

  it("the township review: only the reviewer of the village's township; a return needs its reason", async () => {
    await signInAs(t.prisma, "township2");
    expect(await reviewVillageExitAction(undefined, form({ exitId, version: 4, decision: "approve" }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    await signInAs(t.prisma, "official");
    expect(await reviewVillageExitAction(undefined, form({ exitId, version: 4, decision: "approve" }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await signInAs(t.prisma, "facilitator");
    expect(await reviewVillageExitAction(undefined, form({ exitId, version: 4, decision: "approve" }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await signInAs(t.prisma, "township");
    const bad = await reviewVillageExitAction(undefined, form({ exitId, version: 4, decision: "return", reason: " " }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["reason"]);
    const bogus = await reviewVillageExitAction(undefined, form({ exitId, version: 4, decision: "maybe" }));
    if (!bogus.ok) expect(Object.keys(bogus.fieldErrors ?? {})).toEqual(["decision"]);
    expect(
      await reviewVillageExitAction(undefined, form({ exitId, version: 4, decision: "return", reason: "卫生室没有执业医生，请核实" })),
    ).toMatchObject({
      ok: true,
      data: { stage: "returned", version: 5 },
    });
    expect(await events("village_exit.returned")).toBe(1);
    const step = await t.prisma.villageExitStep.findFirstOrThrow({ where: { exitId, step: "township_review" } });
    expect(step).toMatchObject({ decision: "returned", reason: "卫生室没有执业医生，请核实", actorRole: "county_official" });
  });

  it("returned, the village corrects and proposes again; two reviewers at once: one wins, the other is told it is stale", async () => {
    await signInAs(t.prisma, "facilitator");
    expect(await saveVillageExitRecord(undefined, record({ version: 5, clinicNote: "已配备乡村医生" }))).toMatchObject({
      ok: true,
      data: { version: 6 },
    });
    expect(await proposeVillageExitAction(undefined, form({ exitId, version: 6 }))).toMatchObject({ ok: true, data: { version: 7 } });
    await signInAs(t.prisma, "township");
    const [a, b] = await Promise.all([
      reviewVillageExitAction(undefined, form({ exitId, version: 7, decision: "approve", reason: "同意" })),
      reviewVillageExitAction(undefined, form({ exitId, version: 7, decision: "return", reason: "再看看" })),
    ]);
    const oks = [a, b].filter((r) => r.ok);
    expect(oks).toHaveLength(1);
    const lost = [a, b].find((r) => !r.ok)!;
    expect(["conflict", "invalid"]).toContain(lost.ok ? "" : lost.code);
    expect(await version()).toBe(8);
    if (a.ok) expect(await stage()).toBe("township_reviewed");
    else {
      // the return won: the village proposes again and the township approves
      await signInAs(t.prisma, "facilitator");
      expect(await proposeVillageExitAction(undefined, form({ exitId, version: 8 }))).toMatchObject({ ok: true });
      await signInAs(t.prisma, "township");
      expect(await reviewVillageExitAction(undefined, form({ exitId, version: 9, decision: "approve" }))).toMatchObject({ ok: true });
    }
    expect(await stage()).toBe("township_reviewed");
  });

  it("the county judges the collective income as it decides: approval needs it judged met, with a note", async () => {
    let v = await version();
    await signInAs(t.prisma, "official");
    const fieldsOf = async (extra: Record<string, string>) => {
      const r = await approveVillageExitAction(undefined, form({ exitId, version: v, ...extra }));
      expect(r.ok, JSON.stringify(extra)).toBe(false);
      return r.ok ? [] : Object.keys(r.fieldErrors ?? {});
    };
    // at the boundary: no judgment, "not met", met without its note — each named on its field
    expect(await fieldsOf({ decision: "approve", reason: "同意" })).toEqual(["incomeJudgment"]);
    expect(await fieldsOf({ decision: "approve", incomeJudgment: "not_met", incomeNote: "收入不稳定" })).toEqual(["incomeJudgment"]);
    expect(await fieldsOf({ decision: "approve", incomeJudgment: "met" })).toEqual(["incomeNote"]);
    expect(await fieldsOf({ decision: "approve", incomeJudgment: "enough", incomeNote: "x" })).toEqual(["incomeJudgment"]);
    expect(await fieldsOf({ decision: "approve", incomeJudgment: "met", incomeNote: "长".repeat(201) })).toEqual(["incomeNote"]);
    expect(await stage()).toBe("township_reviewed");
    // the county returns it, judging the income not met: kept with the figure, for the village to read
    expect(
      await approveVillageExitAction(
        undefined,
        form({
          exitId,
          version: v,
          decision: "return",
          reason: "集体经济收入来源单一",
          incomeJudgment: "not_met",
          incomeNote: "仅一次性补助，不可持续",
        }),
      ),
    ).toMatchObject({ ok: true, data: { stage: "returned" } });
    const returned = await t.prisma.villageExit.findUniqueOrThrow({ where: { id: exitId } });
    expect(returned).toMatchObject({ incomeJudgment: "not_met", incomeJudgmentNote: "仅一次性补助，不可持续" });
    expect(returned.incomeJudgedById).toBeTruthy();
    const page = (await villageExitPage(await viewer("facilitator"), DANYANG, YEAR))!;
    expect(page.verdict.criteria.find((c) => c.key === "collective_income")!.state).toBe("not_met");
    expect(page.record?.incomeJudgment).toMatchObject({ judgment: "not_met", note: "仅一次性补助，不可持续" });
    // judged not met, the same figure cannot be proposed again: the refusal names the income
    await signInAs(t.prisma, "facilitator");
    v = await version();
    const again = await proposeVillageExitAction(undefined, form({ exitId, version: v }));
    expect(again).toMatchObject({ ok: false, code: "invalid" });
    if (!again.ok) expect(again.message).toContain("县审定未达标");
    // the same figure saved again keeps the judgment; a new figure clears it (pending again)
    expect(await saveVillageExitRecord(undefined, record({ version: v }))).toMatchObject({ ok: true });
    expect((await t.prisma.villageExit.findUniqueOrThrow({ where: { id: exitId } })).incomeJudgment).toBe("not_met");
    v = await version();
    expect(await saveVillageExitRecord(undefined, record({ version: v, collectiveIncome: "86000" }))).toMatchObject({ ok: true });
    const refigured = await t.prisma.villageExit.findUniqueOrThrow({ where: { id: exitId } });
    expect(refigured).toMatchObject({ incomeJudgment: null, incomeJudgmentNote: "", incomeJudgedById: null, incomeJudgedAt: null });
    v = await version();
    expect(await proposeVillageExitAction(undefined, form({ exitId, version: v }))).toMatchObject({
      ok: true,
      data: { stage: "proposed" },
    });
    await signInAs(t.prisma, "township");
    expect(await reviewVillageExitAction(undefined, form({ exitId, version: v + 1, decision: "approve" }))).toMatchObject({ ok: true });
    expect(await stage()).toBe("township_reviewed");
  });

  it("the county approves and announces: the village's exit year set, its designation and the record kept", async () => {
    const v = await version();
    const judged = { incomeJudgment: "met", incomeNote: "合作社分红和资产租金，连续两年稳定" };
    await signInAs(t.prisma, "official2");
    expect(await approveVillageExitAction(undefined, form({ exitId, version: v, decision: "approve", ...judged }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    await signInAs(t.prisma, "township");
    expect(await approveVillageExitAction(undefined, form({ exitId, version: v, decision: "approve", ...judged }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await signInAs(t.prisma, "evaluator");
    expect(await approveVillageExitAction(undefined, form({ exitId, version: v, decision: "approve", ...judged }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await signInAs(t.prisma, "official");
    expect(await approveVillageExitAction(undefined, form({ exitId, version: v - 1, decision: "approve", ...judged }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(
      await approveVillageExitAction(undefined, form({ exitId, version: v, decision: "approve", reason: "同意退出", ...judged })),
    ).toMatchObject({
      ok: true,
      data: { stage: "announced", version: v + 1 },
    });
    const village = await t.prisma.region.findUniqueOrThrow({ where: { id: DANYANG } });
    expect(village).toMatchObject({ designatedPoor: true, designatedExitYear: YEAR });
    expect(await events("village_exit.announced")).toBe(1);
    expect(await events("region.designated_exited")).toBe(1);
    expect(await approveVillageExitAction(undefined, form({ exitId, version: v + 1, decision: "approve", ...judged }))).toMatchObject({
      ok: false,
      code: "invalid",
    });
    const a = await villageExitAnnouncement(exitId);
    expect(a).toMatchObject({
      village: "丹阳村",
      township: "黄道侗族乡",
      county: "万山区",
      poor: 3,
      people: 100,
      incidence: 3,
      threshold: 3,
      collectiveIncome: 86000,
      incomeNote: "合作社分红和资产租金，连续两年稳定",
    });
    const r = await t.prisma.villageExit.findUniqueOrThrow({ where: { id: exitId } });
    expect(r).toMatchObject({ incomeJudgment: "met", incomeJudgmentNote: "合作社分红和资产租金，连续两年稳定" });
    const ev = await t.sql<{ after: { incomeJudgment?: string } }>(`SELECT after FROM audit_event WHERE action = 'village_exit.announced'`);
    expect(ev[0]!.after.incomeJudgment).toBe("met");
    const steps = await t.prisma.villageExitStep.findMany({ where: { exitId }, orderBy: { at: "asc" } });
    expect(steps.map((s) => `${s.step}:${s.decision}`).slice(-1)).toEqual(["county_approval:approved"]);
  });

  it("no announcement before the county announces", async () => {
    await signInAs(t.prisma, "bfacilitator");
    const other = crypto.randomUUID();
    expect(await saveVillageExitRecord(undefined, record({ id: other, villageId: BIJIANG }))).toMatchObject({ ok: true });
    expect(await villageExitAnnouncement(other)).toBeNull();
  });
});

describe("the pages' data", () => {
  it("the county's list: its designated villages only, with the stage and each criterion", async () => {
    const list = await villageExitList(await viewer("official"));
    expect(list.rows.map((r) => r.id)).toEqual([DANYANG, OTHER_VILLAGE]);
    const d = list.rows[0]!;
    expect(d).toMatchObject({ stage: "announced", people: 100, poorPeople: 3, exitYear: YEAR });
    expect(d.verdict.eligible).toBe(true);
    expect(d.verdict.approvable).toBe(true); // judged met by the county
    expect(list.rows[1]).toMatchObject({ stage: null });
    expect(list.rows[1]!.verdict.failed).toContain("road");
    expect((await villageExitList(await viewer("official"), { stage: "none" })).rows.map((r) => r.id)).toEqual([OTHER_VILLAGE]);
    expect((await villageExitList(await viewer("official"), { pageSize: 1, page: 2 })).rows.map((r) => r.id)).toEqual([OTHER_VILLAGE]);
    expect((await villageExitList(await viewer("official2"))).rows.map((r) => r.id)).toEqual([BIJIANG]);
    expect((await villageExitList(await viewer("township"))).rows.map((r) => r.id)).toEqual([DANYANG]);
  });

  it("the village page: in reach of the village side and the officials over it; what each may do", async () => {
    expect(await villageExitPage(await viewer("official2"), DANYANG, YEAR)).toBeNull();
    expect(await villageExitPage(await viewer("township2"), DANYANG, YEAR)).toBeNull();
    expect(await villageExitPage(await viewer("cadre"), DANYANG, YEAR)).toBeNull();
    expect(await villageExitPage(await viewer("bfacilitator"), DANYANG, YEAR)).toBeNull();
    const p = (await villageExitPage(await viewer("facilitator"), DANYANG, YEAR))!;
    expect(p.record?.stage).toBe("announced");
    expect(p.may).toEqual({ edit: false, propose: false, review: false, approve: false });
    expect(p.record?.frozen).toMatchObject({ poor: 3, people: 100, value: 3 });
    expect(p.record?.steps.length).toBeGreaterThanOrEqual(5);
    // an exited village keeps no new exit record: nothing to edit, and a save is refused
    const fresh = (await villageExitPage(await viewer("secretary"), DANYANG, 2020))!;
    expect(fresh.record).toBeNull();
    expect(fresh.may.edit).toBe(false);
    await signInAs(t.prisma, "secretary");
    const later = await saveVillageExitRecord(undefined, record({ id: crypto.randomUUID(), year: 2020 }));
    expect(later).toMatchObject({ ok: false, code: "invalid", message: "该村已于 2019 年退出贫困村，不再登记退出" });
    expect(await t.prisma.villageExit.count({ where: { villageId: DANYANG } })).toBe(1);
  });
});
