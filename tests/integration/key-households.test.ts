// Household type (户属性) and key households (重点户) on a real database: an official sets the type
// (history kept, audited, a retry stored once), out of scope reads as not found, a cadre may not,
// bad input names its field; the county register's SQL agrees with the pure rule at its
// boundaries (the 65th birthday itself), filters by village, reason and type, and paginates.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { setHouseholdType } from "@/lib/actions/income/set-household-type";
import { keyElderAge, keyHouseholdIds, keyHouseholds } from "@/lib/data/key-households";
import { keyHouseholdReasons } from "@/lib/domain/key-household";
import type { ReviewCountyId } from "@/lib/auth/scope";
import type { ActionResult } from "@/lib/actions/result";

const VILLAGE = "520603201200";
const VILLAGE2 = "520603201201";
const OTHER_COUNTY_VILLAGE = "520602100200";
const COUNTY = "520603" as ReviewCountyId;
const AS_OF = "2020-12-31";

let t: TestDb;
const H: Record<string, string> = {};

function refusal<T>(r: ActionResult<T>) {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r)}`);
  return r;
}

/** Sets every member of a household (members ordered by name) to the given facts. */
async function members(id: string, facts: Record<string, unknown>[]) {
  const ms = await t.prisma.member.findMany({ where: { householdId: id }, orderBy: { name: "asc" } });
  for (const [i, m] of ms.entries()) {
    const f = facts[i];
    if (f) await t.prisma.member.update({ where: { id: m.id }, data: f });
    else await t.prisma.member.update({ where: { id: m.id }, data: { active: false } });
  }
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602" });
  const mk = async (key: string, village = VILLAGE, n = 2) =>
    (H[key] = (await createHousehold(t.prisma, { villageId: village, number: key, members: n })).id);
  await mk("ordinary");
  await mk("nolabour");
  await mk("partial");
  await mk("ill");
  await mk("illNotCounted");
  await mk("disabled2");
  await mk("disabled3");
  await mk("elders");
  await mk("eldersDayBefore");
  await mk("elderWithYoung");
  await mk("leap");
  await mk("v2elders", VILLAGE2, 1);
  await mk("foreign", OTHER_COUNTY_VILLAGE, 1);
  await assign(t.prisma, H.ordinary!, cadre.id);
  await members(H.ordinary!, [{ laborCapacity: "full" }, { laborCapacity: "none" }]);
  await members(H.nolabour!, [{ laborCapacity: "none" }, { laborCapacity: "none", counted: false }]);
  await members(H.partial!, [{ laborCapacity: "none" }, { laborCapacity: "partial" }]);
  await members(H.ill!, [{ health: "serious_illness" }, {}]);
  await members(H.illNotCounted!, [{ health: "serious_illness", counted: false }, {}]);
  await members(H.disabled2!, [{ health: "disabled", disability: "肢体残疾二级" }, {}]);
  await members(H.disabled3!, [{ health: "disabled", disability: "听力残疾三级" }, {}]);
  // 65 on 31 Dec 2020 exactly; and one day short
  await members(H.elders!, [{ birthDate: new Date("1955-12-31") }, { birthDate: new Date("1950-03-01") }]);
  await members(H.eldersDayBefore!, [{ birthDate: new Date("1956-01-01") }, { birthDate: new Date("1950-03-01") }]);
  await members(H.elderWithYoung!, [{ birthDate: new Date("1940-01-01") }, { birthDate: new Date("1990-01-01"), counted: false }]);
  await members(H.leap!, [{ birthDate: new Date("1956-02-29") }]);
  await members(H.v2elders!, [{ birthDate: new Date("1930-01-01") }]);
  await members(H.foreign!, [{ laborCapacity: "none" }]);
});

afterAll(async () => {
  signOut();
  await t?.close();
});

describe("household type", () => {
  it("an official sets it, keeping the history; a retry stores once; audited", async () => {
    await signInAs(t.prisma, "official");
    const a = randomUUID();
    expect(
      await setHouseholdType(undefined, {
        id: a,
        householdId: H.ill!,
        type: "subsistence",
        since: "2019-03-01",
        basis: "万民发〔2019〕12号",
      }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await setHouseholdType(undefined, {
        id: a,
        householdId: H.ill!,
        type: "subsistence",
        since: "2019-03-01",
        basis: "万民发〔2019〕12号",
      }),
    ).toMatchObject({
      ok: true,
      data: { replay: true },
    });
    const b = randomUUID();
    expect(
      await setHouseholdType(undefined, {
        id: b,
        householdId: H.ill!,
        type: "extreme_hardship",
        since: "2020-06-01",
        basis: "万民发〔2020〕7号",
      }),
    ).toMatchObject({ ok: true, data: { replay: false } });
    const rows = await t.prisma.householdTypeRecord.findMany({ where: { householdId: H.ill! }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.type, r.current])).toEqual([
      ["subsistence", false],
      ["extreme_hardship", true],
    ]);
    const ev = await t.prisma.auditEvent.findMany({ where: { action: "household.type", entityId: H.ill! } });
    expect(ev).toHaveLength(2);
  });

  it("another county's household reads as not found; a cadre may not set it", async () => {
    await signInAs(t.prisma, "official2");
    expect(
      refusal(
        await setHouseholdType(undefined, {
          id: randomUUID(),
          householdId: H.ordinary!,
          type: "subsistence",
          since: "2020-01-01",
          basis: "x",
        }),
      ).code,
    ).toBe("not_found");
    await signInAs(t.prisma, "cadre1");
    expect(
      refusal(
        await setHouseholdType(undefined, {
          id: randomUUID(),
          householdId: H.ordinary!,
          type: "subsistence",
          since: "2020-01-01",
          basis: "x",
        }),
      ).code,
    ).toBe("forbidden");
    expect(await t.prisma.householdTypeRecord.count({ where: { householdId: H.ordinary! } })).toBe(0);
  });

  it("bad input names the field: a date in the future, a missing basis, an unknown type", async () => {
    await signInAs(t.prisma, "official");
    const base = { id: randomUUID(), householdId: H.ordinary!, type: "subsistence", since: "2020-01-01", basis: "批复" };
    expect(refusal(await setHouseholdType(undefined, { ...base, since: "2999-01-01" })).fieldErrors?.since?.[0]).toBe(
      "起始日期不能晚于今天",
    );
    expect(refusal(await setHouseholdType(undefined, { ...base, basis: "  " })).fieldErrors?.basis).toBeDefined();
    expect(refusal(await setHouseholdType(undefined, { ...base, type: "rich" })).fieldErrors?.type).toBeDefined();
  });
});

describe("the key-household register", () => {
  it("the SQL agrees with the pure rule for every household, at each boundary", async () => {
    const all = await keyHouseholds(COUNTY, AS_OF, {});
    const byId = new Map(all.rows.map((r) => [r.id, r.reasons]));
    const hs = await t.prisma.household.findMany({ where: { countyId: COUNTY }, include: { members: true } });
    for (const h of hs) {
      const expected = keyHouseholdReasons(
        h.members.map((m) => ({ ...m, birthDate: m.birthDate.toISOString().slice(0, 10) })),
        AS_OF,
        65,
      );
      expect(byId.get(h.id) ?? [], h.number).toEqual(expected);
    }
    const key = (k: string) => byId.get(H[k]!) ?? [];
    expect(key("ordinary")).toEqual([]);
    expect(key("nolabour")).toEqual(["no_labour"]);
    expect(key("partial")).toEqual([]);
    expect(key("ill")).toEqual(["illness_or_disability"]);
    expect(key("illNotCounted")).toEqual([]);
    expect(key("disabled2")).toEqual(["illness_or_disability"]);
    expect(key("disabled3")).toEqual([]);
    expect(key("elders")).toEqual(["elders_alone"]);
    expect(key("eldersDayBefore")).toEqual([]);
    expect(key("elderWithYoung")).toEqual(["elders_alone"]);
    expect(byId.has(H.foreign!)).toBe(false);
    // born 29 February 1956: 65 on 1 March 2021, not on 28 February
    expect((await keyHouseholds(COUNTY, "2021-02-28", {})).rows.some((r) => r.id === H.leap)).toBe(false);
    expect((await keyHouseholds(COUNTY, "2021-03-01", {})).rows.some((r) => r.id === H.leap)).toBe(true);
  });

  it("the elders-alone age is the policy's keyElderAge (versioned by year and province): 64, 65, 66", async () => {
    const elders = async () => {
      const rows = (await keyHouseholds(COUNTY, AS_OF, { reason: "elders_alone" })).rows;
      return { exactly65: rows.some((r) => r.id === H.elders), dayShortOf65: rows.some((r) => r.id === H.eldersDayBefore) };
    };
    // the national default (the migration's row): 65
    expect(await keyElderAge(COUNTY, AS_OF)).toBe(65);
    expect(await elders()).toEqual({ exactly65: true, dayShortOf65: false });
    // the province sets 66 for 2020: the household of a 65-year-old is no longer one
    await t.prisma.policyRow.create({ data: { id: "test-52-2020-elder", year: 2020, provinceId: "52", values: { keyElderAge: 66 } } });
    expect(await keyElderAge(COUNTY, AS_OF)).toBe(66);
    expect(await elders()).toEqual({ exactly65: false, dayShortOf65: false });
    // 64: the one a day short of 65 is 64 and counts too
    await t.prisma.policyRow.update({ where: { id: "test-52-2020-elder" }, data: { values: { keyElderAge: 64 } } });
    expect(await keyElderAge(COUNTY, AS_OF)).toBe(64);
    expect(await elders()).toEqual({ exactly65: true, dayShortOf65: true });
    // the cadre's list badge reads the same age
    expect((await keyHouseholdIds([COUNTY], [H.eldersDayBefore!], AS_OF)).has(H.eldersDayBefore!)).toBe(true);
    // another year keeps the default
    expect(await keyElderAge(COUNTY, "2019-12-31")).toBe(65);
    await t.prisma.policyRow.delete({ where: { id: "test-52-2020-elder" } });
    expect(await keyElderAge(COUNTY, AS_OF)).toBe(65);
  });

  it("filters by village, reason and type, counts and paginates", async () => {
    const v2 = await keyHouseholds(COUNTY, AS_OF, { villageId: VILLAGE2 });
    expect(v2.rows.map((r) => r.id)).toEqual([H.v2elders]);
    const ill = await keyHouseholds(COUNTY, AS_OF, { reason: "illness_or_disability" });
    expect(new Set(ill.rows.map((r) => r.id))).toEqual(new Set([H.ill, H.disabled2]));
    const extreme = await keyHouseholds(COUNTY, AS_OF, { type: "extreme_hardship" });
    expect(extreme.rows.map((r) => [r.id, r.type])).toEqual([[H.ill, "extreme_hardship"]]);
    const ordinary = await keyHouseholds(COUNTY, AS_OF, { type: "ordinary" });
    expect(ordinary.rows.some((r) => r.id === H.ill)).toBe(false);
    const all = await keyHouseholds(COUNTY, AS_OF, {});
    expect(all.total).toBe(all.rows.length);
    expect((await keyHouseholds(COUNTY, AS_OF, { page: 2 })).rows).toEqual([]);
    expect(await keyHouseholdIds(["520603"], [H.ordinary!, H.nolabour!, H.foreign!], AS_OF)).toEqual(new Set([H.nolabour]));
  });
});
