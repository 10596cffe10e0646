// Bulk import on a real database (PGlite, or PostgreSQL with TEST_DB=postgres, where the rows
// are staged with COPY): all rows or none, a report naming file/row/column/rule, re-runs that
// change nothing, assessments and one audit event with each file's SHA-256.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { beginImport } from "@/lib/actions/import/begin-import";
import { runImport } from "@/lib/actions/import/run-import";
import { importProgress } from "@/lib/actions/import/import-progress";
import { PUT as upload } from "@/app/(app)/admin/import/upload/route";
import { MAX_UPLOAD_BYTES, discardJob, jobOf } from "@/lib/import/jobs";
import type { JobView } from "@/lib/import/jobs";
import { toCsv } from "./import-fixture";
import { createHousehold, createUser, seedRegions } from "../factories";
import { importDirectory, importFiles, formatIssue, type ImportReport } from "@/lib/import";
import { createTranslator } from "next-intl";
import { messages } from "@/i18n/messages";
import { makeNationalId } from "@/lib/national-id";
import { verifyAudit } from "@/scripts/audit-verify";
import { recomputeHousehold } from "@/lib/data/assessment";
import { withResults } from "@/lib/data/assessment-read";
import {
  NEW_VILLAGE,
  OLD_VILLAGE,
  ZH,
  removeFolders,
  renameColumns,
  sampleFiles,
  sha256File,
  writeFolder,
  type Rows,
} from "./import-fixture";

let t: TestDb;
const TAKEN_ID = makeNationalId("520603", "1970-05-01", 501);
let actor: { id: string; role: string };
/** PostgreSQL: the import finds its way to COPY by itself (the server's address) */
let onPostgres = false;

const zh = createTranslator({ locale: "zh-CN", messages: messages["zh-CN"], namespace: "bulkImport" }) as unknown as (
  k: string,
  v?: Record<string, string | number>,
) => string;
const en = createTranslator({ locale: "en", messages: messages.en, namespace: "bulkImport" }) as unknown as (
  k: string,
  v?: Record<string, string | number>,
) => string;

async function counts() {
  const [r] = await t.sql<{ h: number; m: number; a: number; r: number; e: number }>(
    `SELECT (SELECT count(*) FROM household)::int AS h, (SELECT count(*) FROM member)::int AS m,
            (SELECT count(*) FROM assessment)::int AS a, (SELECT count(*) FROM region)::int AS r,
            (SELECT count(*) FROM audit_event WHERE action = 'import.completed')::int AS e`,
  );
  return r!;
}

function run(dir: string, extra: Partial<Parameters<typeof importDirectory>[2]> = {}): Promise<ImportReport> {
  return importDirectory(t.prisma, dir, { actor, today: "2024-06-30", year: 2024, ...extra });
}

function withFile(name: string, rows: Rows | string) {
  return writeFolder({ ...sampleFiles(), [name]: rows });
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const admin = await createUser(t.prisma, { username: "imp_admin", role: "admin", regionId: "52" });
  await createUser(t.prisma, { username: "imp_cadre", role: "cadre", regionId: OLD_VILLAGE });
  actor = { id: admin.id, role: admin.role };
  const old = await createHousehold(t.prisma, { villageId: OLD_VILLAGE, number: "001" });
  await t.prisma.member.updateMany({ where: { householdId: old.id, relation: "head" }, data: { nationalId: TAKEN_ID } });
  onPostgres = inject("testDb").kind === "postgres";
});

afterAll(async () => {
  signOut();
  removeFolders();
  await t?.close();
});

describe("a folder with mistakes", () => {
  it("names file, row, column and rule for each, and writes nothing", async () => {
    const before = await counts();
    const files = sampleFiles();
    const members = files["members.csv"]!;
    members[1]!.national_id = String(members[1]!.national_id).slice(0, 17) + (String(members[1]!.national_id).endsWith("0") ? "1" : "0");
    members[3]!.birth_date = "1965-02-04";
    const income = files["income.csv"]!;
    income[0]!.wages = "-5";
    income[1]!.business = "12.345";
    const dir = writeFolder(files);
    const r = await run(dir);
    expect(r.ok).toBe(false);
    const found = r.issues.map((i) => `${i.file}:${i.row}:${i.column}:${i.rule}`);
    expect(found).toEqual([
      "members.csv:3:national_id:national_id_check",
      "members.csv:5:birth_date:id_birth_mismatch",
      "income.csv:2:wages:amount_negative",
      "income.csv:3:business:amount_decimals",
    ]);
    expect(formatIssue(zh, r.issues[0]!)).toMatch(/^members\.csv 第 3 行 national_id：校验位错误（应为 \d）$/);
    expect(formatIssue(en, r.issues[2]!)).toBe("income.csv row 2 wages: an amount cannot be negative");
    expect(await counts()).toEqual(before);
    const left = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'jz_import'`);
    expect(left[0]!.n).toBe(0);
  });
});

describe("a clean folder", () => {
  it("dry run: reports what it would do, writes nothing", async () => {
    const before = await counts();
    const r = await run(writeFolder(sampleFiles()), { dryRun: true });
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.counts.households).toEqual({ rows: 3, inserted: 3, skipped: 0 });
    expect(r.counts.regions).toEqual({ rows: 2, inserted: 1, skipped: 1 });
    expect(await counts()).toEqual(before);
  });

  it("imports everything in one go: regions, households, members, assessments, one audit event with the hashes", async () => {
    const before = await counts();
    const dir = writeFolder(sampleFiles(), { bom: true });
    const r = await run(dir);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.loader).toBe(onPostgres ? "copy" : "sql");
    expect(r.counts).toMatchObject({
      regions: { rows: 2, inserted: 1, skipped: 1 },
      households: { rows: 3, inserted: 3, skipped: 0 },
      members: { rows: 6, inserted: 6, skipped: 0 },
      assessments: 3,
    });
    const after = await counts();
    expect(after).toEqual({ h: before.h + 3, m: before.m + 6, a: before.a + 3, r: before.r + 1, e: before.e + 1 });

    const village = await t.prisma.region.findUniqueOrThrow({ where: { id: NEW_VILLAGE } });
    expect(village).toMatchObject({ parentId: "520603201", level: "village", name: "新寨村", nameEn: "Xinzhai", zone: "west" });
    const h1 = await t.prisma.household.findUniqueOrThrow({
      where: { villageId_number: { villageId: NEW_VILLAGE, number: "H001" } },
      include: { members: true, assessments: true },
    });
    expect(h1).toMatchObject({
      countyId: "520603",
      headName: "张三",
      address: "新寨村一组, 3号",
      registeredStatus: "registered_poor",
      mainCause: "illness",
      housingGrade: "C",
      memberCount: 3,
      countedMembers: 3,
    });
    expect(Number(h1.incomeBusiness)).toBe(1200.5);
    expect(h1.assessedStatus).toBe("below_standard");
    expect(h1.unmetIndicators).toContain("housing");
    expect(h1.assessments).toHaveLength(1);
    expect(h1.assessments[0]).toMatchObject({ trigger: "import", createdById: actor.id, year: 2024 });
    // the same result as the status engine's own path for a single household
    // stored as its input (decision 0054): rendered as a person reads it
    expect(h1.assessments[0]!.result).toBeNull();
    const stored = (await withResults(t.prisma, h1.assessments))[0]!.result as unknown as {
      status: string;
      perCapitaIncome: number;
      policyVersion: string;
      indicators: unknown;
    };
    const again = await t.prisma
      .$transaction(async (tx) => {
        const a = await recomputeHousehold(tx, h1.id, { trigger: "edit", actorId: null, year: 2024, asOf: "2024-06-30" });
        throw Object.assign(new Error("rollback"), { a });
      })
      .catch((e: { a?: unknown }) => e.a as typeof stored);
    expect(again).toBeTruthy();
    expect(stored).toEqual(JSON.parse(JSON.stringify(again)));
    const h2 = await t.prisma.household.findUniqueOrThrow({
      where: { villageId_number: { villageId: NEW_VILLAGE, number: "H002" } },
      include: { members: true },
    });
    expect(h2.members[0]!.nationalId).toMatch(/^\d{17}[\dX]$/);
    const x100 = await t.prisma.household.findUniqueOrThrow({ where: { villageId_number: { villageId: OLD_VILLAGE, number: "X100" } } });
    expect(x100).toMatchObject({ memberCount: 2, countedMembers: 1, assessedStatus: "secure" });

    const events = await t.prisma.auditEvent.findMany({ where: { action: "import.completed" } });
    expect(events).toHaveLength(1);
    const after_ = events[0]!.after as {
      files: { name: string; sha256: string; rows: number }[];
      counts: { households: { inserted: number } };
    };
    expect(events[0]).toMatchObject({ entity: "import", entityId: r.importId, actorId: actor.id });
    expect(after_.counts.households.inserted).toBe(3);
    for (const f of after_.files) expect(f.sha256).toBe(sha256File(path.join(dir, f.name)));
    expect(after_.files.map((f) => f.name)).toEqual(["regions.csv", "households.csv", "members.csv", "income.csv", "indicators.csv"]);
    expect((await verifyAudit(t.prisma)).ok).toBe(true);
  });

  it("running it again changes nothing: every household is skipped", async () => {
    const before = await counts();
    const r = await run(writeFolder(sampleFiles()), { copyUrl: null }); // the SQL staging path, also on PostgreSQL
    expect(r.issues).toEqual([]);
    expect(r.loader).toBe("sql");
    expect(r.counts).toMatchObject({
      regions: { inserted: 0, skipped: 2 },
      households: { inserted: 0, skipped: 3 },
      members: { inserted: 0, skipped: 6 },
      assessments: 0,
    });
    const after = await counts();
    expect({ ...after, e: before.e }).toEqual(before);
  });

  it("Chinese headers in another order read the same", async () => {
    const files = sampleFiles();
    const households = renameColumns(files["households.csv"]!, ZH["households.csv"]!).map((r) =>
      Object.fromEntries(Object.entries(r).reverse()),
    );
    const r = await run(writeFolder({ ...files, "households.csv": households }), { dryRun: true });
    expect(r.issues).toEqual([]);
    expect(r.counts.households.skipped).toBe(3);
  });

  it("a household present with different facts is an error naming the row and the column", async () => {
    const files = sampleFiles();
    files["households.csv"]![1]!.head_name = "李四四";
    files["income.csv"]![0]!.wages = "3100";
    files["members.csv"]![2]!.school_status = "dropped_out";
    const before = await counts();
    const r = await run(writeFolder(files));
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => `${i.file}:${i.row}:${i.column}:${i.rule}`)).toEqual([
      "households.csv:3:head_name:household_differs",
      "members.csv:4:school_status:member_differs",
      "income.csv:2:wages:household_differs",
    ]);
    expect(r.issues[0]!.params).toEqual({ existing: "李四", value: "李四四" });
    expect(await counts()).toEqual(before);
  });
});

describe("rules that need other rows or the register", () => {
  it("duplicates, references, heads and national IDs", async () => {
    const files = sampleFiles({ prefix: "K", seq: 100 });
    const hh = files["households.csv"]!;
    hh.push({ ...hh[0]!, household_number: "H009" }); // no members → no head
    hh.push({ ...hh[0]!, village_code: "520603201299", household_number: "H010" }); // no such village
    hh.push({ ...hh[1]! }); // duplicate of row 3
    const mm = files["members.csv"]!;
    mm.push({ ...mm[0]!, national_id: "", name: "张二" }); // second head for H001
    mm.push({ ...mm[1]!, household_number: "K002", relation: "spouse" }); // same ID again
    mm.push({ ...mm[4]!, household_number: "K999", national_id: "" }); // unknown household
    mm.push({
      village_code: NEW_VILLAGE,
      household_number: "K002",
      name: "户主001",
      national_id: TAKEN_ID,
      sex: "male",
      birth_date: "1970-05-01",
      relation: "other",
    });
    const r = await run(writeFolder(files), { dryRun: true });
    const found = r.issues.map((i) => `${i.file}:${i.row}:${i.column}:${i.rule}`);
    expect(found).toEqual([
      "households.csv:5:household_number:no_head",
      "households.csv:6:village_code:village_missing",
      "households.csv:6:household_number:no_head",
      "households.csv:7:household_number:duplicate",
      "members.csv:8:relation:second_head",
      "members.csv:9:national_id:duplicate",
      "members.csv:10:household_number:household_missing",
      "members.csv:11:national_id:national_id_taken",
    ]);
    expect(r.issues[3]!.params).toEqual({ first: 3 });
    expect(r.issues[7]!.params).toEqual({ village: OLD_VILLAGE, number: "001" });
  });

  it("an unknown column, a missing file and a broken quote are reported without reading on", async () => {
    let r = await run(
      withFile("households.csv", "village_code,household_number,head_name,colour\r\n" + `${NEW_VILLAGE},H001,张三,red\r\n`),
      { dryRun: true },
    );
    expect(r.issues[0]).toMatchObject({ file: "households.csv", row: 1, column: "colour", rule: "unknown_column" });
    const dir = writeFolder(sampleFiles());
    fs.rmSync(path.join(dir, "households.csv"));
    r = await run(dir, { dryRun: true });
    expect(r.issues.map((i) => i.rule)).toEqual(["households_file_missing", "households_file_missing", "households_file_missing"]);
    r = await importFiles(
      t.prisma,
      [{ name: "regions.csv", data: `code,parent_code,level,name\r\n${NEW_VILLAGE},520603201,village,"新寨村\r\n` }],
      { actor, dryRun: true, copyUrl: null },
    );
    expect(r.issues[0]).toMatchObject({ file: "regions.csv", row: 2, rule: "unterminated_quote" });
  });
});

describe("from the admin page", () => {
  const put = (jobId: string, name: string, body: string, origin = "http://localhost") =>
    upload(
      new Request(`http://localhost/admin/import/upload?job=${jobId}&name=${name}`, {
        method: "PUT",
        body,
        headers: { origin, host: "localhost" },
      }),
    );

  async function finished(jobId: string): Promise<JobView> {
    for (let i = 0; i < 200; i++) {
      const r = await importProgress(undefined, { jobId });
      if (!r.ok) throw new Error(r.message);
      const view = r.data as JobView;
      if (view.state === "done" || view.state === "failed") return view;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error("import did not finish");
  }

  it("is for admins only", async () => {
    await signInAs(t.prisma, "imp_cadre");
    expect(await beginImport(undefined, {})).toMatchObject({ ok: false, code: "forbidden" });
    signOut();
    expect(await beginImport(undefined, {})).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("uploads, checks (showing each problem), then imports after a clean check", async () => {
    await signInAs(t.prisma, "imp_admin");
    const begun = await beginImport(undefined, {});
    expect(begun.ok).toBe(true);
    const { jobId } = begun.ok ? (begun.data as { jobId: string }) : { jobId: "" };
    const files = sampleFiles({ prefix: "P", seq: 200 });
    files["members.csv"]![0]!.birth_date = "1970-05-02";
    for (const [name, rows] of Object.entries(files)) expect((await put(jobId, name, toCsv(rows))).status).toBe(200);
    expect((await put(jobId, "notes.txt", "x")).status).toBe(400);
    expect((await put(jobId, "regions.csv", "x", "http://evil.example")).status).toBe(403);

    expect(await runImport(undefined, { jobId, dryRun: false })).toMatchObject({ ok: false }); // not checked yet
    expect((await runImport(undefined, { jobId, dryRun: true })).ok).toBe(true);
    let view = await finished(jobId);
    expect(view.report?.ok).toBe(false);
    expect(view.report?.issues.map((i) => `${i.file}:${i.row}:${i.column}:${i.rule}`)).toEqual([
      "members.csv:2:birth_date:id_birth_mismatch",
    ]);

    files["members.csv"]![0]!.birth_date = "1970-05-01";
    expect((await put(jobId, "members.csv", toCsv(files["members.csv"]!))).status).toBe(200);
    await runImport(undefined, { jobId, dryRun: true });
    view = await finished(jobId);
    expect(view.report).toMatchObject({ ok: true, dryRun: true, counts: { households: { inserted: 3 } } });
    const before = await counts();
    await runImport(undefined, { jobId, dryRun: false });
    view = await finished(jobId);
    expect(view.report).toMatchObject({ ok: true, dryRun: false, counts: { households: { inserted: 3 }, members: { inserted: 6 } } });
    expect((await counts()).h).toBe(before.h + 3);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "import.completed" }, orderBy: { id: "desc" } });
    expect(event.actorId).toBe(actor.id);
  });

  it("refuses more than the upload limit, and another user's job", async () => {
    await signInAs(t.prisma, "imp_admin");
    const begun = await beginImport(undefined, {});
    const { jobId } = begun.ok ? (begun.data as { jobId: string }) : { jobId: "" };
    jobOf(jobId, actor.id)!.files.set("members.csv", MAX_UPLOAD_BYTES - 3);
    expect((await put(jobId, "regions.csv", "code,name\n")).status).toBe(413);
    await signInAs(t.prisma, "imp_cadre");
    expect((await put(jobId, "regions.csv", "a")).status).toBe(403);
    const other = await createUser(t.prisma, { username: "imp_admin2", role: "admin", regionId: "52" });
    await signInAs(t.prisma, other.username);
    expect((await put(jobId, "regions.csv", "a")).status).toBe(404);
    expect(await importProgress(undefined, { jobId })).toMatchObject({ ok: false, code: "not_found" });
    const dir = jobOf(jobId, actor.id)!.dir;
    discardJob(jobId, actor.id);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
