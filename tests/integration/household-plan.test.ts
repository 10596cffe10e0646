// Each household's plan (一户一策) on a real database: made by the cadre assigned or an official
// over the household, version-checked, audited, its measures the household's own only; its steps
// marked done on a visit (through logVisit and the outbox's batch, once); another cadre's or
// another county's household not found; bad input names the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { savePlan } from "@/lib/actions/plans/save-plan";
import { logVisit } from "@/lib/actions/visits/log-visit";
import { syncVisits } from "@/lib/actions/visits/sync-visits";
import { currentYear, today } from "@/lib/clock";

let t: TestDb;
let mine: string;
let theirs: string;
let far: string;
let measure: string;
let otherMeasure: string;
const VILLAGE = "520603201200";
const YEAR = currentYear();

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE });
  const other = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: VILLAGE });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "farOfficial", role: "county_official", regionId: "520602" });
  await createUser(t.prisma, { username: "facilitator", role: "facilitator", regionId: VILLAGE });
  const a = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", members: 3 });
  const b = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0002", members: 2 });
  const c = await createHousehold(t.prisma, { villageId: "520602100200", number: "0001", members: 1 });
  [mine, theirs, far] = [a.id, b.id, c.id];
  await assign(t.prisma, mine, cadre.id);
  await assign(t.prisma, theirs, other.id);
  const m = (householdId: string) =>
    t.prisma.assistanceMeasure.create({
      data: {
        householdId,
        countyId: "520603",
        category: "employment",
        kind: "public_welfare_job",
        cause: "lack_of_skills",
        post: "护路员",
        monthlyPay: 600,
        description: "公益性岗位：护路员",
        amount: 0,
        startDate: new Date("2025-01-01"),
      },
    });
  measure = (await m(mine)).id;
  otherMeasure = (await m(theirs)).id;
});

afterAll(async () => {
  signOut();
  await t.close();
});

const plan = (over: Record<string, unknown> = {}) => ({
  householdId: mine,
  year: String(YEAR),
  mainCause: "illness",
  secondaryCauses: ["lack_of_skills"],
  expectedIncome: "5200",
  measureIds: [measure],
  items: "落实护路员岗位\n办理慢病签约",
  note: "",
  ...over,
});

describe("the plan", () => {
  it("the cadre assigned makes it: plan, measures, steps and audit in one go", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await savePlan(undefined, plan());
    expect(res).toMatchObject({ ok: true, data: { version: 1 } });
    const p = await t.prisma.householdPlan.findUniqueOrThrow({
      where: { householdId_year: { householdId: mine, year: YEAR } },
      include: { measures: true, items: { orderBy: { position: "asc" } } },
    });
    expect(p).toMatchObject({ countyId: "520603", mainCause: "illness", secondaryCauses: ["lack_of_skills"], version: 1 });
    expect(Number(p.expectedIncome)).toBe(5200);
    expect(p.measures.map((m) => m.measureId)).toEqual([measure]);
    expect(p.items.map((i) => i.text)).toEqual(["落实护路员岗位", "办理慢病签约"]);
    expect(await t.prisma.auditEvent.count({ where: { action: "plan.create", entityId: p.id } })).toBe(1);
  });

  it("a stale version is refused and nothing changes; the official over the household edits it with the current one", async () => {
    await signInAs(t.prisma, "official");
    const stale = await savePlan(undefined, plan({ expectedIncome: "9999" }));
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const ok = await savePlan(
      undefined,
      plan({ baseVersion: "1", expectedIncome: "5600", items: "落实护路员岗位\n办理慢病签约\n参加技能培训" }),
    );
    expect(ok).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await t.prisma.auditEvent.count({ where: { action: "plan.update" } })).toBe(1);
  });

  it("another household's measure names the field; a negative income names the field", async () => {
    await signInAs(t.prisma, "cadre1");
    expect(await savePlan(undefined, plan({ baseVersion: "2", measureIds: [otherMeasure] }))).toMatchObject({
      ok: false,
      fieldErrors: { measureIds: [expect.any(String)] },
    });
    expect(await savePlan(undefined, plan({ baseVersion: "2", expectedIncome: "-1" }))).toMatchObject({
      ok: false,
      fieldErrors: { expectedIncome: ["不能为负数"] },
    });
  });

  it("another cadre's household, another county's, and a facilitator: refused, nothing written", async () => {
    const before = await t.prisma.householdPlan.count();
    await signInAs(t.prisma, "cadre1");
    expect(await savePlan(undefined, plan({ householdId: theirs, measureIds: [] }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(t.prisma, "farOfficial");
    expect(await savePlan(undefined, plan({ householdId: mine, measureIds: [] }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(t.prisma, "official");
    expect(await savePlan(undefined, plan({ householdId: far, measureIds: [] }))).toMatchObject({ ok: false, code: "not_found" });
    await signInAs(t.prisma, "facilitator");
    expect(await savePlan(undefined, plan())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await t.prisma.householdPlan.count()).toBe(before);
  });
});

describe("progress marked on a visit", () => {
  const visit = async (householdId: string, planProgress: string[]) => ({
    clientVisitId: crypto.randomUUID(),
    householdId,
    baseVersion: (await t.prisma.household.findUniqueOrThrow({ where: { id: householdId } })).version,
    date: today(),
    mode: "home",
    findings: "护路员岗位已上岗。",
    confirmation: "read_back",
    planProgress,
  });

  it("a step ticked on a visit is done, with the visit; sent again it stays marked once", async () => {
    await signInAs(t.prisma, "cadre1");
    const [first, second] = await t.prisma.planItem.findMany({ where: { householdId: mine }, orderBy: { position: "asc" } });
    const input = await visit(mine, [first!.id]);
    expect(await logVisit(undefined, input)).toMatchObject({ ok: true });
    expect(await logVisit(undefined, input)).toMatchObject({ ok: true, data: { replay: true } });
    const done = await t.prisma.planItem.findUniqueOrThrow({ where: { id: first!.id } });
    expect(done.doneVisitId).toBe(input.clientVisitId);
    expect(done.doneAt).not.toBeNull();
    // through the outbox's batch as well; a step already done keeps its first visit
    const batch = await visit(mine, [first!.id, second!.id]);
    const res = await syncVisits(undefined, { visits: [batch] });
    expect(res).toMatchObject({ ok: true });
    expect((await t.prisma.planItem.findUniqueOrThrow({ where: { id: first!.id } })).doneVisitId).toBe(input.clientVisitId);
    expect((await t.prisma.planItem.findUniqueOrThrow({ where: { id: second!.id } })).doneVisitId).toBe(batch.clientVisitId);
  });

  it("a step of another household sent with a visit is not marked", async () => {
    await signInAs(t.prisma, "official");
    await savePlan(undefined, plan({ householdId: theirs, measureIds: [], items: "别户事项" }));
    const step = await t.prisma.planItem.findFirstOrThrow({ where: { householdId: theirs } });
    await signInAs(t.prisma, "cadre1");
    expect(await logVisit(undefined, await visit(mine, [step.id]))).toMatchObject({ ok: true });
    expect((await t.prisma.planItem.findUniqueOrThrow({ where: { id: step.id } })).doneAt).toBeNull();
  });

  it("a step id that is no id names the field", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await logVisit(undefined, await visit(mine, ["not-an-id"]));
    expect(res).toMatchObject({ ok: false, code: "invalid" });
    if (res.ok) throw new Error("expected a refusal");
    expect(Object.keys(res.fieldErrors ?? {})).toEqual(["planProgress.0"]);
  });
});
