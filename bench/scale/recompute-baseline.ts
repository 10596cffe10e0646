// The recompute baseline: one set-based statement over the same rows — counted active members
// per household (GROUP BY), per-capita net income (rounded to the fen, half away from zero, as
// lib/domain/money.ts does), and its comparisons with the poverty line (met only above it) and
// the monitoring threshold (at risk below it) — written with UPDATE … FROM into scratch columns
// of household (the table our recompute writes, with the same WAL and indexes). Not included
// (ours does them): the six other indicators, candidates, reasons, the stored assessment rows
// with their JSON, the job's progress rows, optimistic-concurrency checks, the audit event.
import { backendPid, procCpuMs } from "./cpu";
import { withClient } from "./target";

export interface RecomputeBaselineResult {
  ms: number;
  /** CPU of the backend that ran it (PostgreSQL only) */
  dbCpuMs: number | null;
  rows: number;
  /** households whose per-capita income differs from what our recompute stored (should be 0) */
  pciMismatches: number | null;
}

export async function addScratchColumns(url: string): Promise<void> {
  await withClient(url, (c) =>
    c.query(`ALTER TABLE household ADD COLUMN IF NOT EXISTS bench_counted int, ADD COLUMN IF NOT EXISTS bench_pci numeric(12, 2),
      ADD COLUMN IF NOT EXISTS bench_income_met boolean, ADD COLUMN IF NOT EXISTS bench_below_threshold boolean`),
  );
}

export async function dropScratchColumns(url: string): Promise<void> {
  await withClient(url, (c) =>
    c.query(`ALTER TABLE household DROP COLUMN IF EXISTS bench_counted, DROP COLUMN IF EXISTS bench_pci,
      DROP COLUMN IF EXISTS bench_income_met, DROP COLUMN IF EXISTS bench_below_threshold`),
  );
}

const PCI = `round((h."incomeWages" + h."incomeBusiness" - h."incomeBusinessCosts" + h."incomeProperty" + h."incomeTransfers") / m.n, 2)`;

export async function recomputeBaseline(url: string, povertyLine: number, monitoringThreshold: number): Promise<RecomputeBaselineResult> {
  return withClient(url, async (c) => {
    const pid = /[?&]pglite=1/.test(url) ? null : await backendPid(c);
    const cpu0 = pid ? procCpuMs(pid) : null;
    const t0 = performance.now();
    const r = await c.query(
      `UPDATE household h SET bench_counted = m.n, bench_pci = ${PCI}, bench_income_met = ${PCI} > $1::numeric,
          bench_below_threshold = ${PCI} < $2::numeric
         FROM (SELECT "householdId", count(*) FILTER (WHERE counted)::int AS n FROM member WHERE active GROUP BY "householdId") m
        WHERE h.id = m."householdId" AND m.n > 0`,
      [povertyLine, monitoringThreshold],
    );
    const ms = performance.now() - t0;
    const cpu1 = pid ? procCpuMs(pid) : null;
    const [check] = (
      await c.query<{ n: number; assessed: number }>(
        `SELECT count(*) FILTER (WHERE bench_pci IS DISTINCT FROM "perCapitaIncome")::int AS n, count("perCapitaIncome")::int AS assessed FROM household`,
      )
    ).rows;
    return {
      ms,
      dbCpuMs: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null,
      rows: r.rowCount ?? 0,
      pciMismatches: check && check.assessed > 0 ? check.n : null,
    };
  });
}
