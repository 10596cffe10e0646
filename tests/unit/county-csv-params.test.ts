// CSV cells (formula injection, quoting), the download header, and the county pages'
// search-parameter parsing: pure, no database.
import { describe, expect, it } from "vitest";
import { attachment, csvCell, csvRow, csvStream, CSV_BOM } from "@/lib/csv";
import { parseHouseholdParams, parseVillageParams } from "@/lib/validation/county";

describe("csvCell", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+86 138", "'+86 138"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", '"\'\rx"'],
    ["王某", "王某"],
    ["a,b", '"a,b"'],
    ['说"是"', '"说""是"""'],
    ["line\nbreak", '"line\nbreak"'],
  ])("text %j → %j", (input, out) => expect(csvCell(input)).toBe(out));

  it("keeps numbers as numbers (a negative number is data, not a formula), empties empty", () => {
    expect(csvCell(-3.5)).toBe("-3.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("是");
  });

  it("ends rows with CRLF", () => expect(csvRow(["a", 1, null])).toBe("a,1,\r\n"));
});

describe("attachment", () => {
  it("gives an ASCII fallback and the UTF-8 name per RFC 5987", () => {
    expect(attachment("万山区-村庄-2026-11-29.csv", "villages.csv")).toBe(
      "attachment; filename=\"villages.csv\"; filename*=UTF-8''%E4%B8%87%E5%B1%B1%E5%8C%BA-%E6%9D%91%E5%BA%84-2026-11-29.csv",
    );
    expect(attachment("a'(b).csv", 'x"y.csv')).toBe("attachment; filename=\"x_y.csv\"; filename*=UTF-8''a%27%28b%29.csv");
  });
});

describe("csvStream", () => {
  it("starts with the BOM and the header, then streams each batch", async () => {
    async function* batches() {
      yield [["a", 1]];
      yield [
        ["=b", 2],
        ["c", 3],
      ];
    }
    const bytes = Buffer.from(await new Response(csvStream(["名称", "数"], batches())).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // (text() would strip the BOM)
    expect(bytes.toString("utf8")).toBe(`${CSV_BOM}名称,数\r\na,1\r\n'=b,2\r\nc,3\r\n`);
  });
});

describe("search parameters", () => {
  it("keeps the valid ones and names each bad one with what is allowed", () => {
    const { values, errors } = parseVillageParams({
      sort: "bogus",
      dir: "desc",
      page: "abc",
      incidenceMin: "2.5",
      coverageMax: "120",
      q: "丹阳",
    });
    expect(values).toEqual({ dir: "desc", incidenceMin: 2.5, q: "丹阳" });
    expect(errors.map((e) => [e.param, e.code])).toEqual([
      ["sort", "enum"],
      ["page", "int"],
      ["coverageMax", "max"],
    ]);
    expect(errors[0]!.allowed).toContain("incidence");
    expect(errors[2]).toMatchObject({ value: "120", max: 100 });
  });

  it("reports a repeated parameter and a page of 0", () => {
    const { values, errors } = parseHouseholdParams({ unmet: ["water", "food"], page: "0", mismatch: "exit", cadre: "none" });
    expect(values).toEqual({ mismatch: "exit", cadre: "none" });
    expect(errors.map((e) => [e.param, e.code])).toEqual([
      ["page", "min"],
      ["unmet", "repeated"],
    ]);
  });

  it("accepts every filter of the village page", () => {
    const { values, errors } = parseHouseholdParams({
      sort: "lastVisit",
      dir: "asc",
      page: "2",
      size: "100",
      q: "王",
      mismatch: "any",
      monitoring: "none",
      overdue: "1",
      unmet: "water",
      cause: "illness",
      registered: "lifted",
      assessed: "none",
      cadre: "0b7c6a2e-1f0e-4a43-9a55-0d0c1f5e6b7a",
    });
    expect(errors).toEqual([]);
    expect(values).toMatchObject({ page: 2, size: "100", overdue: "1", assessed: "none" });
  });
});
