// Department feeds, the rest of issue #19: a registration moved out asks the cadre to verify (a
// lead, never a silent change); a township reviewer loads for its own people and sees its
// township's part of wider feeds; only the roles that see the medical indicator see a department's
// medical rows, every view recorded; the retention runs as a periodic job under a lease, audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { loadDepartmentFeed } from "@/lib/actions/feeds/load-feed";
import { householdDepartmentData, townshipFeeds } from "@/lib/data/feeds";
import { loadFeed, type FeedReport } from "@/lib/feeds/load";
import { memorySource } from "@/lib/import";
import { makeNationalId } from "@/lib/national-id";
import { can, type Role } from "@/lib/auth/roles";
import { JOBS } from "@/lib/jobs/runner";
import { FEEDS_PURGE_JOB, runFeedsPurge } from "@/lib/jobs/feeds-purge";

const DANYANG = "520603201200";
const TOWNSHIP = "520603201";
const OTHER_TOWNSHIP_VILLAGE = "520603100201";
let t: TestDb;
let officialId: string;
let A: string; // Danyang, cadre1's
let B: string; // Danyang, its former member moved out long ago
let D: string; // another township of the county
const ID = {
  head: makeNationalId("520603", "1971-05-01", 21),
  spouse: makeNationalId("520603", "1974-05-01", 22),
  former: makeNationalId("520603", "1966-03-01", 23),
  bHead: makeNationalId("520603", "1969-03-01", 25),
  other: makeNationalId("520603", "1982-03-01", 27),
};
const csv = (lines: string[]) => ["national_id,fact,date,value,name", ...lines].join("\n") + "\n";

async function asOfficial(department: "public_security" | "medical_insurance", asOf: string, text: string, name = "feed.csv") {
  const r = await loadFeed(t.prisma, memorySource(name, text), {
    actor: { id: officialId, role: "county_official" },
    scopeId: "520603",
    department,
    asOf,
    copyUrl: null,
  });
  expect(r.ok).toBe(true);
  return r;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await t.prisma.region.create({ data: { id: "520603100", parentId: "520603", level: "township", name: "另一乡", zone: "west" } });
  await t.prisma.region.create({
    data: { id: OTHER_TOWNSHIP_VILLAGE, parentId: "520603100", level: "village", name: "另一村", zone: "west" },
  });
  officialId = (await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" })).id;
  await createUser(t.prisma, { username: "township", role: "county_official", regionId: TOWNSHIP });
  await createUser(t.prisma, { username: "facilitator", role: "facilitator", regionId: DANYANG });
  await createUser(t.prisma, { username: "admin", role: "admin", regionId: "52" });
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: DANYANG });
  A = (await createHousehold(t.prisma, { villageId: DANYANG, number: "0101", headName: "王大山", members: 2 })).id;
  B = (await createHousehold(t.prisma, { villageId: DANYANG, number: "0102", headName: "李石头", members: 2 })).id;
  D = (await createHousehold(t.prisma, { villageId: OTHER_TOWNSHIP_VILLAGE, number: "0103", headName: "赵远方", members: 1 })).id;
  await assign(t.prisma, A, cadre.id);
  const members = (householdId: string) =>
    t.prisma.member.findMany({ where: { householdId }, orderBy: { birthDate: "asc" }, select: { id: true } });
  const [ah, as] = await members(A);
  await t.prisma.member.update({ where: { id: ah!.id }, data: { nationalId: ID.head } });
  await t.prisma.member.update({ where: { id: as!.id }, data: { nationalId: ID.spouse } });
  const [bf, bh] = await members(B);
  await t.prisma.member.update({
    where: { id: bf!.id },
    data: { nationalId: ID.former, active: false, counted: false, notCountedReason: "moved_out" },
  });
  await t.prisma.member.update({ where: { id: bh!.id }, data: { nationalId: ID.bHead } });
  const [dh] = await members(D);
  await t.prisma.member.update({ where: { id: dh!.id }, data: { nationalId: ID.other } });
});

afterAll(async () => {
  signOut();
  await t?.close();
});

describe("a registration moved out (public security's moved_out)", () => {
  it("opens a lead for the cadre to verify an active member's move, none for a member the record already shows gone", async () => {
    const r = await asOfficial(
      "public_security",
      "2026-01-31",
      csv([`${ID.spouse},moved_out,2026-01-12,,`, `${ID.former},moved_out,2025-06-01,,`]),
      "公安户籍迁出.csv",
    );
    expect(r.counts).toMatchObject({ matched: 2, unmatched: 0, leads: 1, flags: 0 });
    const leads = await t.prisma.helpRequest.findMany({ where: { source: "department" } });
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ householdId: A, category: "other", state: "open" });
    expect(leads[0]!.text).toMatch(/^公安 2026-01-31：户籍迁出（2026-01-12）/);
    // the member stays until a visit records the move: the cadre verifies, the feed does not decide
    expect((await t.prisma.member.findFirstOrThrow({ where: { nationalId: ID.spouse } })).active).toBe(true);
    // the same move in a later feed opens no second lead
    const later = await asOfficial("public_security", "2026-02-28", csv([`${ID.spouse},moved_out,2026-01-12,,`]), "later.csv");
    expect(later.counts.leads).toBe(0);
    expect(await t.prisma.helpRequest.count({ where: { source: "department" } })).toBe(1);
  });
});

describe("the township reviewer's feeds", () => {
  let own: FeedReport;
  it("loads a feed for its own township's people, and is refused another township's scope on its field", async () => {
    await signInAs(t.prisma, "township");
    const fd = form({ department: "medical_insurance", asOf: "2026-01-31", scopeId: "" });
    fd.append("file", new File([csv([`${ID.head},insured,,,`, `${ID.other},insured,,,`])], "乡医保.csv", { type: "text/csv" }));
    const r = await loadDepartmentFeed(undefined, fd);
    expect(r.ok).toBe(true);
    own = (r as { data: { report: FeedReport } }).data.report;
    // the other township's person is not the township's: unmatched, whatever the file says
    expect(own.counts).toMatchObject({ matched: 1, unmatched: 1 });
    expect((await t.prisma.departmentFeed.findUniqueOrThrow({ where: { id: own.feedId! } })).scopeId).toBe(TOWNSHIP);
    const refused = form({ department: "medical_insurance", asOf: "2026-01-31", scopeId: "520603100" });
    refused.append("file", new File([csv([`${ID.other},insured,,,`])], "x.csv", { type: "text/csv" }));
    expect(await loadDepartmentFeed(undefined, refused)).toMatchObject({ ok: false, fieldErrors: { scopeId: expect.anything() } });
    signOut();
  });

  it("lists its own feeds and the county's, each counted within the township, and records the view", async () => {
    const county = await asOfficial(
      "medical_insurance",
      "2026-02-15",
      csv([`${ID.head},large_bill,2026-02-01,25000,`, `${ID.other},large_bill,2026-02-02,30000,`]),
      "县医保.csv",
    );
    expect(county.counts).toMatchObject({ matched: 2, leads: 2 });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "township" } });
    const page = await townshipFeeds({ id: user.id, role: "county_official" }, TOWNSHIP);
    const byId = new Map(page.feeds.map((f) => [f.id, f]));
    // the county's feed: only its township part (one row, one lead); its rows and unmatched are the county's
    expect(byId.get(county.feedId!)).toMatchObject({ matched: 1, leads: 1, rows: null, unmatched: null });
    // its own feed: as loaded
    expect(byId.get(own.feedId!)).toMatchObject({ matched: 1, unmatched: 1, rows: 2 });
    // the public security feeds of the county reach Danyang too (the move)
    expect(page.feeds.filter((f) => f.department === "public_security").map((f) => f.leads)).toContain(1);
    expect(page.departments.find((d) => d.department === "medical_insurance")).toMatchObject({ latestAsOf: "2026-02-15" });
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "sensitive.read", entity: "township", entityId: TOWNSHIP } });
    expect(ev).toMatchObject({ actorId: user.id, countyId: "520603" });
  });
});

describe("privacy of the department rows", () => {
  it("shows medical rows only to the roles that see the medical indicator's details, and records every view", async () => {
    const seen = async (role: Role) => {
      const before = await t.prisma.auditEvent.count({ where: { action: "sensitive.read", entity: "household", entityId: A } });
      const r = await householdDepartmentData({ id: `u-${role}`, role }, { id: A, countyId: "520603" });
      const after = await t.prisma.auditEvent.count({ where: { action: "sensitive.read", entity: "household", entityId: A } });
      expect(after).toBe(before + 1);
      return r;
    };
    for (const role of ["cadre", "county_official"] as const) {
      const r = await seen(role);
      expect(r.hiddenMedical).toBe(false);
      expect(r.items.map((i) => i.fact)).toEqual(expect.arrayContaining(["large_bill", "moved_out"]));
    }
    for (const role of ["facilitator", "admin"] as const) {
      const r = await seen(role);
      expect(r.hiddenMedical).toBe(true);
      expect(r.items.map((i) => i.fact)).toEqual(["moved_out"]);
    }
    // the roles that read no household read none of its department rows, and none loads feeds
    for (const role of ["evaluator", "auditor"] as const) {
      expect(can(role, "household.read")).toBe(false);
      expect(can(role, "feed.load")).toBe(false);
    }
    expect(can("cadre", "feed.load")).toBe(false);
    expect(can("facilitator", "feed.load")).toBe(false);
  });
});

describe("retention as a periodic job", () => {
  it("is one of the app's periodic jobs", () => {
    expect(JOBS.map((j) => j.name)).toContain(FEEDS_PURGE_JOB);
  });

  it("deletes the rows of feeds past the retention once a day under its lease, keeping flags and leads, audited", async () => {
    const old = await t.prisma.departmentFeed.findFirstOrThrow({ where: { fileName: "公安户籍迁出.csv" } });
    const loaded = new Date();
    loaded.setUTCMonth(loaded.getUTCMonth() - 25);
    await t.prisma.departmentFeed.update({ where: { id: old.id }, data: { loadedAt: loaded } });
    const leads = await t.prisma.helpRequest.count();
    const findings = await t.prisma.departmentFinding.count({ where: { feedId: old.id } });
    expect(await runFeedsPurge(t.prisma)).toEqual({ feeds: 1, rows: 2 });
    expect(await t.prisma.departmentFeedRow.count({ where: { feedId: old.id } })).toBe(0);
    expect(await t.prisma.departmentFinding.count({ where: { feedId: old.id } })).toBe(findings);
    expect(await t.prisma.helpRequest.count()).toBe(leads);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "feed.purged", entityId: old.id } });
    expect(ev.actorId).toBeNull();
    // ran a moment ago: not due again today (the lease row keeps when)
    expect(await runFeedsPurge(t.prisma)).toBeNull();
    const job = await t.prisma.opsJob.findUniqueOrThrow({ where: { name: FEEDS_PURGE_JOB } });
    expect(job).toMatchObject({ lastOk: true, holder: null, state: { feeds: 1, rows: 2 } });
    // another process holding the lease: this one leaves it alone, even when forced
    await t.prisma.opsJob.update({
      where: { name: FEEDS_PURGE_JOB },
      data: { holder: "other-host", leaseUntil: new Date(Date.now() + 60_000) },
    });
    expect(await runFeedsPurge(t.prisma, { force: true })).toBeNull();
    await t.prisma.opsJob.update({ where: { name: FEEDS_PURGE_JOB }, data: { holder: null, leaseUntil: null } });
    expect(await runFeedsPurge(t.prisma, { force: true })).toEqual({ feeds: 0, rows: 0 });
  });
});
