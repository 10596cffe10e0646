// Issue #16.7: a conflict message names the last writer, never someone who only read the household.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { createHousehold, createUser, seedRegions } from "../factories";
import { audit } from "@/lib/audit";
import { auditSensitiveRead } from "@/lib/data/sensitive-reads";
import { lastChange } from "@/lib/data/household-changes";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
});
afterAll(async () => t?.close());

describe("the conflict message's 'changed by'", () => {
  it("is the last writer, not the official who opened the household after", async () => {
    const writer = await createUser(t.prisma, { username: "writer", name: "写入人", role: "cadre", regionId: "520603201200" });
    const reader = await createUser(t.prisma, { username: "reader", name: "只看了的人", role: "county_official", regionId: "520603" });
    const h = await createHousehold(t.prisma, { villageId: "520603201200", number: "0001", headName: "王大山" });
    await audit(
      t.prisma,
      { id: writer.id, role: "cadre" },
      { action: "household.edit", entity: "household", entityId: h.id, countyId: "520603", after: { incomeWages: 1 } },
    );
    await auditSensitiveRead(
      { id: reader.id, role: "county_official" },
      { entity: "household", entityId: h.id, countyId: "520603", fields: ["health", "income"], via: "household" },
    );
    await audit(
      t.prisma,
      { id: reader.id, role: "county_official" },
      { action: "card.view", entity: "household", entityId: h.id, countyId: "520603" },
    );
    await audit(
      t.prisma,
      { id: reader.id, role: "county_official" },
      { action: "access.denied", entity: "household", entityId: h.id, countyId: "520603" },
    );
    const change = await t.prisma.$transaction((tx) => lastChange(tx, h.id));
    expect(change?.by).toBe("写入人");
    expect(change?.action).toBe("household.edit");
  });
});
