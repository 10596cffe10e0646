// The stratified draw (sample v2, decision 0017) through the real actions: an admin marks the
// designated poor villages (audited), a new evaluation records v2 and draws villages from both
// strata and, in each, the register half (every exit of the year) and the outside half; an
// evaluation that recorded v1 draws and re-draws exactly as v1 does.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { createHousehold, createUser, seedRegions } from "../factories";
import { currentYear } from "@/lib/clock";
import { drawSample as drawV1, SAMPLE_ALGORITHM } from "@/lib/domain/sampling";
import { drawSampleV2, SAMPLE_ALGORITHM_V2, type SampleHouseholdV2 } from "@/lib/domain/sampling-v2";
import { setRegionDesignated } from "@/lib/actions/admin/set-region-designated";
import { createEvaluation } from "@/lib/actions/evaluation/create-evaluation";
import { drawSample } from "@/lib/actions/evaluation/draw-sample";
import { verifyDraw } from "@/lib/actions/evaluation/verify-draw";
import { evaluationDetail } from "@/lib/data/evaluation/detail";
import { readPlan } from "@/lib/domain/evaluation-plan";
import { getViewer } from "@/lib/auth/session";

let t: TestDb;
const YEAR = currentYear();
const A = "520603201200"; // 丹阳村: designated
const B = "520603201201"; // 邻村: other
const C = "520603201202"; // other
const D = "520603201203"; // designated
const VILLAGES: { id: string; register: number; exits: number; outside: number }[] = [
  { id: A, register: 10, exits: 3, outside: 27 },
  { id: B, register: 2, exits: 0, outside: 28 },
  { id: C, register: 5, exits: 1, outside: 24 },
  { id: D, register: 6, exits: 2, outside: 22 },
];

async function frozen(evaluationId: string): Promise<SampleHouseholdV2[]> {
  const rows = await t.prisma.evaluationListEntry.findMany({ where: { evaluationId } });
  return rows.map((r) => ({
    id: r.householdId,
    villageId: r.villageId,
    villageDesignated: r.villageDesignated,
    exitedThisYear: r.exitedThisYear,
    registeredStatus: r.registeredStatus,
  }));
}

async function sampleOf(evaluationId: string): Promise<string[]> {
  const rows = await t.prisma.sampleHousehold.findMany({ where: { evaluationId }, select: { householdId: true } });
  return rows.map((r) => r.householdId).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function newEvaluation(name: string): Promise<string> {
  await signInAs(t.prisma, "eval1");
  const id = crypto.randomUUID();
  const r = await createEvaluation(undefined, {
    id,
    countyId: "520603",
    year: String(YEAR),
    name,
    team: [],
    plan: { villages: "2", sharePercent: "20", capPerVillage: "200", includeAllExited: true },
  });
  expect(r).toMatchObject({ ok: true });
  return id;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await t.prisma.region.createMany({
    data: [
      { id: C, parentId: "520603201", level: "village", name: "丙村", zone: "west" },
      { id: D, parentId: "520603201", level: "village", name: "丁村", zone: "west" },
    ],
  });
  await createUser(t.prisma, { username: "admin", role: "admin", regionId: "52" });
  await createUser(t.prisma, { username: "eval1", role: "evaluator", regionId: "5206", name: "评估员甲" });
  let n = 0;
  for (const v of VILLAGES) {
    const make = async (status: "registered_poor" | "lifted" | "not_registered") =>
      (await createHousehold(t.prisma, { villageId: v.id, number: String(++n).padStart(4, "0"), registeredStatus: status, members: 1 })).id;
    for (let i = 0; i < v.register; i++) await make(i % 2 ? "lifted" : "registered_poor");
    for (let i = 0; i < v.outside; i++) await make("not_registered");
    for (let i = 0; i < v.exits; i++) {
      const id = await make("lifted");
      await t.prisma.registrationChange.create({
        data: {
          householdId: id,
          countyId: "520603",
          fromStatus: "registered_poor",
          toStatus: "lifted",
          effective: new Date(`${YEAR}-03-01T00:00:00Z`),
        },
      });
    }
  }
});

afterAll(async () => {
  signOut();
  await t?.close();
});

describe("the designated-poor-village flag", () => {
  it("an admin sets it on a village, audited; unchanged is a no-op; not on a county", async () => {
    await signInAs(t.prisma, "admin");
    expect(await setRegionDesignated(undefined, { id: A, designatedPoor: "true" })).toMatchObject({ ok: true });
    expect(await setRegionDesignated(undefined, { id: D, designatedPoor: "on" })).toMatchObject({ ok: true });
    expect(await setRegionDesignated(undefined, { id: A, designatedPoor: "true" })).toMatchObject({ ok: true, message: "没有变化。" });
    expect(await t.prisma.region.findMany({ where: { designatedPoor: true }, select: { id: true }, orderBy: { id: "asc" } })).toEqual([
      { id: A },
      { id: D },
    ]);
    const audits = await t.prisma.auditEvent.findMany({ where: { action: "region.designated" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.entityId, a.after])).toEqual([
      [A, { designatedPoor: true }],
      [D, { designatedPoor: true }],
    ]);
    const county = await setRegionDesignated(undefined, { id: "520603", designatedPoor: "true" });
    expect(county).toMatchObject({ ok: false, code: "invalid", fieldErrors: { id: ["只能对村设置贫困村标记"] } });
    const bad = await setRegionDesignated(undefined, { id: B, designatedPoor: "maybe" });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(bad.ok ? null : Object.keys(bad.fieldErrors ?? {})).toEqual(["designatedPoor"]);
  });
});

describe("a new evaluation draws stratified (v2)", () => {
  let id = "";
  it("records v2 at creation and at the draw; one designated and one other village; halves and every exit", async () => {
    id = await newEvaluation("分层抽样");
    expect((await t.prisma.evaluation.findUniqueOrThrow({ where: { id } })).algorithm).toBe(SAMPLE_ALGORITHM_V2);
    expect(await drawSample(undefined, { evaluationId: id, seed: "万山-分层" })).toMatchObject({ ok: true });
    const e = await t.prisma.evaluation.findUniqueOrThrow({ where: { id } });
    expect(e.algorithm).toBe(SAMPLE_ALGORITHM_V2);

    const list = await frozen(id);
    expect(list).toHaveLength(130);
    expect(new Set(list.filter((h) => h.villageDesignated).map((h) => h.villageId))).toEqual(new Set([A, D]));
    const expected = drawSampleV2("万山-分层", list, { villages: 2, share: 0.2, capPerVillage: 200 });
    if (!expected.ok) throw new Error(expected.messageEn);
    expect(e.listHash).toBe(expected.listHash);
    expect(await sampleOf(id)).toEqual(expected.households);
    expect(expected.strata.designated.villages).toHaveLength(1);
    expect(expected.strata.other.villages).toHaveLength(1);

    const sampled = new Set(await sampleOf(id));
    for (const vid of expected.villages) {
      const members = list.filter((h) => h.villageId === vid);
      const exits = members.filter((h) => h.exitedThisYear);
      expect(exits.every((h) => sampled.has(h.id))).toBe(true);
      const outside = members.filter((h) => h.registeredStatus === "not_registered" && sampled.has(h.id)).length;
      expect(outside).toBe(Math.floor(Math.round(members.length * 0.2) / 2) + (vid === B ? 1 : 0)); // B's register (2) is short of its half (3)
    }
    const plan = readPlan(e.plan);
    expect(plan.drawn?.strata?.designated.available).toBe(2);
    expect(plan.drawn?.strata?.other.available).toBe(2);
  });

  it("the evaluator's page data names each village's stratum and halves", async () => {
    await signInAs(t.prisma, "eval1");
    const d = await evaluationDetail((await getViewer())!, id);
    expect(d.groups).toHaveLength(2);
    const designated = d.groups.filter((g) => g.strata?.designated).map((g) => g.villageId);
    expect(designated).toHaveLength(1);
    expect([A, D]).toContain(designated[0]);
    for (const g of d.groups) {
      expect(g.strata).not.toBeNull();
      expect(g.households).toHaveLength(g.strata!.registerDrawn + g.strata!.exitedDrawn + g.strata!.outsideDrawn);
    }
  });

  it("re-draws to the same sample; a designated flag changed afterwards does not move it (the list froze it)", async () => {
    await signInAs(t.prisma, "admin");
    expect(await setRegionDesignated(undefined, { id: A, designatedPoor: "false" })).toMatchObject({ ok: true });
    await signInAs(t.prisma, "eval1");
    expect(await verifyDraw(undefined, { evaluationId: id })).toMatchObject({ ok: true, data: { same: true } });
    await signInAs(t.prisma, "admin");
    expect(await setRegionDesignated(undefined, { id: A, designatedPoor: "true" })).toMatchObject({ ok: true });
  });
});

describe("an evaluation that recorded v1 keeps v1", () => {
  it("draws with v1 and re-draws the same", async () => {
    const id = await newEvaluation("旧算法");
    // as an evaluation created before v2 existed: its recorded algorithm is v1
    await t.prisma.evaluation.update({ where: { id }, data: { algorithm: SAMPLE_ALGORITHM } });
    expect(await drawSample(undefined, { evaluationId: id, seed: "万山-旧" })).toMatchObject({ ok: true });
    const e = await t.prisma.evaluation.findUniqueOrThrow({ where: { id } });
    expect(e.algorithm).toBe(SAMPLE_ALGORITHM);
    const list = await frozen(id);
    const v1 = drawV1("万山-旧", list, { villages: 2, share: 0.2, capPerVillage: 200, includeAllExited: true });
    if (!v1.ok) throw new Error(v1.messageEn);
    expect(e.listHash).toBe(v1.listHash);
    expect(await sampleOf(id)).toEqual(v1.households);
    expect(readPlan(e.plan).drawn?.strata).toBeUndefined();
    expect(await verifyDraw(undefined, { evaluationId: id })).toMatchObject({ ok: true, data: { same: true } });
    // the same seed and list under v2 would have been another sample: the version matters
    const v2 = drawSampleV2("万山-旧", list, { villages: 2, share: 0.2, capPerVillage: 200 });
    expect(v2.ok && v2.households).not.toEqual(v1.households);
  });
});
