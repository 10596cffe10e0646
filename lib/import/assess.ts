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
import { loadPolicyRows } from "@/lib/data/assessment";
import type { ImportRow } from "@/lib/data/assess-chunk";
import { createAssessPool, POOL_MIN_HOUSEHOLDS } from "@/lib/data/assess-pool";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ASSESSMENT_COLUMNS, type Stage, type Stager } from "./stage";
import { HOUSEHOLD_FACTS, NEW_HOUSEHOLD } from "./write";
import type { Tuple } from "./rows";

export interface AssessOptions {
  year: number;
  asOf: string;
  /** staged household lines per chunk */
  chunkLines?: number;
  onChunk?: (done: number) => void;
  /** asked before each chunk: true ends the assessment early (the import will not write) */
  stop?: () => boolean;
  /** worker threads for the engine (default: lib/data/assess-pool.ts's for a large import, else 0) */
  workers?: number;
}

/** Assess the new households of the staged files into the assessments staging table. Returns how many. */
export async function assessStaged(db: PrismaClient, stage: Stage, stager: Stager, opts: AssessOptions): Promise<number> {
  const H = stage.tables["households.csv"];
  const M = stage.tables["members.csv"];
  const I = stage.tables["income.csv"];
  const X = stage.tables["indicators.csv"];
  const policyRows = await loadPolicyRows(db);
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
    db.$queryRawUnsafe<ImportRow[]>(
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
  const pool = createAssessPool(
    { policyRows, year: opts.year, asOf: opts.asOf },
    { workers: opts.workers ?? (hi - lo + 1 >= POOL_MIN_HOUSEHOLDS ? undefined : 0) },
  );
  try {
    // the next chunk is read while this one is assessed (on the pool) and staged
    let next: Promise<ImportRow[]> | null = read(lo);
    for (let from = lo; from <= hi; from += step) {
      if (opts.stop?.()) break;
      const rows = await next!;
      next = from + step <= hi ? read(from + step) : null;
      next?.catch(() => {}); // a failure surfaces when it is awaited
      const tuples: Tuple[] = (await pool.run({ kind: "import", rows })).map((a) => [
        a.id,
        a.countyId,
        a.status,
        a.candidate,
        a.category,
        a.pci,
        a.counted,
        `{${a.unmet.join(",")}}`,
        a.policyVersion,
        JSON.stringify(a.input),
      ]);
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
  } finally {
    await pool.close();
  }
  return written;
}
