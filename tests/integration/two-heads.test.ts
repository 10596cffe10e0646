// Issue #16.10: a second head of household added by an edit is refused on its field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { updateHousehold } from "@/lib/actions/households/update-household";

let t: TestDb;
let h = "";
beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const c = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201200" });
  h = (await createHousehold(t.prisma, { villageId: "520603201200", number: "0001", members: 2 })).id;
  await assign(t.prisma, h, c.id);
});
afterAll(async () => {
  signOut();
  await t?.close();
});

describe("one head of household", () => {
  it("a new head while the current one stays is refused on the new member's relation", async () => {
    await signInAs(t.prisma, "cadre1");
    expect(await t.prisma.member.count({ where: { householdId: h, relation: "head", active: true } })).toBe(1);
    const version = (await t.prisma.household.findUniqueOrThrow({ where: { id: h } })).version;
    const r = await updateHousehold(undefined, {
      householdId: h,
      baseVersion: version,
      changes: { newMembers: [{ name: "第二户主", sex: "male", birthDate: "1980-01-01", relation: "head" }] },
      reason: "新增成员",
    });
    expect(r.ok, JSON.stringify(r)).toBe(false);
    expect(!r.ok && r.fieldErrors?.["changes.newMembers.0.relation"]?.[0]).toBe("一户只能有一位户主");
    expect(await t.prisma.member.count({ where: { householdId: h, relation: "head", active: true } })).toBe(1);
  });
});
