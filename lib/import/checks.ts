/**
 * The rules that need more than one row, as set-based SQL over the staging tables and the
 * register: duplicates within a file, references to regions and households (in the files or
 * the database), one head per household, national IDs unique among active members, and
 * "what already exists must agree" (docs/import-format.md "What an import does").
 *
 * Each check returns (line, column, rule, params) rows; only as many as the report still has
 * room for are fetched, with the total counted by a window function.
 */
import "server-only";
import type { Runner, Stage } from "./stage";
import type { IssueList } from "./issues";
import type { ImportFileName } from "./spec";

interface CheckRow {
  line: number;
  col: string | null;
  rule: string;
  params: string | null;
  total: number;
}

/** A household key join: staging row s to staging or register row. */
const sameKey = (a: string, b: string) => `${a}.village = ${b}.village AND ${a}.number = ${b}.number`;
const inRegister = (s: string) => `EXISTS (SELECT 1 FROM household e WHERE e."villageId" = ${s}.village AND e.number = ${s}.number)`;

/** Columns of an existing household compared with households.csv (file column, register column, staging column). */
const HOUSEHOLD_FACTS: [string, string, string][] = [
  ["head_name", `e."headName"`, "s.head_name"],
  ["address", `e.address`, "s.address"],
  ["phone", `e.phone`, "s.phone"],
  ["registered_status", `e."registeredStatus"::text`, "s.status"],
  ["registered_at", `e."registeredAt"`, "s.registered_at"],
  ["lifted_at", `e."liftedAt"`, "s.lifted_at"],
  ["main_cause", `e."mainCause"::text`, "s.main_cause"],
];
const INCOME_FACTS: [string, string, string][] = [
  ["wages", `e."incomeWages"`, "s.wages"],
  ["business", `e."incomeBusiness"`, "s.business"],
  ["business_costs", `e."incomeBusinessCosts"`, "s.business_costs"],
  ["property", `e."incomeProperty"`, "s.property"],
  ["transfers", `e."incomeTransfers"`, "s.transfers"],
  ["rigid_expenditure", `e."rigidExpenditure"`, "s.rigid_expenditure"],
  ["previous_year_income", `e."previousYearIncome"`, "s.previous_year_income"],
];
const INDICATOR_FACTS: [string, string, string][] = [
  ["food", "e.food", "s.food"],
  ["clothing", "e.clothing", "s.clothing"],
  ["housing_grade", `e."housingGrade"::text`, "s.housing_grade"],
  ["electricity", "e.electricity", "s.electricity"],
  ["water_litres", `e."waterLitres"`, "s.water_litres"],
  ["water_scarce_area", `e."waterScarceArea"`, "s.water_scarce_area"],
  ["water_piped", `e."waterPiped"`, "s.water_piped"],
  ["water_round_trip_min", `e."waterRoundTripMin"`, "s.water_round_trip_min"],
  ["water_horizontal_m", `e."waterHorizontalM"`, "s.water_horizontal_m"],
  ["water_vertical_m", `e."waterVerticalM"`, "s.water_vertical_m"],
  ["water_quality_safe", `e."waterQualitySafe"`, "s.water_quality_safe"],
  ["water_outage_days", `e."waterOutageDays"`, "s.water_outage_days"],
];
const MEMBER_FACTS: [string, string, string][] = [
  ["name", "d.name", "s.name"],
  ["sex", "d.sex::text", "s.sex"],
  ["birth_date", `d."birthDate"`, "s.birth_date"],
  ["relation", "d.relation::text", "s.relation"],
  ["education", "d.education::text", "s.education"],
  ["school_status", `d."schoolStatus"::text`, "s.school_status"],
  ["health", "d.health::text", "s.health"],
  ["labor_capacity", `d."laborCapacity"::text`, "s.labor_capacity"],
  ["work_status", `d."workStatus"::text`, "s.work_status"],
  ["medical_insurance", `d."medicalInsurance"`, "s.medical_insurance"],
  ["pension", "d.pension", "s.pension"],
  ["subsistence_allowance", `d."subsistenceAllowance"`, "s.subsistence_allowance"],
  ["counted", "d.counted", "s.counted"],
];

/** The first differing column (CASE), its stored value and the file's, as check columns. */
function firstDifference(facts: [string, string, string][]) {
  const col = `CASE ${facts.map(([c, a, b]) => `WHEN ${a} IS DISTINCT FROM ${b} THEN '${c}'`).join(" ")} END`;
  const shown = (e: string) => `CASE WHEN ${e} IS NULL THEN '—' ELSE ${e}::text END`;
  const existing = `CASE ${facts.map(([, a, b]) => `WHEN ${a} IS DISTINCT FROM ${b} THEN ${shown(a)}`).join(" ")} END`;
  const value = `CASE ${facts.map(([, a, b]) => `WHEN ${a} IS DISTINCT FROM ${b} THEN ${shown(b)}`).join(" ")} END`;
  const any = facts.map(([, a, b]) => `${a} IS DISTINCT FROM ${b}`).join(" OR ");
  return { col, existing, value, any };
}

/** Later rows of a key that appeared before: `duplicate`, naming the first row. */
function duplicates(table: string, keyCols: string, col: string, where = "true") {
  return `SELECT line, '${col}' AS col, 'duplicate' AS rule, jsonb_build_object('first', first) AS params
            FROM (SELECT line, min(line) OVER (PARTITION BY ${keyCols}) AS first FROM ${table} WHERE ${where}) d
           WHERE line <> first`;
}

export interface CheckContext {
  scope: string;
  /** the header names each file used, for the report */
  labels: Partial<Record<ImportFileName, Map<string, string>>>;
  /** files read (and not broken) */
  present: Set<ImportFileName>;
  /** files that could not be read: checks referring to them would only repeat that */
  broken: Set<ImportFileName>;
}

/**
 * One set-based check, as every file's checks run it: skipped when its file is absent or a file it
 * needs could not be read; its rows (line, col, rule, params) become the report's issues, at most
 * the room left, with the total counted.
 */
export function checkRunner(db: Runner, issues: IssueList, ctx: CheckContext, onCheck?: (name: string) => void) {
  return async (file: ImportFileName, name: string, sql: string, needs: ImportFileName[] = []) => {
    if (!ctx.present.has(file) || needs.some((f) => ctx.broken.has(f))) return;
    onCheck?.(name);
    const limit = Math.max(issues.room, 1);
    const rows = await db.$queryRawUnsafe<CheckRow[]>(
      `SELECT q.line, q.col, q.rule, q.params::text AS params, (count(*) OVER ())::int AS total
         FROM (${sql}) q ORDER BY q.line LIMIT ${limit}`,
    );
    if (!rows.length) return;
    const label = ctx.labels[file];
    const shown = rows.slice(0, issues.room).map((r) => ({
      file,
      row: Number(r.line),
      column: r.col ? (label?.get(r.col) ?? r.col) : null,
      rule: r.rule,
      params: r.params ? (JSON.parse(r.params) as Record<string, string | number>) : undefined,
    }));
    issues.addCounted(shown, Number(rows[0]!.total));
  };
}

export async function runChecks(db: Runner, stage: Stage, issues: IssueList, ctx: CheckContext, onCheck?: (name: string) => void) {
  const R = stage.tables["regions.csv"];
  const H = stage.tables["households.csv"];
  const M = stage.tables["members.csv"];
  const I = stage.tables["income.csv"];
  const X = stage.tables["indicators.csv"];

  const run = checkRunner(db, issues, ctx, onCheck);

  // ── regions.csv ──
  await run("regions.csv", "regions.duplicate", duplicates(R, "code", "code"));
  await run(
    "regions.csv",
    "regions.parent",
    `
    SELECT s.line, 'parent_code' AS col, 'parent_missing' AS rule, jsonb_build_object('code', s.parent_code) AS params
      FROM ${R} s
     WHERE s.parent_code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ${R} p WHERE p.code = s.parent_code)
       AND NOT EXISTS (SELECT 1 FROM region g WHERE g.id = s.parent_code)`,
    ["regions.csv"],
  );
  await run(
    "regions.csv",
    "regions.name",
    `
    SELECT s.line, 'name' AS col, 'region_name_differs' AS rule, jsonb_build_object('existing', g.name) AS params
      FROM ${R} s JOIN region g ON g.id = s.code
     WHERE s.name IS NOT NULL AND g.name <> s.name`,
  );
  if (ctx.scope) {
    // an ancestor of the importer's node may be listed, but only as it already is
    await run(
      "regions.csv",
      "regions.scope",
      `
      SELECT s.line, 'code' AS col, 'outside_scope' AS rule, jsonb_build_object('scope', '${ctx.scope.replace(/\D/g, "")}') AS params
        FROM ${R} s
       WHERE left(s.code, ${ctx.scope.length}) <> '${ctx.scope.replace(/\D/g, "")}'
         AND NOT EXISTS (SELECT 1 FROM region g WHERE g.id = s.code)`,
    );
  }

  // ── households.csv ──
  await run("households.csv", "households.duplicate", duplicates(H, "village, number", "household_number"));
  await run(
    "households.csv",
    "households.village",
    `
    SELECT s.line, 'village_code' AS col, 'village_missing' AS rule, jsonb_build_object('code', s.village) AS params
      FROM ${H} s
     WHERE NOT EXISTS (SELECT 1 FROM ${R} r WHERE r.code = s.village AND r.level = 'village')
       AND NOT EXISTS (SELECT 1 FROM region g WHERE g.id = s.village AND g.level = 'village')`,
    ["regions.csv"],
  );
  {
    const d = firstDifference(HOUSEHOLD_FACTS);
    await run(
      "households.csv",
      "households.differs",
      `
      SELECT s.line, ${d.col} AS col, 'household_differs' AS rule,
             jsonb_build_object('existing', ${d.existing}, 'value', ${d.value}) AS params
        FROM ${H} s JOIN household e ON e."villageId" = s.village AND e.number = s.number
       WHERE s.ok AND (${d.any})`,
    );
  }
  await run(
    "households.csv",
    "households.head",
    `
    SELECT s.line, 'household_number' AS col, 'no_head' AS rule, NULL::jsonb AS params
      FROM ${H} s
     WHERE NOT ${inRegister("s")}
       AND NOT EXISTS (SELECT 1 FROM ${M} m WHERE ${sameKey("m", "s")} AND m.relation = 'head')`,
    ["members.csv"],
  );

  // ── members.csv, income.csv, indicators.csv: the household they belong to ──
  for (const [file, table] of [
    ["members.csv", M],
    ["income.csv", I],
    ["indicators.csv", X],
  ] as const) {
    await run(
      file,
      `${file}.household`,
      `
      SELECT s.line, 'household_number' AS col, 'household_missing' AS rule,
             jsonb_build_object('village', s.village, 'number', s.number) AS params
        FROM ${table} s
       WHERE NOT EXISTS (SELECT 1 FROM ${H} h WHERE ${sameKey("h", "s")}) AND NOT ${inRegister("s")}`,
      ["households.csv"],
    );
  }
  await run("income.csv", "income.duplicate", duplicates(I, "village, number", "household_number"));
  await run("indicators.csv", "indicators.duplicate", duplicates(X, "village, number", "household_number"));
  for (const [file, table, facts] of [
    ["income.csv", I, INCOME_FACTS],
    ["indicators.csv", X, INDICATOR_FACTS],
  ] as const) {
    const d = firstDifference(facts);
    await run(
      file,
      `${file}.differs`,
      `
      SELECT s.line, ${d.col} AS col, 'household_differs' AS rule,
             jsonb_build_object('existing', ${d.existing}, 'value', ${d.value}) AS params
        FROM ${table} s JOIN household e ON e."villageId" = s.village AND e.number = s.number
       WHERE s.ok AND (${d.any})`,
    );
  }

  // ── members.csv ──
  await run(
    "members.csv",
    "members.head",
    `
    SELECT line, 'relation' AS col, 'second_head' AS rule, jsonb_build_object('first', first) AS params
      FROM (SELECT line, min(line) OVER (PARTITION BY village, number) AS first FROM ${M} WHERE relation = 'head') d
     WHERE line <> first`,
  );
  await run("members.csv", "members.duplicate_id", duplicates(M, "national_id", "national_id", "national_id IS NOT NULL"));
  await run(
    "members.csv",
    "members.id_taken",
    `
    SELECT s.line, 'national_id' AS col, 'national_id_taken' AS rule,
           jsonb_build_object('village', e."villageId", 'number', e.number) AS params
      FROM ${M} s
      JOIN member d ON d."nationalId" = s.national_id AND d.active
      JOIN household e ON e.id = d."householdId"
     WHERE s.national_id IS NOT NULL AND (e."villageId" <> s.village OR e.number <> s.number)`,
  );
  {
    // members of a household already registered: each must be one of its active members
    // (by national ID, else by name and birth date), with the same facts
    const d = firstDifference(MEMBER_FACTS);
    await run(
      "members.csv",
      "members.existing",
      `
      SELECT s.line,
             CASE WHEN d.id IS NULL THEN 'name' ELSE ${d.col} END AS col,
             CASE WHEN d.id IS NULL THEN 'member_not_in_household' ELSE 'member_differs' END AS rule,
             CASE WHEN d.id IS NULL THEN NULL ELSE jsonb_build_object('existing', ${d.existing}, 'value', ${d.value}) END AS params
        FROM ${M} s
        JOIN household e ON e."villageId" = s.village AND e.number = s.number
        LEFT JOIN LATERAL (
          SELECT x.* FROM member x
           WHERE x."householdId" = e.id AND x.active
             AND CASE WHEN s.national_id IS NOT NULL THEN x."nationalId" = s.national_id
                      ELSE x.name = s.name AND x."birthDate" = s.birth_date END
           LIMIT 1) d ON true
       WHERE s.ok AND (d.id IS NULL OR ${d.any})`,
    );
  }
}

export interface PlannedCounts {
  regions: { rows: number; inserted: number; skipped: number };
  households: { rows: number; inserted: number; skipped: number };
  members: { rows: number; inserted: number; skipped: number };
  income: { rows: number };
  indicators: { rows: number };
}

/** What the write will do (and what a dry run reports). */
export async function plannedCounts(db: Runner, stage: Stage): Promise<PlannedCounts> {
  const t = stage.tables;
  const [row] = await db.$queryRawUnsafe<Record<string, number>[]>(`
    SELECT
      (SELECT count(*) FROM ${t["regions.csv"]})::int AS r_rows,
      (SELECT count(DISTINCT s.code) FROM ${t["regions.csv"]} s WHERE NOT EXISTS (SELECT 1 FROM region g WHERE g.id = s.code))::int AS r_new,
      (SELECT count(*) FROM ${t["households.csv"]})::int AS h_rows,
      (SELECT count(*) FROM ${t["households.csv"]} s WHERE NOT ${inRegister("s")})::int AS h_new,
      (SELECT count(*) FROM ${t["members.csv"]})::int AS m_rows,
      (SELECT count(*) FROM ${t["members.csv"]} s WHERE NOT ${inRegister("s")})::int AS m_new,
      (SELECT count(*) FROM ${t["income.csv"]})::int AS i_rows,
      (SELECT count(*) FROM ${t["indicators.csv"]})::int AS x_rows`);
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    regions: { rows: n("r_rows"), inserted: n("r_new"), skipped: n("r_rows") - n("r_new") },
    households: { rows: n("h_rows"), inserted: n("h_new"), skipped: n("h_rows") - n("h_new") },
    members: { rows: n("m_rows"), inserted: n("m_new"), skipped: n("m_rows") - n("m_new") },
    income: { rows: n("i_rows") },
    indicators: { rows: n("x_rows") },
  };
}
