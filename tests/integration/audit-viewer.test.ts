// The audit viewer's data (issue #23 point 7): the events of the auditor's region only (a county
// auditor never sees another county's; events of no county only from the province up), filters by
// who, what, which record, county and time, pages by event id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { GET as auditExport } from "@/app/(app)/audit/export/route";
import { createUser, seedRegions } from "../factories";
import { audit } from "@/lib/audit";
import { auditBatches, listAuditEvents, AUDIT_PAGE } from "@/lib/data/audit-viewer";
import { parseAuditParams } from "@/lib/validation/audit";
import type { ScopedViewer } from "@/lib/auth/scope";

let t: TestDb;
let countyAuditor: ScopedViewer;
let provinceAuditor: ScopedViewer;
let officialId: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const a = await createUser(t.prisma, { username: "auditor", role: "auditor", regionId: "520603" });
  const p = await createUser(t.prisma, { username: "auditor52", role: "auditor", regionId: "52" });
  officialId = (await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603", name: "万山扶贫办" })).id;
  countyAuditor = { id: a.id, role: "auditor", regionId: "520603", regionLevel: "county" };
  provinceAuditor = { id: p.id, role: "auditor", regionId: "52", regionLevel: "province" };
  const actor = { id: officialId, role: "county_official" };
  for (let i = 0; i < AUDIT_PAGE + 5; i++) {
    await audit(t.prisma, actor, {
      action: i % 2 ? "household.update" : "visit.create",
      entity: i % 2 ? "household" : "visit",
      entityId: `e${i}`,
      countyId: "520603",
      before: { n: i },
      after: { n: i + 1 },
    });
  }
  await audit(t.prisma, actor, {
    action: "household.update",
    entity: "household",
    entityId: "bijiang",
    countyId: "520602",
    after: { secret: "碧江的事" },
  });
  await audit(t.prisma, null, { action: "user.create", entity: "user", entityId: "u1", countyId: null, after: { username: "new" } });
});

afterAll(async () => {
  signOut();
  await t?.close();
});

const f = (q: Record<string, string>) => parseAuditParams(q).values;

describe("the audit viewer's events", () => {
  it("a county auditor: newest first, a page at a time, its county only", async () => {
    const first = await listAuditEvents(countyAuditor, {});
    expect(first.rows).toHaveLength(AUDIT_PAGE);
    expect(first.rows.every((r) => r.countyId === "520603")).toBe(true);
    expect(first.rows.map((r) => BigInt(r.id))).toEqual([...first.rows.map((r) => BigInt(r.id))].sort((a, b) => (a > b ? -1 : 1)));
    expect(first.rows[0]!.actorName).toBe("万山扶贫办");
    expect(first.next).not.toBeNull();
    const second = await listAuditEvents(countyAuditor, { before: first.next! });
    expect(second.rows).toHaveLength(5);
    expect(second.next).toBeNull();
    const all = [...first.rows, ...second.rows];
    expect(JSON.stringify(all)).not.toContain("碧江的事");
    expect(all.some((r) => r.action === "user.create")).toBe(false);
  });

  it("asking for another county's events finds nothing; the province's auditor sees both, and events of no county", async () => {
    expect((await listAuditEvents(countyAuditor, f({ county: "520602" }))).rows).toEqual([]);
    expect((await listAuditEvents(provinceAuditor, f({ county: "520602" }))).rows.map((r) => r.entityId)).toEqual(["bijiang"]);
    expect((await listAuditEvents(provinceAuditor, f({ action: "user.create" }))).rows.map((r) => r.entityId)).toEqual(["u1"]);
  });

  it("filters: who (username or part of the name), an action or a family of them, a record, the time", async () => {
    expect((await listAuditEvents(countyAuditor, f({ actor: "official" }))).rows.length).toBe(AUDIT_PAGE);
    expect((await listAuditEvents(countyAuditor, f({ actor: "扶贫办" }))).rows.length).toBe(AUDIT_PAGE);
    expect((await listAuditEvents(countyAuditor, f({ actor: "nobody" }))).rows).toEqual([]);
    const updates = await listAuditEvents(countyAuditor, f({ action: "household.update" }));
    expect(updates.rows.length).toBeGreaterThan(0);
    expect(updates.rows.every((r) => r.action === "household.update")).toBe(true);
    expect((await listAuditEvents(countyAuditor, f({ action: "visit." }))).rows.every((r) => r.action.startsWith("visit."))).toBe(true);
    expect((await listAuditEvents(countyAuditor, f({ entity: "visit", entityId: "e4" }))).rows.map((r) => r.after)).toEqual([{ n: 5 }]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await listAuditEvents(countyAuditor, f({ from: today, to: today }))).rows.length).toBe(AUDIT_PAGE);
    expect((await listAuditEvents(countyAuditor, f({ to: "2020-01-01" }))).rows).toEqual([]);
  });

  it("an action refused before the action names were one style reads under its current name, and is found by it", async () => {
    await audit(
      t.prisma,
      { id: officialId, role: "county_official" },
      {
        action: "access.denied",
        entity: "action",
        entityId: "county.assignHousehold", // as written before decision 0035
        countyId: "520602",
        after: { code: "not_found" },
      },
    );
    const found = await listAuditEvents(provinceAuditor, f({ action: "access.denied", entityId: "county.assign_household" }));
    expect(found.rows.map((r) => r.entityId)).toEqual(["county.assign_household"]);
    const byOldName = await listAuditEvents(provinceAuditor, f({ action: "access.denied", entityId: "county.assignHousehold" }));
    expect(byOldName.rows.map((r) => r.entityId)).toEqual(["county.assign_household"]);
  });

  it("bad filters are named and dropped, the rest still apply", () => {
    const { values, errors } = parseAuditParams({ action: "DROP TABLE", from: "2024-02-30", county: "52060", entity: "household" });
    expect(errors.map((e) => e.param).sort()).toEqual(["action", "county", "from"]);
    expect(values).toEqual({ entity: "household" });
  });

  it("the export walks the whole selection in batches, within scope", async () => {
    const rows = [];
    for await (const b of auditBatches(countyAuditor, {}, 7)) rows.push(...b);
    expect(rows).toHaveLength(AUDIT_PAGE + 5);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});

describe("the export (XLSX)", () => {
  it("the auditor gets the selection as a workbook, read back cell by cell; the export is itself recorded", async () => {
    await signInAs(t.prisma, "auditor");
    const before = await t.prisma.auditEvent.count({ where: { action: "audit.export" } });
    const res = await auditExport(new Request("http://localhost:3000/audit/export?action=household.update"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("事件编号");
    const expected = await t.prisma.auditEvent.count({ where: { action: "household.update", countyId: "520603" } });
    expect(sheet.rowCount - 1).toBe(expected); // every household.update of the county, none of another
    for (let r = 2; r <= sheet.rowCount; r++) {
      expect(sheet.getRow(r).getCell(6).value).toBe("household.update");
      expect(String(sheet.getRow(r).getCell(9).value)).toBe("520603");
      expect(typeof sheet.getRow(r).getCell(1).value).toBe("string"); // an event id as text, never rounded
    }
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain("碧江的事");
    expect(await t.prisma.auditEvent.count({ where: { action: "audit.export" } })).toBe(before + 1);
  });

  it("anyone else is refused, and the refusal recorded", async () => {
    await signInAs(t.prisma, "official");
    const res = await auditExport(new Request("http://localhost:3000/audit/export"));
    expect(res.status).toBe(403);
    expect(await t.prisma.auditEvent.count({ where: { action: "access.denied", actorId: officialId } })).toBeGreaterThan(0);
    signOut();
    expect((await auditExport(new Request("http://localhost:3000/audit/export"))).status).toBe(401);
  });
});
