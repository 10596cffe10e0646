// The demo seed's county records (income part): Danyang households with signed 2020 income
// records, a few unsigned ones of the current year, 低保 and 特困 household types, and so key
// households; every record's per-capita income is what the income rule gives for its items.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { seed } from "@/lib/seed/index";
import { DANYANG_ID, DEFAULT_TODAY } from "@/lib/seed/constants";
import { keyHouseholds } from "@/lib/data/key-households";
import { unsignedIncomeCount } from "@/lib/data/income-records";
import type { ReviewCountyId } from "@/lib/auth/scope";
import { teamsOverview } from "@/lib/data/resident";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.prisma);
}, 600_000);

afterAll(async () => {
  await t?.close();
});

describe("the seed's county records", () => {
  it("Danyang's registered and lifted households have a signed 2020 income record", async () => {
    const poor = await t.prisma.household.count({ where: { villageId: DANYANG_ID, registeredStatus: { not: "not_registered" } } });
    const signed = await t.prisma.incomeRecord.count({
      where: { year: 2020, signedAt: { not: null }, household: { villageId: DANYANG_ID } },
    });
    expect(poor).toBeGreaterThan(100);
    expect(signed).toBeGreaterThanOrEqual(poor);
    const rows = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM income_record WHERE round("householdNetIncome" / "countedMembers", 2) <> "perCapitaIncome"`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it("some records of this year are not yet signed: the county's unsigned figure", async () => {
    const n = await unsignedIncomeCount("520603" as ReviewCountyId, Number(DEFAULT_TODAY.slice(0, 4)));
    expect(n).toBeGreaterThan(10);
  });

  it("低保 and 特困 households are typed, and key households exist", async () => {
    expect(await t.prisma.householdTypeRecord.count({ where: { type: "subsistence" } })).toBeGreaterThan(0);
    expect(await t.prisma.householdTypeRecord.count({ where: { type: "extreme_hardship" } })).toBeGreaterThan(0);
    const key = await keyHouseholds("520603" as ReviewCountyId, DEFAULT_TODAY, { villageId: DANYANG_ID });
    expect(key.total).toBeGreaterThan(5);
  });

  it("Danyang's 52 cadres are sent by units, and Danyang has a first secretary and a team, one member short one month", async () => {
    const cadres = await t.prisma.user.findMany({ where: { role: "cadre", regionId: DANYANG_ID }, select: { unitId: true } });
    expect(cadres).toHaveLength(52);
    expect(cadres.every((c) => c.unitId !== null)).toBe(true);
    const open = await t.prisma.cadreAssignment.count({ where: { household: { villageId: DANYANG_ID }, validTo: null, unitId: null } });
    expect(open).toBe(0);
    const may = await teamsOverview("520603" as ReviewCountyId, `${DEFAULT_TODAY.slice(0, 4)}-05`);
    const danyang = may.postings.filter((p) => p.villageId === DANYANG_ID);
    expect(danyang.map((p) => p.role).sort()).toEqual(["first_secretary", "team_leader", "team_member", "team_member"]);
    expect(may.noSecretary.some((v) => v.id === DANYANG_ID)).toBe(false);
    expect(may.below.map((p) => p.villageId)).toEqual([DANYANG_ID]);
    const april = await teamsOverview("520603" as ReviewCountyId, `${DEFAULT_TODAY.slice(0, 4)}-04`);
    expect(april.below).toHaveLength(0);
  });
});
