// Imports from Chinese Excel (issue #23, point 5): a CSV saved by Excel on a Chinese system is
// GB18030 — detected, or chosen on the form — and a workbook (.xlsx) is read from its first
// worksheet. Both import exactly as the UTF-8 CSV of the same rows would; what Excel cannot keep
// (a national ID typed as a number) is named by row and column.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { createUser, seedRegions } from "../factories";
import { importDirectory, importFiles, type ImportReport } from "@/lib/import";
import { beginImport } from "@/lib/actions/import/begin-import";
import { runImport } from "@/lib/actions/import/run-import";
import { importProgress } from "@/lib/actions/import/import-progress";
import { PUT as upload } from "@/app/(app)/admin/import/upload/route";
import type { JobView } from "@/lib/import/jobs";
import { makeNationalId } from "@/lib/national-id";
import { NEW_VILLAGE, ZH, removeFolders, renameColumns, sampleFiles, sha256File, toCsv, type Rows } from "./import-fixture";
import { gb18030 } from "../support/gb18030";

let t: TestDb;
let actor: { id: string; role: string };
const folders: string[] = [];

function folder(files: Record<string, Uint8Array | Buffer | string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jz-import-excel-"));
  folders.push(dir);
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  return dir;
}

const run = (dir: string, extra: Partial<Parameters<typeof importDirectory>[2]> = {}): Promise<ImportReport> =>
  importDirectory(t.prisma, dir, { actor, today: "2024-06-30", year: 2024, ...extra });

/** Every file of the sample as GB18030 CSV, the households with Chinese headers (as an office types them). */
function gbFolder(variant: { prefix: string; seq: number }) {
  const files = sampleFiles(variant);
  files["households.csv"] = renameColumns(files["households.csv"]!, ZH["households.csv"]!);
  return folder(Object.fromEntries(Object.entries(files).map(([n, rows]) => [n, gb18030(toCsv(rows))])));
}

/** A workbook whose first sheet holds the rows (an "说明" sheet after it), cells typed as Excel would type them. */
async function workbook(rows: Rows, cell: (column: string, value: string | number) => unknown = (_c, v) => v): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  const cols = Object.keys(rows[0]!);
  ws.addRow(cols);
  for (const r of rows) ws.addRow(cols.map((c) => cell(c, r[c] ?? "")));
  wb.addWorksheet("说明").addRow(["本表由县扶贫办填写"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const admin = await createUser(t.prisma, { username: "xl_admin", role: "admin", regionId: "52" });
  actor = { id: admin.id, role: admin.role };
});

afterAll(async () => {
  signOut();
  removeFolders();
  for (const d of folders) fs.rmSync(d, { recursive: true, force: true });
  await t?.close();
});

describe("GB18030 CSV (Excel on a Chinese system)", () => {
  it("detected: imported as the UTF-8 files would be, names intact, the file's own hash recorded", async () => {
    const dir = gbFolder({ prefix: "G", seq: 300 });
    const r = await run(dir);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.counts).toMatchObject({ households: { inserted: 3 }, members: { inserted: 6 } });
    // income and indicators hold ASCII alone: the same bytes in both encodings
    expect(r.files.map((f) => [f.name, f.format, f.encoding])).toEqual([
      ["regions.csv", "csv", "gb18030"],
      ["households.csv", "csv", "gb18030"],
      ["members.csv", "csv", "gb18030"],
      ["income.csv", "csv", "utf-8"],
      ["indicators.csv", "csv", "utf-8"],
    ]);
    const heads = await t.prisma.household.findMany({
      where: { number: { startsWith: "G" } },
      select: { number: true, headName: true, address: true },
      orderBy: { number: "asc" },
    });
    expect(heads).toEqual([
      { number: "G001", headName: "张三", address: "新寨村一组, 3号" },
      { number: "G002", headName: "李四", address: null },
      { number: "G100", headName: "王五", address: null },
    ]);
    const village = await t.prisma.region.findUniqueOrThrow({ where: { id: NEW_VILLAGE } });
    expect(village.name).toBe("新寨村");
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "import.completed" }, orderBy: { id: "desc" } });
    expect(JSON.stringify(event.after)).toContain(sha256File(path.join(dir, "households.csv")));
  });

  it("chosen on the form (upload, check, import); UTF-8 chosen for the same bytes is refused naming the file and line", async () => {
    await signInAs(t.prisma, "xl_admin");
    const files = sampleFiles({ prefix: "F", seq: 400 });
    const begun = await beginImport(undefined, {});
    const jobId = begun.ok ? (begun.data as { jobId: string }).jobId : "";
    for (const [name, rows] of Object.entries(files)) {
      const res = await upload(
        new Request(`http://localhost:3000/admin/import/upload?job=${jobId}&name=${name}`, {
          method: "PUT",
          body: Buffer.from(gb18030(toCsv(rows))),
          headers: { origin: "http://localhost:3000", host: "localhost:3000" },
        }),
      );
      expect(res.status).toBe(200);
    }
    const finished = async () => {
      for (;;) {
        const p = await importProgress(undefined, { jobId });
        const view = (p.ok ? p.data : null) as JobView | null;
        if (!view || view.state === "done" || view.state === "failed") return view;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    expect((await runImport(undefined, { jobId, dryRun: true, encoding: "utf-8" })).ok).toBe(true);
    let view = await finished();
    expect(view?.report?.ok).toBe(false);
    expect(view?.report?.issues.map((i) => `${i.file}:${i.row}:${i.rule}`)).toContain("regions.csv:2:not_utf8");
    expect((await runImport(undefined, { jobId, dryRun: true, encoding: "gb18030" })).ok).toBe(true);
    view = await finished();
    expect(view?.report).toMatchObject({ ok: true, dryRun: true });
    await runImport(undefined, { jobId, dryRun: false, encoding: "gb18030" });
    view = await finished();
    expect(view?.report).toMatchObject({ ok: true, dryRun: false, counts: { households: { inserted: 3 } } });
    expect(await t.prisma.household.count({ where: { number: { startsWith: "F" } } })).toBe(3);
    const bad = await runImport(undefined, { jobId, dryRun: true, encoding: "big5" });
    expect(!bad.ok && bad.fieldErrors?.encoding?.length).toBeTruthy();
    signOut();
  });
});

describe(".xlsx workbooks (the first worksheet)", () => {
  it("imported as the CSV would be: numbers, dates and booleans as Excel types them", async () => {
    const files = sampleFiles({ prefix: "W", seq: 500 });
    const asExcel = (column: string, v: string | number) => {
      if (column.endsWith("_date") || column.endsWith("_at")) return v ? new Date(`${v}T00:00:00Z`) : null; // a date cell
      if (
        ["village_code", "code", "wages", "business", "business_costs", "transfers", "water_litres"].includes(column) &&
        v !== "" &&
        /^\d+(\.\d+)?$/.test(String(v))
      )
        return Number(v); // a number cell
      if (column === "counted" && v === "1") return true;
      return v === "" ? null : v;
    };
    const dir = folder({
      "regions.csv": toCsv(files["regions.csv"]!), // the files may mix: CSV and .xlsx
      "households.xlsx": await workbook(files["households.csv"]!, asExcel),
      "members.xlsx": await workbook(files["members.csv"]!, asExcel),
      "income.xlsx": await workbook(files["income.csv"]!, asExcel),
      "indicators.csv": toCsv(files["indicators.csv"]!),
    });
    const r = await run(dir);
    expect(r.issues).toEqual([]);
    expect(r.counts).toMatchObject({ households: { inserted: 3 }, members: { inserted: 6 } });
    expect(r.files.map((f) => [f.source, f.format])).toEqual([
      ["regions.csv", "csv"],
      ["households.xlsx", "xlsx"],
      ["members.xlsx", "xlsx"],
      ["income.xlsx", "xlsx"],
      ["indicators.csv", "csv"],
    ]);
    expect(r.files.find((f) => f.source === "households.xlsx")!.sha256).toBe(sha256File(path.join(dir, "households.xlsx")));
    const h = await t.prisma.household.findFirstOrThrow({
      where: { number: "W001" },
      select: { id: true, registeredAt: true, incomeBusiness: true },
    });
    expect(h.registeredAt?.toISOString().slice(0, 10)).toBe("2016-03-01");
    expect(Number(h.incomeBusiness)).toBe(1200.5);
    const kid = await t.prisma.member.findFirstOrThrow({ where: { householdId: h.id, relation: "child" }, select: { birthDate: true } });
    expect(kid.birthDate.toISOString().slice(0, 10)).toBe("2012-01-15");
  });

  it("a national ID typed as a number (Excel keeps 15 digits) is named by row and column; an error cell too", async () => {
    const files = sampleFiles({ prefix: "N", seq: 600 });
    const id = makeNationalId("520603", "1970-05-01", 611);
    files["members.csv"]![0]!.national_id = id.endsWith("X") ? makeNationalId("520603", "1970-05-01", 613) : id;
    const members = await workbook(files["members.csv"]!, (c, v) =>
      c === "national_id" && /^\d{18}$/.test(String(v))
        ? Number(v)
        : c === "name" && v === "赵花"
          ? { formula: "A1/0", result: { error: "#DIV/0!" } }
          : v === ""
            ? null
            : v,
    );
    const r = await run(
      folder({ "households.csv": toCsv(files["households.csv"]!), "members.xlsx": members, "regions.csv": toCsv(files["regions.csv"]!) }),
      { dryRun: true },
    );
    expect(r.ok).toBe(false);
    const got = r.issues.map((i) => `${i.file}:${i.row}:${i.column}:${i.rule}`);
    expect(got).toContain("members.csv:2:national_id:long_number");
    expect(got).toContain("members.csv:3:name:cell_error");
  });

  it("a file named .xlsx that is not one, and a name that is neither, are refused", async () => {
    const r = await importFiles(t.prisma, [{ name: "households.xlsx", data: "village_code,household_number,head_name\r\n" }], {
      actor,
      dryRun: true,
      copyUrl: null,
    });
    expect(r.issues.map((i) => `${i.file}:${i.rule}`)).toEqual(["households.csv:not_xlsx"]);
    const other = await importFiles(t.prisma, [{ name: "households.xls", data: "x" }], { actor, dryRun: true, copyUrl: null });
    expect(other.issues.map((i) => i.rule)).toEqual(["unknown_file"]);
    const both = await importFiles(
      t.prisma,
      [
        { name: "households.csv", data: "x" },
        { name: "households.xlsx", data: "x" },
      ],
      { actor, dryRun: true, copyUrl: null },
    );
    expect(both.issues.map((i) => i.rule)).toEqual(["duplicate_file"]);
  });
});
