// Issue #16.9: list pages given ?page=99999999999999999999 or ?page=1e308 answered HTTP 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import CadreHome from "@/app/(app)/cadre/page";
import LeadsPage from "@/app/(app)/leads/page";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const c = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201200" });
  await assign(t.prisma, (await createHousehold(t.prisma, { villageId: "520603201200", number: "0001" })).id, c.id);
});
afterAll(async () => {
  signOut();
  await t?.close();
});

describe("a page number no list has", () => {
  it("renders the list instead of failing", async () => {
    await signInAs(t.prisma, "cadre1");
    for (const page of ["99999999999999999999", "1e308", "-1", "abc"]) {
      await expect(CadreHome({ searchParams: Promise.resolve({ page }) }), page).resolves.toBeTruthy();
      await expect(LeadsPage({ searchParams: Promise.resolve({ page }) }), page).resolves.toBeTruthy();
    }
  });
});
