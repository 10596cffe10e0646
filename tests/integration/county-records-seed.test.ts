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
});
