// Resident teams (驻村工作队, 第一书记) and pairing units (结对帮扶) on a real database: a posting made
// once whatever the retries, corrected with its version; a month's days bounded by the month; the
// county's gaps (villages without a team or a first secretary, members below the days required);
// a cadre's unit carried to their current pairings and to new ones; scope refusals and bad input
// naming the field.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, countyIdForTest, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { savePosting } from "@/lib/actions/places/save-posting";
import { recordResidentDays } from "@/lib/actions/places/record-resident-days";
import { setCadreUnit } from "@/lib/actions/places/set-cadre-unit";
import { assignHousehold } from "@/lib/actions/county/assign-household";
import { teamsOverview } from "@/lib/data/resident";

let t: TestDb;
const DANYANG = "520603201200";
const NEIGHBOUR = "520603201201";
const BIJIANG = "520602100200";
const secretary = crypto.randomUUID();
const member = crypto.randomUUID();
const U: Record<string, string> = {};

const posting = (id: string, extra: Record<string, string | number | undefined> = {}) =>
  form({
    id,
    villageId: DANYANG,
    unitName: "铜仁市财政局",
    personName: "张书记",
    role: "first_secretary",
    validFrom: "2024-03-01",
    ...extra,
  });

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602" });
  await createUser(t.prisma, { username: "township", role: "county_official", regionId: "520603201" });
  U.cadre = (await createUser(t.prisma, { username: "cadre", role: "cadre", regionId: DANYANG })).id;
  U.cadre2 = (await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: DANYANG })).id;
  U.bijiangCadre = (await createUser(t.prisma, { username: "bcadre", role: "cadre", regionId: BIJIANG })).id;
});
afterAll(async () => {
  signOut();
  await t?.close();
});

describe("postings", () => {
  it("records a first secretary once, however often the form is sent, and audits it", async () => {
    await signInAs(t.prisma, "official");
    expect(await savePosting(undefined, posting(secretary))).toMatchObject({ ok: true, data: { id: secretary, version: 1 } });
    expect(await savePosting(undefined, posting(secretary))).toMatchObject({ ok: true, data: { id: secretary, version: 1 } });
    expect(await t.prisma.residentPosting.count()).toBe(1);
    expect(await t.prisma.unit.count()).toBe(1);
    const events = await t.sql<{ action: string }>(`SELECT action FROM audit_event WHERE action LIKE 'resident.%'`);
    expect(events).toEqual([{ action: "resident.create" }]);
  });

  it("a correction needs its version", async () => {
    await signInAs(t.prisma, "official");
    expect(await savePosting(undefined, posting(secretary, { version: 2, personName: "张某" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await savePosting(undefined, posting(secretary, { version: 1, personName: "张书记" }))).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
  });

  it("bad input names its field", async () => {
    await signInAs(t.prisma, "official");
    const cases: [Record<string, string>, string][] = [
      [{ role: "mayor" }, "role"],
      [{ personName: "" }, "personName"],
      [{ unitName: "" }, "unitName"],
      [{ validFrom: "2024-02-30" }, "validFrom"],
      [{ validTo: "2024-01-01" }, "validTo"],
      [{ villageId: BIJIANG }, "villageId"],
      [{ userId: U.bijiangCadre! }, "userId"],
    ];
    for (const [extra, field] of cases) {
      const r = await savePosting(undefined, posting(crypto.randomUUID(), extra));
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}), JSON.stringify(extra)).toEqual([field]);
    }
    expect(await t.prisma.residentPosting.count()).toBe(1);
  });

  it("one first secretary per village at a time, as the import checks it (secretary_overlap)", async () => {
    await signInAs(t.prisma, "official");
    // 张书记 serves in 丹阳村 from 2024-03-01, still serving
    const overlapping = await savePosting(undefined, posting(crypto.randomUUID(), { personName: "王书记", validFrom: "2025-01-01" }));
    expect(overlapping).toMatchObject({ ok: false, code: "invalid" });
    if (!overlapping.ok) {
      expect(Object.keys(overlapping.fieldErrors ?? {})).toEqual(["validFrom"]);
      expect(overlapping.fieldErrors!.validFrom!.join()).toContain("张书记");
    }
    // a term that ended before 张书记's began is history, not a second secretary
    const before = crypto.randomUUID();
    expect(
      await savePosting(undefined, posting(before, { personName: "赵书记", validFrom: "2022-01-01", validTo: "2024-02-29" })),
    ).toMatchObject({ ok: true });
    // the secretary's own correction is not an overlap with itself
    expect(await savePosting(undefined, posting(secretary, { version: 2, unitName: "铜仁市财政局" }))).toMatchObject({ ok: true });
    expect(await t.prisma.residentPosting.count({ where: { role: "first_secretary", villageId: DANYANG } })).toBe(2);
    await t.prisma.residentPosting.delete({ where: { id: before } });
  });

  it("out of scope: another county's official cannot touch the posting; a cadre may not record", async () => {
    await signInAs(t.prisma, "official2");
    expect(await savePosting(undefined, posting(secretary, { version: 2, villageId: BIJIANG }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await recordResidentDays(undefined, form({ postingId: secretary, month: "2024-05", days: "22" }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    await signInAs(t.prisma, "cadre");
    expect(await savePosting(undefined, posting(crypto.randomUUID()))).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("days in the village", () => {
  it("a month's days: at most the month's own length; kept once per month; the gaps follow", async () => {
    await signInAs(t.prisma, "township");
    expect(
      await savePosting(
        undefined,
        posting(member, { role: "team_member", personName: "李队员", villageId: NEIGHBOUR, validFrom: "2024-01-01" }),
      ),
    ).toMatchObject({ ok: true });
    const bad = await recordResidentDays(undefined, form({ postingId: member, month: "2024-02", days: "30" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["days"]);
    const future = await recordResidentDays(undefined, form({ postingId: member, month: "2999-01", days: "3" }));
    if (!future.ok) expect(Object.keys(future.fieldErrors ?? {})).toEqual(["month"]);
    expect(future.ok).toBe(false);
    expect(await recordResidentDays(undefined, form({ postingId: member, month: "2024-02", days: "29" }))).toMatchObject({ ok: true });
    expect(await recordResidentDays(undefined, form({ postingId: member, month: "2024-05", days: "19" }))).toMatchObject({ ok: true });
    expect(await recordResidentDays(undefined, form({ postingId: secretary, month: "2024-05", days: "20" }))).toMatchObject({ ok: true });
    expect(await recordResidentDays(undefined, form({ postingId: secretary, month: "2024-05", days: "21" }))).toMatchObject({ ok: true });
    expect(await t.prisma.residentMonth.count()).toBe(3);

    const o = await teamsOverview(countyIdForTest("520603"), "2024-05");
    expect(o.required).toBe(20);
    expect(o.postings.map((p) => [p.personName, p.days, p.below])).toEqual([
      ["张书记", 21, false],
      ["李队员", 19, true], // 19 < 20 (at least 20: 20 would meet it)
    ]);
    expect(o.below.map((p) => p.personName)).toEqual(["李队员"]);
    expect(o.noTeam.map((v) => v.id)).toEqual([]);
    expect(o.noSecretary.map((v) => v.id)).toEqual([NEIGHBOUR]);
    // a month before anyone served: every village lacks both; not recorded in an ended month is below
    const early = await teamsOverview(countyIdForTest("520603"), "2023-12");
    expect(early.noTeam.map((v) => v.id).sort()).toEqual([DANYANG, NEIGHBOUR]);
    const april = await teamsOverview(countyIdForTest("520603"), "2024-04");
    expect(april.below.map((p) => p.personName).sort()).toEqual(["张书记", "李队员"]);
  });

  it("counts only villages (村委会, codes 200–399) among the gaps, never an urban community (社区, 001–199)", async () => {
    // a subdistrict's resettlement community, stored at the village level like the seed's Wangjia
    await t.prisma.region.createMany({
      data: [
        { id: "520603004", parentId: "520603", level: "township", name: "丹都街道", zone: "west" },
        { id: "520603004003", parentId: "520603004", level: "village", name: "旺家社区", zone: "west" },
      ],
      skipDuplicates: true,
    });
    try {
      const early = await teamsOverview(countyIdForTest("520603"), "2023-12");
      expect(early.noTeam.map((v) => v.id).sort()).toEqual([DANYANG, NEIGHBOUR]);
      expect(early.noSecretary.map((v) => v.id).sort()).toEqual([DANYANG, NEIGHBOUR]);
    } finally {
      await t.prisma.region.deleteMany({ where: { id: { in: ["520603004003", "520603004"] } } });
    }
  });
});

describe("pairing units", () => {
  it("a cadre's unit goes to their current pairings and to each new one; the history keeps each row's own", async () => {
    const h1 = await createHousehold(t.prisma, { villageId: DANYANG, number: "p1" });
    const h2 = await createHousehold(t.prisma, { villageId: DANYANG, number: "p2" });
    await assign(t.prisma, h1.id, U.cadre!);
    await signInAs(t.prisma, "official");
    expect(await setCadreUnit(undefined, form({ userId: U.cadre!, unitName: "万山区教育局" }))).toMatchObject({
      ok: true,
      data: { updated: 1 },
    });
    const unit = await t.prisma.unit.findFirstOrThrow({ where: { name: "万山区教育局" } });
    expect((await t.prisma.cadreAssignment.findFirstOrThrow({ where: { householdId: h1.id } })).unitId).toBe(unit.id);
    expect(await assignHousehold(undefined, form({ householdId: h2.id, cadreId: U.cadre!, reason: "结对" }))).toMatchObject({ ok: true });
    expect((await t.prisma.cadreAssignment.findFirstOrThrow({ where: { householdId: h2.id } })).unitId).toBe(unit.id);
    // another unit later: the current pairings without one would take it; those made keep theirs
    expect(await setCadreUnit(undefined, form({ userId: U.cadre!, unitName: "铜仁市财政局" }))).toMatchObject({
      ok: true,
      data: { updated: 0 },
    });
    expect((await t.prisma.cadreAssignment.findFirstOrThrow({ where: { householdId: h2.id } })).unitId).toBe(unit.id);
  });

  it("a cadre of another county is an error on the field; bad input names it; a cadre may not set units", async () => {
    await signInAs(t.prisma, "official");
    const r = await setCadreUnit(undefined, form({ userId: U.bijiangCadre!, unitName: "某单位" }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).toEqual(["userId"]);
    const blank = await setCadreUnit(undefined, form({ userId: U.cadre2!, unitName: " " }));
    if (!blank.ok) expect(Object.keys(blank.fieldErrors ?? {})).toEqual(["unitName"]);
    expect(blank.ok).toBe(false);
    await signInAs(t.prisma, "cadre");
    expect(await setCadreUnit(undefined, form({ userId: U.cadre2!, unitName: "某单位" }))).toMatchObject({ ok: false, code: "forbidden" });
  });
});
