// The county official's views on a real database: village aggregates against a small county
// computed by hand, the village household list and its filters, the charts' queries, the CSV
// exports, (re)assignment, and the walls between counties.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, type TestDb, countyIdForTest, townshipIdForTest } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import type { Viewer } from "@/lib/auth/session";
import { householdScope } from "@/lib/auth/scope";
import { today } from "@/lib/clock";
import {
  countySummary,
  countyTotals,
  exitThreshold,
  guaranteeGaps,
  reviewArea,
  reviewCounty,
  villageInCounty,
  villageList,
  villageSummary,
} from "@/lib/data/county";
import { townshipLate } from "@/lib/data/township";
import { householdBatches, villageHouseholds } from "@/lib/data/county-households";
import { registeredTrend, statusMatrix, visitCoverage, causes } from "@/lib/data/county-charts";
import { candidateGroups } from "@/lib/data/county-approvals";
import { searchCountyCadres } from "@/lib/data/county-assignments";
import { exportHouseholds, exportVillages } from "@/lib/data/county-export";
import { assignHousehold } from "@/lib/actions/county/assign-household";
import { bulkAssign } from "@/lib/actions/county/bulk-assign";
import { searchCadres } from "@/lib/actions/county/search-cadres";
import { verifyAudit } from "@/scripts/audit-verify";
import ExcelJS from "exceljs";

let t: TestDb;
const V1 = "520603201200"; // 丹阳村, 黄道侗族乡
const V2 = "520603201201"; // 邻村, 黄道侗族乡
const V3 = "520603202200"; // 测试村, 测试镇
const BIJIANG_VILLAGE = "520602100200";
const H: Record<string, string> = {};
const U: Record<string, { id: string; regionId: string; role: string }> = {};

const todayIso = today();
const [ty, tm] = todayIso.split("-").map(Number) as [number, number];
const monthsAgo = (n: number, day = 10) => {
  const d = new Date(Date.UTC(ty, tm - 1 - n, day));
  return d;
};

interface Plan {
  village: string;
  number: string;
  members: number;
  registered: "not_registered" | "registered_poor" | "lifted";
  assessed: "below_standard" | "at_risk" | "secure" | null;
  monitoring?: "unstable_lifted" | "marginal" | "sudden_hardship";
  candidate?: "identify" | "exit" | "monitor";
  candidateCategory?: "unstable_lifted" | "marginal" | "sudden_hardship";
  cadre?: string;
  lastVisit?: Date;
  unmet?: string[];
  cause?: "illness" | "disability" | "schooling";
  headName?: string;
}

// The hand-computed county (threshold: west 3%):
//   V1 丹阳村: 5 households, 17 people; poor h1 (4) + h2 (3) = 7 people → 41.18%; missed h4 (5 people);
//              wrongly lifted h3 (2 people); assigned h1 h2 h3; visited this month h1 → 33.3%
//   V2 邻村:   3 households, 12 people; poor h8 (6) → 50%; monitored h6 (unstable); assigned h6 h8, both visited → 100%
//   V3 测试村: 2 households, 4 people; no poor → 0% (below 3%); monitored h9 (marginal, so not missed); assigned h9, not visited → 0%
const PLANS: Record<string, Plan> = {
  h1: {
    village: V1,
    number: "0001",
    members: 4,
    registered: "registered_poor",
    assessed: "below_standard",
    cadre: "cadreA",
    lastVisit: monthsAgo(0, 1),
    unmet: ["income", "water"],
    cause: "illness",
  },
  h2: {
    village: V1,
    number: "0002",
    members: 3,
    registered: "registered_poor",
    assessed: "secure",
    candidate: "exit",
    cadre: "cadreA",
    lastVisit: monthsAgo(1),
    cause: "illness",
  },
  h3: {
    village: V1,
    number: "0003",
    members: 2,
    registered: "lifted",
    assessed: "below_standard",
    candidate: "monitor",
    candidateCategory: "unstable_lifted",
    cadre: "cadreB",
    cause: "disability",
    unmet: ["housing"],
  },
  h4: {
    village: V1,
    number: "0004",
    members: 5,
    registered: "not_registered",
    assessed: "below_standard",
    candidate: "monitor",
    candidateCategory: "marginal",
    unmet: ["water"],
    headName: '=HYPERLINK("http://x")',
  },
  h5: { village: V1, number: "0005", members: 3, registered: "not_registered", assessed: "secure" },
  h6: {
    village: V2,
    number: "0006",
    members: 4,
    registered: "lifted",
    assessed: "at_risk",
    monitoring: "unstable_lifted",
    cadre: "cadreB",
    lastVisit: monthsAgo(0, 1),
    cause: "schooling",
  },
  h7: { village: V2, number: "0007", members: 2, registered: "not_registered", assessed: "secure" },
  h8: {
    village: V2,
    number: "0008",
    members: 6,
    registered: "registered_poor",
    assessed: "at_risk",
    candidate: "exit",
    cadre: "cadreA",
    lastVisit: monthsAgo(0, 1),
    cause: "illness",
  },
  h9: {
    village: V3,
    number: "0009",
    members: 3,
    registered: "not_registered",
    assessed: "below_standard",
    monitoring: "marginal",
    cadre: "cadreC",
    lastVisit: monthsAgo(3),
  },
  h10: { village: V3, number: "0010", members: 1, registered: "not_registered", assessed: "secure" },
  b1: {
    village: BIJIANG_VILLAGE,
    number: "0001",
    members: 3,
    registered: "registered_poor",
    assessed: "below_standard",
    cadre: "bijiangCadre",
  },
};

function viewerOf(key: string): Viewer {
  const u = U[key]!;
  const level = u.regionId.length === 6 ? "county" : u.regionId.length === 12 ? "village" : "township";
  return { id: u.id, name: key, username: key, role: u.role as Viewer["role"], regionId: u.regionId, regionLevel: level, regionName: key };
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await t.prisma.region.createMany({
    data: [
      { id: "520603202", parentId: "520603", level: "township", name: "测试镇", zone: "west" },
      { id: V3, parentId: "520603202", level: "village", name: "测试村", zone: "west" },
    ],
  });
  for (const [key, role, regionId] of [
    ["official", "county_official", "520603"],
    ["official2", "county_official", "520602"],
    ["cadreA", "cadre", V1],
    ["cadreB", "cadre", V1],
    ["cadreC", "cadre", V3],
    ["bijiangCadre", "cadre", BIJIANG_VILLAGE],
    ["facilitator", "facilitator", V1],
    ["township", "county_official", "520603201"],
  ] as const) {
    const u = await createUser(t.prisma, {
      username: key,
      role,
      regionId,
      name: key === "cadreA" ? "王甲" : key === "cadreB" ? "李乙" : key === "cadreC" ? "张丙" : key,
    });
    U[key] = { id: u.id, regionId, role };
  }
  for (const [key, p] of Object.entries(PLANS)) {
    const h = await createHousehold(t.prisma, {
      villageId: p.village,
      number: p.number,
      members: p.members,
      registeredStatus: p.registered,
      headName: p.headName,
    });
    await t.prisma.household.update({
      where: { id: h.id },
      data: {
        memberCount: p.members,
        countedMembers: p.members,
        assessedStatus: p.assessed,
        monitoringCategory: p.monitoring ?? null,
        candidate: p.candidate ?? null,
        candidateCategory: p.candidateCategory ?? null,
        lastVisitAt: p.lastVisit ?? null,
        unmetIndicators: p.unmet ?? [],
        mainCause: p.cause ?? null,
      },
    });
    H[key] = h.id;
    if (p.cadre) await assign(t.prisma, h.id, U[p.cadre]!.id);
  }
  // visits this month for h1, h6, h8 (the chart reads the visit table) and one last month for h2
  const visit = (key: string, cadre: string, date: Date, id: string) =>
    t.prisma.visit.create({
      data: { id, householdId: H[key]!, countyId: "520603", cadreId: U[cadre]!.id, date, mode: "home", findings: "走访" },
    });
  await visit("h1", "cadreA", monthsAgo(0, 1), "v-h1");
  await visit("h6", "cadreB", monthsAgo(0, 1), "v-h6");
  await visit("h8", "cadreA", monthsAgo(0, 1), "v-h8");
  await visit("h2", "cadreA", monthsAgo(1), "v-h2");
  // registration history: year-end registered poor 2014: 3, 2015: 4, 2016: 4, 2017 on: 3
  const change = (key: string, from: "not_registered" | "registered_poor", to: "registered_poor" | "lifted", effective: string) =>
    t.prisma.registrationChange.create({
      data: { householdId: H[key]!, countyId: "520603", fromStatus: from, toStatus: to, effective: new Date(effective) },
    });
  await change("h1", "not_registered", "registered_poor", "2014-06-01");
  await change("h3", "not_registered", "registered_poor", "2014-06-01");
  await change("h6", "not_registered", "registered_poor", "2014-06-01");
  await change("h2", "not_registered", "registered_poor", "2015-06-01");
  await change("h8", "not_registered", "registered_poor", "2016-06-01");
  await change("h3", "registered_poor", "lifted", "2016-11-30");
  await change("h6", "registered_poor", "lifted", "2017-11-30");
});

afterAll(async () => {
  signOut();
  await t?.close();
});

describe("village aggregates against the hand-computed county", () => {
  it("uses the west threshold from policy", async () => {
    expect(await exitThreshold("520603", "west")).toBe(3);
  });

  it("gives each village its counts, incidence, flags and visit coverage", async () => {
    const list = await villageList(countyIdForTest("520603"), 3, { sort: "name", pageSize: 50 });
    expect(list.total).toBe(3);
    const by = Object.fromEntries(list.rows.map((r) => [r.id, r]));
    expect(by[V1]).toMatchObject({
      name: "丹阳村",
      townshipName: "黄道侗族乡",
      households: 5,
      people: 17,
      poorHouseholds: 2,
      poorPeople: 7,
      incidence: 41.18,
      belowThreshold: false,
      monitored: 0,
      missed: 1,
      missedPeople: 5,
      wronglyLifted: 1,
      wronglyLiftedPeople: 2,
      assigned: 3,
      visited: 1,
      coverage: 33.3,
      pending: 0,
    });
    expect(by[V2]).toMatchObject({
      households: 3,
      people: 12,
      poorHouseholds: 1,
      poorPeople: 6,
      incidence: 50,
      monitored: 1,
      monUnstable: 1,
      missed: 0,
      wronglyLifted: 0,
      assigned: 2,
      visited: 2,
      coverage: 100,
    });
    expect(by[V3]).toMatchObject({
      townshipName: "测试镇",
      households: 2,
      people: 4,
      poorPeople: 0,
      incidence: 0,
      belowThreshold: true,
      monitored: 1,
      monMarginal: 1,
      missed: 0,
      assigned: 1,
      visited: 0,
      coverage: 0,
    });
  });

  it("rolls up townships and the county in one query, and the summary follows the exit rules", async () => {
    const { townships, total } = await countyTotals(countyIdForTest("520603"), 3);
    expect(total).toMatchObject({
      villages: 3,
      villagesWithPeople: 3,
      villagesBelow: 1,
      households: 10,
      people: 33,
      poorHouseholds: 3,
      poorPeople: 13,
      missed: 1,
      missedPeople: 5,
      wronglyLifted: 1,
      wronglyLiftedPeople: 2,
      monitored: 2,
      assigned: 6,
      visited: 3,
    });
    expect(townships.map((r) => [r.townshipId, r.villages, r.households, r.people])).toEqual([
      ["520603201", 2, 8, 29],
      ["520603202", 1, 2, 4],
    ]);
    const s = countySummary(total, "west", 3);
    // (13 + 5 + 2) / 33 = 60.61%
    expect(s.comprehensive).toMatchObject({ numerator: 20, denominator: 33, value: 60.61, pass: false, threshold: 3 });
    expect(s.comprehensive.rule.zh).toContain("3%");
    expect(s).toMatchObject({ villagesWithPeople: 3, villagesBelow: 1, villagesBelowShare: 33.3 });
  });

  it("the register estimate runs through the evaluation's function: the register as its own sample gives back (poor + missed + wrongly lifted) (#14)", async () => {
    const { total } = await countyTotals(countyIdForTest("520603"), 3);
    // not registered 5 + 3 + 2 + 3 + 1 = 14 people (missed 5); lifted 2 + 4 = 6 people (wrongly lifted 2)
    expect(total).toMatchObject({ liftedPeople: 6, notRegisteredPeople: 14 });
    const s = countySummary(total, "west", 3);
    expect(s.comprehensive.exact).toBeCloseTo((100 * 20) / 33, 10);
  });

  it("guarantee gaps: a guarantee unmet with the income met, never the income-poor (#14)", async () => {
    const gaps = await guaranteeGaps(countyIdForTest("520603"));
    expect(gaps.rows.map((g) => g.number).sort()).toEqual(["0003", "0004"]);
    expect(gaps.total).toBe(2);
    expect(gaps.rows.find((g) => g.number === "0003")?.unmetIndicators).toEqual(["housing"]);
    // another county's gaps are not listed
    expect((await guaranteeGaps(countyIdForTest("520602"))).total).toBe(0);
  });

  it("sorts every column on the server, empty values last", async () => {
    const ids = async (opts: Parameters<typeof villageList>[2]) =>
      (await villageList(countyIdForTest("520603"), 3, opts)).rows.map((r) => r.id);
    expect(await ids({ sort: "incidence", dir: "desc" })).toEqual([V2, V1, V3]);
    expect(await ids({ sort: "incidence", dir: "asc" })).toEqual([V3, V1, V2]);
    expect(await ids({ sort: "people", dir: "desc" })).toEqual([V1, V2, V3]);
    expect(await ids({ sort: "coverage", dir: "desc" })).toEqual([V2, V1, V3]);
    expect(await ids({ sort: "missed", dir: "desc" })).toEqual([V1, V2, V3]);
    expect(await ids({ sort: "township", dir: "desc" })).toEqual([V3, V1, V2]);
  });

  it("filters on every kind of column, in SQL", async () => {
    const ids = async (opts: Parameters<typeof villageList>[2]) =>
      (await villageList(countyIdForTest("520603"), 3, { sort: "name", ...opts })).rows.map((r) => r.id).sort();
    expect(await ids({ inc: "above" })).toEqual([V1, V2]);
    expect(await ids({ inc: "below" })).toEqual([V3]);
    expect(await ids({ missedMin: 1 })).toEqual([V1]);
    expect(await ids({ coverageMax: 50 })).toEqual([V1, V3]);
    expect(await ids({ incidenceMin: 41.18, incidenceMax: 45 })).toEqual([V1]);
    expect(await ids({ householdsMin: 3, peopleMax: 12 })).toEqual([V2]);
    expect(await ids({ q: "邻" })).toEqual([V2]);
    expect(await ids({ q: "测试" })).toEqual([V3]); // matches the township name too
    expect(await ids({ township: "520603202" })).toEqual([V3]);
    expect(await ids({ pendingMin: 1 })).toEqual([]);
  });

  it("pages, and says how many there are when asked past the end", async () => {
    const p2 = await villageList(countyIdForTest("520603"), 3, { sort: "name", pageSize: 2, page: 2 });
    expect(p2).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(p2.rows).toHaveLength(1);
    const past = await villageList(countyIdForTest("520603"), 3, { pageSize: 2, page: 5 });
    expect(past).toMatchObject({ total: 3, pages: 2, rows: [] });
  });

  it("summarises one village with the households that need a cadre and have none", async () => {
    expect(await villageSummary(countyIdForTest("520603"), V1, 3)).toMatchObject({ households: 5, poorPeople: 7, unassignedNeeding: 1 }); // h4
  });
});

describe("a village's households: server filters, sorting, paging", () => {
  const list = async (p: Parameters<typeof villageHouseholds>[3], village = V1) =>
    villageHouseholds(viewerOf("official"), countyIdForTest("520603"), village, p);
  const numbers = async (p: Parameters<typeof villageHouseholds>[3], village = V1) => (await list(p, village)).rows.map((r) => r.number);

  it("filters mismatches, by kind too", async () => {
    expect(await numbers({ mismatch: "any" })).toEqual(["0002", "0003", "0004"]);
    expect(await numbers({ mismatch: "exit" })).toEqual(["0002"]);
    expect(await numbers({ mismatch: "monitor" })).toEqual(["0003", "0004"]);
  });

  it("filters overdue visits (served by a cadre, not visited this month nor last; never visited counts once registered before last month)", async () => {
    expect(await numbers({ overdue: "1" })).toEqual([]); // h3 was registered today: due, not overdue
    await t.prisma.household.update({ where: { id: H.h3! }, data: { createdAt: monthsAgo(3) } });
    expect(await numbers({ overdue: "1" })).toEqual(["0003"]);
    await t.prisma.household.update({ where: { id: H.h3! }, data: { createdAt: new Date() } });
    expect(await numbers({ overdue: "1" }, V3)).toEqual(["0009"]);
  });

  it("filters an unmet indicator, the cause, monitoring, statuses and the cadre", async () => {
    expect(await numbers({ unmet: "water" })).toEqual(["0001", "0004"]);
    expect(await numbers({ cause: "illness" })).toEqual(["0001", "0002"]);
    expect(await numbers({ monitoring: "any" }, V2)).toEqual(["0006"]);
    expect(await numbers({ monitoring: "none" }, V2)).toEqual(["0007", "0008"]);
    expect(await numbers({ registered: "lifted" })).toEqual(["0003"]);
    expect(await numbers({ assessed: "secure" })).toEqual(["0002", "0005"]);
    expect(await numbers({ cadre: "none" })).toEqual(["0004", "0005"]);
    expect(await numbers({ cadre: U.cadreB!.id })).toEqual(["0003"]);
    expect(await numbers({ q: "HYPERLINK" })).toEqual(["0004"]);
  });

  it("sorts on the server with a stable tie-break, and shows the current cadre", async () => {
    expect(await numbers({ sort: "members", dir: "desc" })).toEqual(["0004", "0001", "0002", "0005", "0003"]);
    expect(await numbers({ sort: "lastVisit", dir: "asc" })).toEqual(["0003", "0004", "0005", "0002", "0001"]);
    const first = (await list({ sort: "number" })).rows[0]!;
    expect(first.cadres.map((c) => c.name)).toEqual(["王甲"]);
    expect(first.visitDue).toBe("done");
  });

  it("pages, and flags a page past the end", async () => {
    const r = await list({ size: "20", page: 3 });
    expect(r).toMatchObject({ total: 5, pages: 1, outOfRange: true, rows: [] });
  });

  it("reads in keyset batches in (village, number) order, each row once", async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    for await (const batch of householdBatches(viewerOf("official"), { countyId: "520603" }, {}, 3)) {
      sizes.push(batch.length);
      seen.push(...batch.map((h) => `${h.villageId}/${h.number}`));
    }
    expect(sizes).toEqual([3, 3, 3, 1]);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(10);
  });
});

describe("chart queries", () => {
  it("counts registered × assessed status", async () => {
    const m = await statusMatrix(countyIdForTest("520603"));
    const cell = (r: string, a: string) => m.find((x) => x.registered === r && x.assessed === a)?.households ?? 0;
    expect(cell("registered_poor", "below_standard")).toBe(1);
    expect(cell("registered_poor", "secure")).toBe(1);
    expect(cell("registered_poor", "at_risk")).toBe(1);
    expect(cell("not_registered", "secure")).toBe(3);
    expect(m.reduce((n, x) => n + x.households, 0)).toBe(10);
  });

  it("counts main causes of registered, lifted and monitored households", async () => {
    // illness: h1 h2 h8; disability: h3; schooling: h6; none: h9 (monitored, no cause)
    expect(await causes(countyIdForTest("520603"))).toEqual([
      { cause: "illness", households: 3 },
      { cause: "disability", households: 1 },
      { cause: "none", households: 1 },
      { cause: "schooling", households: 1 },
    ]);
  });

  it("gives visit coverage for the last 12 months from the visit table", async () => {
    const rows = await visitCoverage(countyIdForTest("520603"));
    expect(rows).toHaveLength(12);
    expect(rows[11]).toEqual({ month: todayIso.slice(0, 7), assigned: 6, visited: 3 });
    expect(rows[10]).toMatchObject({ assigned: 6, visited: 1 });
  });

  it("counts registered poor households at the end of each year from the registration history", async () => {
    const rows = await registeredTrend(countyIdForTest("520603"));
    expect(rows[0]).toEqual({ year: 2014, registeredPoor: 3, lifted: 0 });
    expect(rows.slice(0, 4).map((r) => r.registeredPoor)).toEqual([3, 4, 4, 3]);
    expect(rows[3]).toEqual({ year: 2017, registeredPoor: 3, lifted: 2 });
    expect(rows[rows.length - 1]).toMatchObject({ year: ty, registeredPoor: 3, lifted: 2 });
  });

  it("groups candidates by kind and village", async () => {
    const g = await candidateGroups(countyIdForTest("520603"));
    expect(g.map((x) => [x.kind, x.households])).toEqual([
      ["exit", 2],
      ["monitor", 2],
      ["identify", 0],
    ]);
    expect(g[1]!.villages).toEqual([expect.objectContaining({ villageId: V1, households: 2, unstableLifted: 1, marginal: 1 })]);
  });
});

async function readAll(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe("CSV exports", () => {
  it("village list: BOM, Chinese header, the page's filters, RFC 5987 filename", async () => {
    await signInAs(t.prisma, "official");
    const res = await exportVillages(new Request("http://test/api/county/export/villages?inc=above&sort=incidence&dir=desc"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="county-520603-villages-${todayIso}.csv"; filename*=UTF-8''${encodeURIComponent(`万山区-村庄-${todayIso}.csv`)}`,
    );
    const bytes = await readAll(res);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]!.startsWith("区划代码,乡镇,村,户数,人口,建档贫困户,贫困人口,贫困发生率(%)")).toBe(true);
    expect(lines.slice(1, 3).map((l) => l.split(",")[0])).toEqual([V2, V1]);
    expect(lines[3]).toBe("");
  });

  it("households: same filters as the page, formula cells neutralised", async () => {
    await signInAs(t.prisma, "official");
    const res = await exportHouseholds(new Request(`http://test/api/county/export/households?village=${V1}&mismatch=any`));
    expect(res.status).toBe(200);
    const text = (await readAll(res)).toString("utf8");
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "村,户编号,户主,户主身份证号,人口,登记状态,监测类别,评估状态,登记与评估不一致,拟纳入监测类别,未达标指标,人均纯收入(元),主要致贫原因,其他致贫原因,帮扶干部,最近走访,走访情况",
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]!.split(",").slice(0, 2)).toEqual(["丹阳村", "0002"]);
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[3]).toContain("未建档");
    expect(lines[3]).toContain("拟纳入监测");
  });

  it("rejects bad parameters with 400 naming them, and needs a session", async () => {
    await signInAs(t.prisma, "official");
    const bad = await exportHouseholds(new Request(`http://test/x?village=${V1}&unmet=bogus`));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("unmet=bogus");
    signOut();
    expect((await exportVillages(new Request("http://test/x"))).status).toBe(401);
    await signInAs(t.prisma, "cadreA");
    expect((await exportVillages(new Request("http://test/x"))).status).toBe(403);
  });
});

describe("XLSX exports (Excel, WPS)", () => {
  it("households: IDs and household numbers are text cells with every digit, counts and income are numbers, header frozen", async () => {
    const head = await t.prisma.member.findFirstOrThrow({ where: { householdId: H.h2, relation: "head" } });
    await t.prisma.member.update({ where: { id: head.id }, data: { nationalId: "520603198005011234" } });
    await signInAs(t.prisma, "official");
    const res = await exportHouseholds(new Request(`http://test/api/county/export/households?village=${V1}&mismatch=any&format=xlsx`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain(`households-${todayIso}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("农户");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "村",
      "户编号",
      "户主",
      "户主身份证号",
      "人口",
      "登记状态",
      "监测类别",
      "评估状态",
      "登记与评估不一致",
      "拟纳入监测类别",
      "未达标指标",
      "人均纯收入(元)",
      "主要致贫原因",
      "其他致贫原因",
      "帮扶干部",
      "最近走访",
      "走访情况",
    ]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(20);
    expect(ws.rowCount).toBe(4);
    const row = ws.getRow(2);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).value).toBe("0002");
    expect(row.getCell(2).numFmt).toBe("@");
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(4).value).toBe("520603198005011234");
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(5).value).toBe(3);
    expect([ExcelJS.ValueType.Null, ExcelJS.ValueType.Number]).toContain(row.getCell(12).type); // income: a number when assessed
    // a name beginning with "=" is a text cell, not a formula
    const formulaName = ws.getRow(4).getCell(3);
    expect(formulaName.type).toBe(ExcelJS.ValueType.String);
    expect(formulaName.value).toBe('=HYPERLINK("http://x")');
  });

  it("village list: region codes are text, incidence a number", async () => {
    await signInAs(t.prisma, "official");
    const res = await exportVillages(new Request("http://test/api/county/export/villages?inc=above&sort=incidence&dir=desc&format=xlsx"));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe("区划代码");
    expect(ws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(2).getCell(1).value).toBe(V2);
    expect(ws.getRow(2).getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getRow(2).getCell(8).value).toBe(50);
  });
});

describe("the township reviewer (a county official whose scope is a township)", () => {
  it("reaches its township's villages in the county, not the others, in pages and exports", async () => {
    const area = await reviewArea(viewerOf("township"));
    expect(area).toMatchObject({ county: { id: "520603" }, within: "520603201", township: true });
    expect(await villageInCounty(countyIdForTest("520603"), V1, area.within)).toMatchObject({ id: V1 });
    expect(await villageInCounty(countyIdForTest("520603"), V3, area.within)).toBeNull();
    await signInAs(t.prisma, "township");
    const list = await exportVillages(new Request("http://test/api/county/export/villages?township=520603202"));
    expect(list.status).toBe(200);
    const codes = (await readAll(list))
      .toString("utf8")
      .slice(1)
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",")[0]);
    expect(codes.sort()).toEqual([V1, V2]);
    expect((await exportHouseholds(new Request(`http://test/x?village=${V3}`))).status).toBe(404);
    const households = await exportHouseholds(new Request(`http://test/x?village=${V1}`));
    expect(households.status).toBe(200);
    expect((await readAll(households)).toString("utf8").trimEnd().split("\r\n")).toHaveLength(6);
  });

  it("late work: a household served by a cadre and never visited is overdue only once it has been on the register since before last month", async () => {
    expect((await townshipLate(townshipIdForTest("520603201"))).visits).toBe(0); // h3 was registered today: due, not overdue
    await t.prisma.household.update({ where: { id: H.h3! }, data: { createdAt: monthsAgo(3) } });
    const late = await townshipLate(townshipIdForTest("520603201"));
    expect(late.visits).toBe(1);
    expect(late.visitsByVillage.get(V1)).toBe(1);
    expect(late.leads).toBe(0);
    await t.prisma.household.update({ where: { id: H.h3! }, data: { createdAt: new Date() } });
  });
});

describe("walls between counties", () => {
  it("an official of 520602 cannot reach 520603's village, its data, or its export", async () => {
    await expect(reviewCounty(viewerOf("official2"), "520603")).rejects.toMatchObject({ code: "not_found" });
    expect(await villageInCounty(countyIdForTest("520602"), V1)).toBeNull();
    expect(await villageInCounty(countyIdForTest("520603"), V1)).toMatchObject({ id: V1, name: "丹阳村" });
    // even handed another county's id, the household list stays inside the viewer's scope
    expect((await villageHouseholds(viewerOf("official2"), countyIdForTest("520603"), V1, {})).total).toBe(0);

    await signInAs(t.prisma, "official2");
    const res = await exportHouseholds(new Request(`http://test/api/county/export/households?village=${V1}`));
    expect(res.status).toBe(404);
    const denied = await t.prisma.auditEvent.findFirst({
      where: { action: "access.denied", entity: "village", entityId: V1, actorId: U.official2!.id },
    });
    expect(denied).not.toBeNull();
    // its own county's export has only its own households
    const own = (await readAll(await exportHouseholds(new Request("http://test/x")))).toString("utf8").trimEnd().split("\r\n");
    expect(own).toHaveLength(2);
    expect(own[1]).toContain("碧江某村");
  });

  it("an official of 520602 cannot assign a household of 520603 (not found, audited)", async () => {
    await signInAs(t.prisma, "official2");
    const r = await assignHousehold(undefined, form({ householdId: H.h4!, cadreId: U.bijiangCadre!.id, reason: "试图跨县分配" }));
    expect(r).toMatchObject({ ok: false, code: "not_found" });
    const bulk = await bulkAssign(
      undefined,
      form({ mode: "selected", householdIds: [H.h4!, H.b1!], cadreIds: [U.bijiangCadre!.id], reason: "跨县" }),
    );
    expect(bulk).toMatchObject({ ok: false, code: "not_found" });
    expect(await t.prisma.cadreAssignment.count({ where: { householdId: H.h4! } })).toBe(0);
    expect(
      await t.prisma.auditEvent.count({
        where: { action: "access.denied", entity: "action", entityId: "county.assign_household", actorId: U.official2!.id },
      }),
    ).toBe(1);
  });

  it("the cadre picker lists only enabled cadres of the official's county", async () => {
    const names = (await searchCountyCadres(countyIdForTest("520603"), "")).map((c) => c.username).sort();
    expect(names).toEqual(["cadreA", "cadreB", "cadreC"]);
    await signInAs(t.prisma, "official2");
    const r = await searchCadres(undefined, { q: "" });
    expect(r.ok && r.data?.map((c) => c.username)).toEqual(["bijiangCadre"]);
    await signInAs(t.prisma, "cadreA");
    expect(await searchCadres(undefined, { q: "" })).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("assignment", () => {
  const inScope = async (cadre: string, key: string) =>
    t.prisma.household.count({ where: { AND: [{ id: H[key]! }, householdScope(viewerOf(cadre))] } });

  it("reassignment ends the old assignment at once, opens the new one and audits the reason, in one go", async () => {
    await signInAs(t.prisma, "official");
    expect(await inScope("cadreA", "h1")).toBe(1);
    const before = await t.prisma.cadreAssignment.findFirstOrThrow({ where: { householdId: H.h1!, validTo: null } });
    const r = await assignHousehold(undefined, form({ householdId: H.h1!, cadreId: U.cadreB!.id, reason: "原帮扶干部调任乡镇工作" }));
    expect(r).toMatchObject({ ok: true, data: { changed: 1, ended: 1 } });
    const old = await t.prisma.cadreAssignment.findUniqueOrThrow({ where: { id: before.id } });
    expect(old.validTo).not.toBeNull();
    expect(old.validTo!.getTime()).toBeLessThanOrEqual(Date.now());
    const now = await t.prisma.cadreAssignment.findMany({ where: { householdId: H.h1!, validTo: null } });
    expect(now.map((a) => a.cadreId)).toEqual([U.cadreB!.id]);
    expect(now[0]).toMatchObject({ reason: "原帮扶干部调任乡镇工作", createdById: U.official!.id, countyId: "520603" });
    // the old cadre's scope no longer includes it; the new cadre's does
    expect(await inScope("cadreA", "h1")).toBe(0);
    expect(await inScope("cadreB", "h1")).toBe(1);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({
      where: { entity: "household", entityId: H.h1!, action: "assignment.reassign" },
    });
    expect(ev).toMatchObject({
      actorId: U.official!.id,
      actorRole: "county_official",
      countyId: "520603",
      reason: "原帮扶干部调任乡镇工作",
    });
    expect(ev.before).toEqual({ cadres: [{ assignmentId: before.id, cadreId: U.cadreA!.id }] });
    expect(ev.after).toMatchObject({ cadreId: U.cadreB!.id });
  });

  it("assigning the cadre a household already has changes nothing", async () => {
    await signInAs(t.prisma, "official");
    const n = await t.prisma.cadreAssignment.count();
    const r = await assignHousehold(undefined, form({ householdId: H.h1!, cadreId: U.cadreB!.id, reason: "重复" }));
    expect(r).toMatchObject({ ok: true, data: { changed: 0, unchanged: 1 }, message: "该户已由这名干部帮扶，没有改动。" });
    expect(await t.prisma.cadreAssignment.count()).toBe(n);
  });

  it("a cadre outside the county is a field error, never a 500, and nothing is written", async () => {
    await signInAs(t.prisma, "official");
    const n = await t.prisma.cadreAssignment.count();
    const r = await assignHousehold(undefined, form({ householdId: H.h4!, cadreId: U.bijiangCadre!.id, reason: "分配" }));
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { cadreId: ["该干部不在本县"] } });
    const unknown = await assignHousehold(
      undefined,
      form({ householdId: H.h4!, cadreId: "00000000-0000-0000-0000-000000000000", reason: "分配" }),
    );
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { cadreId: ["该干部不在本县"] } });
    const notCadre = await assignHousehold(undefined, form({ householdId: H.h4!, cadreId: U.facilitator!.id, reason: "分配" }));
    expect(notCadre).toMatchObject({ ok: false, fieldErrors: { cadreId: ["该用户不是帮扶干部"] } });
    const team = await bulkAssign(
      undefined,
      form({ mode: "selected", householdIds: [H.h4!], cadreIds: [U.cadreA!.id, U.bijiangCadre!.id], reason: "分配" }),
    );
    expect(team).toMatchObject({ ok: false, fieldErrors: { cadreIds: ["该干部不在本县"] } });
    expect(await t.prisma.cadreAssignment.count()).toBe(n);
  });

  it("the reason is required", async () => {
    await signInAs(t.prisma, "official");
    const r = await assignHousehold(undefined, form({ householdId: H.h4!, cadreId: U.cadreA!.id, reason: "  " }));
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: ["必填"] } });
  });

  it("a cadre cannot assign", async () => {
    await signInAs(t.prisma, "cadreA");
    const r = await assignHousehold(undefined, form({ householdId: H.h4!, cadreId: U.cadreA!.id, reason: "自己分配" }));
    expect(r).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("bulk: the ticked households go round-robin to a team, one audit event each", async () => {
    await signInAs(t.prisma, "official");
    const ids = [H.h7!, H.h5!, H.h4!]; // list order is village, number: h4, h5, h7
    const r = await bulkAssign(
      undefined,
      form({ mode: "selected", householdIds: ids, cadreIds: [U.cadreA!.id, U.cadreC!.id], reason: "新一轮结对帮扶" }),
    );
    expect(r).toMatchObject({ ok: true, data: { changed: 3, unchanged: 0, ended: 0 } });
    const cur = async (key: string) =>
      (await t.prisma.cadreAssignment.findFirstOrThrow({ where: { householdId: H[key]!, validTo: null } })).cadreId;
    expect([await cur("h4"), await cur("h5"), await cur("h7")]).toEqual([U.cadreA!.id, U.cadreC!.id, U.cadreA!.id]);
    const events = await t.prisma.auditEvent.findMany({ where: { action: "assignment.assign", entityId: { in: ids } } });
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.reason === "新一轮结对帮扶" && e.actorId === U.official!.id)).toBe(true);
    // appended as links of the audit hash chain
    expect(await verifyAudit(t.prisma)).toMatchObject({ ok: true });
  });

  it("bulk: every household matching the filter, checked against the count the official saw", async () => {
    await signInAs(t.prisma, "official");
    const stale = await bulkAssign(
      undefined,
      form({ mode: "filter", village: V3, need: "0", show: "unassigned", expected: 5, cadreIds: [U.cadreC!.id], reason: "补充分配" }),
    );
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const r = await bulkAssign(
      undefined,
      form({ mode: "filter", village: V3, need: "0", show: "unassigned", expected: 1, cadreIds: [U.cadreC!.id], reason: "补充分配" }),
    );
    expect(r).toMatchObject({ ok: true, data: { changed: 1 } });
    expect((await t.prisma.cadreAssignment.findFirstOrThrow({ where: { householdId: H.h10!, validTo: null } })).cadreId).toBe(U.cadreC!.id);
    const none = await bulkAssign(
      undefined,
      form({ mode: "filter", village: V3, need: "0", show: "unassigned", cadreIds: [U.cadreC!.id], reason: "补充分配" }),
    );
    expect(none).toMatchObject({ ok: false, code: "invalid" });
  });
});
