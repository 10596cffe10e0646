// Relocation (易地扶贫搬迁) on a real database: an official records a household's relocation (the
// settlement made once and reused, the origin kept on the household, audited, versioned); the cap
// and the destination are field errors; a household out of scope reads as not found; a cadre may
// not record; the county's settlement page aggregates in SQL against numbers counted by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, countyIdForTest, type TestDb } from "./helpers";
import { createHousehold, createUser, seedRegions } from "../factories";
import { recordRelocation } from "@/lib/actions/places/record-relocation";
import { settlementOverview } from "@/lib/data/relocation";

let t: TestDb;
const DANYANG = "520603201200";
const NEIGHBOUR = "520603201201";
const BIJIANG = "520602100200";
const H: Record<string, string> = {};

const valid = (householdId: string, extra: Record<string, string | number | undefined> = {}) =>
  form({
    householdId,
    originName: "丹阳村（偏远村民组）",
    originId: DANYANG,
    destinationId: DANYANG,
    siteName: "丹阳村集中安置点",
    mode: "centralised",
    floorArea: "75",
    contribution: "2000",
    movedOn: "2017-06-01",
    demolishedOn: "2018-03-01",
    supportJob: "on",
    ...extra,
  });

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602" });
  await createUser(t.prisma, { username: "township", role: "county_official", regionId: "520603201" });
  await createUser(t.prisma, { username: "cadre", role: "cadre", regionId: DANYANG });
  for (const [key, village, members] of [
    ["a", DANYANG, 3],
    ["b", DANYANG, 4],
    ["c", NEIGHBOUR, 2],
    ["x", BIJIANG, 3],
  ] as const) {
    const h = await createHousehold(t.prisma, { villageId: village, number: key, members });
    await t.prisma.household.update({ where: { id: h.id }, data: { memberCount: members } });
    H[key] = h.id;
  }
});
afterAll(async () => {
  signOut();
  await t?.close();
});

describe("recording a relocation", () => {
  it("creates the record, makes the settlement, keeps the origin on the household, and audits it", async () => {
    await signInAs(t.prisma, "official");
    const r = await recordRelocation(undefined, valid(H.a!));
    expect(r).toMatchObject({ ok: true, data: { version: 1 } });
    const rec = await t.prisma.relocation.findUniqueOrThrow({ where: { householdId: H.a! }, include: { settlement: true } });
    expect(rec).toMatchObject({ countyId: "520603", mode: "centralised", supportJob: true, supportSchool: false, reclaimedOn: null });
    expect(Number(rec.floorArea)).toBe(75);
    expect(rec.settlement).toMatchObject({ regionId: DANYANG, name: "丹阳村集中安置点", countyId: "520603" });
    const h = await t.prisma.household.findUniqueOrThrow({ where: { id: H.a! } });
    expect(h).toMatchObject({ relocatedFromId: DANYANG, relocatedFromName: "丹阳村（偏远村民组）", relocatedYear: 2017, version: 2 });
    const events = await t.sql<{ action: string; entityId: string }>(
      `SELECT action, "entityId" FROM audit_event WHERE action LIKE 'relocation.%'`,
    );
    expect(events).toEqual([{ action: "relocation.create", entityId: H.a }]);
  });

  it("a second household to the same site reuses the settlement", async () => {
    await signInAs(t.prisma, "official");
    expect((await recordRelocation(undefined, valid(H.b!, { contribution: "3000", floorArea: "81" }))).ok).toBe(true);
    expect(await t.prisma.settlement.count()).toBe(1);
  });

  it("a correction needs the version it was loaded with: a stale one is a conflict", async () => {
    await signInAs(t.prisma, "official");
    const stale = await recordRelocation(undefined, valid(H.a!, { reclaimedOn: "2018-09-01" }));
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const r = await recordRelocation(undefined, valid(H.a!, { version: 1, reclaimedOn: "2018-09-01" }));
    expect(r).toMatchObject({ ok: true, data: { version: 2 } });
    const again = await recordRelocation(undefined, valid(H.a!, { version: 1 }));
    expect(again).toMatchObject({ ok: false, code: "conflict" });
  });

  it("an own contribution above the policy's cap is an error on that field; at the cap it is taken", async () => {
    await signInAs(t.prisma, "official");
    const r = await recordRelocation(undefined, valid(H.c!, { contribution: "3000.01" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors ?? {})).toEqual(["contribution"]);
    expect(r.fieldErrors?.contribution?.[0]).toContain("3000");
    expect(await t.prisma.relocation.count({ where: { householdId: H.c! } })).toBe(0);
  });

  it("bad input names its field", async () => {
    await signInAs(t.prisma, "official");
    const cases: [Record<string, string>, string][] = [
      [{ floorArea: "-5" }, "floorArea"],
      [{ floorArea: "abc" }, "floorArea"],
      [{ mode: "teleported" }, "mode"],
      [{ movedOn: "2017-02-30" }, "movedOn"],
      [{ movedOn: "2999-01-01" }, "movedOn"],
      [{ originName: "" }, "originName"],
      [{ originId: "12345" }, "originId"],
      [{ demolishedOn: "", reclaimedOn: "2018-01-01" }, "reclaimedOn"],
      [{ demolishedOn: "2018-05-01", reclaimedOn: "2018-01-01" }, "reclaimedOn"],
      [{ supportSchool: "maybe" }, "supportSchool"],
      [{ destinationId: BIJIANG }, "destinationId"],
    ];
    for (const [extra, field] of cases) {
      const r = await recordRelocation(undefined, valid(H.c!, extra));
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}), JSON.stringify(extra)).toEqual([field]);
    }
    expect(await t.prisma.relocation.count({ where: { householdId: H.c! } })).toBe(0);
  });

  it("a household of another county reads as not found, audited; nothing written", async () => {
    await signInAs(t.prisma, "official");
    const r = await recordRelocation(undefined, valid(H.x!, { destinationId: DANYANG }));
    expect(r).toMatchObject({ ok: false, code: "not_found" });
    expect(await t.prisma.relocation.count({ where: { householdId: H.x! } })).toBe(0);
    const denied = await t.sql(`SELECT 1 FROM audit_event WHERE action = 'access.denied' AND "entityId" = 'places.record_relocation'`);
    expect(denied.length).toBeGreaterThan(0);
  });

  it("a township reviewer records in its township only; a cadre may not record at all", async () => {
    await signInAs(t.prisma, "township");
    expect((await recordRelocation(undefined, valid(H.c!, { destinationId: NEIGHBOUR, siteName: "", mode: "scattered" }))).ok).toBe(true);
    await signInAs(t.prisma, "cadre");
    expect(await recordRelocation(undefined, valid(H.x!))).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs(t.prisma, "official2");
    expect(await recordRelocation(undefined, valid(H.a!, { version: 2 }))).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("the settlement page", () => {
  it("aggregates households, people, origins, employment, coverage and demolition by settlement", async () => {
    // employment: a (3 members) has two able to work, one of them migrant; b (4) three able, one local worker
    const members = await t.prisma.member.findMany({
      where: { householdId: { in: [H.a!, H.b!] } },
      orderBy: [{ householdId: "asc" }, { birthDate: "asc" }],
    });
    const of = (id: string) => members.filter((m) => m.householdId === id);
    const [a0, a1, a2] = of(H.a!);
    await t.prisma.member.update({ where: { id: a0!.id }, data: { laborCapacity: "full", workStatus: "migrant_work" } });
    await t.prisma.member.update({ where: { id: a1!.id }, data: { laborCapacity: "partial", workStatus: "local_farming" } });
    await t.prisma.member.update({ where: { id: a2!.id }, data: { laborCapacity: "none", workStatus: "local_work" } });
    const [b0, b1, b2, b3] = of(H.b!);
    await t.prisma.member.update({ where: { id: b0!.id }, data: { laborCapacity: "full", workStatus: "local_work" } });
    await t.prisma.member.update({ where: { id: b1!.id }, data: { laborCapacity: "full", workStatus: "unemployed" } });
    await t.prisma.member.update({ where: { id: b2!.id }, data: { laborCapacity: "full", workStatus: "migrant_work", active: false } });
    await t.prisma.member.update({ where: { id: b3!.id }, data: { laborCapacity: "none", workStatus: "student" } });
    // one more relocated household with an origin but no record yet
    await t.prisma.household.update({ where: { id: H.x! }, data: { relocatedYear: 2017 } });
    await t.prisma.household.create({
      data: { countyId: "520603", villageId: DANYANG, number: "u", headName: "待登记", relocatedYear: 2016, relocatedFromName: "某村" },
    });

    const o = await settlementOverview(countyIdForTest("520603"));
    expect(o.settlements).toHaveLength(2);
    const site = o.settlements.find((s) => s.siteName === "丹阳村集中安置点")!;
    expect(site).toMatchObject({
      regionName: "丹阳村",
      households: 2,
      people: 7,
      centralised: 2,
      scattered: 0,
      demolished: 2,
      reclaimed: 1,
      supportJob: 2,
      supportSchool: 0,
      capable: 4, // a0, a1, b0, b1 (b2 left the household, a2 and b3 cannot work)
      employed: 2, // a0 migrant, b0 local
    });
    expect(site.shares).toMatchObject({ employed: 50, supportJob: 100, supportSchool: 0, demolished: 100, reclaimed: 50 });
    expect(site.origins).toEqual([{ settlementId: site.id, originName: "丹阳村（偏远村民组）", households: 2, people: 7 }]);
    const scattered = o.settlements.find((s) => s.siteName === "")!;
    expect(scattered).toMatchObject({ regionName: "邻村", households: 1, people: 2, scattered: 1 });
    expect(o.total).toMatchObject({ households: 3, people: 9 });
    expect(o.unrecorded).toBe(1); // the Bijiang household is another county's

    // a township reviewer's view is its township's
    const township = await settlementOverview(countyIdForTest("520603"), "520603202");
    expect(township.settlements).toEqual([]);
  });
});
