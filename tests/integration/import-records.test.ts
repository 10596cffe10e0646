// The optional county-record files of the bulk import (docs/import-format.md, issue #18): a good
// import with all of them, each error naming file/row/column/rule, all or nothing (a bad
// measures.csv leaves no household), a re-run that changes nothing, GB18030 and XLSX variants.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { createTestDb, type TestDb } from "./helpers";
import { createHousehold, createUser, seedRegions } from "../factories";
import { importDirectory, importFiles, type ImportReport } from "@/lib/import";
import { NEW_VILLAGE, OLD_VILLAGE, removeFolders, sampleFiles, toCsv, writeFolder, type Rows } from "./import-fixture";
import { recordFiles } from "./import-records-fixture";
import { gb18030 } from "../support/gb18030";

let t: TestDb;
let actor: { id: string; role: string };

function run(dir: string, extra: Partial<Parameters<typeof importDirectory>[2]> = {}): Promise<ImportReport> {
  return importDirectory(t.prisma, dir, { actor, today: "2024-06-30", year: 2024, ...extra });
}

const where = (r: ImportReport) => r.issues.map((i) => `${i.file}:${i.row}:${i.column}:${i.rule}`);

async function counts() {
  const [r] = await t.sql<Record<"h" | "ty" | "ir" | "rl" | "me" | "pl" | "pi" | "pm" | "st", number>>(
    `SELECT (SELECT count(*) FROM household)::int AS h, (SELECT count(*) FROM household_type_record)::int AS ty,
            (SELECT count(*) FROM income_record)::int AS ir, (SELECT count(*) FROM relocation)::int AS rl,
            (SELECT count(*) FROM assistance_measure)::int AS me, (SELECT count(*) FROM household_plan)::int AS pl,
            (SELECT count(*) FROM plan_item)::int AS pi, (SELECT count(*) FROM plan_measure)::int AS pm,
            (SELECT count(*) FROM settlement)::int AS st`,
  );
  return r!;
}

/** The sample folder with the record files, one of them replaced or changed. */
function folder(change: (files: Record<string, Rows>) => void = () => {}) {
  const files = { ...sampleFiles(), ...recordFiles() };
  change(files);
  return files;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const admin = await createUser(t.prisma, { username: "imprec_admin", role: "admin", regionId: "52" });
  actor = { id: admin.id, role: admin.role };
  await createHousehold(t.prisma, { villageId: OLD_VILLAGE, number: "001" });
});

afterAll(async () => {
  removeFolders();
  await t?.close();
});

describe("the record files' mistakes", () => {
  it("names file, row, column and rule for each, and writes nothing (a bad measures.csv leaves no household)", async () => {
    const before = await counts();
    const files = folder((f) => {
      f["household_types.csv"]![1]!.type = "poor";
      f["household_types.csv"]!.push({ ...f["household_types.csv"]![0]! }); // row 5 repeats row 2
      f["income_records.csv"]![0]!.sign_method = "";
      f["income_records.csv"]![1]!.year = "2013";
      f["relocation.csv"]![0]!.contribution = "3000.01";
      f["relocation.csv"]![0]!.reclaimed_on = "2019-01-01";
      f["measures.csv"]![0]!.post = "保洁员";
      f["measures.csv"]![1]!.household_number = "H404";
      f["measures.csv"]![2]!.loan_status = "repaid";
      f["plans.csv"]![0]!.secondary_causes = "illness；bad_luck";
    });
    const r = await run(writeFolder(files));
    expect(r.ok).toBe(false);
    expect(where(r)).toEqual([
      "household_types.csv:3:type:enum",
      "household_types.csv:5:household_number:duplicate",
      "income_records.csv:2:sign_method:required_with",
      "income_records.csv:3:year:integer_range",
      "relocation.csv:2:reclaimed_on:reclaimed_before_demolished",
      "relocation.csv:2:contribution:over_cap",
      "measures.csv:2:post:not_for_kind",
      "measures.csv:3:household_number:household_missing",
      "measures.csv:4:loan_status:not_for_kind",
      "plans.csv:2:secondary_causes:enum",
    ]);
    expect(await counts()).toEqual(before);
  });

  it("a measures.csv that is wrong alone stops everything: no household, no record", async () => {
    const before = await counts();
    const r = await run(writeFolder(folder((f) => (f["measures.csv"]![0]!.loan_status = "")))); // a microcredit needs its status
    expect(where(r)).toEqual(["measures.csv:2:loan_status:required"]);
    expect(await counts()).toEqual(before);
  });
});

describe("a good folder with every record file", () => {
  it("imports households and their records in one transaction, audited once", async () => {
    const before = await counts();
    const r = await run(writeFolder(folder()));
    expect(r.issues).toEqual([]);
    expect(r.counts).toMatchObject({
      households: { inserted: 3 },
      householdTypes: { rows: 3, inserted: 3, skipped: 0 },
      incomeRecords: { rows: 3, inserted: 3, skipped: 0 },
      relocations: { rows: 1, inserted: 1, skipped: 0 },
      measures: { rows: 3, inserted: 3, skipped: 0 },
      plans: { rows: 1, inserted: 1, skipped: 0 },
    });
    const after = await counts();
    expect(after).toEqual({
      h: before.h + 3,
      ty: before.ty + 3,
      ir: before.ir + 3,
      rl: before.rl + 1,
      me: before.me + 3,
      pl: before.pl + 1,
      pi: before.pi + 3,
      pm: before.pm + 1,
      st: before.st + 1,
    });
    const h1 = await t.prisma.household.findFirstOrThrow({
      where: { villageId: NEW_VILLAGE, number: "H001" },
      include: {
        incomeRecords: true,
        householdTypes: true,
        relocation: { include: { settlement: true } },
        measures: true,
        plans: { include: { items: true, measures: true } },
      },
    });
    // 3 counted members: (3000 + 1200.5 - 200 + 2400) / 3 = 2133.5; the medical reimbursement is recorded, never counted
    expect(h1.incomeRecords[0]).toMatchObject({ year: 2023, revision: 1, current: true, countedMembers: 3, signMethod: "thumbprint_form" });
    expect(Number(h1.incomeRecords[0]!.perCapitaIncome)).toBe(2133.5);
    expect(Number(h1.incomeRecords[0]!.householdNetIncome)).toBe(6400.5);
    expect(Number(h1.incomeRecords[0]!.excludedMedical)).toBe(5000);
    expect(h1.incomeRecords[0]!.signedAt?.toISOString()).toBe("2024-01-09T16:00:00.000Z");
    expect(h1.householdTypes[0]).toMatchObject({ type: "subsistence", basis: "万民发〔2020〕12号", current: true });
    expect(h1).toMatchObject({ relocatedFromName: "思南县某村", relocatedFromId: "520624", relocatedYear: 2018 });
    expect(h1.relocation).toMatchObject({ mode: "centralised", supportJob: true, supportSchool: false, supportCommunity: true });
    expect(h1.relocation!.settlement).toMatchObject({ regionId: OLD_VILLAGE, name: "丹阳安置点", countyId: "520603" });
    const loan = h1.measures.find((m) => m.kind === "microcredit")!;
    expect(loan).toMatchObject({
      category: "industry",
      cause: "lack_of_capital",
      risk: null,
      bank: "农村信用社",
      termMonths: 36,
      loanStatus: "overdue",
    });
    expect(loan.endDate?.toISOString().slice(0, 10)).toBe("2025-03-01"); // issue date + 36 months
    const job = h1.measures.find((m) => m.kind === "public_welfare_job")!;
    expect(job).toMatchObject({ category: "employment", risk: "low_income", post: "保洁员" });
    expect(h1.plans[0]).toMatchObject({ year: 2024, mainCause: "illness", secondaryCauses: ["lack_of_capital", "lack_of_skills"] });
    expect(h1.plans[0]!.items.sort((a, b) => a.position - b.position).map((i) => i.text)).toEqual([
      "申请小额信贷养牛",
      "安排公益性岗位",
      "参加技能培训",
    ]);
    expect(h1.plans[0]!.measures.map((m) => m.measureId)).toEqual([loan.id]);
    const unsigned = await t.prisma.incomeRecord.findFirstOrThrow({ where: { household: { number: "H002", villageId: NEW_VILLAGE } } });
    expect(unsigned.signedAt).toBeNull();
    expect(unsigned.countedMembers).toBe(1);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "import.completed" }, orderBy: { id: "desc" } });
    expect((ev.after as { counts: Record<string, unknown> }).counts).toMatchObject({ measures: { inserted: 3 }, plans: { inserted: 1 } });
  });

  it("a re-run with the same files changes nothing; a record that differs is an error naming the row", async () => {
    const before = await counts();
    const again = await run(writeFolder(folder()));
    expect(again.issues).toEqual([]);
    expect(again.counts).toMatchObject({
      householdTypes: { inserted: 0, skipped: 3 },
      incomeRecords: { inserted: 0, skipped: 3 },
      relocations: { inserted: 0, skipped: 1 },
      measures: { inserted: 0, skipped: 3 },
      plans: { inserted: 0, skipped: 1 },
    });
    expect(await counts()).toEqual(before);
    const changed = await run(
      writeFolder(
        folder((f) => {
          f["income_records.csv"]![2]!.wages = "31000";
          f["relocation.csv"]![0]!.floor_area = "70";
          f["plans.csv"]![0]!.steps = "申请小额信贷养牛";
        }),
      ),
    );
    expect(where(changed)).toEqual([
      "income_records.csv:4:wages:record_differs",
      "relocation.csv:2:floor_area:record_differs",
      "plans.csv:2:steps:record_differs",
    ]);
    expect(changed.issues[0]!.params).toEqual({ existing: "30000.00", value: "31000" });
  });

  it("record files alone, for households already registered; GB18030 CSV and XLSX read the same", async () => {
    await createHousehold(t.prisma, { villageId: OLD_VILLAGE, number: "002" });
    const types: Rows = [{ 村代码: OLD_VILLAGE, 户编号: "002", 户属性: "低保户", 认定日期: "2021-04-01", 认定依据: "民政局批复" }];
    const r = await importFiles(t.prisma, [{ name: "household_types.csv", data: gb18030(toCsv(types)) }], {
      actor,
      today: "2024-06-30",
      year: 2024,
    });
    expect(r.issues).toEqual([]);
    expect(r.files[0]).toMatchObject({ name: "household_types.csv", encoding: "gb18030" });
    expect(r.counts.householdTypes).toEqual({ rows: 1, inserted: 1, skipped: 0 });
    const h = await t.prisma.household.findFirstOrThrow({
      where: { villageId: OLD_VILLAGE, number: "002" },
      include: { householdTypes: true },
    });
    expect(h.householdTypes[0]).toMatchObject({ type: "subsistence", basis: "民政局批复" });

    // measures.xlsx: the first worksheet, cells typed as Excel types them (numbers, a date cell)
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("措施");
    ws.addRow([
      "村代码",
      "户编号",
      "措施类型",
      "针对原因",
      "措施内容",
      "金额",
      "开始日期",
      "贷款银行",
      "贷款期限月",
      "贴息金额",
      "还款状态",
      "还清日期",
    ]);
    ws.addRow([
      OLD_VILLAGE,
      "002",
      "扶贫小额信贷",
      "lack_of_capital",
      "小额信贷种茶",
      30000,
      new Date(Date.UTC(2021, 3, 1)),
      "农商银行",
      24,
      900,
      "已还清",
      new Date(Date.UTC(2023, 2, 31)),
    ]);
    ws.addRow([OLD_VILLAGE, "002", "雨露计划", "schooling", "", 3000, new Date(Date.UTC(2022, 8, 1))]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const bad = await importFiles(t.prisma, [{ name: "measures.xlsx", data: new Uint8Array(xlsx) }], {
      actor,
      today: "2024-06-30",
      year: 2024,
    });
    expect(where(bad)).toEqual(["measures.csv:3:措施内容:required"]);
    ws.getRow(3).getCell(5).value = "雨露计划职业教育补助";
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await importFiles(t.prisma, [{ name: "measures.xlsx", data: new Uint8Array(good) }], {
      actor,
      today: "2024-06-30",
      year: 2024,
    });
    expect(ok.issues).toEqual([]);
    expect(ok.files[0]).toMatchObject({ name: "measures.csv", source: "measures.xlsx", format: "xlsx" });
    const loan = await t.prisma.assistanceMeasure.findFirstOrThrow({ where: { householdId: h.id, kind: "microcredit" } });
    expect(loan).toMatchObject({ bank: "农商银行", termMonths: 24, loanStatus: "repaid" });
    expect(loan.repaidOn?.toISOString().slice(0, 10)).toBe("2023-03-31");
    expect(loan.endDate?.toISOString().slice(0, 10)).toBe("2023-04-01");
  });
});

describe("npm run gen --records", () => {
  it("writes the record files beside the five, and the folder imports clean", async () => {
    const { writeDataset } = await import("@/lib/gen/write");
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "jz-gen-records-"));
    try {
      const g = await writeDataset({ households: 400, seed: "rec", province: "53", asOf: "2026-06-30", out, records: true });
      expect(Object.keys(g.files).sort()).toEqual(
        [
          "households.csv",
          "household_types.csv",
          "income.csv",
          "income_records.csv",
          "indicators.csv",
          "measures.csv",
          "members.csv",
          "plans.csv",
          "regions.csv",
          "relocation.csv",
          "village_exits.csv",
          "postings.csv",
        ].sort(),
      );
      const r = await run(out, { today: "2026-06-30", year: 2026 });
      expect(r.issues).toEqual([]);
      expect(r.counts.villageExits.inserted).toBeGreaterThan(0);
      // the generated resident teams: a first secretary, a leader and a former member per village posted
      expect(r.counts.postings.inserted).toBeGreaterThan(0);
      expect(r.counts.postings.inserted % 3).toBe(0);
      const [p] = await t.sql<{ n: number; secretaries: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE role = 'first_secretary')::int AS secretaries
           FROM resident_posting WHERE "villageId" LIKE '53%'`,
      );
      expect(p).toEqual({ n: r.counts.postings.inserted, secretaries: r.counts.postings.inserted / 3 });
      // the generated villages with an exit record are designated poor villages now, each record a draft
      const [v] = await t.sql<{ n: number; d: number; drafts: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE g."designatedPoor")::int AS d,
                count(*) FILTER (WHERE x.stage = 'draft' AND x."incomeJudgment" IS NULL)::int AS drafts
           FROM village_exit x JOIN region g ON g.id = x."villageId" WHERE x."villageId" LIKE '53%'`,
      );
      expect(v).toEqual({ n: r.counts.villageExits.inserted, d: r.counts.villageExits.inserted, drafts: r.counts.villageExits.inserted });
      expect(r.counts.householdTypes.inserted).toBeGreaterThan(0);
      expect(r.counts.incomeRecords.inserted).toBe(r.counts.householdTypes.inserted);
      expect(r.counts.measures.inserted).toBe(r.counts.plans.inserted);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("village_exits.csv (a designated village's exit record, decision 0051)", () => {
  const NEIGHBOUR = "520603201201"; // in the register, not a designated poor village
  const FRESH = "520603201291"; // new in this import's regions.csv
  const exit = (extra: Record<string, string> = {}) => ({
    village_code: OLD_VILLAGE,
    year: "2019",
    road: "1",
    road_on: "2017-10-20",
    road_note: "村道硬化到乡镇",
    water: "是",
    water_on: "",
    water_note: "",
    power: "true",
    power_on: "",
    power_note: "",
    clinic: "1",
    clinic_on: "",
    clinic_note: "",
    school: "1",
    school_on: "",
    school_note: "",
    collective_income: "56000",
    ...extra,
  });
  const regions: Rows = [{ code: FRESH, parent_code: "520603201", level: "village", name: "新建村", name_en: "" }];
  const exits = async () =>
    t.sql<{
      villageId: string;
      year: number;
      stage: string;
      roadOk: boolean;
      roadOn: Date | null;
      income: string | null;
      judgment: string | null;
    }>(
      `SELECT "villageId", year, stage::text AS stage, "roadOk", "roadOn", "collectiveIncome"::text AS income, "incomeJudgment"::text AS judgment
         FROM village_exit WHERE "villageId" IN ($1, $2, $3) ORDER BY "villageId", year`,
      [OLD_VILLAGE, NEIGHBOUR, FRESH],
    );

  beforeAll(async () => {
    await t.prisma.region.update({ where: { id: OLD_VILLAGE }, data: { designatedPoor: true } });
  });

  it("each bad row is named by file, row, column and rule, and nothing is written", async () => {
    const r = await run(
      writeFolder({
        "regions.csv": regions,
        "village_exits.csv": [
          exit(),
          exit({ village_code: NEIGHBOUR }),
          exit(), // row 4 repeats row 2
          exit({ year: "2020", road: "0" }), // a date for a road not in place
          exit({ village_code: "5206", year: "2020" }),
          exit({ year: "2013" }),
          exit({ year: "2021", collective_income: "12.345" }),
          exit({ year: "2022", school_note: "长".repeat(201) }),
          exit({ village_code: "520603201299", year: "2020" }),
        ],
      }),
    );
    expect(r.ok).toBe(false);
    expect(where(r)).toEqual([
      "village_exits.csv:3:village_code:not_designated",
      "village_exits.csv:4:year:duplicate",
      "village_exits.csv:5:road_on:only_when_in_place",
      "village_exits.csv:6:village_code:village_code",
      "village_exits.csv:7:year:integer_range",
      "village_exits.csv:8:collective_income:amount_decimals",
      "village_exits.csv:9:school_note:too_long",
      "village_exits.csv:10:village_code:village_missing",
    ]);
    expect(await exits()).toEqual([]);
    expect((await t.prisma.region.findUnique({ where: { id: FRESH } }))?.designatedPoor ?? false).toBe(false);
  });

  it("good rows: drafts for the village to propose, a new village designated, the judgment never imported; a re-run skips them, a change is named", async () => {
    const files = {
      "regions.csv": regions,
      "village_exits.csv": [exit(), exit({ village_code: FRESH, year: "2020", road: "0", road_on: "", collective_income: "" })],
    };
    const r = await run(writeFolder(files));
    expect(r.issues).toEqual([]);
    expect(r.counts.villageExits).toEqual({ rows: 2, inserted: 2, skipped: 0 });
    const rows = await exits();
    expect(rows.map((x) => [x.villageId, x.year, x.stage, x.roadOk, x.income, x.judgment])).toEqual([
      [OLD_VILLAGE, 2019, "draft", true, "56000.00", null],
      [FRESH, 2020, "draft", false, null, null],
    ]);
    expect(rows[0]!.roadOn?.toISOString().slice(0, 10)).toBe("2017-10-20");
    expect((await t.prisma.region.findUniqueOrThrow({ where: { id: FRESH } })).designatedPoor).toBe(true);
    const [audit] = await t.sql<{ after: { counts: { villageExits: { inserted: number } } } }>(
      `SELECT after FROM audit_event WHERE action = 'import.completed' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.after.counts.villageExits.inserted).toBe(2);
    // again: skipped; a changed figure is an error naming the row and column
    const again = await run(writeFolder(files));
    expect(again.issues).toEqual([]);
    expect(again.counts.villageExits).toEqual({ rows: 2, inserted: 0, skipped: 2 });
    const changed = await run(
      writeFolder({ ...files, "village_exits.csv": [exit({ collective_income: "60000" }), files["village_exits.csv"][1]!] }),
    );
    expect(where(changed)).toEqual(["village_exits.csv:2:collective_income:record_differs"]);
    expect(changed.issues[0]!.params).toMatchObject({ existing: "56000.00", value: "60000" });
    expect(await exits()).toHaveLength(2);
  });
});

describe("postings.csv (resident work teams and first secretaries, decision 0052)", () => {
  const NEIGHBOUR = "520603201201"; // in the register: its first secretary serves from 2020
  const FRESH = "520603201292"; // new in this import's regions.csv
  const posting = (extra: Record<string, string> = {}) => ({
    village_code: OLD_VILLAGE,
    name: "张建国",
    role: "第一书记",
    unit: "县财政局",
    valid_from: "2023-03-01",
    valid_to: "",
    ...extra,
  });
  const regions: Rows = [{ code: FRESH, parent_code: "520603201", level: "village", name: "驻村新村", name_en: "" }];
  const postings = async () =>
    t.sql<{ villageId: string; personName: string; role: string; unit: string; from: string; to: string | null; countyId: string }>(
      `SELECT p."villageId", p."personName", p.role::text AS role, u.name AS unit, p."validFrom"::text AS from,
              p."validTo"::text AS to, p."countyId"
         FROM resident_posting p JOIN unit u ON u.id = p."unitId"
        WHERE p."villageId" IN ($1, $2, $3) ORDER BY p."villageId", p."validFrom", p."personName"`,
      [OLD_VILLAGE, NEIGHBOUR, FRESH],
    );

  beforeAll(async () => {
    const unit = await t.prisma.unit.create({ data: { countyId: "520603", name: "县委组织部" } });
    await t.prisma.residentPosting.create({
      data: {
        countyId: "520603",
        villageId: NEIGHBOUR,
        unitId: unit.id,
        personName: "王文华",
        role: "first_secretary",
        validFrom: new Date("2020-01-01T00:00:00Z"),
      },
    });
  });

  it("each bad row is named by file, row, column and rule, and nothing is written", async () => {
    const before = await postings();
    const r = await run(
      writeFolder({
        "postings.csv": [
          posting(),
          posting({ name: "李明", valid_from: "2024-01-01" }), // a second first secretary at the same time
          posting(), // row 4 repeats row 2
          posting({ role: "书记" }),
          posting({ name: "赵勇", role: "team_member", valid_to: "2022-12-31" }),
          posting({ village_code: "520603201299" }),
          posting({ village_code: "5206" }),
          posting({ name: "长".repeat(41) }),
          posting({ name: "周红梅", role: "team_leader", unit: "" }),
          posting({ village_code: NEIGHBOUR, name: "孙永刚", valid_from: "2024-01-01" }), // the register's secretary serves
        ],
      }),
    );
    expect(r.ok).toBe(false);
    expect(where(r)).toEqual([
      "postings.csv:3:valid_from:secretary_overlap",
      "postings.csv:4:valid_from:duplicate",
      "postings.csv:5:role:enum",
      "postings.csv:6:valid_to:end_before_start",
      "postings.csv:7:village_code:village_missing",
      "postings.csv:8:village_code:village_code",
      "postings.csv:9:name:too_long",
      "postings.csv:10:unit:required",
      "postings.csv:11:valid_from:secretary_overlap",
    ]);
    expect(r.issues[0]!.params).toMatchObject({ name: "张建国", from: "2023-03-01" });
    expect(r.issues.at(-1)!.params).toMatchObject({ name: "王文华", from: "2020-01-01" });
    expect(await postings()).toEqual(before);
  });

  it("good rows: postings and their units stored and audited; a re-run stores nothing new, a change is named", async () => {
    const files = {
      "regions.csv": regions,
      "postings.csv": [
        posting({ name: "刘海燕", valid_from: "2021-01-01", valid_to: "2023-02-28" }), // the previous first secretary
        posting(),
        posting({ name: "陈晓东", role: "驻村工作队队长", unit: "县交通运输局" }),
        posting({ village_code: FRESH, name: "吴丽娟", role: "team_member", valid_from: "2022-01-01", valid_to: "2022-12-31" }),
        posting({ village_code: NEIGHBOUR, name: "孙永刚", valid_from: "2019-01-01", valid_to: "2019-12-31" }),
      ],
    };
    const r = await run(writeFolder(files));
    expect(r.issues).toEqual([]);
    expect(r.counts.postings).toEqual({ rows: 5, inserted: 5, skipped: 0 });
    const rows = await postings();
    expect(rows.map((x) => [x.villageId, x.personName, x.role, x.unit, x.from, x.to, x.countyId])).toEqual([
      [OLD_VILLAGE, "刘海燕", "first_secretary", "县财政局", "2021-01-01", "2023-02-28", "520603"],
      [OLD_VILLAGE, "张建国", "first_secretary", "县财政局", "2023-03-01", null, "520603"],
      [OLD_VILLAGE, "陈晓东", "team_leader", "县交通运输局", "2023-03-01", null, "520603"],
      [NEIGHBOUR, "孙永刚", "first_secretary", "县财政局", "2019-01-01", "2019-12-31", "520603"],
      [NEIGHBOUR, "王文华", "first_secretary", "县委组织部", "2020-01-01", null, "520603"],
      [FRESH, "吴丽娟", "team_member", "县财政局", "2022-01-01", "2022-12-31", "520603"],
    ]);
    // one unit of each name in the county
    const [u] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM unit WHERE "countyId" = '520603' AND name = '县财政局'`);
    expect(u!.n).toBe(1);
    const [audit] = await t.sql<{ after: { counts: { postings: { inserted: number } } } }>(
      `SELECT after FROM audit_event WHERE action = 'import.completed' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.after.counts.postings.inserted).toBe(5);
    // again: nothing new; a changed end date is an error naming the row and column
    const again = await run(writeFolder(files));
    expect(again.issues).toEqual([]);
    expect(again.counts.postings).toEqual({ rows: 5, inserted: 0, skipped: 5 });
    expect(await postings()).toEqual(rows);
    const changed = await run(
      writeFolder({ ...files, "postings.csv": files["postings.csv"].map((p, i) => (i === 1 ? { ...p, valid_to: "2024-05-31" } : p)) }),
    );
    expect(where(changed)).toEqual(["postings.csv:3:valid_to:record_differs"]);
    expect(changed.issues[0]!.params).toMatchObject({ existing: "—", value: "2024-05-31" });
    expect(await postings()).toEqual(rows);
  });
});
