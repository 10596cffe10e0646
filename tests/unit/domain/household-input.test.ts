import { describe, it, expect } from "vitest";
import type { PolicyRow } from "@/lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { parseHouseholdInput, parsePolicyRows, type InputError } from "@/lib/validation/household-input";
import { adult, child, household } from "./fixtures";

function errorsOf(json: unknown, rows: readonly PolicyRow[] = DEFAULT_POLICY_ROWS, province: string | null = null) {
  const r = parseHouseholdInput(json, rows, province);
  return r.ok ? [] : r.errors;
}
const paths = (errors: InputError[]) => errors.map((e) => e.path);

/** The contract example, as plain JSON. */
const example = () => ({
  year: 2020,
  asOf: "2020-12-31",
  registeredStatus: "not_registered",
  members: [
    {
      birthDate: "1980-05-01",
      counted: true,
      medicalInsurance: true,
      schoolStatus: "not_applicable",
      dropoutMedicalExemption: false,
      laborCapacity: "full",
    },
  ],
  income: { wages: 0, business: 0, businessCosts: 0, property: 0, transfers: 0 },
  food: true,
  clothing: true,
  housing: { grade: "A", electricity: true },
  water: {
    litresPerPersonDay: 40,
    waterScarceArea: false,
    piped: true,
    roundTripMinutes: 0,
    horizontalMetres: null,
    verticalMetres: null,
    qualitySafe: true,
    outageDaysPerYear: 0,
  },
  rigidExpenditure: 0,
  previousYearIncome: null,
});

describe("parseHouseholdInput: shape", () => {
  it("accepts the contract example unchanged", () => {
    expect(parseHouseholdInput(example(), DEFAULT_POLICY_ROWS)).toEqual({ ok: true, value: { ...example(), monitored: false } });
  });

  it("defaults asOf to 31 December of the year, registeredStatus to not_registered", () => {
    const { asOf: _a, registeredStatus: _r, ...rest } = { ...example(), year: 2021 };
    const r = parseHouseholdInput(rest, DEFAULT_POLICY_ROWS);
    expect(r.ok && r.value.asOf).toBe("2021-12-31");
    expect(r.ok && r.value.registeredStatus).toBe("not_registered");
  });

  it("rejects unknown keys at every level, naming them", () => {
    const j = example() as Record<string, unknown>;
    j.extra = 1;
    (j.income as Record<string, unknown>).bonus = 5;
    (j.members as Array<Record<string, unknown>>)[0]!.name = "张三";
    expect(paths(errorsOf(j)).sort()).toEqual(["extra", "income.bonus", "members.0.name"]);
    expect(errorsOf(j)[0]).toMatchObject({ message: "不允许的字段", messageEn: "unknown field" });
  });

  it("amounts must be finite, non-negative numbers", () => {
    const j = example();
    j.income.property = -0.01;
    (j as Record<string, unknown>).rigidExpenditure = "100";
    expect(errorsOf(j)).toEqual([
      { path: "income.property", message: "不能为负数", messageEn: "must not be negative" },
      { path: "rigidExpenditure", message: "须为有限数字", messageEn: "must be a finite number" },
    ]);
    expect(paths(errorsOf({ ...example(), previousYearIncome: Infinity }))).toEqual(["previousYearIncome"]);
    expect(paths(errorsOf({ ...example(), previousYearIncome: -5 }))).toEqual(["previousYearIncome"]);
  });

  it("dates must be real YYYY-MM-DD dates", () => {
    for (const bad of ["2021-02-29", "2020-13-01", "2020/01/01", "20200101", ""]) {
      const j = example();
      j.members[0]!.birthDate = bad;
      expect(errorsOf(j)).toEqual([
        {
          path: "members.0.birthDate",
          message: "须为有效日期，格式 YYYY-MM-DD",
          messageEn: "must be a real date written YYYY-MM-DD",
        },
      ]);
    }
    expect(paths(errorsOf({ ...example(), asOf: "2020-02-30" }))).toEqual(["asOf"]);
  });

  it("year is an integer 2014..2100", () => {
    expect(paths(errorsOf({ ...example(), year: 2013 }))).toEqual(["year"]);
    expect(errorsOf({ ...example(), year: 2013 })[0]?.messageEn).toBe("must be at least 2014");
    expect(paths(errorsOf({ ...example(), year: 2101 }))).toEqual(["year"]);
    expect(paths(errorsOf({ ...example(), year: 2020.5 }))).toEqual(["year"]);
    expect(paths(errorsOf({ ...example(), year: "2020" }))).toEqual(["year"]);
  });

  it("enums, booleans and required fields", () => {
    const j = example() as Record<string, unknown>;
    j.housing = { grade: "E", electricity: "yes" };
    delete j.food;
    const errs = errorsOf(j);
    expect(errs).toContainEqual({
      path: "housing.grade",
      message: "取值须为以下之一：A, B, C, D",
      messageEn: "must be one of: A, B, C, D",
    });
    expect(errs).toContainEqual({ path: "housing.electricity", message: "须为 true 或 false", messageEn: "must be true or false" });
    expect(errs).toContainEqual({ path: "food", message: "必填", messageEn: "is required" });
  });

  it("not an object at all", () => {
    expect(paths(errorsOf([]))).toEqual(["input"]);
    expect(paths(errorsOf(null))).toEqual(["input"]);
  });
});

describe("parseHouseholdInput: cross-field rules", () => {
  it("at least one counted member", () => {
    expect(errorsOf(household({ members: [adult({ counted: false })] }))).toEqual([
      { path: "members", message: "至少需要一名计入人口的成员", messageEn: "must include at least one counted member" },
    ]);
  });

  it("a counted school-age member needs a school status", () => {
    const members = [adult(), adult({ birthDate: "2010-01-01" }), adult({ birthDate: "2010-01-01", counted: false })];
    const errs = errorsOf(household({ members }));
    expect(paths(errs)).toEqual(["members.1.schoolStatus"]);
    expect(errs[0]?.messageEn).toContain("compulsory-school age");
    // age 16 on the assessment date: not_applicable is fine
    expect(errorsOf(household({ members: [adult({ birthDate: "2004-12-31" })] }))).toEqual([]);
    // age 5: fine
    expect(errorsOf(household({ members: [adult(), adult({ birthDate: "2015-01-01" })] }))).toEqual([]);
  });

  it("uses the province's school ages when given", () => {
    const rows: PolicyRow[] = [...DEFAULT_POLICY_ROWS, { id: "p-2020", year: 2020, provinceCode: "52", values: { schoolAgeMax: 16 } }];
    const h = household({ members: [adult(), adult({ birthDate: "2004-06-01" })] }); // 16
    expect(errorsOf(h, rows)).toEqual([]);
    expect(paths(errorsOf(h, rows, "52"))).toEqual(["members.1.schoolStatus"]);
  });

  it("a year with no policy is an error at year", () => {
    const rows = DEFAULT_POLICY_ROWS.filter((r) => r.year >= 2018).map((r) =>
      r.id === "national-2018"
        ? {
            ...r,
            values: {
              ...DEFAULT_POLICY_ROWS[0]!.values,
              ...DEFAULT_POLICY_ROWS.find((d) => d.id === "national-2014-places-v2")!.values,
              ...DEFAULT_POLICY_ROWS.find((d) => d.id === "national-2014-key-households")!.values,
              ...r.values,
            },
          }
        : r,
    );
    expect(errorsOf(household({ year: 2018 }), rows)).toEqual([]);
    const errs = errorsOf(household({ year: 2016 }), rows);
    expect(paths(errs)).toEqual(["year"]);
    expect(errs[0]?.messageEn).toContain("no policy");
  });

  it("birth date after the assessment date", () => {
    expect(paths(errorsOf(household({ members: [adult(), child("2021-01-01")] })))).toEqual(["members.1.birthDate"]);
  });

  it("reports all cross-field errors together", () => {
    const members = [adult({ counted: false }), adult({ birthDate: "2030-01-01", counted: false })];
    expect(paths(errorsOf(household({ members })))).toEqual(["members", "members.1.birthDate"]);
  });
});

describe("parsePolicyRows", () => {
  it("accepts an array or { rows }", () => {
    expect(parsePolicyRows(DEFAULT_POLICY_ROWS)).toEqual({ ok: true, value: DEFAULT_POLICY_ROWS });
    expect(parsePolicyRows({ rows: DEFAULT_POLICY_ROWS })).toEqual({ ok: true, value: DEFAULT_POLICY_ROWS });
  });
  it("rejects unknown policy keys, negative values and duplicate ids", () => {
    const bad = [
      { id: "a", year: 2020, provinceCode: null, values: { povertyline: 4000 } },
      { id: "b", year: 2020, provinceCode: null, values: { povertyLine: -1 } },
    ];
    const r = parsePolicyRows(bad);
    expect(r.ok ? [] : paths(r.errors)).toEqual(["0.values.povertyline", "1.values.povertyLine"]);
    const dup = parsePolicyRows({ rows: [DEFAULT_POLICY_ROWS[0], DEFAULT_POLICY_ROWS[0]] });
    expect(dup.ok ? [] : paths(dup.errors)).toEqual(["rows.1.id"]);
  });
});
