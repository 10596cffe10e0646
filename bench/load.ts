/**
 * bench:load — visit logging under load, through `next start` on PostgreSQL.
 *
 *   npm run bench:load [-- --visits 10000 --connections 200 --no-build --pool 10 --keep]
 *                      [--phones 200 --backlog 20] [--open-rate 30 --open-seconds 120 --step-seconds 15]
 *
 * Builds into .next-bench if that build is missing or older than the sources, recreates the
 * database jingzhun_bench_visits (BENCH_VISITS_DATABASE_URL) on the local PostgreSQL, migrates
 * and seeds the demo data, starts `next start` on 127.0.0.1:3411, and runs runVisitLoad
 * (bench/lib/visit-load.ts): 10,000 visits over 200 keep-alive connections by every seeded
 * cadre on their own households, 5% sent twice with the same id, 20% with an indicator
 * change. Prints req/s, p50/p95/p99, errors, and the SQL reconciliation (stored = distinct ids
 * sent, 0 duplicates, 0 lost) plus the partial-row/orphan checks. Exit 1 when they fail.
 * Then the backlog sync (200 phones × 20 queued visits through syncVisits, all at once: visits
 * stored per second, lost, duplicated, the audit chain) and the open loop (single visits at
 * 30/s on a fixed schedule for 2 minutes: p50/p99 from the scheduled time; then a ladder of
 * rates for the highest with p99 < 1 s). Ends with one JSON line: visits (closed loop), sync,
 * openLoop. Bounded: no new visits after --max-seconds (1800), the whole run stops after 45 minutes.
 */
import { appLogSummary, printResult, runVisitBench, visitLoadOptions } from "./lib/cli";
import { runVisitLoad } from "./lib/visit-load";
import { measureOpenLoop, measureSync } from "./lib/visit-measures";

runVisitBench("load", 45 * 60, async (setup, flags, log) => {
  const r = await runVisitLoad(visitLoadOptions(setup, flags, log));
  printResult(`bench:load — ${flags.visits} visits, ${flags.connections} connections, next start + PostgreSQL on loopback`, r, flags);
  console.log(`app log       ${appLogSummary("load-app.log")}`);
  const m = {
    baseUrl: setup.app.baseUrl,
    databaseUrl: setup.databaseUrl,
    distDir: flags.distDir,
    phones: flags.phones,
    backlog: flags.backlog,
    openRate: flags.openRate,
    openSeconds: flags.openSeconds,
    stepSeconds: flags.stepSeconds,
    log,
    appPid: () => setup.app.pid,
  };
  const sync = await measureSync(m);
  const openLoop = await measureOpenLoop(m);
  const ok = r.ok && (sync?.ok ?? true);
  console.log(ok ? "\n✔ reconciliation and integrity hold" : "\n✖ reconciliation or integrity FAILED");
  console.log(
    JSON.stringify({
      visits: {
        rps: Math.round(r.rps * 10) / 10,
        p99_ms: Math.round(r.p99 * 10) / 10,
        errors: r.errors,
        sent: r.sent,
        stored: r.stored,
        loop: "closed",
        connections: flags.connections,
      },
      sync: sync?.figures ?? null,
      openLoop,
    }),
  );
  return ok ? 0 : 1;
});
