// The import's error report: capped list, counts per file, order, and one message per rule in
// both languages (every rule the code can emit has one).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { messages } from "@/i18n/messages";
import { IssueList, formatIssue } from "@/lib/import/issues";

const tr = (locale: "zh-CN" | "en") =>
  createTranslator({ locale, messages: messages[locale], namespace: "bulkImport" }) as unknown as (
    k: string,
    v?: Record<string, string | number>,
  ) => string;

describe("IssueList", () => {
  it("keeps the first `cap` problems, counts them all per file, sorts by file then row", () => {
    const list = new IssueList(3);
    list.add({ file: "members.csv", row: 9, column: "sex", rule: "enum" });
    list.add({ file: "households.csv", row: 4, column: "phone", rule: "phone" });
    list.addCounted([{ file: "members.csv", row: 2, column: "national_id", rule: "duplicate", params: { first: 1 } }], 250);
    list.add({ file: "income.csv", row: 2, column: "wages", rule: "amount" });
    expect(list.count).toBe(253);
    expect(list.items).toHaveLength(3);
    expect(list.truncated).toBe(true);
    expect(list.room).toBe(0);
    expect(list.byFile).toEqual({ "members.csv": 251, "households.csv": 1, "income.csv": 1 });
    expect(list.sorted().map((i) => `${i.file}:${i.row}`)).toEqual(["households.csv:4", "members.csv:2", "members.csv:9"]);
  });
});

describe("formatIssue", () => {
  it("names file, row, column and rule in Chinese and English", () => {
    const issue = { file: "members.csv" as const, row: 1043, column: "national_id", rule: "national_id_check", params: { expected: "7" } };
    expect(formatIssue(tr("zh-CN"), issue)).toBe("members.csv 第 1043 行 national_id：校验位错误（应为 7）");
    expect(formatIssue(tr("en"), issue)).toBe("members.csv row 1043 national_id: wrong check character (should be 7)");
    expect(formatIssue(tr("zh-CN"), { file: "households.csv", row: null, column: null, rule: "empty_file" })).toBe(
      "households.csv：文件为空（缺少列名行）",
    );
    expect(formatIssue(tr("en"), { file: null, row: null, column: null, rule: "no_policy", params: { year: 2024 } })).toBe(
      "no policy values for 2024: nothing can be assessed (set them under Policy)",
    );
  });

  it("every rule the import can report has a message in both languages", () => {
    const dir = path.resolve("lib/import");
    const found = new Set<string>();
    for (const f of fs.readdirSync(dir)) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      for (const m of src.matchAll(/rule: "([a-z_0-9]+)"/g)) found.add(m[1]!);
      for (const m of src.matchAll(/'([a-z_0-9]+)' (?:AS rule|END AS rule)/g)) found.add(m[1]!);
      for (const m of src.matchAll(/bad\("([a-z_0-9]+)"/g)) found.add(m[1]!);
      for (const m of src.matchAll(/issue\("[a-z_]+", "([a-z_0-9]+)"/g)) found.add(m[1]!);
      for (const m of src.matchAll(/THEN '([a-z_]+)' ELSE '([a-z_]+)' END AS rule/g)) [m[1]!, m[2]!].forEach((r) => found.add(r));
    }
    for (const r of [
      "unknown_column",
      "duplicate_column",
      "missing_column",
      "unterminated_quote",
      "bad_quote",
      "not_utf8",
      "field_count",
      "empty_file",
    ])
      found.add(r);
    // the readers' own kinds (CsvFatalError, CsvProblem): GB18030 and .xlsx
    for (const r of ["not_gb18030", "not_xlsx", "long_number", "cell_error"]) found.add(r);
    expect(found.size).toBeGreaterThan(50);
    for (const locale of ["zh-CN", "en"] as const) {
      const rules = (messages[locale] as { bulkImport: { rules: Record<string, string> } }).bulkImport.rules;
      expect(
        [...found].filter((r) => !(r in rules)),
        locale,
      ).toEqual([]);
    }
  });
});
