// The streaming CSV reader (lib/import/csv.ts) and the header (lib/import/spec.ts): RFC 4180
// quoting, BOM, CRLF/LF/CR, line numbers across quoted line breaks and chunk boundaries,
// quoting mistakes, Chinese and English headers, unknown columns.
import { describe, expect, it } from "vitest";
import { CsvFatalError, CsvParser, MAX_FIELD, readCsv, type CsvRecord } from "@/lib/import/csv";
import { readHeader } from "@/lib/import/spec";

function parse(text: string, chunk = 0): CsvRecord[] {
  const p = new CsvParser();
  const out: CsvRecord[] = [];
  if (chunk > 0) for (let i = 0; i < text.length; i += chunk) out.push(...p.push(text.slice(i, i + chunk)));
  else out.push(...p.push(text));
  out.push(...p.end());
  return out;
}

const fields = (recs: CsvRecord[]) => recs.map((r) => r.fields);

async function readAll(chunks: (Uint8Array | string)[]) {
  const out: CsvRecord[] = [];
  async function* gen() {
    for (const c of chunks) yield c;
  }
  for await (const batch of readCsv(gen())) out.push(...batch);
  return out;
}

describe("CsvParser", () => {
  it("reads plain fields, CRLF, LF and a last line without a break", () => {
    expect(fields(parse("a,b\r\n1,2\n3,4"))).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
    expect(fields(parse("a,b\r1,2\r"))).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("keeps empty fields, skips blank lines but counts them", () => {
    const recs = parse("a,b,c\n,,\n\n1,,3\n");
    expect(fields(recs)).toEqual([["a", "b", "c"], ["", "", ""], ["1", "", "3"]]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("strips a BOM only at the start", () => {
    expect(fields(parse("\uFEFFcode,name\n52,贵州省\n"))).toEqual([["code", "name"], ["52", "贵州省"]]);
    expect(fields(parse("a\n\uFEFFb\n"))).toEqual([["a"], ["\uFEFFb"]]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, numbering by the starting line", () => {
    const recs = parse('name,address\n"张三","一组, 3号"\n"说""好""",x\n"两\r\n行",y\nlast,z\n');
    expect(fields(recs)).toEqual([["name", "address"], ["张三", "一组, 3号"], ['说"好"', "x"], ["两\r\n行", "y"], ["last", "z"]]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
    expect(recs.every((r) => !r.problem)).toBe(true);
  });

  it("gives the same records whatever the chunk size (CRLF and quotes split across chunks)", () => {
    const text = '\uFEFFa,b\r\n"x,""y""\r\nz",2\r\n3,"4"\r\n\r\n5,6';
    const whole = parse(text);
    for (const size of [1, 2, 3, 5, 7]) expect(parse(text, size)).toEqual(whole);
  });

  it("flags a quote inside an unquoted field and text after a closing quote, and reads on", () => {
    const recs = parse('a,b\nab"c,1\n"x"y,2\nok,3\n');
    expect(recs[1]).toMatchObject({ line: 2, fields: ['ab"c', "1"], problem: { kind: "bad_quote", field: 0 } });
    expect(recs[2]).toMatchObject({ line: 3, fields: ["xy", "2"], problem: { kind: "bad_quote", field: 0 } });
    expect(recs[3]).toEqual({ line: 4, fields: ["ok", "3"] });
  });

  it("flags an unclosed quote at the end of the file on the line it opened", () => {
    const recs = parse('a,b\n1,"open\n2,3\n');
    expect(recs[1]).toMatchObject({ line: 2, problem: { kind: "unterminated_quote", field: 1 } });
  });

  it("stops on a quoted field longer than MAX_FIELD (an unclosed quote eating the file)", () => {
    const p = new CsvParser();
    p.push('a\n"');
    expect(() => p.push("x".repeat(MAX_FIELD + 1))).toThrow(CsvFatalError);
  });
});

describe("readCsv", () => {
  it("decodes UTF-8 split inside a character", async () => {
    const bytes = new TextEncoder().encode("名称\n丹阳村\n");
    const recs = await readAll([bytes.subarray(0, 1), bytes.subarray(1, 8), bytes.subarray(8)]);
    expect(fields(recs)).toEqual([["名称"], ["丹阳村"]]);
  });

  it("refuses bytes that are not UTF-8 (e.g. GBK)", async () => {
    const gbk = Uint8Array.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xb5, 0xa4, 0xd1, 0xf4, 0x0a]); // "code\n丹阳" in GBK
    await expect(readAll([gbk])).rejects.toMatchObject({ kind: "not_utf8" });
  });
});

describe("readHeader", () => {
  it("matches English and Chinese names in any order, case and spaces aside", () => {
    const h = readHeader("households.csv", [" 户编号", "VILLAGE_CODE", "户主姓名", "phone"]);
    expect(h.issues).toEqual([]);
    expect(h.keys).toEqual(["household_number", "village_code", "head_name", "phone"]);
    expect(h.label.get("household_number")).toBe("户编号");
    expect(h.label.get("address")).toBe("address");
  });

  it("reports unknown, repeated and missing columns", () => {
    const h = readHeader("members.csv", ["village_code", "户编号", "name", "姓名", "sex", "birthdate", "relation"]);
    expect(h.issues).toEqual([
      { index: 3, column: "姓名", rule: "duplicate_column" },
      { index: 5, column: "birthdate", rule: "unknown_column" },
      { index: null, column: "birth_date", rule: "missing_column" },
    ]);
  });
});
