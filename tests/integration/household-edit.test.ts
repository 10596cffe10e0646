// Registering a household new to a cadre's village and recording assistance measures, on a real
// database: one transaction each (household + members + assignment + assessment + audit; measure
// + audit), duplicate national IDs as field errors, other villages and other cadres' households
// refused. (Corrections through updateHousehold are covered in visits.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { registerHousehold } from "@/lib/actions/households/register-household";
import { addMeasure } from "@/lib/actions/households/add-measure";
import { makeNationalId } from "@/lib/national-id";

let t: TestDb;
let cadreId: string;
let mine: string;
let theirs: string;
const VILLAGE = "520603201200";
const OTHER_VILLAGE = "520603201201";

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  cadreId = (await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE, name: "李帮扶" })).id;
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  const other = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: VILLAGE, name: "张帮扶" });
  const a = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", members: 3 });
  const b = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0002", members: 2 });
  const c = await createHousehold(t.prisma, { villageId: OTHER_VILLAGE, number: "0001", members: 2 });
  [mine, theirs] = [a.id, b.id];
  await assign(t.prisma, mine, cadreId);
  await assign(t.prisma, theirs, other.id);
  await assign(t.prisma, c.id, other.id);
  // an active member who already holds this ID
  await t.prisma.member.update({
    where: { id: (await t.prisma.member.findFirstOrThrow({ where: { householdId: theirs } })).id },
    data: { nationalId: makeNationalId("520603", "1980-03-04", 11) },
  });
});

afterAll(async () => {
  signOut();
  await t?.close();
});

const head = (name: string, seq: number) => ({
  name,
  nationalId: makeNationalId("520603", "1990-06-15", seq),
  sex: "male",
  birthDate: "1990-06-15",
  relation: "head",
});

describe("register a household", () => {
  it("registers, assigns to the cadre, assesses and audits in one go", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await registerHousehold(undefined, {
      villageId: VILLAGE,
      number: "0101",
      address: "丹阳村三组",
      splitFromId: mine,
      splitAt: "2025-03-01",
      members: [
        head("王新户", 13),
        { name: "王小妹", nationalId: "", sex: "female", birthDate: "2015-02-01", relation: "child", schoolStatus: "enrolled" },
      ],
      income: { incomeWages: "20000" },
      reason: "分户",
    });
    expect(res).toMatchObject({ ok: true });
    const id = (res as { data: { id: string } }).data.id;
    const h = await t.prisma.household.findUniqueOrThrow({ where: { id }, include: { members: true, assignments: true } });
    expect(h).toMatchObject({
      villageId: VILLAGE,
      countyId: "520603",
      number: "0101",
      headName: "王新户",
      splitFromId: mine,
      memberCount: 2,
      countedMembers: 2,
    });
    expect(h.splitAt?.toISOString().slice(0, 10)).toBe("2025-03-01");
    expect(Number(h.incomeWages)).toBe(20000);
    expect(h.assessedStatus).not.toBeNull();
    expect(h.members.find((m) => m.name === "王小妹")?.nationalId).toBeNull();
    expect(h.assignments).toHaveLength(1);
    expect(h.assignments[0]).toMatchObject({ cadreId, validTo: null });
    expect(await t.prisma.assessment.count({ where: { householdId: id } })).toBe(1);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "household.register", entityId: id } });
    expect(ev).toMatchObject({ actorId: cadreId, entity: "household", countyId: "520603", reason: "分户" });
  });

  it("refuses a national ID held by another active member as a field error, and writes nothing", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = await t.prisma.household.count();
    const res = await registerHousehold(undefined, {
      villageId: VILLAGE,
      number: "0102",
      members: [
        head("赵某", 15),
        { name: "赵妻", nationalId: makeNationalId("520603", "1980-03-04", 11), sex: "male", birthDate: "1980-03-04", relation: "spouse" },
      ],
    });
    expect(res).toMatchObject({ ok: false, code: "invalid" });
    if (res.ok) throw new Error("expected a refusal");
    expect(res.fieldErrors?.["members.1.nationalId"]?.[0]).toBe("该身份证号已属于另一在册成员");
    expect(await t.prisma.household.count()).toBe(before);
  });

  it("two registrations of the same ID at once: exactly one lands, the other gets the field error", async () => {
    // on PostgreSQL the partial unique index (P2002) stops the loser; on PGlite the check does
    await signInAs(t.prisma, "cadre1");
    const id = makeNationalId("520603", "1990-06-15", 17);
    const [a, b] = await Promise.all([
      registerHousehold(undefined, { villageId: VILLAGE, number: "0103", members: [head("甲", 17)] }),
      registerHousehold(undefined, { villageId: VILLAGE, number: "0104", members: [head("乙", 17)] }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    if (refused.ok) throw new Error("expected a refusal");
    expect(Object.values(refused.fieldErrors ?? {}).flat()[0]).toBe("该身份证号已属于另一在册成员");
    expect(await t.prisma.member.count({ where: { nationalId: id, active: true } })).toBe(1);
  });

  it("refuses a number already used in the village", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await registerHousehold(undefined, { villageId: VILLAGE, number: "0001", members: [head("钱某", 19)] });
    expect(res).toMatchObject({ ok: false, code: "invalid", fieldErrors: { number: ["本村已有该户编号"] } });
  });

  it("refuses a village where the cadre has no assignment", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = await t.prisma.household.count();
    const res = await registerHousehold(undefined, { villageId: OTHER_VILLAGE, number: "0105", members: [head("孙某", 21)] });
    expect(res).toMatchObject({ ok: false, code: "forbidden" });
    expect(await t.prisma.household.count()).toBe(before);
    expect(await t.prisma.auditEvent.count({ where: { action: "access.denied", entityId: "household.register" } })).toBeGreaterThan(0);
  });

  it("refuses a split-from household the cadre cannot see", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await registerHousehold(undefined, {
      villageId: VILLAGE,
      number: "0106",
      splitFromId: theirs,
      members: [head("周某", 23)],
    });
    expect(res).toMatchObject({ ok: false, code: "invalid" });
    if (res.ok) throw new Error("expected a refusal");
    expect(res.fieldErrors?.splitFromId).toBeDefined();
  });

  it("refuses two heads, and a non-cadre", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await registerHousehold(undefined, { villageId: VILLAGE, number: "0107", members: [head("吴某", 25), head("吴某二", 27)] });
    expect(res).toMatchObject({ ok: false, code: "invalid", fieldErrors: { members: ["一户只能有一位户主"] } });
    await signInAs(t.prisma, "official");
    const denied = await registerHousehold(undefined, { villageId: VILLAGE, number: "0108", members: [head("郑某", 29)] });
    expect(denied).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("record an assistance measure", () => {
  it("records it with its audit event", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await addMeasure(undefined, {
      householdId: mine,
      kind: "industry",
      answers: "lack_of_capital",
      description: "发放鸡苗200只",
      amount: "1500.50",
      startDate: "2025-04-01",
      endDate: "",
    });
    expect(res).toMatchObject({ ok: true });
    const id = (res as { data: { id: string } }).data.id;
    const m = await t.prisma.assistanceMeasure.findUniqueOrThrow({ where: { id } });
    expect(m).toMatchObject({ householdId: mine, countyId: "520603", category: "industry", createdById: cadreId, endDate: null });
    expect(Number(m.amount)).toBe(1500.5);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "measure.create", entityId: id } });
    expect(ev).toMatchObject({ actorId: cadreId, countyId: "520603" });
  });

  it("a negative amount is a field error", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await addMeasure(undefined, {
      householdId: mine,
      kind: "employment",
      answers: "lack_of_capital",
      description: "务工培训",
      amount: "-5",
      startDate: "2025-04-01",
    });
    expect(res).toMatchObject({ ok: false, code: "invalid" });
    if (res.ok) throw new Error("expected a refusal");
    expect(res.fieldErrors?.amount?.[0]).toBe("不能为负数");
  });

  it("an end before the start is a field error", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await addMeasure(undefined, {
      householdId: mine,
      kind: "health",
      answers: "lack_of_capital",
      description: "慢病签约",
      amount: "0",
      startDate: "2025-04-01",
      endDate: "2025-03-01",
    });
    expect(res).toMatchObject({ ok: false, code: "invalid", fieldErrors: { endDate: ["结束日期不能早于开始日期"] } });
  });

  it("another cadre's household is not found, and nothing is written", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = await t.prisma.assistanceMeasure.count();
    const res = await addMeasure(undefined, {
      householdId: theirs,
      kind: "education",
      answers: "lack_of_capital",
      description: "助学金",
      amount: "500",
      startDate: "2025-04-01",
    });
    expect(res).toMatchObject({ ok: false, code: "not_found" });
    expect(await t.prisma.assistanceMeasure.count()).toBe(before);
  });
});
