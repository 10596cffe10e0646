/**
 * The rules of the optional county-record files that need more than one row, as set-based SQL
 * over the staging tables and the register (as lib/import/checks.ts for the five files): the
 * household each row belongs to (in households.csv or the register), duplicates within a file,
 * the designated village of an exit record, a posting's village and its one first secretary at a time,
 * the settlement and the contribution cap of a relocation, the plan a measure names, and "what
 * already exists must agree" (the first differing column, stored and given value). The income
 * records' counted members and per-capita income are computed here too, by the income rule
 * (lib/domain/household.ts), in chunks: a household with nobody counted is an error of the row.
 */
import "server-only";
import { householdNetIncomeCents, perCapitaIncomeCents, type MemberInput } from "@/lib/domain/household";
import { fromCents } from "@/lib/domain/money";
import { resolvePolicy } from "@/lib/domain/policy";
import { loadPolicyRows } from "@/lib/data/assessment";
import { incomeInputOf, type IncomeItemColumn } from "@/lib/validation/income-record";
import { forgetQueryArgs } from "./prisma-debug";
import type { Runner, Stage } from "./stage";
import type { IssueList } from "./issues";
import { checkRunner, type CheckContext } from "./checks";
import type { ImportFileName } from "./spec";
import {
  HOUSEHOLD_RECORD_FILES,
  INCOME_RECORD_ITEMS,
  VILLAGE_EXIT_FACILITY_COLUMNS,
  VILLAGE_RECORD_FILES,
  type RecordFileName,
} from "./records-spec";

type Facts = [string, string, string][];

/** The first differing column (CASE), its stored value and the file's (as lib/import/checks.ts). */
function firstDifference(facts: Facts) {
  const col = `CASE ${facts.map(([c, a, b]) => `WHEN ${a} IS DISTINCT FROM ${b} THEN '${c}'`).join(" ")} END`;
  const shown = (e: string) => `CASE WHEN ${e} IS NULL THEN '—' ELSE ${e}::text END`;
  const existing = `CASE ${facts.map(([, a, b]) => `WHEN ${a} IS DISTINCT FROM ${b} THEN ${shown(a)}`).join(" ")} END`;
  const value = `CASE ${facts.map(([, a, b]) => `WHEN ${a} IS DISTINCT FROM ${b} THEN ${shown(b)}`).join(" ")} END`;
  const any = facts.map(([, a, b]) => `${a} IS DISTINCT FROM ${b}`).join(" OR ");
  return { col, existing, value, any };
}

const differs = (facts: Facts, from: string, where = "true") => {
  const d = firstDifference(facts);
  return `SELECT s.line, ${d.col} AS col, 'record_differs' AS rule,
                 jsonb_build_object('existing', ${d.existing}, 'value', ${d.value}) AS params
            ${from}
           WHERE s.ok AND ${where} AND (${d.any})`;
};

function duplicates(table: string, keyCols: string, col: string) {
  return `SELECT line, '${col}' AS col, 'duplicate' AS rule, jsonb_build_object('first', first) AS params
            FROM (SELECT line, min(line) OVER (PARTITION BY ${keyCols}) AS first FROM ${table}) d
           WHERE line <> first`;
}

/** The register's household of staged row s (alias e). */
const household = (s: string) => `JOIN household e ON e."villageId" = ${s}.village AND e.number = ${s}.number`;
/** A signed time (timestamp without time zone, UTC as Prisma stores it) as the China day it fell on. */
const chinaDay = (e: string) => `(${e} AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date`;

export const HOUSEHOLD_TYPE_FACTS: Facts = [
  ["type", `c.type::text`, "s.type"],
  ["since", `c.since`, "s.since"],
  ["basis", `c.basis`, "s.basis"],
];
export const INCOME_RECORD_FACTS: Facts = [
  ...INCOME_RECORD_ITEMS.map(([k, , c]): [string, string, string] => [k, `c."${c}"`, `s.${k}`]),
  ["signed_on", chinaDay(`c."signedAt"`), "s.signed_on"],
  ["sign_method", `c."signMethod"::text`, "s.sign_method"],
];
export const RELOCATION_FACTS: Facts = [
  ["settlement_code", `st."regionId"`, "s.settlement"],
  ["site_name", `st.name`, "s.site_name"],
  ["mode", `c.mode::text`, "s.mode"],
  ["floor_area", `c."floorArea"`, "s.floor_area"],
  ["contribution", `c.contribution`, "s.contribution"],
  ["moved_on", `c."movedOn"`, "s.moved_on"],
  ["demolished_on", `c."demolishedOn"`, "s.demolished_on"],
  ["reclaimed_on", `c."reclaimedOn"`, "s.reclaimed_on"],
  ["support_job", `c."supportJob"`, "s.support_job"],
  ["support_school", `c."supportSchool"`, "s.support_school"],
  ["support_community", `c."supportCommunity"`, "s.support_community"],
];
export const MEASURE_FACTS: Facts = [
  ["answers", `coalesce(c.cause::text, c.risk::text)`, "coalesce(s.cause, s.risk)"],
  ["amount", `c.amount`, "s.amount"],
  ["end_date", `c."endDate"`, "s.end_date"],
  ["bank", `c.bank`, "s.bank"],
  ["term_months", `c."termMonths"`, "s.term_months"],
  ["interest_subsidy", `c."interestSubsidy"`, "s.interest_subsidy"],
  ["loan_status", `c."loanStatus"::text`, "s.loan_status"],
  ["repaid_on", `c."repaidOn"`, "s.repaid_on"],
  ["overdue_since", `c."overdueSince"`, "s.overdue_since"],
  ["post", `c.post`, "s.post"],
  ["monthly_pay", `c."monthlyPay"`, "s.monthly_pay"],
];
export const PLAN_FACTS: Facts = [
  ["main_cause", `c."mainCause"::text`, "s.main_cause"],
  ["secondary_causes", `c."secondaryCauses"::text[]`, "s.secondary_causes"],
  ["expected_income", `c."expectedIncome"`, "s.expected_income"],
  ["steps", `(SELECT coalesce(array_agg(pi.text ORDER BY pi.position), '{}') FROM plan_item pi WHERE pi."planId" = c.id)`, "s.steps"],
  ["note", `c.note`, "s.note"],
];

export const VILLAGE_EXIT_FACTS: Facts = [
  ...VILLAGE_EXIT_FACILITY_COLUMNS.flatMap(([k, , c]): [string, string, string][] => [
    [k, `c."${c}Ok"`, `s.${k}_ok`],
    [`${k}_on`, `c."${c}On"`, `s.${k}_on`],
    [`${k}_note`, `c."${c}Note"`, `s.${k}_note`],
  ]),
  ["collective_income", `c."collectiveIncome"`, "s.collective_income"],
];

export const POSTING_FACTS: Facts = [
  ["unit", `u.name`, "s.unit"],
  ["valid_to", `c."validTo"`, "s.valid_to"],
];
/** A posting's natural key: the same village, person, role and start is the same posting. */
export const POSTING_KEY = `c."villageId" = s.village AND c."personName" = s.name AND c.role::text = s.role AND c."validFrom" = s.valid_from`;
/** Two postings' from–to overlap (to: null while serving). */
const overlaps = (a: [string, string], b: [string, string]) =>
  `${a[0]} <= coalesce(${b[1]}, 'infinity'::date) AND ${b[0]} <= coalesce(${a[1]}, 'infinity'::date)`;

/** A measure's natural key: the same household, kind, start date and description is the same measure. */
export const MEASURE_KEY = `c.kind::text = s.kind AND c."startDate" = s.start_date AND c.description = s.description`;

export interface RecordCheckOptions {
  /** the assessment year: the relocation policy's contribution cap is this year's */
  year: number;
}

export async function runRecordChecks(
  db: Runner,
  stage: Stage,
  issues: IssueList,
  ctx: CheckContext,
  opts: RecordCheckOptions,
  onCheck?: (name: string) => void,
) {
  const T = stage.tables;
  const H = T["households.csv"];
  const R = T["regions.csv"];

  const check = checkRunner(db, issues, ctx, onCheck);
  // the household files' records need households.csv readable; a village's exit only what it names
  const run = (file: RecordFileName, name: string, sql: string, needs: ImportFileName[] = []) =>
    check(file, name, sql, [
      ...((VILLAGE_RECORD_FILES as readonly string[]).includes(file) ? [] : (["households.csv"] as const)),
      ...needs,
    ]);

  // every file: its household is in households.csv or the register; the key at most once
  const KEYS: Record<RecordFileName, [string, string]> = {
    "household_types.csv": ["village, number", "household_number"],
    "income_records.csv": ["village, number, year", "year"],
    "relocation.csv": ["village, number", "household_number"],
    "measures.csv": ["village, number, kind, start_date, description", "description"],
    "plans.csv": ["village, number, year", "year"],
    "village_exits.csv": ["village, year", "year"],
    "postings.csv": ["village, name, role, valid_from", "valid_from"],
  };
  for (const file of HOUSEHOLD_RECORD_FILES) {
    await run(
      file,
      `${file}.household`,
      `SELECT s.line, 'household_number' AS col, 'household_missing' AS rule,
              jsonb_build_object('village', s.village, 'number', s.number) AS params
         FROM ${T[file]} s
        WHERE NOT EXISTS (SELECT 1 FROM ${H} h WHERE h.village = s.village AND h.number = s.number)
          AND NOT EXISTS (SELECT 1 FROM household e WHERE e."villageId" = s.village AND e.number = s.number)`,
    );
    await run(file, `${file}.duplicate`, duplicates(T[file], KEYS[file][0], KEYS[file][1]));
  }

  // ── household_types.csv ──
  await run(
    "household_types.csv",
    "household_types.differs",
    differs(
      HOUSEHOLD_TYPE_FACTS,
      `FROM ${T["household_types.csv"]} s ${household("s")} JOIN household_type_record c ON c."householdId" = e.id AND c.current`,
    ),
  );

  // ── income_records.csv ──
  const N = T["income_records.csv"];
  await run(
    "income_records.csv",
    "income_records.differs",
    differs(
      INCOME_RECORD_FACTS,
      `FROM ${N} s ${household("s")} JOIN income_record c ON c."householdId" = e.id AND c.year = s.year AND c.current`,
    ),
  );
  if (ctx.present.has("income_records.csv") && !ctx.broken.has("households.csv")) {
    onCheck?.("income_records.compute");
    await computeIncomeRecords(db, stage, issues, ctx.labels["income_records.csv"]?.get("household_number") ?? "household_number");
  }

  // ── relocation.csv ──
  const L = T["relocation.csv"];
  await run(
    "relocation.csv",
    "relocation.settlement",
    `SELECT s.line, 'settlement_code' AS col,
            CASE WHEN left(s.settlement, 6) <> left(s.village, 6) THEN 'settlement_other_county' ELSE 'settlement_missing' END AS rule,
            jsonb_build_object('code', s.settlement, 'county', left(s.village, 6)) AS params
       FROM ${L} s
      WHERE s.settlement IS NOT NULL AND (left(s.settlement, 6) <> left(s.village, 6)
         OR (NOT EXISTS (SELECT 1 FROM ${R} r WHERE r.code = s.settlement AND r.level IN ('township', 'village'))
             AND NOT EXISTS (SELECT 1 FROM region g WHERE g.id = s.settlement AND g.level IN ('township', 'village'))))`,
    ["regions.csv"],
  );
  if (ctx.present.has("relocation.csv")) {
    // the contribution cap: the year's policy of each province the rows lie in (at most the cap)
    const provinces = await db.$queryRawUnsafe<{ p: string }[]>(`SELECT DISTINCT left(village, 2) AS p FROM ${L}`);
    const policyRows = provinces.length ? await loadPolicyRows(db as never) : [];
    const caps: [string, number][] = [];
    for (const { p } of provinces) {
      try {
        caps.push([p, resolvePolicy(policyRows, opts.year, p).values.relocationContributionCap]);
      } catch {
        // no policy for the year: the assessment reports it (no_policy)
      }
    }
    if (caps.length) {
      await run(
        "relocation.csv",
        "relocation.cap",
        `SELECT s.line, 'contribution' AS col, 'over_cap' AS rule, jsonb_build_object('cap', c.cap) AS params
           FROM ${L} s JOIN (VALUES ${caps.map(([p, cap]) => `('${p.replace(/\D/g, "")}', ${Number(cap)}::numeric)`).join(", ")}) AS c(p, cap)
             ON c.p = left(s.village, 2)
          WHERE s.contribution > c.cap`,
      );
    }
  }
  await run(
    "relocation.csv",
    "relocation.differs",
    differs(
      RELOCATION_FACTS,
      `FROM ${L} s ${household("s")} JOIN relocation c ON c."householdId" = e.id JOIN settlement st ON st.id = c."settlementId"`,
    ),
  );
  // the origin lives on the household: one already recorded must agree
  await run(
    "relocation.csv",
    "relocation.origin",
    differs(
      [
        ["origin_name", `e."relocatedFromName"`, "s.origin_name"],
        ["origin_code", `e."relocatedFromId"`, "s.origin_code"],
      ],
      `FROM ${L} s ${household("s")}`,
      `e."relocatedFromName" IS NOT NULL`,
    ),
  );

  // ── measures.csv ──
  const S = T["measures.csv"];
  const P = T["plans.csv"];
  await run(
    "measures.csv",
    "measures.differs",
    differs(MEASURE_FACTS, `FROM ${S} s ${household("s")} JOIN assistance_measure c ON c."householdId" = e.id AND ${MEASURE_KEY}`),
  );
  await run(
    "measures.csv",
    "measures.plan",
    `SELECT s.line, 'plan_year' AS col, 'plan_missing' AS rule, jsonb_build_object('year', s.plan_year) AS params
       FROM ${S} s
      WHERE s.plan_year IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${P} p WHERE p.village = s.village AND p.number = s.number AND p.year = s.plan_year)
        AND NOT EXISTS (SELECT 1 FROM household_plan c ${household("s")} WHERE c."householdId" = e.id AND c.year = s.plan_year)`,
    ["plans.csv"],
  );

  // ── village_exits.csv: a designated poor village of the register, or a village new in regions.csv
  // (its exit record makes it one); the village and year once; an existing record must agree ──
  const V = T["village_exits.csv"];
  await run(
    "village_exits.csv",
    "village_exits.village",
    `SELECT s.line, 'village_code' AS col,
            CASE WHEN g.id IS NOT NULL THEN 'not_designated' ELSE 'village_missing' END AS rule,
            jsonb_build_object('code', s.village) AS params
       FROM ${V} s
       LEFT JOIN region g ON g.id = s.village AND g.level = 'village'
      WHERE (g.id IS NULL AND NOT EXISTS (SELECT 1 FROM ${R} r WHERE r.code = s.village AND r.level = 'village'))
         OR (g.id IS NOT NULL AND NOT g."designatedPoor")`,
    ["regions.csv"],
  );
  await run("village_exits.csv", "village_exits.duplicate", duplicates(V, KEYS["village_exits.csv"][0], KEYS["village_exits.csv"][1]));
  await run(
    "village_exits.csv",
    "village_exits.differs",
    differs(VILLAGE_EXIT_FACTS, `FROM ${V} s JOIN village_exit c ON c."villageId" = s.village AND c.year = s.year`),
  );

  // ── postings.csv: a village of the register or new in regions.csv; the posting once; one that
  // exists must agree; one first secretary per village at a time (the register's and the file's) ──
  const W = T["postings.csv"];
  await run(
    "postings.csv",
    "postings.village",
    `SELECT s.line, 'village_code' AS col, 'village_missing' AS rule, jsonb_build_object('code', s.village) AS params
       FROM ${W} s
      WHERE NOT EXISTS (SELECT 1 FROM region g WHERE g.id = s.village AND g.level = 'village')
        AND NOT EXISTS (SELECT 1 FROM ${R} r WHERE r.code = s.village AND r.level = 'village')`,
    ["regions.csv"],
  );
  await run("postings.csv", "postings.duplicate", duplicates(W, KEYS["postings.csv"][0], KEYS["postings.csv"][1]));
  await run(
    "postings.csv",
    "postings.differs",
    differs(POSTING_FACTS, `FROM ${W} s JOIN resident_posting c ON ${POSTING_KEY} JOIN unit u ON u.id = c."unitId"`),
  );
  await run(
    "postings.csv",
    "postings.secretary",
    `SELECT s.line, 'valid_from' AS col, 'secretary_overlap' AS rule,
            jsonb_build_object('name', o.name, 'from', o.vf::text) AS params
       FROM ${W} s
       JOIN LATERAL (
         SELECT c."personName" AS name, c."validFrom" AS vf FROM resident_posting c
          WHERE c."villageId" = s.village AND c.role = 'first_secretary' AND NOT (${POSTING_KEY})
            AND ${overlaps([`c."validFrom"`, `c."validTo"`], ["s.valid_from", "s.valid_to"])}
         UNION ALL
         SELECT o.name, o.valid_from FROM ${W} o
          WHERE o.village = s.village AND o.role = 'first_secretary' AND o.ok AND o.line < s.line
            AND NOT (o.name = s.name AND o.valid_from = s.valid_from)
            AND ${overlaps(["o.valid_from", "o.valid_to"], ["s.valid_from", "s.valid_to"])}
         ORDER BY 2 LIMIT 1) o ON true
      WHERE s.ok AND s.role = 'first_secretary'
        -- a repeated row is reported as the duplicate it is
        AND NOT EXISTS (SELECT 1 FROM ${W} d WHERE d.line < s.line AND d.village = s.village AND d.name = s.name
                           AND d.role = s.role AND d.valid_from = s.valid_from)`,
  );

  // ── plans.csv ──
  await run(
    "plans.csv",
    "plans.differs",
    differs(PLAN_FACTS, `FROM ${P} s ${household("s")} JOIN household_plan c ON c."householdId" = e.id AND c.year = s.year`),
  );
}

/** The income rule's items of a staged row, by the record's columns. */
type ComputeRow = { line: number; n: number | null } & Record<string, string | number | null>;

/**
 * Each staged income record's counted members (the register's active counted members for a
 * household it holds, else the counted members of members.csv), household net and per-capita
 * income by the income rule, written back to the staging row — chunk by chunk, one UPDATE each.
 */
async function computeIncomeRecords(db: Runner, stage: Stage, issues: IssueList, keyLabel: string, chunkLines = 2000) {
  const N = stage.tables["income_records.csv"];
  const H = stage.tables["households.csv"];
  const M = stage.tables["members.csv"];
  const [range] = await db.$queryRawUnsafe<{ lo: number | null; hi: number | null }[]>(`SELECT min(line) AS lo, max(line) AS hi FROM ${N}`);
  if (range?.lo == null || range.hi == null) return;
  const items = INCOME_RECORD_ITEMS.map(([k]) => `s.${k}::text AS ${k}`).join(", ");
  for (let from = Number(range.lo); from <= Number(range.hi); from += chunkLines) {
    const rows = await db.$queryRawUnsafe<ComputeRow[]>(
      `SELECT s.line, ${items},
              CASE WHEN e.id IS NOT NULL
                   THEN (SELECT count(*) FROM member x WHERE x."householdId" = e.id AND x.active AND x.counted)
                   WHEN EXISTS (SELECT 1 FROM ${H} h WHERE h.village = s.village AND h.number = s.number)
                   THEN (SELECT count(*) FROM ${M} m WHERE m.village = s.village AND m.number = s.number AND m.counted)
              END::int AS n
         FROM ${N} s
         LEFT JOIN household e ON e."villageId" = s.village AND e.number = s.number
        WHERE s.line >= $1 AND s.line < $2 AND s.ok`,
      from,
      from + chunkLines,
    );
    const out: [number, number, number, number][] = [];
    for (const r of rows) {
      if (r.n === null) continue; // no such household: reported by the household check
      if (r.n === 0) {
        issues.add({ file: "income_records.csv", row: Number(r.line), column: keyLabel, rule: "no_counted_member" });
        continue;
      }
      const record = Object.fromEntries(INCOME_RECORD_ITEMS.map(([k, , c]) => [c, Number(r[k] ?? 0)])) as Record<IncomeItemColumn, number>;
      const income = incomeInputOf(record);
      // the rule counts the members marked counted; only how many there are matters to it
      const members = Array.from({ length: r.n }, () => ({ counted: true }) as MemberInput);
      out.push([Number(r.line), r.n, fromCents(householdNetIncomeCents(income)), fromCents(perCapitaIncomeCents({ income, members }))]);
    }
    if (!out.length) continue;
    await db.$executeRawUnsafe(
      `UPDATE ${N} s SET counted = (v->>1)::int, net = (v->>2)::numeric, pci = (v->>3)::numeric
         FROM jsonb_array_elements(convert_from(decode($1, 'base64'), 'UTF8')::jsonb) AS v
        WHERE s.line = (v->>0)::int`,
      Buffer.from(JSON.stringify(out), "utf8").toString("base64"),
    );
    forgetQueryArgs();
  }
}

export interface RecordCounts {
  householdTypes: { rows: number; inserted: number; skipped: number };
  incomeRecords: { rows: number; inserted: number; skipped: number };
  relocations: { rows: number; inserted: number; skipped: number };
  measures: { rows: number; inserted: number; skipped: number };
  plans: { rows: number; inserted: number; skipped: number };
  villageExits: { rows: number; inserted: number; skipped: number };
  postings: { rows: number; inserted: number; skipped: number };
}

export const EMPTY_RECORD_COUNTS: RecordCounts = {
  householdTypes: { rows: 0, inserted: 0, skipped: 0 },
  incomeRecords: { rows: 0, inserted: 0, skipped: 0 },
  relocations: { rows: 0, inserted: 0, skipped: 0 },
  measures: { rows: 0, inserted: 0, skipped: 0 },
  plans: { rows: 0, inserted: 0, skipped: 0 },
  villageExits: { rows: 0, inserted: 0, skipped: 0 },
  postings: { rows: 0, inserted: 0, skipped: 0 },
};

/** Staged rows of each file whose record already exists (they are skipped): the EXISTS per file. */
export function existingRecord(stage: Stage, file: RecordFileName): string {
  const e = `e."villageId" = s.village AND e.number = s.number`;
  switch (file) {
    case "household_types.csv":
      return `EXISTS (SELECT 1 FROM household e JOIN household_type_record c ON c."householdId" = e.id AND c.current WHERE ${e})`;
    case "income_records.csv":
      return `EXISTS (SELECT 1 FROM household e JOIN income_record c ON c."householdId" = e.id AND c.year = s.year AND c.current WHERE ${e})`;
    case "relocation.csv":
      return `EXISTS (SELECT 1 FROM household e JOIN relocation c ON c."householdId" = e.id WHERE ${e})`;
    case "measures.csv":
      return `EXISTS (SELECT 1 FROM household e JOIN assistance_measure c ON c."householdId" = e.id AND ${MEASURE_KEY} WHERE ${e})`;
    case "plans.csv":
      return `EXISTS (SELECT 1 FROM household e JOIN household_plan c ON c."householdId" = e.id AND c.year = s.year WHERE ${e})`;
    case "village_exits.csv":
      return `EXISTS (SELECT 1 FROM village_exit c WHERE c."villageId" = s.village AND c.year = s.year)`;
    case "postings.csv":
      return `EXISTS (SELECT 1 FROM resident_posting c WHERE ${POSTING_KEY})`;
  }
}

const COUNT_KEYS: [RecordFileName, keyof RecordCounts][] = [
  ["household_types.csv", "householdTypes"],
  ["income_records.csv", "incomeRecords"],
  ["relocation.csv", "relocations"],
  ["measures.csv", "measures"],
  ["plans.csv", "plans"],
  ["village_exits.csv", "villageExits"],
  ["postings.csv", "postings"],
];

/** What the write will do with the record files (and what a dry run reports). */
export async function plannedRecordCounts(db: Runner, stage: Stage): Promise<RecordCounts> {
  const [row] = await db.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT ${COUNT_KEYS.map(
      ([f, k]) =>
        `(SELECT count(*) FROM ${stage.tables[f]})::int AS "${k}_rows", (SELECT count(*) FROM ${stage.tables[f]} s WHERE ${existingRecord(stage, f)})::int AS "${k}_old"`,
    ).join(", ")}`,
  );
  const out = { ...EMPTY_RECORD_COUNTS };
  for (const [, k] of COUNT_KEYS) {
    const rows = Number(row?.[`${k}_rows`] ?? 0);
    const old = Number(row?.[`${k}_old`] ?? 0);
    out[k] = { rows, inserted: rows - old, skipped: old };
  }
  return out;
}
