/**
 * Assess every new household by the status engine's rules, before the write transaction:
 * the same chunked shape as the batch recompute (lib/data/recompute.ts) — read a chunk of
 * households with their members in one query, run the pure engine (lib/domain/assess.ts, via
 * householdInputFromRecord, exactly as every edit does) — but reading the staged rows (with the
 * defaults the write applies, lib/import/write.ts HOUSEHOLD_FACTS) and staging the results.
 * The transaction then writes households with their assessed columns and the assessment rows
 * (trigger "import") set-based, with no UPDATE pass and no large parameter through Prisma; on
 * PGlite the app is blocked only for the short write.
 */
import "server-only";
import { assess } from "@/lib/domain/assess";
import { resolvePolicy, type ResolvedPolicy } from "@/lib/domain/policy";
import { householdInputFromRecord, type HouseholdRecord, type MemberRecord } from "@/lib/domain/input-from-record";
import { loadPolicyRows, unmetOf } from "@/lib/data/assessment";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ASSESSMENT_COLUMNS, type Stage, type Stager } from "./stage";
import { HOUSEHOLD_FACTS, NEW_HOUSEHOLD } from "./write";
import type { Tuple } from "./rows";

interface Row {
  id: string;
  county: string;
  data: string;
}

export interface AssessOptions {
  year: number;
  asOf: string;
  /** staged household lines per chunk */
  chunkLines?: number;
  onChunk?: (done: number) => void;
}

/** Assess the new households of the staged files into the assessments staging table. Returns how many. */
export async function assessStaged(db: PrismaClient, stage: Stage, stager: Stager, opts: AssessOptions): Promise<number> {
  const H = stage.tables["households.csv"];
  const M = stage.tables["members.csv"];
  const I = stage.tables["income.csv"];
  const X = stage.tables["indicators.csv"];
  const policyRows = await loadPolicyRows(db);
  const policies = new Map<string, ResolvedPolicy>();
  const policyFor = (province: string) => {
    let p = policies.get(province);
    if (!p) policies.set(province, (p = resolvePolicy(policyRows, opts.year, province)));
    return p;
  };
  const [range] = await db.$queryRawUnsafe<{ lo: number | null; hi: number | null }[]>(`SELECT min(line) AS lo, max(line) AS hi FROM ${H}`);
  if (range?.lo == null || range.hi == null) return 0;
  const record = HOUSEHOLD_FACTS.map(([column, expr, , asText]) => `'${column}', (${expr})${asText ? "::text" : ""}`).join(", ");
  const writer = await stager.open(stage.assessments, ASSESSMENT_COLUMNS);
  const step = opts.chunkLines ?? 2000;
  const lo = Number(range.lo);
  const hi = Number(range.hi);
  let done = 0;
  let written = 0;
  const read = (from: number) =>
    db.$queryRawUnsafe<Row[]>(
      `SELECT s.id, left(s.village, 6) AS county,
                json_build_object('h', json_build_object(${record}),
                  'm', (SELECT coalesce(json_agg(json_build_array(m.birth_date::text, m.counted, m.medical_insurance,
                          m.school_status, m.labor_capacity)), '[]'::json)
                          FROM ${M} m WHERE m.village = s.village AND m.number = s.number))::text AS data
           FROM ${H} s
           LEFT JOIN ${I} i ON i.village = s.village AND i.number = s.number
           LEFT JOIN ${X} x ON x.village = s.village AND x.number = s.number
          WHERE s.line >= $1 AND s.line < $2 AND ${NEW_HOUSEHOLD}`,
      from,
      from + step,
    );
  try {
    // the next chunk is read while this one is assessed and staged (the database and node at once)
    let next: Promise<Row[]> | null = read(lo);
    for (let from = lo; from <= hi; from += step) {
      const rows = await next!;
      next = from + step <= hi ? read(from + step) : null;
      next?.catch(() => {}); // a failure surfaces when it is awaited
      const tuples: Tuple[] = [];
      for (const r of rows) {
        const { h, m } = JSON.parse(r.data) as { h: HouseholdRecord; m: [string, boolean, boolean, string, string][] };
        const members: MemberRecord[] = m.map(([birth, counted, medicalInsurance, schoolStatus, laborCapacity]) => ({
          birthDate: new Date(`${birth}T00:00:00Z`),
          counted,
          active: true,
          medicalInsurance,
          schoolStatus: schoolStatus as MemberRecord["schoolStatus"],
          dropoutMedicalExemption: false,
          laborCapacity: laborCapacity as MemberRecord["laborCapacity"],
        }));
        if (!members.some((x) => x.counted)) continue; // nobody counted: nothing to assess (as the recompute)
        const input = householdInputFromRecord(h, members, opts.year, opts.asOf);
        const a = assess(input, policyFor(r.county.slice(0, 2)));
        tuples.push([
          r.id,
          r.county,
          a.status,
          a.candidate,
          a.monitoringCategory,
          a.perCapitaIncome,
          a.countedMembers,
          `{${unmetOf(a).join(",")}}`,
          a.policyVersion,
          JSON.stringify(input),
        ]);
      }
      if (tuples.length) await writer.write(tuples);
      written += tuples.length;
      done += rows.length;
      opts.onChunk?.(done);
    }
    await writer.close();
    await stage.indexAssessments(db);
  } catch (e) {
    await writer.abort();
    throw e;
  }
  return written;
}
