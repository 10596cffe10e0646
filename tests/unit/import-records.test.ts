// Row rules of the optional county-record files (lib/import/records-rows.ts), each at, just
// inside and just outside its boundary; their enumerations against the Prisma schema; and the
// headers (English or Chinese).
import { describe, expect, it } from "vitest";
import * as Enums from "@/lib/generated/prisma/enums";
import { type RowContext } from "@/lib/import/rows";
import {
  householdTypeRow,
  incomeRecordRow,
  measureRow,
  planRow,
  postingRow,
  relocationRow,
  splitList,
  textArray,
  villageExitRow,
} from "@/lib/import/records-rows";
import * as Spec from "@/lib/import/records-spec";
import { IMPORT_FILES, readHeader } from "@/lib/import/spec";
import { STAGE_COLUMNS, ROW_VALIDATORS } from "@/lib/import/rows";

const ctx: RowContext = { today: "2024-06-30", scope: "", newId: () => "id-1" };
const getter = (cells: Record<string, string>) => (k: string) => cells[k] ?? "";
const rules = (r: { issues: { column: string; rule: string }[] }) => r.issues.map((i) => `${i.column}:${i.rule}`);
const K = { village_code: "520603201200", household_number: "001" };

const type = (extra: Record<string, string> = {}) =>
  householdTypeRow(getter({ ...K, type: "subsistence", since: "2020-01-01", ...extra }), 2, ctx);
const income = (extra: Record<string, string> = {}) => incomeRecordRow(getter({ ...K, year: "2023", ...extra }), 2, ctx);
const relocation = (extra: Record<string, string> = {}) =>
  relocationRow(
    getter({
      ...K,
      origin_name: "思南县",
      settlement_code: "520603201200",
      mode: "centralised",
      floor_area: "60",
      moved_on: "2018-06-01",
      ...extra,
    }),
    2,
    ctx,
  );
const loan = (extra: Record<string, string> = {}) =>
  measureRow(
    getter({
      ...K,
      kind: "microcredit",
      answers: "lack_of_capital",
      description: "小额信贷",
      start_date: "2022-03-01",
      bank: "信用社",
      term_months: "36",
      interest_subsidy: "2100",
      loan_status: "current",
      ...extra,
    }),
    2,
    ctx,
  );
const plan = (extra: Record<string, string> = {}) => planRow(getter({ ...K, year: "2024", expected_income: "6000", ...extra }), 2, ctx);

describe("the files and their headers", () => {
  it("are import files after the five, each with a staging table and a validator", () => {
    expect(IMPORT_FILES.slice(5)).toEqual(Spec.RECORD_FILES);
    for (const f of Spec.RECORD_FILES) {
      expect(STAGE_COLUMNS[f].slice(0, 2).map(([n]) => n)).toEqual(["line", "ok"]);
      expect(ROW_VALIDATORS[f]).toBeTypeOf("function");
      expect(Spec.RECORD_PREFIX[f]).toMatch(/^[a-z]$/);
    }
    expect(new Set(Object.values(Spec.RECORD_PREFIX)).size).toBe(Spec.RECORD_FILES.length);
  });

  it("take English or Chinese column names; a missing required column is named", () => {
    const h = readHeader("relocation.csv", ["村代码", "户编号", "迁出地", "安置地代码", "安置方式", "住房面积", "moved_on"]);
    expect(h.issues).toEqual([]);
    expect(readHeader("measures.csv", ["village_code", "household_number", "kind"]).issues.map((i) => i.column)).toEqual([
      "answers",
      "description",
      "start_date",
    ]);
  });

  it("enumerations agree with the Prisma schema", () => {
    expect([...Spec.HOUSEHOLD_TYPES].sort()).toEqual(Object.values(Enums.HouseholdType).sort());
    expect([...Spec.SIGN_METHODS].sort()).toEqual(Object.values(Enums.IncomeSignMethod).sort());
    expect([...Spec.RELOCATION_MODES].sort()).toEqual(Object.values(Enums.RelocationMode).sort());
    expect([...Spec.MEASURE_KINDS].sort()).toEqual(Object.values(Enums.MeasureKind).sort());
    expect([...Spec.LOAN_STATUSES].sort()).toEqual(Object.values(Enums.LoanStatus).sort());
    expect([...Spec.MEASURE_ANSWERS].sort()).toEqual([...Object.values(Enums.PovertyCause), ...Object.values(Enums.MeasureRisk)].sort());
    expect(new Set(Object.values(Spec.MEASURE_KIND_LABELS)).size).toBe(Spec.MEASURE_KINDS.length);
    expect([...Spec.RESIDENT_ROLES].sort()).toEqual(Object.values(Enums.ResidentRole).sort());
    expect(new Set(Object.values(Spec.RESIDENT_ROLE_LABELS)).size).toBe(Spec.RESIDENT_ROLES.length);
  });
});

describe("household_types.csv", () => {
  it("type by value or Chinese label; since a date not after today; basis at most 200, default import", () => {
    expect(type().issues).toEqual([]);
    expect(type().tuple).toEqual([2, true, K.village_code, "001", "subsistence", "2020-01-01", "import"]);
    expect(type({ type: "特困供养户" }).tuple?.[4]).toBe("extreme_hardship");
    expect(rules(type({ type: "poor" }))).toEqual(["type:enum"]);
    expect(rules(type({ since: "" }))).toEqual(["since:required"]);
    expect(rules(type({ since: "2024-06-30" }))).toEqual([]);
    expect(rules(type({ since: "2024-07-01" }))).toEqual(["since:future_date"]);
    expect(rules(type({ basis: "x".repeat(200) }))).toEqual([]);
    expect(rules(type({ basis: "x".repeat(201) }))).toEqual(["basis:too_long"]);
    expect(rules(type({ village_code: "52060320120" }))).toEqual(["village_code:village_code"]);
    expect(type({ village_code: "" }).tuple).toBeNull();
  });
});

describe("income_records.csv", () => {
  it("year from 2014 to this year; items 0 to 100,000,000 with two decimals, default 0", () => {
    expect(income().issues).toEqual([]);
    expect(rules(income({ year: "2014" }))).toEqual([]);
    expect(rules(income({ year: "2013" }))).toEqual(["year:integer_range"]);
    expect(rules(income({ year: "2025" }))).toEqual(["year:integer_range"]);
    expect(rules(income({ wages: "100000000" }))).toEqual([]);
    expect(rules(income({ wages: "100000000.01" }))).toEqual(["wages:amount_too_large"]);
    expect(rules(income({ excluded_gifts: "-1" }))).toEqual(["excluded_gifts:amount_negative"]);
    expect(rules(income({ transfer_pension: "1.234" }))).toEqual(["transfer_pension:amount_decimals"]);
    expect(income().tuple!.slice(5, 21)).toEqual(Array(16).fill("0"));
  });

  it("signed or not: a date and a method together, not before the year began", () => {
    expect(rules(income({ signed_on: "2024-01-10", sign_method: "按手印" }))).toEqual([]);
    expect(income({ signed_on: "2024-01-10", sign_method: "按手印" }).tuple!.slice(21, 23)).toEqual(["2024-01-10", "thumbprint_form"]);
    expect(rules(income({ signed_on: "2024-01-10" }))).toEqual(["sign_method:required_with"]);
    expect(rules(income({ sign_method: "signature" }))).toEqual(["signed_on:required_with"]);
    expect(rules(income({ signed_on: "2023-01-01", sign_method: "signature" }))).toEqual([]);
    expect(rules(income({ signed_on: "2022-12-31", sign_method: "signature" }))).toEqual(["signed_on:signed_before_year"]);
    expect(rules(income({ signed_on: "2024-07-01", sign_method: "signature" }))).toEqual(["signed_on:future_date"]);
    expect(rules(income({ signed_on: "2024-01-10", sign_method: "stamp" }))).toEqual(["sign_method:enum"]);
  });
});

describe("relocation.csv", () => {
  it("origin, settlement code, mode, a floor area above 0, dates, the follow-up support", () => {
    expect(relocation().issues).toEqual([]);
    expect(rules(relocation({ origin_name: "" }))).toEqual(["origin_name:required"]);
    expect(rules(relocation({ origin_code: "520624" }))).toEqual([]);
    expect(rules(relocation({ origin_code: "52062" }))).toEqual(["origin_code:origin_code"]);
    expect(rules(relocation({ settlement_code: "520603201" }))).toEqual([]);
    expect(rules(relocation({ settlement_code: "520603" }))).toEqual(["settlement_code:settlement_code"]);
    expect(rules(relocation({ mode: "分散安置" }))).toEqual([]);
    expect(rules(relocation({ mode: "moved" }))).toEqual(["mode:enum"]);
    expect(rules(relocation({ floor_area: "0.01" }))).toEqual([]);
    expect(rules(relocation({ floor_area: "0" }))).toEqual(["floor_area:positive"]);
    expect(rules(relocation({ floor_area: "10000" }))).toEqual([]);
    expect(rules(relocation({ floor_area: "10000.01" }))).toEqual(["floor_area:amount_too_large"]);
    expect(rules(relocation({ site_name: "x".repeat(61) }))).toEqual(["site_name:too_long"]);
    expect(rules(relocation({ support_job: "maybe" }))).toEqual(["support_job:boolean"]);
    expect(relocation().tuple!.slice(10)).toEqual(["0", "2018-06-01", null, null, false, false, false]);
  });

  it("land reclaimed only after the old house is demolished, not before it", () => {
    expect(rules(relocation({ demolished_on: "2019-03-01", reclaimed_on: "2019-03-01" }))).toEqual([]);
    expect(rules(relocation({ demolished_on: "2019-03-01", reclaimed_on: "2019-02-28" }))).toEqual([
      "reclaimed_on:reclaimed_before_demolished",
    ]);
    expect(rules(relocation({ reclaimed_on: "2019-03-01" }))).toEqual(["reclaimed_on:reclaimed_without_demolished"]);
  });
});

describe("measures.csv", () => {
  it("kind by value or Chinese name, derived category, what it answers (a cause or a risk)", () => {
    expect(loan().issues).toEqual([]);
    const t = loan().tuple!;
    expect(t.slice(5, 9)).toEqual(["microcredit", "industry", "lack_of_capital", null]);
    const job = measureRow(
      getter({
        ...K,
        kind: "公益性岗位",
        answers: "low_income",
        description: "保洁",
        start_date: "2023-01-01",
        post: "保洁员",
        monthly_pay: "800",
      }),
      2,
      ctx,
    );
    expect(job.issues).toEqual([]);
    expect(job.tuple!.slice(5, 9)).toEqual(["public_welfare_job", "employment", null, "low_income"]);
    expect(rules(loan({ kind: "loan" }))).toEqual(["kind:enum"]);
    expect(rules(loan({ answers: "bad_luck" }))).toEqual(["answers:enum"]);
    expect(rules(loan({ description: "" }))).toEqual(["description:required"]);
    expect(rules(loan({ description: "x".repeat(1001) }))).toEqual(["description:too_long"]);
  });

  it("a microcredit's details: bank, a term of 1–120 months, the subsidy, the status and its date", () => {
    expect(rules(loan({ bank: "" }))).toEqual(["bank:required"]);
    expect(rules(loan({ term_months: "120" }))).toEqual([]);
    expect(rules(loan({ term_months: "121" }))).toEqual(["term_months:integer_range"]);
    expect(rules(loan({ term_months: "0" }))).toEqual(["term_months:integer_range"]);
    expect(rules(loan({ interest_subsidy: "" }))).toEqual(["interest_subsidy:required"]);
    expect(rules(loan({ loan_status: "" }))).toEqual(["loan_status:required"]);
    expect(rules(loan({ loan_status: "逾期", overdue_since: "2024-03-01" }))).toEqual([]);
    expect(rules(loan({ loan_status: "overdue" }))).toEqual(["overdue_since:required_for_loan_status"]);
    expect(rules(loan({ loan_status: "repaid" }))).toEqual(["repaid_on:required_for_loan_status"]);
    expect(rules(loan({ repaid_on: "2023-01-01" }))).toEqual(["repaid_on:only_for_loan_status"]);
    expect(rules(loan({ overdue_since: "2023-01-01" }))).toEqual(["overdue_since:only_for_loan_status"]);
    expect(rules(loan({ loan_status: "repaid", repaid_on: "2022-03-01" }))).toEqual([]);
    expect(rules(loan({ loan_status: "repaid", repaid_on: "2022-02-28" }))).toEqual(["repaid_on:before_issue"]);
    expect(rules(loan({ loan_status: "overdue", overdue_since: "2022-02-28" }))).toEqual(["overdue_since:before_issue"]);
    // the due date: given, or the issue date plus the term
    expect(loan().tuple![12]).toBe("2025-03-01");
    expect(loan({ end_date: "2024-12-31" }).tuple![12]).toBe("2024-12-31");
    expect(rules(loan({ end_date: "2022-02-28" }))).toEqual(["end_date:end_before_start"]);
  });

  it("details of another kind are refused, not dropped; a job needs its post and pay", () => {
    const doctor = (extra: Record<string, string>) =>
      measureRow(
        getter({ ...K, kind: "family_doctor", answers: "illness", description: "签约", start_date: "2021-05-01", ...extra }),
        2,
        ctx,
      );
    expect(doctor({}).issues).toEqual([]);
    expect(rules(doctor({ bank: "信用社" }))).toEqual(["bank:not_for_kind"]);
    expect(rules(doctor({ monthly_pay: "800" }))).toEqual(["monthly_pay:not_for_kind"]);
    expect(rules(loan({ post: "保洁员" }))).toEqual(["post:not_for_kind"]);
    const job = (extra: Record<string, string>) =>
      measureRow(
        getter({ ...K, kind: "ecological_job", answers: "low_income", description: "护林", start_date: "2021-05-01", ...extra }),
        2,
        ctx,
      );
    expect(rules(job({}))).toEqual(["post:required", "monthly_pay:required"]);
    expect(rules(job({ post: "护林员", monthly_pay: "1000000" }))).toEqual([]);
    expect(rules(job({ post: "护林员", monthly_pay: "1000000.01" }))).toEqual(["monthly_pay:amount_too_large"]);
  });

  it("plan_year: a year from 2014 to next year", () => {
    expect(rules(loan({ plan_year: "2025" }))).toEqual([]);
    expect(rules(loan({ plan_year: "2026" }))).toEqual(["plan_year:integer_range"]);
  });
});

describe("plans.csv", () => {
  it("year, causes, expected income, up to 20 steps of at most 500 characters", () => {
    expect(plan().issues).toEqual([]);
    const p = plan({ main_cause: "illness", secondary_causes: "lack_of_capital；illness、lack_of_skills", steps: "养牛；培训" }).tuple!;
    expect(p.slice(5, 10)).toEqual(
      ["2024", "illness", '{"lack_of_capital","lack_of_skills"}', "6000", '{"养牛","培训"}'].map((v, i) => (i === 0 ? 2024 : v)),
    );
    expect(rules(plan({ expected_income: "" }))).toEqual(["expected_income:required"]);
    expect(rules(plan({ main_cause: "bad_luck" }))).toEqual(["main_cause:enum"]);
    expect(rules(plan({ secondary_causes: "illness;bad_luck" }))).toEqual(["secondary_causes:enum"]);
    expect(rules(plan({ steps: Array(20).fill("步").join("；") }))).toEqual([]);
    expect(rules(plan({ steps: Array(21).fill("步").join("；") }))).toEqual(["steps:too_many"]);
    expect(rules(plan({ steps: "x".repeat(501) }))).toEqual(["steps:too_long"]);
    expect(rules(plan({ year: "2026" }))).toEqual(["year:integer_range"]);
  });

  it("lists in a cell and array literals", () => {
    expect(splitList(" a ；b、c;\nd ")).toEqual(["a", "b", "c", "d"]);
    expect(textArray(['say "hi"', "back\\slash"])).toBe('{"say \\"hi\\"","back\\\\slash"}');
  });
});

describe("village_exits.csv rows", () => {
  const exit = (extra: Record<string, string> = {}) =>
    villageExitRow(getter({ village_code: "520603201200", year: "2019", ...extra }), 2, ctx);
  it("a bare row: every facility not in place, no income; the key is the village (no household)", () => {
    const r = exit();
    expect(r.issues).toEqual([]);
    expect(r.tuple).toEqual([
      2,
      true,
      "520603201200",
      null,
      2019,
      false,
      null,
      "",
      false,
      null,
      "",
      false,
      null,
      "",
      false,
      null,
      "",
      false,
      null,
      "",
      null,
    ]);
    expect(r.tuple!.length).toBe(STAGE_COLUMNS["village_exits.csv"].length);
  });
  it("year 2014 to this year, at each edge", () => {
    expect(rules(exit({ year: "2014" }))).toEqual([]);
    expect(rules(exit({ year: "2013" }))).toEqual(["year:integer_range"]);
    expect(rules(exit({ year: "2024" }))).toEqual([]);
    expect(rules(exit({ year: "2025" }))).toEqual(["year:integer_range"]);
    expect(rules(exit({ year: "" }))).toEqual(["year:required"]);
  });
  it("a facility's date only with it in place, never in the future", () => {
    expect(rules(exit({ road: "1", road_on: "2024-06-30" }))).toEqual([]);
    expect(rules(exit({ road: "1", road_on: "2024-07-01" }))).toEqual(["road_on:future_date"]);
    expect(rules(exit({ road: "0", road_on: "2018-01-01" }))).toEqual(["road_on:only_when_in_place"]);
    expect(rules(exit({ road_on: "2018-01-01" }))).toEqual(["road_on:only_when_in_place"]);
    expect(rules(exit({ water: "也许" }))).toEqual(["water:boolean"]);
  });
  it("the collective income: yuan with at most two decimals, not negative; notes at most 200", () => {
    expect(rules(exit({ collective_income: "0" }))).toEqual([]);
    expect(rules(exit({ collective_income: "56000.55" }))).toEqual([]);
    expect(rules(exit({ collective_income: "1.234" }))).toEqual(["collective_income:amount_decimals"]);
    expect(rules(exit({ collective_income: "-1" }))).toEqual(["collective_income:amount_negative"]);
    expect(rules(exit({ clinic_note: "长".repeat(200) }))).toEqual([]);
    expect(rules(exit({ clinic_note: "长".repeat(201) }))).toEqual(["clinic_note:too_long"]);
  });
  it("the village: 12 digits, in scope", () => {
    expect(rules(exit({ village_code: "520603201" }))).toEqual(["village_code:village_code"]);
    expect(exit({ village_code: "520603201" }).tuple).toBeNull();
    expect(rules(villageExitRow(getter({ village_code: "520602100200", year: "2019" }), 2, { ...ctx, scope: "520603" }))).toEqual([
      "village_code:outside_scope",
    ]);
  });
});

describe("postings.csv rows", () => {
  const posting = (extra: Record<string, string> = {}, c: RowContext = ctx) =>
    postingRow(
      getter({ village_code: "520603201200", name: "张建国", role: "第一书记", unit: "县财政局", valid_from: "2023-03-01", ...extra }),
      2,
      c,
    );
  it("a serving first secretary: the role by value or Chinese label, no end; the key is the village (no household)", () => {
    const r = posting();
    expect(r.issues).toEqual([]);
    expect(r.tuple).toEqual([2, true, "520603201200", null, "张建国", "first_secretary", "县财政局", "2023-03-01", null]);
    expect(r.tuple!.length).toBe(STAGE_COLUMNS["postings.csv"].length);
    expect(posting({ role: "team_member" }).tuple?.[5]).toBe("team_member");
    expect(posting({ role: "驻村工作队队长" }).tuple?.[5]).toBe("team_leader");
    expect(rules(posting({ role: "书记" }))).toEqual(["role:enum"]);
  });
  it("from: required, not after today; to: not before from (the same day is a posting of one day)", () => {
    expect(rules(posting({ valid_from: "2024-06-30" }))).toEqual([]);
    expect(rules(posting({ valid_from: "2024-07-01" }))).toEqual(["valid_from:future_date"]);
    expect(rules(posting({ valid_from: "" }))).toEqual(["valid_from:required"]);
    expect(rules(posting({ valid_to: "2023-03-01" }))).toEqual([]);
    expect(rules(posting({ valid_to: "2023-02-28" }))).toEqual(["valid_to:end_before_start"]);
    expect(rules(posting({ valid_to: "2025-12-31" }))).toEqual([]); // a posting's planned end may lie ahead
  });
  it("the name at most 40, the unit at most 60, both required", () => {
    expect(rules(posting({ name: "长".repeat(40), unit: "位".repeat(60) }))).toEqual([]);
    expect(rules(posting({ name: "长".repeat(41) }))).toEqual(["name:too_long"]);
    expect(rules(posting({ unit: "位".repeat(61) }))).toEqual(["unit:too_long"]);
    expect(rules(posting({ name: "", unit: "" }))).toEqual(["name:required", "unit:required"]);
  });
  it("the village: 12 digits, in scope", () => {
    expect(rules(posting({ village_code: "520603201" }))).toEqual(["village_code:village_code"]);
    expect(posting({ village_code: "520603201" }).tuple).toBeNull();
    expect(rules(posting({ village_code: "520602100200" }, { ...ctx, scope: "520603" }))).toEqual(["village_code:outside_scope"]);
  });
});
