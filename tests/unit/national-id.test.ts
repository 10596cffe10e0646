import { describe, it, expect } from "vitest";
import { checkDigit, makeNationalId, validateNationalId } from "@/lib/national-id";

const TODAY = { today: "2026-11-28" };

describe("checkDigit", () => {
  it("computes ISO 7064 MOD 11-2", () => {
    expect(checkDigit("11010519491231002")).toBe("X");
    expect(checkDigit("44052418800101001")).toBe("4");
    expect(checkDigit("52060319850615123")).toBe("7"); // independently computed
  });
  it("rejects anything but 17 ASCII digits", () => {
    expect(() => checkDigit("1101051949123100")).toThrow(RangeError);
    expect(() => checkDigit("1101051949123100a")).toThrow(RangeError);
  });
});

describe("validateNationalId", () => {
  it("accepts known-valid ids and reads birth date and sex", () => {
    expect(validateNationalId("11010519491231002X", TODAY)).toEqual({
      ok: true,
      birthDate: "1949-12-31",
      sex: "female",
    });
    expect(validateNationalId("440524188001010014", TODAY)).toEqual({
      ok: true,
      birthDate: "1880-01-01",
      sex: "male",
    });
    expect(validateNationalId("520603198506151237", TODAY)).toMatchObject({ ok: true, sex: "male" });
  });

  it("check digit: names expected and actual", () => {
    const r = validateNationalId("110105194912310023", TODAY);
    expect(r).toMatchObject({ ok: false, code: "check_digit" });
    if (!r.ok) {
      expect(r.message).toContain("校验位应为 X，实际为 3");
      expect(r.messageEn).toContain("should be X, it is 3");
    }
  });

  it("format: wrong length, letters, lowercase x", () => {
    expect(validateNationalId("11010519491231002", TODAY)).toMatchObject({ ok: false, code: "format" });
    expect(validateNationalId("11010519491231002XX", TODAY)).toMatchObject({ ok: false, code: "format" });
    expect(validateNationalId("", TODAY)).toMatchObject({ ok: false, code: "format" });
    expect(validateNationalId("1101A5194912310020", TODAY)).toMatchObject({ ok: false, code: "format" });
    const lower = validateNationalId("11010519491231002x", TODAY);
    expect(lower).toMatchObject({ ok: false, code: "format" });
    if (!lower.ok) expect(lower.message).toContain("大写 X");
    expect(validateNationalId("X10105194912310020", TODAY)).toMatchObject({ ok: false, code: "format" });
  });

  it("format: full-width digits, zero-width characters and spaces are never fixed silently", () => {
    const full = validateNationalId("１１０１０５１９４９１２３１００２Ｘ", TODAY);
    expect(full).toMatchObject({ ok: false, code: "format" });
    if (!full.ok) expect(full.message).toContain("全角");
    const oneFull = validateNationalId("11010519491231002\uFF38", TODAY);
    expect(oneFull).toMatchObject({ ok: false, code: "format" });
    const zw = validateNationalId("110105\u200B19491231002X", TODAY);
    expect(zw).toMatchObject({ ok: false, code: "format" });
    if (!zw.ok) expect(zw.message).toContain("不可见");
    expect(validateNationalId("\uFEFF11010519491231002X", TODAY)).toMatchObject({ code: "format" });
    expect(validateNationalId(" 11010519491231002X", TODAY)).toMatchObject({ code: "format" });
    expect(validateNationalId("11010519491231002X ", TODAY)).toMatchObject({ code: "format" });
  });

  it("format: region prefix must be a province code", () => {
    const id = makeNationalId("520603", "1980-01-01", 1);
    const bad = "00" + id.slice(2, 17);
    const r = validateNationalId(bad + checkDigit(bad), TODAY);
    expect(r).toMatchObject({ ok: false, code: "format" });
    if (!r.ok) expect(r.message).toContain("地区码");
  });

  it("birth date: must be a real date, not in the future", () => {
    const feb30 = "52060319800230001";
    expect(validateNationalId(feb30 + checkDigit(feb30), TODAY)).toMatchObject({ code: "birth_date" });
    const month13 = "52060319801301001";
    expect(validateNationalId(month13 + checkDigit(month13), TODAY)).toMatchObject({ code: "birth_date" });
    const feb29NonLeap = "52060319000229001";
    expect(validateNationalId(feb29NonLeap + checkDigit(feb29NonLeap), TODAY)).toMatchObject({
      code: "birth_date",
    });
    expect(validateNationalId(makeNationalId("520603", "2000-02-29", 2), TODAY)).toMatchObject({ ok: true });
    const future = makeNationalId("520603", "2026-11-29", 3);
    const r = validateNationalId(future, TODAY);
    expect(r).toMatchObject({ ok: false, code: "birth_date" });
    if (!r.ok) expect(r.message).toContain("晚于今天");
    expect(validateNationalId(makeNationalId("520603", "2026-11-28", 3), TODAY)).toMatchObject({ ok: true });
  });

  it("the birth date is checked before the check digit", () => {
    expect(validateNationalId("520603198002300010", TODAY)).toMatchObject({ code: "birth_date" });
  });
});

describe("makeNationalId", () => {
  it("builds valid ids; odd sequence is male, even female", () => {
    const m = makeNationalId("520603", "1975-08-09", 31);
    expect(m).toHaveLength(18);
    expect(m.startsWith("52060319750809031")).toBe(true);
    expect(validateNationalId(m, TODAY)).toEqual({ ok: true, birthDate: "1975-08-09", sex: "male" });
    const f = makeNationalId("520602", "2012-01-31", 998);
    expect(validateNationalId(f, TODAY)).toEqual({ ok: true, birthDate: "2012-01-31", sex: "female" });
  });
  it("rejects bad arguments", () => {
    expect(() => makeNationalId("52060", "1975-08-09", 1)).toThrow(RangeError);
    expect(() => makeNationalId("520603", "1975-02-30", 1)).toThrow(RangeError);
    expect(() => makeNationalId("520603", "19750209", 1)).toThrow(RangeError);
    expect(() => makeNationalId("520603", "1975-08-09", 0)).toThrow(RangeError);
    expect(() => makeNationalId("520603", "1975-08-09", 1000)).toThrow(RangeError);
    expect(() => makeNationalId("520603", "1975-08-09", 1.5)).toThrow(RangeError);
  });
});
