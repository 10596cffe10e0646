// Row rules of the bulk import (lib/import/rows.ts, lib/import/values.ts), each at, just
// inside and just outside its boundary; and the enumerations against the Prisma schema.
import { describe, expect, it } from "vitest";
import * as Enums from "@/lib/generated/prisma/enums";
import { makeNationalId } from "@/lib/national-id";
import { amount, bool, charLength, date, integer, phone, text } from "@/lib/import/values";
import { householdRow, incomeRow, indicatorRow, memberRow, regionRow, type RowContext } from "@/lib/import/rows";
import * as Spec from "@/lib/import/spec";

const ctx: RowContext = { today: "2024-06-30", scope: "", newId: () => "id-1" };
const getter = (cells: Record<string, string>) => (k: string) => cells[k] ?? "";
const rules = (r: { issues: { column: string; rule: string }[] }) => r.issues.map((i) => `${i.column}:${i.rule}`);

const V = "520603201200";
const household = (extra: Record<string, string> = {}) =>
  householdRow(getter({ village_code: V, household_number: "001", head_name: "张三", ...extra }), 2, ctx);
const member = (extra: Record<string, string> = {}) =>
  memberRow(
    getter({ village_code: V, household_number: "001", name: "张三", sex: "male", birth_date: "1970-05-01", relation: "head", ...extra }),
    2,
    ctx,
  );

describe("values", () => {
  it("text: 1–max characters, counted as people count them", () => {
    expect(text("x".repeat(50), 1, 50)).toEqual({ ok: true, value: "x".repeat(50) });
    expect(text("x".repeat(51), 1, 50)).toMatchObject({ ok: false, rule: "too_long", params: { max: 50, length: 51 } });
    expect(text("", 1, 50)).toMatchObject({ ok: false, rule: "required" });
    expect(charLength("𠀀张")).toBe(2);
    expect(text("𠀀".repeat(50), 1, 50).ok).toBe(true);
  });

  it("amounts: 0 or more, at most two decimals, no separators, below the column's limit", () => {
    for (const ok of ["0", "0.00", "12.3", "12.34", "9999999999.99"]) expect(amount(ok)).toEqual({ ok: true, value: ok });
    expect(amount("12.345")).toMatchObject({ rule: "amount_decimals" });
    expect(amount("-0.01")).toMatchObject({ rule: "amount_negative" });
    expect(amount("1,000")).toMatchObject({ rule: "amount" });
    expect(amount("1e3")).toMatchObject({ rule: "amount" });
    expect(amount(".5")).toMatchObject({ rule: "amount" });
    expect(amount("¥5")).toMatchObject({ rule: "amount" });
    expect(amount("10000000000")).toMatchObject({ rule: "amount_too_large" });
    expect(amount("999999.99", 1_000_000).ok).toBe(true);
    expect(amount("1000000", 1_000_000)).toMatchObject({ rule: "amount_too_large" });
  });

  it("dates: real YYYY-MM-DD dates, today at the latest", () => {
    expect(date("2024-02-29", "2024-06-30").ok).toBe(true);
    expect(date("2023-02-29", "2024-06-30")).toMatchObject({ rule: "date" });
    expect(date("2024-13-01", "2024-06-30")).toMatchObject({ rule: "date" });
    expect(date("2024-6-1", "2024-06-30")).toMatchObject({ rule: "date" });
    expect(date("1899-12-31", "2024-06-30")).toMatchObject({ rule: "date" });
    expect(date("2024-06-30", "2024-06-30").ok).toBe(true);
    expect(date("2024-07-01", "2024-06-30")).toMatchObject({ rule: "future_date", params: { today: "2024-06-30" } });
  });

  it("booleans: 1/0, true/false, 是/否", () => {
    for (const [raw, v] of [
      ["1", true],
      ["0", false],
      ["true", true],
      ["FALSE", false],
      ["是", true],
      ["否", false],
    ] as const)
      expect(bool(raw)).toEqual({ ok: true, value: v });
    expect(bool("yes")).toMatchObject({ rule: "boolean" });
    expect(bool("2")).toMatchObject({ rule: "boolean" });
  });

  it("integers within their range; phones of digits, +, - and spaces up to 20", () => {
    expect(integer("366", 0, 366).ok).toBe(true);
    expect(integer("367", 0, 366)).toMatchObject({ rule: "integer_range" });
    expect(integer("-1", 0, 366)).toMatchObject({ rule: "integer_range" });
    expect(integer("1.5", 0, 366)).toMatchObject({ rule: "integer" });
    expect(phone("+86 138-0000-0000").ok).toBe(true);
    expect(phone("1".repeat(20)).ok).toBe(true);
    expect(phone("1".repeat(21))).toMatchObject({ rule: "too_long" });
    expect(phone("138O")).toMatchObject({ rule: "phone" });
  });
});

describe("regions.csv rows", () => {
  const region = (cells: Record<string, string>, scope = "") => regionRow(getter(cells), 2, { ...ctx, scope });
  it("code length by level, parent = the code's start, a province has no parent", () => {
    expect(rules(region({ code: "52", parent_code: "", level: "province", name: "贵州省" }))).toEqual([]);
    expect(rules(region({ code: "520603201200", parent_code: "520603201", level: "村", name: "丹阳村" }))).toEqual([]);
    expect(rules(region({ code: "52060320120", parent_code: "520603201", level: "village", name: "x" }))).toEqual(["code:region_code"]);
    expect(rules(region({ code: "520603201", parent_code: "520603", level: "village", name: "x" }))).toEqual(["code:region_code_level"]);
    expect(rules(region({ code: "520603201200", parent_code: "520603202", level: "village", name: "x" }))).toEqual([
      "parent_code:parent_prefix",
    ]);
    expect(rules(region({ code: "52", parent_code: "5", level: "province", name: "x" }))).toEqual(["parent_code:province_parent"]);
    expect(rules(region({ code: "5206", parent_code: "", level: "city", name: "x" }))).toEqual(["parent_code:required"]);
    expect(rules(region({ code: "5206", parent_code: "52", level: "town", name: "x".repeat(101) }))).toEqual([
      "level:enum",
      "name:too_long",
    ]);
  });
  it("outside the importer's node (its ancestors may be listed)", () => {
    expect(rules(region({ code: "530102", parent_code: "5301", level: "county", name: "x" }, "52"))).toEqual(["code:outside_scope"]);
    expect(rules(region({ code: "52", parent_code: "", level: "province", name: "贵州省" }, "520603"))).toEqual([]);
  });
});

describe("households.csv rows", () => {
  it("stages a full row with the defaults", () => {
    expect(household()).toEqual({ tuple: [2, true, "id-1", V, "001", "张三", null, null, "not_registered", null, null, null], issues: [] });
  });
  it("key, lengths, phone, enums", () => {
    expect(rules(household({ village_code: "52060320120" }))).toEqual(["village_code:village_code"]);
    expect(household({ village_code: "52060320120" }).tuple).toBeNull();
    expect(rules(household({ household_number: "x".repeat(20) }))).toEqual([]);
    expect(
      rules(household({ household_number: "x".repeat(21), head_name: "", address: "x".repeat(201), phone: "abc", main_cause: "poverty" })),
    ).toEqual(["household_number:too_long", "head_name:required", "address:too_long", "phone:phone", "main_cause:enum"]);
    expect(household({ registered_status: "建档立卡", registered_at: "2016-01-01" }).tuple?.[8]).toBe("registered_poor");
  });
  it("dates follow the status", () => {
    expect(rules(household({ registered_status: "registered_poor" }))).toEqual(["registered_at:required_for_status"]);
    expect(rules(household({ registered_status: "lifted", registered_at: "2016-01-01" }))).toEqual(["lifted_at:required_for_status"]);
    expect(rules(household({ registered_status: "lifted", registered_at: "2016-01-01", lifted_at: "2016-01-01" }))).toEqual([]);
    expect(rules(household({ registered_status: "lifted", registered_at: "2016-01-02", lifted_at: "2016-01-01" }))).toEqual([
      "lifted_at:lifted_before_registered",
    ]);
    expect(rules(household({ registered_status: "registered_poor", registered_at: "2016-01-01", lifted_at: "2019-01-01" }))).toEqual([
      "lifted_at:only_when_lifted",
    ]);
    expect(rules(household({ registered_status: "registered_poor", registered_at: "2024-07-01" }))).toEqual(["registered_at:future_date"]);
  });
  it("outside the importer's node", () => {
    expect(
      rules(householdRow(getter({ village_code: "530102001001", household_number: "1", head_name: "x" }), 2, { ...ctx, scope: "52" })),
    ).toEqual(["village_code:outside_scope"]);
  });
});

describe("members.csv rows", () => {
  const id = makeNationalId("520603", "1970-05-01", 11); // odd sequence: male
  it("a valid national ID agrees with birth date and sex; a lowercase x is accepted as X", () => {
    expect(rules(member({ national_id: id }))).toEqual([]);
    const withX = Array.from({ length: 200 }, (_, i) => makeNationalId("520603", "1980-01-01", 2 * i + 1)).find((x) => x.endsWith("X"))!;
    const r = member({ national_id: withX.toLowerCase(), birth_date: "1980-01-01" });
    expect(rules(r)).toEqual([]);
    expect(r.tuple?.[5]).toBe(withX);
  });
  it("names the broken ID rule", () => {
    const wrong = id.slice(0, 17) + (id[17] === "0" ? "1" : "0");
    expect(member({ national_id: wrong }).issues).toEqual([
      { column: "national_id", rule: "national_id_check", params: { expected: id[17] } },
    ]);
    expect(rules(member({ national_id: id.slice(0, 17) }))).toEqual(["national_id:national_id_length"]);
    expect(rules(member({ national_id: `${id.slice(0, 6)} ${id.slice(6)}` }))).toEqual(["national_id:national_id_chars"]);
    expect(rules(member({ national_id: "00" + id.slice(2) }))).toEqual(["national_id:national_id_region"]);
    expect(rules(member({ national_id: "520603" + "19700231" + "0110" }))).toEqual(["national_id:national_id_birth"]);
    expect(rules(member({ national_id: id, birth_date: "1970-05-02" }))).toEqual(["birth_date:id_birth_mismatch"]);
    expect(rules(member({ national_id: id, sex: "女" }))).toEqual(["sex:id_sex_mismatch"]);
  });
  it("required cells, enums and defaults", () => {
    expect(rules(member({ name: "", sex: "m", birth_date: "", relation: "wife" }))).toEqual([
      "name:required",
      "sex:enum",
      "birth_date:required",
      "relation:enum",
    ]);
    expect(member({ relation: "户主" }).tuple?.slice(8)).toEqual([
      "head",
      "none",
      "not_applicable",
      "healthy",
      "full",
      "local_farming",
      true,
      false,
      false,
      true,
    ]);
    expect(rules(member({ counted: "maybe", education: "phd" }))).toEqual(["education:enum", "counted:boolean"]);
  });
});

describe("income.csv and indicators.csv rows", () => {
  it("amounts default to 0, previous-year income to unknown", () => {
    expect(incomeRow(getter({ village_code: V, household_number: "1", wages: "3000.5" }), 3, ctx).tuple).toEqual([
      3,
      true,
      V,
      "1",
      "3000.5",
      "0",
      "0",
      "0",
      "0",
      "0",
      null,
    ]);
    expect(rules(incomeRow(getter({ village_code: V, household_number: "1", transfers: "-1", property: "1.001" }), 3, ctx))).toEqual([
      "property:amount_decimals",
      "transfers:amount_negative",
    ]);
  });
  it("indicators default to met; water distances unknown", () => {
    expect(indicatorRow(getter({ village_code: V, household_number: "1" }), 3, ctx).tuple).toEqual([
      3,
      true,
      V,
      "1",
      true,
      true,
      "A",
      true,
      "40",
      false,
      true,
      null,
      null,
      null,
      true,
      0,
    ]);
    expect(
      rules(
        indicatorRow(
          getter({ village_code: V, household_number: "1", housing_grade: "E", water_outage_days: "367", water_round_trip_min: "1441" }),
          3,
          ctx,
        ),
      ),
    ).toEqual(["housing_grade:enum", "water_round_trip_min:integer_range", "water_outage_days:integer_range"]);
  });
});

describe("enumerations", () => {
  it("are the schema's", () => {
    const values = (e: Record<string, string>) => Object.values(e).sort();
    const same: [readonly string[], Record<string, string>][] = [
      [Spec.REGION_LEVELS, Enums.RegionLevel],
      [Spec.REGISTERED_STATUSES, Enums.RegisteredStatus],
      [Spec.POVERTY_CAUSES, Enums.PovertyCause],
      [Spec.SEXES, Enums.Sex],
      [Spec.RELATIONS, Enums.Relation],
      [Spec.EDUCATIONS, Enums.Education],
      [Spec.SCHOOL_STATUSES, Enums.SchoolStatus],
      [Spec.HEALTHS, Enums.Health],
      [Spec.LABOR_CAPACITIES, Enums.LaborCapacity],
      [Spec.WORK_STATUSES, Enums.WorkStatus],
      [Spec.HOUSING_GRADES, Enums.HousingGrade],
    ];
    for (const [ours, theirs] of same) expect([...ours].sort()).toEqual(values(theirs));
  });
});
