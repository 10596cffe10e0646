// The demo seed's department feeds (lib/seed/feeds.ts): one per department for Wanshan, loaded by
// the real loader after the rest of the seed; the demo cadre has a lead from the medical insurance
// feed; a Danyang household carries a vehicle flag from public security with its source; the
// housing feed is stale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, countyIdForTest, type TestDb } from "./helpers";
import { seed } from "@/lib/seed";
import { seedFeeds } from "@/lib/seed/feeds";
import { DEFAULT_TODAY } from "@/lib/seed/constants";
import { comparisonFlags } from "@/lib/data/procedure/comparison";
import { countyFeeds } from "@/lib/data/feeds";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.prisma);
  await seedFeeds(t.prisma, DEFAULT_TODAY);
}, 600_000);

afterAll(async () => {
  await t?.close();
});

describe("the demo department feeds", () => {
  it("loads one feed per department for Wanshan", async () => {
    const feeds = await t.prisma.departmentFeed.findMany({ select: { department: true, scopeId: true, unmatched: true } });
    expect(feeds.map((f) => f.department).sort()).toEqual([
      "civil_affairs",
      "education",
      "housing",
      "human_resources",
      "market_regulation",
      "medical_insurance",
      "public_security",
    ]);
    expect(new Set(feeds.map((f) => f.scopeId))).toEqual(new Set(["520603"]));
    expect(feeds.find((f) => f.department === "public_security")!.unmatched).toBe(1);
  });

  it("gives the demo cadre a lead from the medical insurance feed", async () => {
    const cadre = await t.prisma.user.findUniqueOrThrow({ where: { username: "cadre" } });
    const mine = (await t.prisma.cadreAssignment.findMany({ where: { cadreId: cadre.id, validTo: null } })).map((a) => a.householdId);
    const leads = await t.prisma.helpRequest.findMany({ where: { householdId: { in: mine }, source: "department" } });
    expect(leads).toHaveLength(1);
    expect(leads[0]!.text).toMatch(/^医保 .*大额自付医疗费用.*28600/);
  });

  it("receives each department lead on the day its deadline counts from, never after the deadline", async () => {
    const leads = await t.prisma.helpRequest.findMany({ where: { source: "department" }, select: { createdAt: true, deadline: true } });
    expect(leads.length).toBeGreaterThan(0);
    for (const l of leads) {
      const received = new Date(l.createdAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10); // the day in China
      expect(received <= l.deadline.toISOString().slice(0, 10)).toBe(true);
    }
  });

  it("flags a Danyang household's vehicle from public security, with the department and date as source", async () => {
    const flag = await t.prisma.departmentFinding.findFirstOrThrow({ where: { kind: "flag", code: "vehicle" } });
    const flags = await comparisonFlags(t.prisma, flag.householdId, "2026-11-28");
    expect(flags).toContainEqual(
      expect.objectContaining({ code: "vehicle", source: { department: "public_security", asOf: "2026-11-20" } }),
    );
    expect(await t.prisma.departmentFinding.count({ where: { kind: "flag" } })).toBe(4);
    expect(await t.prisma.departmentFinding.count({ where: { kind: "lead" } })).toBe(4);
  });

  it("shows the housing feed stale on the county page", async () => {
    const official = await t.prisma.user.findUniqueOrThrow({ where: { username: "official" } });
    const page = await countyFeeds({ id: official.id, role: "county_official" }, countyIdForTest("520603"));
    expect(page.departments.filter((d) => d.stale).map((d) => d.department)).toEqual(["housing"]);
  });
});
