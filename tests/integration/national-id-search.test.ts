// Finding a household by a member's national ID (issue #23 point 8): exact, within the caller's
// scope (another county's person is "not found", the same answer as an ID nobody holds), current
// and former members, a mistyped ID refused on its field, every search a sensitive read whose
// audit row keeps the ID masked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { findHouseholdByNationalId } from "@/lib/actions/households/find-by-national-id";
import { makeNationalId } from "@/lib/national-id";

let t: TestDb;
const MINE = makeNationalId("520603", "1971-03-05", 101);
const LEFT = makeNationalId("520603", "1990-07-08", 202);
const NEIGHBOUR = makeNationalId("520603", "1985-01-02", 303); // same county, another cadre's household
const FOREIGN = makeNationalId("520602", "1969-11-30", 404); // another county
let mine: string, neighbour: string, foreign: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201200" });
  const other = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: "520603201200" });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "township", role: "county_official", regionId: "520603201" });
  await createUser(t.prisma, { username: "otherCounty", role: "county_official", regionId: "520602" });
  await createUser(t.prisma, { username: "admin", role: "admin", regionId: "52" });
  mine = (await createHousehold(t.prisma, { villageId: "520603201200", number: "0001", headName: "王大山", members: 2 })).id;
  neighbour = (await createHousehold(t.prisma, { villageId: "520603201200", number: "0002", headName: "李二水", members: 1 })).id;
  foreign = (await createHousehold(t.prisma, { villageId: "520602100200", number: "0001", headName: "张外县", members: 1 })).id;
  await assign(t.prisma, mine, cadre.id);
  await assign(t.prisma, neighbour, other.id);
  const [head, child] = await t.prisma.member.findMany({ where: { householdId: mine }, orderBy: { birthDate: "asc" } });
  await t.prisma.member.update({ where: { id: head!.id }, data: { nationalId: MINE } });
  await t.prisma.member.update({ where: { id: child!.id }, data: { nationalId: LEFT, active: false } });
  await t.prisma.member.updateMany({ where: { householdId: neighbour }, data: { nationalId: NEIGHBOUR } });
  await t.prisma.member.updateMany({ where: { householdId: foreign }, data: { nationalId: FOREIGN } });
});

afterAll(async () => {
  signOut();
  await t?.close();
});

type Hits = { hits: { householdId: string; headName: string; member: { active: boolean; maskedId: string } }[] };
const search = async (nationalId: string) => findHouseholdByNationalId(undefined, { nationalId });
const hitsOf = (r: Awaited<ReturnType<typeof search>>) => (r as { ok: true; data: Hits }).data.hits;

describe("find a household by a member's national ID", () => {
  it("the county official finds the household, the member's ID masked in the answer", async () => {
    await signInAs(t.prisma, "official");
    const r = await search(MINE);
    expect(r.ok).toBe(true);
    const hits = hitsOf(r);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ householdId: mine, headName: "王大山", member: { active: true } });
    expect(JSON.stringify(r)).not.toContain(MINE);
    expect(hits[0]!.member.maskedId).toMatch(/^520603\*+\d{3}[\dX]$/);
  });

  it("a member who left (died, moved) is found too, marked as no longer in the household", async () => {
    await signInAs(t.prisma, "official");
    expect(hitsOf(await search(LEFT))).toMatchObject([{ householdId: mine, member: { active: false } }]);
  });

  it("another county's person: not found — the same answer as an ID nobody holds", async () => {
    await signInAs(t.prisma, "official");
    const foreignAnswer = await search(FOREIGN);
    const nobody = await search(makeNationalId("520603", "1999-09-09", 999));
    expect(hitsOf(foreignAnswer)).toEqual([]);
    expect(hitsOf(nobody)).toEqual([]);
    expect(JSON.stringify(foreignAnswer)).toBe(JSON.stringify(nobody));
    await signInAs(t.prisma, "otherCounty");
    expect(hitsOf(await search(FOREIGN))).toMatchObject([{ householdId: foreign }]);
    expect(hitsOf(await search(MINE))).toEqual([]);
  });

  it("a cadre finds only their own households; a township official only its villages", async () => {
    await signInAs(t.prisma, "cadre1");
    expect(hitsOf(await search(MINE))).toHaveLength(1);
    expect(hitsOf(await search(NEIGHBOUR))).toEqual([]);
    await signInAs(t.prisma, "township");
    expect(hitsOf(await search(NEIGHBOUR))).toHaveLength(1);
    expect(hitsOf(await search(FOREIGN))).toEqual([]);
  });

  it("a mistyped ID (check digit, lowercase x, full-width digits) is refused on its field, not searched", async () => {
    await signInAs(t.prisma, "official");
    const wrongCheck = MINE.slice(0, 17) + (MINE[17] === "1" ? "2" : "1");
    // an ID whose check character is X, typed with a lowercase x
    const withX = Array.from({ length: 999 }, (_, i) => makeNationalId("520603", "1971-03-05", i + 1)).find((id) => id.endsWith("X"))!;
    for (const bad of [wrongCheck, MINE.slice(0, 17), withX.replace(/X$/, "x"), "５２０６０３１９７１０３０５１０１" + MINE.slice(15)]) {
      const r = await search(bad);
      expect(r, bad).toMatchObject({ ok: false, code: "invalid" });
      expect((r as { fieldErrors: Record<string, string[]> }).fieldErrors.nationalId?.length, bad).toBeGreaterThan(0);
    }
    const r = await search(wrongCheck);
    expect((r as { fieldErrors: Record<string, string[]> }).fieldErrors.nationalId?.join()).toMatch(/校验位/);
  });

  it("every search is a sensitive read in the audit history, the ID masked, found or not", async () => {
    await signInAs(t.prisma, "official");
    const before = await t.prisma.auditEvent.count({ where: { action: "sensitive.read" } });
    await search(MINE);
    await search(FOREIGN);
    const events = await t.prisma.auditEvent.findMany({ where: { action: "sensitive.read" }, orderBy: { id: "desc" }, take: 2 });
    expect(await t.prisma.auditEvent.count({ where: { action: "sensitive.read" } })).toBe(before + 2);
    const [notFound, found] = events;
    expect(found).toMatchObject({ entity: "household", entityId: mine });
    expect((found!.after as { via: string; rows: number }).via).toBe("national-id-search");
    expect((notFound!.after as { rows: number }).rows).toBe(0);
    for (const e of events) {
      expect(JSON.stringify(e.after)).not.toContain(MINE);
      expect(JSON.stringify(e.after)).not.toContain(FOREIGN);
    }
  });

  it("refused to the admin, the evaluator and anyone not signed in", async () => {
    await signInAs(t.prisma, "admin");
    expect(await search(MINE)).toMatchObject({ ok: false, code: "forbidden" });
    signOut();
    expect(await search(MINE)).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
