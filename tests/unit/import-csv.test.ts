// The streaming CSV reader (lib/import/csv.ts) and the header (lib/import/spec.ts): RFC 4180
// quoting, BOM, CRLF/LF/CR, line numbers across quoted line breaks and chunk boundaries,
// quoting mistakes, Chinese and English headers, unknown columns.
import { describe, expect, it } from "vitest";
import { CsvFatalError, CsvParser, MAX_FIELD, readCsv, type CsvEncoding, type CsvRecord } from "@/lib/import/csv";
import { readHeader } from "@/lib/import/spec";
import { gb18030 } from "../support/gb18030";

function parse(text: string, chunk = 0): CsvRecord[] {
  const p = new CsvParser();
  const out: CsvRecord[] = [];
  if (chunk > 0) for (let i = 0; i < text.length; i += chunk) out.push(...p.push(text.slice(i, i + chunk)));
  else out.push(...p.push(text));
  out.push(...p.end());
  return out;
}

const fields = (recs: CsvRecord[]) => recs.map((r) => r.fields);

async function readAll(chunks: (Uint8Array | string)[], encoding?: CsvEncoding, detected?: (e: string) => void) {
  const out: CsvRecord[] = [];
  async function* gen() {
    for (const c of chunks) yield c;
  }
  for await (const batch of readCsv(gen(), undefined, encoding, detected)) out.push(...batch);
  return out;
}

describe("CsvParser", () => {
  it("reads plain fields, CRLF, LF and a last line without a break", () => {
    expect(fields(parse("a,b\r\n1,2\n3,4"))).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(fields(parse("a,b\r1,2\r"))).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps empty fields, skips blank lines but counts them", () => {
    const recs = parse("a,b,c\n,,\n\n1,,3\n");
    expect(fields(recs)).toEqual([
      ["a", "b", "c"],
      ["", "", ""],
      ["1", "", "3"],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("strips a BOM only at the start", () => {
    expect(fields(parse("\uFEFFcode,name\n52,贵州省\n"))).toEqual([
      ["code", "name"],
      ["52", "贵州省"],
    ]);
    expect(fields(parse("a\n\uFEFFb\n"))).toEqual([["a"], ["\uFEFFb"]]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, numbering by the starting line", () => {
    const recs = parse('name,address\n"张三","一组, 3号"\n"说""好""",x\n"两\r\n行",y\nlast,z\n');
    expect(fields(recs)).toEqual([
      ["name", "address"],
      ["张三", "一组, 3号"],
      ['说"好"', "x"],
      ["两\r\n行", "y"],
      ["last", "z"],
    ]);
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

  it("refuses bytes that are not UTF-8 (e.g. GBK) when UTF-8 is asked for", async () => {
    const gbk = Uint8Array.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xb5, 0xa4, 0xd1, 0xf4, 0x0a]); // "code\n丹阳" in GBK
    await expect(readAll([gbk])).rejects.toMatchObject({ kind: "not_utf8" });
    await expect(readAll([gbk], "utf-8")).rejects.toMatchObject({ kind: "not_utf8" });
  });
});

describe("readCsv: GB18030 / GBK, as Excel on a Chinese system saves CSV (issue #23, point 5)", () => {
  const text = "村代码,户编号,户主姓名\n520603201200,0001,王大山\n520603201200,0002,赵一\n";
  it("the test's encoder agrees with the platform's decoder", () => {
    expect(new TextDecoder("gb18030").decode(gb18030(text))).toBe(text);
    expect([...gb18030("丹阳")]).toEqual([0xb5, 0xa4, 0xd1, 0xf4]);
  });

  it("chosen on the form: read as GB18030, split anywhere (inside a two-byte character too)", async () => {
    const bytes = gb18030(text);
    for (const cut of [1, 3, 7, 8, 9]) {
      const chunks = [];
      for (let i = 0; i < bytes.length; i += cut) chunks.push(bytes.subarray(i, i + cut));
      expect(fields(await readAll(chunks, "gb18030"))).toEqual([
        ["村代码", "户编号", "户主姓名"],
        ["520603201200", "0001", "王大山"],
        ["520603201200", "0002", "赵一"],
      ]);
    }
  });

  it("detected: a file that is not UTF-8 is read as GB18030, and says so", async () => {
    let used = "";
    const recs = await readAll([gb18030(text)], "auto", (e) => (used = e));
    expect(used).toBe("gb18030");
    expect(recs[1]!.fields[2]).toBe("王大山");
  });

  it("detected: UTF-8 (with or without a BOM) stays UTF-8", async () => {
    for (const bytes of [new TextEncoder().encode(text), new TextEncoder().encode(`\uFEFF${text}`)]) {
      let used = "";
      const recs = await readAll([bytes], "auto", (e) => (used = e));
      expect(used).toBe("utf-8");
      expect(recs[1]!.fields[2]).toBe("王大山");
    }
  });

  it("detected: GBK whose first characters happen to be valid UTF-8 (一 is D2 BB) is still GB18030", async () => {
    let used = "";
    const recs = await readAll([gb18030("一,名称\n1,丹阳村\n")], "auto", (e) => (used = e));
    expect(used).toBe("gb18030");
    expect(fields(recs)).toEqual([
      ["一", "名称"],
      ["1", "丹阳村"],
    ]);
  });

  it("detected: an English header and 100 KB of ASCII rows before the first Chinese name", async () => {
    const head = "village_code,household_number,head_name\n" + "520603201200,0001,Wang\n".repeat(5000);
    const bytes = Uint8Array.from([...new TextEncoder().encode(head), ...gb18030("520603201200,0002,王大山\n")]);
    let used = "";
    const chunks = [];
    for (let i = 0; i < bytes.length; i += 4096) chunks.push(bytes.subarray(i, i + 4096));
    const recs = await readAll(chunks, "auto", (e) => (used = e));
    expect(used).toBe("gb18030");
    expect(recs.at(-1)!.fields[2]).toBe("王大山");
    expect(recs).toHaveLength(5002);
  });

  it("detected: UTF-8 Chinese, then bytes that are neither: refused (a file is one encoding)", async () => {
    const utf8 = new TextEncoder().encode("名称\n" + "丹阳村\n".repeat(30_000));
    const bytes = Uint8Array.from([...utf8, 0xb5, 0xa4, 0x0a]);
    const chunks = [];
    for (let i = 0; i < bytes.length; i += 65536) chunks.push(bytes.subarray(i, i + 65536));
    await expect(readAll(chunks, "auto")).rejects.toMatchObject({ kind: "not_utf8" });
  });

  it("bytes that are not GB18030 either are refused, with the line", async () => {
    await expect(readAll([Uint8Array.from([0x61, 0x0a, 0x62, 0x0a, 0x81, 0x20, 0x0a])], "gb18030")).rejects.toMatchObject({
      kind: "not_gb18030",
      line: 3,
    });
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
