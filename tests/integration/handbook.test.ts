// The household handbook (扶贫手册) on a real database: a cadre prints their household's booklet
// (an A5 PDF, Chinese, the members' national IDs masked, the income record, plan, measures, visits
// and the cadre), an official prints a whole village as ONE PDF with a section per household, and
// refusals read as not found (another cadre's household, another county's village), audited. The
// PDF is read back with pdftotext/pdfinfo (poppler-utils), as a person opening it would see it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { recordIncome } from "@/lib/actions/income/record-income";
import { householdHandbook, villageHandbook, HANDBOOK_BATCH } from "@/lib/data/handbook";
import { GET as householdPdf } from "@/app/(app)/households/[id]/handbook/route";
import { GET as villagePdf } from "@/app/(app)/county/villages/[id]/handbook/route";
import { getViewer } from "@/lib/auth/session";
import { currentYear } from "@/lib/clock";

const VILLAGE = "520603201200";
const OTHER_COUNTY_VILLAGE = "520602100200";
const YEAR = currentYear();
const N = 6; // households in the village besides the cadre's own
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveTools = fs.existsSync(CHROMIUM) && fs.existsSync("/usr/bin/pdftotext");

let t: TestDb;
let mine: string;
let notMine: string;
let foreign: string;
let fullId: string;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jz-handbook-test-"));
  process.env.UPLOAD_DIR = tmp;
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE, name: "李帮扶" });
  const other = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: VILLAGE });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602" });
  mine = (await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", headName: "王手册", members: 3, idSeq: 10 })).id;
  for (let i = 0; i < N; i++) {
    const h = await createHousehold(t.prisma, { villageId: VILLAGE, number: `01${String(i).padStart(2, "0")}`, members: 2 });
    if (i === 0) notMine = h.id;
    await assign(t.prisma, h.id, other.id);
  }
  foreign = (await createHousehold(t.prisma, { villageId: OTHER_COUNTY_VILLAGE, number: "0001", members: 2 })).id;
  await assign(t.prisma, mine, cadre.id);
  const unit = await t.prisma.unit.create({ data: { countyId: "520603", name: "万山区交通运输局" } });
  await t.prisma.cadreAssignment.updateMany({ where: { householdId: mine }, data: { unitId: unit.id } });
  fullId = (await t.prisma.member.findFirstOrThrow({ where: { householdId: mine, relation: "head" } })).nationalId!;
  // the household's records: an income record, a measure, a plan with a step done, a visit
  await signInAs(t.prisma, "cadre1");
  const r = await recordIncome(undefined, {
    id: randomUUID(),
    householdId: mine,
    year: String(YEAR),
    expectedRevision: "0",
    incomeWages: "18800",
    excludedMedical: "5000",
  });
  expect(r).toMatchObject({ ok: true });
  const measure = await t.prisma.assistanceMeasure.create({
    data: {
      householdId: mine,
      countyId: "520603",
      category: "industry",
      kind: "microcredit",
      description: "扶贫小额信贷养牛",
      amount: 50000,
      bank: "农村信用社",
      loanStatus: "current",
      startDate: new Date(Date.UTC(YEAR, 2, 1)),
    },
  });
  await t.prisma.householdPlan.create({
    data: {
      householdId: mine,
      countyId: "520603",
      year: YEAR,
      mainCause: "lack_of_capital",
      expectedIncome: 9000,
      measures: { create: { measureId: measure.id, countyId: "520603" } },
      items: {
        create: [
          { householdId: mine, countyId: "520603", position: 0, text: "购入两头能繁母牛", doneAt: new Date(Date.UTC(YEAR, 3, 2)) },
          { householdId: mine, countyId: "520603", position: 1, text: "参加养殖技术培训" },
        ],
      },
    },
  });
  await t.prisma.visit.create({
    data: {
      id: randomUUID(),
      householdId: mine,
      countyId: "520603",
      cadreId: cadre.id,
      date: new Date(Date.UTC(YEAR, 4, 6)),
      mode: "home",
      findings: "牛棚已建好，两头母牛长势良好",
    },
  });
});

afterAll(async () => {
  signOut();
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const req = (p: string) => new Request(`http://localhost${p}`);

async function pdfText(res: Response): Promise<{ text: string; pages: number; size: string }> {
  const file = path.join(tmp, `${randomUUID()}.pdf`);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return {
    text,
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+(.*)/.exec(info)?.[1] ?? "",
  };
}

async function audits(action: string, via?: string) {
  const rows = await t.prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });
  return via
    ? rows.filter((r) => (r.after as { via?: string } | null)?.via === via || (r.after as { page?: string } | null)?.page === via)
    : rows;
}

describe("what a booklet says", () => {
  it("the cadre's household: members with IDs masked, the income record, plan, measures, visits, cadre and pairing unit", async () => {
    await signInAs(t.prisma, "cadre1");
    const viewer = (await getViewer())!;
    const before = (await audits("sensitive.read", "handbook")).length;
    const h = await householdHandbook(viewer, mine);
    expect(h).not.toBeNull();
    expect(h!.members).toHaveLength(3);
    for (const m of h!.members) expect(m.nationalId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(h!.members.map((m) => m.nationalId)).not.toContain(fullId);
    expect(h!.income[0]).toMatchObject({ year: YEAR, householdNetIncome: 18800, signedAt: null });
    expect(h!.plan).toMatchObject({ year: YEAR, expectedIncome: 9000 });
    expect(h!.plan!.items.filter((i) => i.doneAt)).toHaveLength(1);
    expect(h!.measures[0]).toMatchObject({ kind: "microcredit", amount: 50000, loanStatus: "current" });
    expect(h!.visits[0]!.findings).toContain("牛棚");
    expect(h!.cadre).toMatchObject({ name: "李帮扶", unit: "万山区交通运输局" });
    // a sensitive read, IDs masked
    const after = await audits("sensitive.read", "handbook");
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.after).toMatchObject({ nationalIds: "masked", fields: ["nationalId", "income"] });
  });

  it("out of scope is not found, audited: another cadre's household, another county's, a made-up id", async () => {
    await signInAs(t.prisma, "cadre1");
    const cadre = (await getViewer())!;
    expect(await householdHandbook(cadre, notMine)).toBeNull();
    expect(await householdHandbook(cadre, foreign)).toBeNull();
    expect(await householdHandbook(cadre, "not-an-id")).toBeNull();
    await signInAs(t.prisma, "official2");
    expect(await householdHandbook((await getViewer())!, mine)).toBeNull();
    expect(await villageHandbook((await getViewer())!, VILLAGE)).toBeNull();
    const denied = await audits("access.denied", "handbook");
    expect(denied.map((d) => d.entityId)).toEqual(expect.arrayContaining([notMine, foreign, mine, VILLAGE]));
    await signInAs(t.prisma, "official");
    expect(await householdHandbook((await getViewer())!, foreign)).toBeNull();
    expect(await householdHandbook((await getViewer())!, mine)).not.toBeNull();
  });

  it("a village: the official gets every household, a cadre only their own, read in batches", async () => {
    await signInAs(t.prisma, "official");
    const v = (await villageHandbook((await getViewer())!, VILLAGE))!;
    expect(v.count).toBe(N + 1);
    const seen: string[] = [];
    for await (const batch of v.batches()) {
      expect(batch.length).toBeLessThanOrEqual(HANDBOOK_BATCH);
      seen.push(...batch.map((h) => h.number));
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(N + 1);
    await signInAs(t.prisma, "cadre1");
    const own = (await villageHandbook((await getViewer())!, VILLAGE))!;
    expect(own.count).toBe(1);
  });
});

describe.skipIf(!haveTools)("the PDF, read back as text", () => {
  it("one household: A5, Chinese, IDs masked, every section", async () => {
    await signInAs(t.prisma, "cadre1");
    const res = await householdPdf(req(`/households/${mine}/handbook`), ctx(mine));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="handbook-0001-/);
    const pdf = await pdfText(res);
    expect(pdf.size).toMatch(/A5/);
    const text = pdf.text.replace(/\s+/g, "");
    for (const s of ["扶贫手册", "王手册户", "家庭成员", "收入核算", "一户一策", "帮扶措施", "走访记录", "帮扶责任人"])
      expect(text).toContain(s);
    expect(text).toContain("18,800.00"); // wages, net income
    expect(text).toContain("未签字确认");
    expect(text).toContain("扶贫小额信贷养牛");
    expect(text).toContain("购入两头能繁母牛");
    expect(text).toContain("牛棚已建好");
    expect(text).toContain("李帮扶");
    expect(text).toContain("万山区交通运输局");
    expect(text).toContain(`${fullId.slice(0, 6)}********${fullId.slice(14)}`);
    expect(text).not.toContain(fullId);
    expect(text).not.toContain(fullId.slice(6, 14)); // the birth date never printed
  }, 120_000);

  it("a village of N households is ONE PDF with N sections, each from a new page", async () => {
    await signInAs(t.prisma, "official");
    const res = await villagePdf(req(`/county/villages/${VILLAGE}/handbook`), ctx(VILLAGE));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-households")).toBe(String(N + 1));
    const pdf = await pdfText(res);
    expect(pdf.size).toMatch(/A5/);
    const pages = pdf.text.split("\f").filter((p) => p.trim());
    const heads = pages.filter((p) => p.replace(/\s+/g, "").startsWith("扶贫手册"));
    expect(heads).toHaveLength(N + 1); // every household starts a page with the booklet's title
    expect(pdf.text.replace(/\s+/g, "").match(/七、帮扶责任人/g)).toHaveLength(N + 1);
    expect(pdf.pages).toBeGreaterThanOrEqual(N + 1);
  }, 180_000);

  it("refusals over HTTP: another county's village and another cadre's household are 404; no session is 401", async () => {
    await signInAs(t.prisma, "official2");
    expect((await villagePdf(req(`/county/villages/${VILLAGE}/handbook`), ctx(VILLAGE))).status).toBe(404);
    await signInAs(t.prisma, "cadre1");
    expect((await householdPdf(req(`/households/${notMine}/handbook`), ctx(notMine))).status).toBe(404);
    expect((await villagePdf(req(`/county/villages/${OTHER_COUNTY_VILLAGE}/handbook`), ctx(OTHER_COUNTY_VILLAGE))).status).toBe(404);
    signOut();
    expect((await householdPdf(req(`/households/${mine}/handbook`), ctx(mine))).status).toBe(401);
  });
});
