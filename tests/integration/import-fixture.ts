// A small import folder (docs/import-format.md) for the import tests: three households, two of
// them in a village the folder adds, with members, income and indicators. Each file can be
// overridden to plant a mistake.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { makeNationalId } from "@/lib/national-id";

export type Rows = Record<string, string | number>[];

/** RFC 4180 text: quotes where needed, CRLF line ends. */
export function toCsv(rows: Rows, header?: string[]): string {
  const cols = header ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [cols.map(cell).join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}

export const NEW_VILLAGE = "520603201290"; // not in the official tree (the demo data loads that)
export const OLD_VILLAGE = "520603201200";

/**
 * The sample folder. `variant` renames the households (H001 → K001) and changes every national
 * ID, so a second copy does not collide with one already imported.
 */
export function sampleFiles(variant?: { prefix: string; seq: number }): Record<string, Rows> {
  const files = baseFiles();
  if (!variant) return files;
  for (const rows of Object.values(files)) {
    for (const r of rows) {
      if (typeof r.household_number === "string") r.household_number = r.household_number.replace(/^[HX]/, variant.prefix);
      if (typeof r.national_id === "string" && r.national_id) {
        const id = r.national_id.toUpperCase();
        r.national_id = makeNationalId(
          id.slice(0, 6),
          `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
          Number(id.slice(14, 17)) + variant.seq,
        );
      }
    }
  }
  return files;
}

function baseFiles(): Record<string, Rows> {
  return {
    "regions.csv": [
      { code: OLD_VILLAGE, parent_code: "520603201", level: "village", name: "丹阳村", name_en: "" },
      { code: NEW_VILLAGE, parent_code: "520603201", level: "村", name: "新寨村", name_en: "Xinzhai" },
    ],
    "households.csv": [
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        head_name: "张三",
        address: "新寨村一组, 3号",
        phone: "138 0000 0001",
        registered_status: "registered_poor",
        registered_at: "2016-03-01",
        lifted_at: "",
        main_cause: "illness",
      },
      {
        village_code: NEW_VILLAGE,
        household_number: "H002",
        head_name: "李四",
        address: "",
        phone: "",
        registered_status: "已脱贫",
        registered_at: "2015-05-01",
        lifted_at: "2019-12-01",
        main_cause: "",
      },
      {
        village_code: OLD_VILLAGE,
        household_number: "X100",
        head_name: "王五",
        address: "",
        phone: "",
        registered_status: "",
        registered_at: "",
        lifted_at: "",
        main_cause: "",
      },
    ],
    "members.csv": [
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        name: "张三",
        national_id: makeNationalId("520603", "1970-05-01", 11),
        sex: "male",
        birth_date: "1970-05-01",
        relation: "head",
        counted: "1",
      },
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        name: "赵花",
        national_id: makeNationalId("520603", "1972-08-09", 22),
        sex: "女",
        birth_date: "1972-08-09",
        relation: "spouse",
        counted: "1",
      },
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        name: "张小",
        national_id: "",
        sex: "male",
        birth_date: "2012-01-15",
        relation: "child",
        school_status: "enrolled",
        counted: "是",
      },
      {
        village_code: NEW_VILLAGE,
        household_number: "H002",
        name: "李四",
        national_id: makeNationalId("520603", "1965-02-03", 31).replace("X", "x"),
        sex: "male",
        birth_date: "1965-02-03",
        relation: "户主",
        counted: "true",
      },
      {
        village_code: OLD_VILLAGE,
        household_number: "X100",
        name: "王五",
        national_id: makeNationalId("520603", "1980-11-30", 41),
        sex: "male",
        birth_date: "1980-11-30",
        relation: "head",
        counted: "1",
      },
      {
        village_code: OLD_VILLAGE,
        household_number: "X100",
        name: "王母",
        national_id: "",
        sex: "female",
        birth_date: "1950-01-01",
        relation: "parent",
        counted: "0",
      },
    ],
    "income.csv": [
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        wages: "3000",
        business: "1200.5",
        business_costs: "200",
        property: "0",
        transfers: "800",
        rigid_expenditure: "0",
        previous_year_income: "",
      },
      {
        village_code: NEW_VILLAGE,
        household_number: "H002",
        wages: "52000",
        business: "0",
        business_costs: "0",
        property: "0",
        transfers: "0",
        rigid_expenditure: "0",
        previous_year_income: "15000",
      },
      {
        village_code: OLD_VILLAGE,
        household_number: "X100",
        wages: "40000",
        business: "",
        business_costs: "",
        property: "",
        transfers: "",
        rigid_expenditure: "",
        previous_year_income: "",
      },
    ],
    "indicators.csv": [
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        food: "1",
        clothing: "1",
        housing_grade: "C",
        electricity: "1",
        water_litres: "40",
        water_scarce_area: "0",
        water_piped: "1",
        water_round_trip_min: "",
        water_horizontal_m: "",
        water_vertical_m: "",
        water_quality_safe: "1",
        water_outage_days: "0",
      },
    ],
  };
}

/** Chinese headers for a file's rows (the same columns, renamed). */
export const ZH: Record<string, Record<string, string>> = {
  "households.csv": {
    village_code: "村代码",
    household_number: "户编号",
    head_name: "户主姓名",
    address: "住址",
    phone: "联系电话",
    registered_status: "登记状态",
    registered_at: "识别日期",
    lifted_at: "脱贫日期",
    main_cause: "主要致贫原因",
  },
};

export function renameColumns(rows: Rows, names: Record<string, string>): Rows {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [names[k] ?? k, v])));
}

const folders: string[] = [];

/** Remove the folders writeFolder made (call in afterAll). */
export function removeFolders(): void {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Write the files (text as given, or rows → CSV) to a new temporary folder. */
export function writeFolder(files: Record<string, Rows | string>, options: { bom?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jz-import-test-"));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const text = typeof content === "string" ? content : toCsv(content);
    fs.writeFileSync(path.join(dir, name), (options.bom ? "\uFEFF" : "") + text);
  }
  return dir;
}

export function sha256File(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}
