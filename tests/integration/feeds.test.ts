// Department feeds on a real database (docs/department-feeds.md): rows matched by national ID to
// the county's active members (and to former ones for deaths), the rest reported unmatched, never
// guessed; flags on the household and its open proposal, leads for the cadre with the usual
// deadline, indicator facts written and the household reassessed; the same file twice creates
// nothing twice and the same fact in a later file opens no second lead; a county official cannot
// reach another county's people; bad rows are named by file, row, column and rule and nothing is
// written; retention deletes the rows and keeps the flags and leads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, countyIdForTest, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { loadDepartmentFeed } from "@/lib/actions/feeds/load-feed";
import { countyFeeds, householdDepartmentData, purgeExpiredFeedRows } from "@/lib/data/feeds";
import { loadFeed, type FeedReport } from "@/lib/feeds/load";
import { memorySource } from "@/lib/import";
import { comparisonFlags } from "@/lib/data/procedure/comparison";
import { leadDeadline } from "@/lib/data/help";
import { makeNationalId } from "@/lib/national-id";
import { today } from "@/lib/clock";

const VILLAGE = "520603201200";
const OTHER_COUNTY_VILLAGE = "520602100200";
let t: TestDb;
let A: string; // 王大山's household: cadre1's
let B: string; // its working member died and left the household record
let officialId: string;
const ID = {
  head: makeNationalId("520603", "1970-05-01", 11),
  spouse: makeNationalId("520603", "1973-05-01", 12),
  child: makeNationalId("520603", "2012-05-01", 13),
  former: makeNationalId("520603", "1965-03-01", 14),
  elsewhere: makeNationalId("520602", "1980-03-01", 15),
  nobody: makeNationalId("520603", "1990-03-01", 16),
};
const AS_OF = "2026-01-31";

function csv(lines: string[]): string {
  return ["national_id,fact,date,value,name", ...lines].join("\n") + "\n";
}

async function upload(username: string, values: { department: string; asOf?: string; scopeId?: string; text: string; name?: string }) {
  await signInAs(t.prisma, username);
  const fd = form({ department: values.department, asOf: values.asOf ?? AS_OF, scopeId: values.scopeId ?? "" });
  fd.append("file", new File([values.text], values.name ?? "feed.csv", { type: "text/csv" }));
  const r = await loadDepartmentFeed(undefined, fd);
  signOut();
  return r;
}

const reportOf = (r: Awaited<ReturnType<typeof upload>>): FeedReport => {
  if (!r.ok) throw new Error(`refused: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return (r.data as { report: FeedReport }).report;
};

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const official = await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  officialId = official.id;
  await createUser(t.prisma, { username: "facilitator", role: "facilitator", regionId: VILLAGE });
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE });
  await createUser(t.prisma, { username: "admin", role: "admin", regionId: "52" });
  const a = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", headName: "王大山", members: 3 });
  const b = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0002", headName: "李石头", members: 2 });
  const c = await createHousehold(t.prisma, { villageId: OTHER_COUNTY_VILLAGE, number: "0001", headName: "赵远方", members: 1 });
  [A, B] = [a.id, b.id];
  await assign(t.prisma, A, cadre.id);
  const members = async (householdId: string) =>
    t.prisma.member.findMany({ where: { householdId }, orderBy: { birthDate: "asc" }, select: { id: true } });
  const [ah, as, ac] = await members(A);
  await t.prisma.member.update({ where: { id: ah!.id }, data: { nationalId: ID.head } });
  await t.prisma.member.update({ where: { id: as!.id }, data: { nationalId: ID.spouse } });
  await t.prisma.member.update({
    where: { id: ac!.id },
    data: { nationalId: ID.child, schoolStatus: "not_applicable", relation: "child" },
  });
  const [bh, bf] = await members(B);
  await t.prisma.member.update({
    where: { id: bh!.id },
    data: { nationalId: ID.former, active: false, counted: false, notCountedReason: "deceased" },
  });
  await t.prisma.member.update({ where: { id: bf!.id }, data: { nationalId: makeNationalId("520603", "1975-03-01", 17) } });
  const [ch] = await members(c.id);
  await t.prisma.member.update({ where: { id: ch!.id }, data: { nationalId: ID.elsewhere } });
  // an open proposal of A, before the vote: the department's flag reaches it
  await t.prisma.proposal.create({
    data: {
      id: "11111111-1111-4111-8111-111111111111",
      householdId: A,
      countyId: "520603",
      villageId: VILLAGE,
      kind: "monitor",
      monitoringCategory: "marginal",
      source: "cadre",
      reason: "走访发现",
      householdVersion: 1,
    },
  });
});

afterAll(async () => {
  signOut();
  await t?.close();
});

const PUBLIC_SECURITY = csv([
  `${ID.head},vehicle,,45000,王大山`, // a flag
  `${ID.spouse},vehicle,,12000.50,`, // below the policy's 30,000: nothing
  `${ID.former},death,2026-01-10,,李石头`, // a member who left: matched for a death; a lead
  `${ID.elsewhere},vehicle,,90000,赵远方`, // another county's person: unmatched, whatever the name
  `${ID.nobody},death,2026-01-05,,王大山`, // nobody's ID under a member's name: unmatched, never guessed by name
]);

describe("a public security feed", () => {
  let first: FeedReport;

  it("matches by national ID in the county, reports the rest unmatched, flags and warns", async () => {
    first = reportOf(await upload("official", { department: "public_security", text: PUBLIC_SECURITY, name: "公安车辆死亡.csv" }));
    expect(first.ok).toBe(true);
    expect(first.replay).toBe(false);
    expect(first.counts).toMatchObject({ matched: 3, unmatched: 2, flags: 1, leads: 1, proposals: 1 });
    expect(first.unmatchedRows).toEqual([5, 6]);
    const rows = await t.prisma.departmentFeedRow.findMany({ where: { feedId: first.feedId! }, orderBy: { line: "asc" } });
    expect(rows.map((r) => [r.line, r.householdId, r.active])).toEqual([
      [2, A, true],
      [3, A, true],
      [4, B, false],
      [5, null, null],
      [6, null, null],
    ]);
    // the feed and its hash in the audit log
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "feed.loaded", entityId: first.feedId! } });
    expect((ev.after as { file: { sha256: string } }).file.sha256).toBe(first.file.sha256);
    expect(ev.actorId).toBe(officialId);
  });

  it("opens a monitoring lead for the household with the department as source and the usual deadline", async () => {
    const leads = await t.prisma.helpRequest.findMany({ where: { householdId: B } });
    expect(leads).toHaveLength(1);
    expect(leads[0]!.source).toBe("department");
    expect(leads[0]!.text).toContain("公安");
    expect(leads[0]!.text).toContain("死亡");
    expect(leads[0]!.deadline.toISOString().slice(0, 10)).toBe(await leadDeadline(t.prisma, "520603", today()));
  });

  it("puts the flag on the household and its open proposal, with the department and date as source", async () => {
    const flags = await comparisonFlags(t.prisma, A);
    expect(flags).toContainEqual(expect.objectContaining({ code: "vehicle", source: { department: "public_security", asOf: AS_OF } }));
    const p = await t.prisma.proposal.findUniqueOrThrow({ where: { id: "11111111-1111-4111-8111-111111111111" } });
    expect(p.flags).toEqual([{ code: "vehicle", detail: "", source: { department: "public_security", asOf: AS_OF } }]);
    expect(p.version).toBe(2);
  });

  it("loads the same file once: a re-run answers with the first load and creates nothing", async () => {
    const leadsBefore = await t.prisma.helpRequest.count();
    const again = reportOf(await upload("official", { department: "public_security", text: PUBLIC_SECURITY, name: "again.csv" }));
    expect(again.replay).toBe(true);
    expect(again.feedId).toBe(first.feedId);
    expect(await t.prisma.departmentFeed.count()).toBe(1);
    expect(await t.prisma.helpRequest.count()).toBe(leadsBefore);
  });

  it("opens no second lead and raises no second flag for the same facts in a later feed", async () => {
    const later = reportOf(
      await upload("official", {
        department: "public_security",
        asOf: "2026-02-28",
        text: csv([`${ID.former},death,2026-01-10,,`, `${ID.head},vehicle,,50000,`]),
      }),
    );
    expect(later.replay).toBe(false);
    expect(later.counts).toMatchObject({ matched: 2, flags: 0, leads: 0 });
    expect(await t.prisma.helpRequest.count({ where: { householdId: B } })).toBe(1);
    expect(await t.prisma.departmentFinding.count({ where: { householdId: A, kind: "flag" } })).toBe(1);
  });
});

describe("a medical insurance feed", () => {
  it("updates the insurance indicator, reassesses the household, and warns of a large bill only at the policy's amount", async () => {
    const r = reportOf(
      await upload("official", {
        department: "medical_insurance",
        text: csv([
          `${ID.spouse},not_insured,,,`,
          `${ID.head},large_bill,2026-01-20,25000,`,
          `${ID.child},large_bill,2026-01-21,19999.99,`,
        ]),
      }),
    );
    expect(r.counts).toMatchObject({ matched: 3, facts: 1, leads: 1, reassessed: 1 });
    const spouse = await t.prisma.member.findFirstOrThrow({ where: { nationalId: ID.spouse } });
    expect(spouse.medicalInsurance).toBe(false);
    const latest = await t.prisma.assessment.findFirstOrThrow({ where: { householdId: A }, orderBy: { createdAt: "desc" } });
    expect(latest.trigger).toBe("department");
    const lead = await t.prisma.helpRequest.findFirstOrThrow({ where: { householdId: A } });
    expect(lead).toMatchObject({ source: "department", category: "illness", state: "open" });
    expect(lead.text).toContain("医保");
  });

  it("shows medical rows to the cadre and the county, not to the facilitator, and records every view", async () => {
    const before = await t.prisma.auditEvent.count({ where: { action: "sensitive.read", entity: "household", entityId: A } });
    const cadre = await householdDepartmentData({ id: "x", role: "cadre" }, { id: A, countyId: "520603" });
    expect(cadre.items.map((i) => i.fact)).toEqual(expect.arrayContaining(["large_bill", "not_insured", "vehicle"]));
    const facilitator = await householdDepartmentData({ id: "y", role: "facilitator" }, { id: A, countyId: "520603" });
    expect(facilitator.items.map((i) => i.fact)).toEqual(["vehicle"]);
    expect(facilitator.hiddenMedical).toBe(true);
    expect(await t.prisma.auditEvent.count({ where: { action: "sensitive.read", entity: "household", entityId: A } })).toBe(before + 2);
  });
});

describe("refusals", () => {
  it("refuses another county's scope on its field, and a cadre outright", async () => {
    const feedsBefore = await t.prisma.departmentFeed.count();
    const r = await upload("official", {
      department: "public_security",
      scopeId: "520602",
      text: csv([`${ID.elsewhere},vehicle,,90000,`]),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).toEqual(["scopeId"]);
    const c = await upload("cadre1", { department: "public_security", text: csv([`${ID.head},vehicle,,90000,`]) });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.code).toBe("forbidden");
    expect(await t.prisma.departmentFeed.count()).toBe(feedsBefore);
  });

  it("names every bad row by file, row, column and rule, and writes nothing", async () => {
    const feedsBefore = await t.prisma.departmentFeed.count();
    const badId = ID.head.slice(0, 17) + (ID.head.endsWith("0") ? "1" : "0");
    const r = reportOf(
      await upload("official", {
        department: "medical_insurance",
        name: "医保.csv",
        text: csv([
          `${ID.spouse},insured,,,`,
          `${badId},insured,,,`,
          `${ID.head},vehicle,,45000,`,
          `${ID.head},large_bill,,30000,`,
          `${ID.child},large_bill,2026-01-02,3.999,`,
          `${ID.child},large_bill,2026-03-02,300,`,
          `${ID.spouse},insured,,,`,
        ]),
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.file, i.row, i.column, i.rule])).toEqual([
      ["医保.csv", 3, "national_id", "national_id"],
      ["医保.csv", 4, "fact", "fact_of_other_department"],
      ["医保.csv", 5, "date", "required"],
      ["医保.csv", 6, "value", "amount"],
      ["医保.csv", 7, "date", "after_as_of"],
    ]);
    // the duplicate (row 8 repeats row 2) is found once every row passes on its own
    const dup = reportOf(
      await upload("official", {
        department: "medical_insurance",
        name: "dup.csv",
        text: csv([`${ID.spouse},insured,,,`, `${ID.spouse},insured,,,`]),
      }),
    );
    expect(dup.issues.map((i) => [i.row, i.column, i.rule, i.params])).toEqual([[3, "national_id", "duplicate_row", { first: 2 }]]);
    expect(await t.prisma.departmentFeed.count()).toBe(feedsBefore);
    const spouse = await t.prisma.member.findFirstOrThrow({ where: { nationalId: ID.spouse } });
    expect(spouse.medicalInsurance).toBe(false);
  });

  it("reports a missing column and a file with no rows", async () => {
    const r = await loadFeed(t.prisma, memorySource("x.csv", "national_id,fact\n"), {
      actor: { id: null, role: "system" },
      scopeId: "520603",
      department: "housing",
      asOf: AS_OF,
    });
    expect(r.issues.map((i) => [i.column, i.rule])).toEqual([
      ["date", "missing_column"],
      ["value", "missing_column"],
    ]);
  });
});

describe("the county page and retention", () => {
  it("lists the county's feeds with their counts, and the stale departments", async () => {
    const page = await countyFeeds({ id: officialId, role: "county_official" }, countyIdForTest("520603"));
    expect(page.total).toBe(3);
    expect(page.feeds[0]).toMatchObject({ department: "medical_insurance", leads: 1, facts: 1 });
    const ps = page.departments.find((d) => d.department === "public_security")!;
    expect(ps.latestAsOf).toBe("2026-02-28");
    expect(page.departments.find((d) => d.department === "housing")).toMatchObject({ latestAsOf: null, stale: true });
    expect(page.staleMonths).toBe(3);
  });

  it("deletes the rows of feeds older than the retention, keeping their flags and leads", async () => {
    const old = await t.prisma.departmentFeed.findFirstOrThrow({
      where: { department: "public_security", asOf: new Date(`${AS_OF}T00:00:00Z`) },
    });
    const findings = await t.prisma.departmentFinding.count({ where: { feedId: old.id } });
    expect(findings).toBe(2);
    const loaded = new Date();
    loaded.setUTCMonth(loaded.getUTCMonth() - 25);
    await t.prisma.departmentFeed.update({ where: { id: old.id }, data: { loadedAt: loaded } });
    const leadsBefore = await t.prisma.helpRequest.count();
    const r = await purgeExpiredFeedRows(t.prisma);
    expect(r).toEqual({ feeds: 1, rows: 5 });
    expect(await t.prisma.departmentFeedRow.count({ where: { feedId: old.id } })).toBe(0);
    expect((await t.prisma.departmentFeed.findUniqueOrThrow({ where: { id: old.id } })).purgedAt).not.toBeNull();
    expect(await t.prisma.departmentFinding.count({ where: { feedId: old.id } })).toBe(findings);
    expect(await t.prisma.helpRequest.count()).toBe(leadsBefore);
    expect(await t.prisma.departmentFeedRow.count()).toBeGreaterThan(0); // the newer feeds keep theirs
    expect(await purgeExpiredFeedRows(t.prisma)).toEqual({ feeds: 0, rows: 0 });
    expect(await t.prisma.auditEvent.count({ where: { action: "feed.purged", entityId: old.id } })).toBe(1);
  });
});

describe("an indicator fact from several rows of one member", () => {
  it("takes each member's last row of a fact: an earlier row that differs changes nothing, a last one that differs does", async () => {
    const insured = async (nid: string) =>
      (await t.prisma.member.findFirstOrThrow({ where: { nationalId: nid, active: true } })).medicalInsurance;
    const [head, spouse] = [await insured(ID.head), await insured(ID.spouse)];
    const says = (v: boolean) => (v ? "insured" : "not_insured");
    const r = reportOf(
      await upload("official", {
        department: "medical_insurance",
        name: "医保参保状态.csv",
        text: csv([
          `${ID.head},${says(!head)},,,`, // differs, but a later row of the head's says what the record has
          `${ID.spouse},${says(spouse)},,,`, // agrees, but the spouse's later row differs: that one counts
          `${ID.head},${says(head)},,,`,
          `${ID.spouse},${says(!spouse)},,,`,
        ]),
      }),
    );
    expect(r.counts).toMatchObject({ matched: 4, facts: 1 });
    expect([await insured(ID.head), await insured(ID.spouse)]).toEqual([head, !spouse]);
  });
});
