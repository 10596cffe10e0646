// The import baseline: what a DBA would do to load the same five CSV files with no application
// in the way. In one transaction, on one connection:
//   1. COPY each file as it is (COPY … FROM STDIN CSV HEADER; on PGlite, whose socket cannot
//      carry COPY, the owning process runs COPY … FROM '/dev/blob') into a temporary staging
//      table of text columns (temporary: not WAL-logged, gone at the end);
//   2. three INSERT … SELECT statements write the same rows into the same tables our import
//      fills — region, household (joined with its income and indicator rows), member (joined to
//      its household for householdId/countyId) — with the ids (gen_random_uuid()) and derived
//      columns (countyId from the village code, defaults for empty cells, updatedAt) the schema
//      needs. The tables have every index, constraint and trigger the migrations create.
// Not included (our import does them): validation and its report, the status engine's
// assessment of each household (status columns, assessment rows), the audit event, file hashes.
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { COLUMNS, FILES, type FileName } from "../../lib/gen/csv";
import type { PGlite } from "@electric-sql/pglite";
import { connect } from "./target";

const STAGE: Record<FileName, string> = {
  "regions.csv": "s_regions",
  "households.csv": "s_households",
  "members.csv": "s_members",
  "income.csv": "s_income",
  "indicators.csv": "s_indicators",
};

/** empty cell → the default, cast to the column's type */
const d = (col: string, dflt: string, type: string) => `coalesce(nullif(${col}, ''), '${dflt}')::${type}`;
const opt = (col: string, type: string) => `nullif(${col}, '')::${type}`;

const INSERT_REGIONS = `
INSERT INTO region (id, "parentId", level, name, "nameEn", "updatedAt")
SELECT code, nullif(parent_code, ''), level::"RegionLevel", name, nullif(name_en, ''), now() FROM s_regions`;

const INSERT_HOUSEHOLDS = `
INSERT INTO household (id, "countyId", "villageId", number, "headName", address, phone, "registeredStatus", "registeredAt", "liftedAt",
  "mainCause", "incomeWages", "incomeBusiness", "incomeBusinessCosts", "incomeProperty", "incomeTransfers", "rigidExpenditure",
  "previousYearIncome", food, clothing, "housingGrade", electricity, "waterLitres", "waterScarceArea", "waterPiped",
  "waterRoundTripMin", "waterHorizontalM", "waterVerticalM", "waterQualitySafe", "waterOutageDays", "updatedAt")
SELECT gen_random_uuid()::text, left(h.village_code, 6), h.village_code, h.household_number, h.head_name, nullif(h.address, ''),
  nullif(h.phone, ''), ${d("h.registered_status", "not_registered", '"RegisteredStatus"')}, ${opt("h.registered_at", "date")},
  ${opt("h.lifted_at", "date")}, ${opt("h.main_cause", '"PovertyCause"')},
  ${d("i.wages", "0", "numeric")}, ${d("i.business", "0", "numeric")}, ${d("i.business_costs", "0", "numeric")},
  ${d("i.property", "0", "numeric")}, ${d("i.transfers", "0", "numeric")}, ${d("i.rigid_expenditure", "0", "numeric")},
  ${opt("i.previous_year_income", "numeric")},
  ${d("x.food", "1", "boolean")}, ${d("x.clothing", "1", "boolean")}, ${d("x.housing_grade", "A", '"HousingGrade"')},
  ${d("x.electricity", "1", "boolean")}, ${d("x.water_litres", "40", "numeric")}, ${d("x.water_scarce_area", "0", "boolean")},
  ${d("x.water_piped", "1", "boolean")}, ${opt("x.water_round_trip_min", "int")}, ${opt("x.water_horizontal_m", "int")},
  ${opt("x.water_vertical_m", "int")}, ${d("x.water_quality_safe", "1", "boolean")}, ${d("x.water_outage_days", "0", "int")}, now()
FROM s_households h
LEFT JOIN s_income i ON i.village_code = h.village_code AND i.household_number = h.household_number
LEFT JOIN s_indicators x ON x.village_code = h.village_code AND x.household_number = h.household_number`;

const INSERT_MEMBERS = `
INSERT INTO member (id, "householdId", "countyId", name, "nationalId", sex, "birthDate", relation, education, "schoolStatus", health,
  "laborCapacity", "workStatus", "medicalInsurance", pension, "subsistenceAllowance", counted, "updatedAt")
SELECT gen_random_uuid()::text, h.id, h."countyId", m.name, nullif(m.national_id, ''), m.sex::"Sex", m.birth_date::date,
  m.relation::"Relation", ${d("m.education", "none", '"Education"')}, ${d("m.school_status", "not_applicable", '"SchoolStatus"')},
  ${d("m.health", "healthy", '"Health"')}, ${d("m.labor_capacity", "full", '"LaborCapacity"')},
  ${d("m.work_status", "local_farming", '"WorkStatus"')}, ${d("m.medical_insurance", "1", "boolean")}, ${d("m.pension", "0", "boolean")},
  ${d("m.subsistence_allowance", "0", "boolean")}, ${d("m.counted", "1", "boolean")}, now()
FROM s_members m
JOIN household h ON h."villageId" = m.village_code AND h.number = m.household_number`;

export interface BaselineImportResult {
  ms: number;
  copyMs: number;
  insertMs: Record<string, number>;
  rows: { regions: number; households: number; members: number };
}

/** Reads the header line of a CSV file (the baseline COPYs columns in the file's own order). */
function headerOf(file: string): string[] {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf
      .subarray(0, n)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)[0]!
      .split(",");
  } finally {
    fs.closeSync(fd);
  }
}

/** What runs a statement: a pg client, or PGlite in the process that owns it. */
interface Runner {
  query(sql: string): Promise<{ rowCount?: number | null; affectedRows?: number }>;
  copy(table: string, columns: string[], file: string): Promise<void>;
}

async function run(db: Runner, dir: string): Promise<BaselineImportResult> {
  const t0 = performance.now();
  for (const f of FILES) {
    const file = path.join(dir, f);
    const present = headerOf(file);
    const cols = [...present];
    for (const col of COLUMNS[f]) if (!cols.includes(col)) cols.push(col); // a missing column reads as empty
    await db.query(`CREATE TEMP TABLE ${STAGE[f]} (${cols.map((x) => `${x} text`).join(", ")}) ON COMMIT DROP`);
    await db.copy(STAGE[f], present, file);
  }
  await db.query("ANALYZE s_households, s_members, s_income, s_indicators");
  const copyMs = performance.now() - t0;
  const insertMs: Record<string, number> = {};
  const rows = { regions: 0, households: 0, members: 0 };
  for (const [name, sql] of [
    ["regions", INSERT_REGIONS],
    ["households", INSERT_HOUSEHOLDS],
    ["members", INSERT_MEMBERS],
  ] as const) {
    const t = performance.now();
    const r = await db.query(sql);
    insertMs[name] = performance.now() - t;
    rows[name] = r.rowCount ?? r.affectedRows ?? 0;
  }
  return { ms: performance.now() - t0, copyMs, insertMs, rows };
}

/**
 * PGlite: the same statements, run by the process that owns the PGlite (its socket cannot carry
 * COPY FROM STDIN), each file given to COPY … FROM '/dev/blob' as PGlite's API provides.
 */
export async function baselineImportPglite(db: PGlite, dir: string): Promise<BaselineImportResult> {
  await db.query("BEGIN");
  try {
    const r = await run(
      {
        query: (sql) => db.query(sql),
        copy: async (table, columns, file) => {
          await db.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
            blob: new Blob([fs.readFileSync(file)]),
          });
        },
      },
      dir,
    );
    await db.query("COMMIT");
    return r;
  } catch (e) {
    await db.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

export async function baselineImport(url: string, dir: string): Promise<BaselineImportResult> {
  const c = await connect(url);
  try {
    await c.query("BEGIN");
    const r = await run(
      {
        query: (sql) => c.query(sql),
        copy: async (table, columns, file) => {
          const copy = c.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv, HEADER true)`));
          await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), copy);
        },
      },
      dir,
    );
    await c.query("COMMIT");
    return r;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await c.end().catch(() => {});
  }
}

/** Empties what an import fills, so our import starts from the same empty tables. */
export async function emptyImportedTables(url: string): Promise<void> {
  const c = await connect(url);
  try {
    await c.query(`TRUNCATE member, assessment, household, region RESTART IDENTITY CASCADE`);
    await c.query("CHECKPOINT").catch(() => {}); // start the next load without the baseline's dirty pages
  } finally {
    await c.end().catch(() => {});
  }
}
