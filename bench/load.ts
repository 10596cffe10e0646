/**
 * bench:load — visit logging under load, through `next start` on PostgreSQL.
 *
 *   npm run bench:load [-- --visits 10000 --connections 200 --no-build --pool 10 --keep]
 *
 * Builds into .next-bench if that build is missing or older than the sources, recreates the
 * database jingzhun_bench_visits (BENCH_VISITS_DATABASE_URL) on the local PostgreSQL, migrates
 * and seeds the demo data, starts `next start` on 127.0.0.1:3411, and runs runVisitLoad
 * (bench/lib/visit-load.ts): 10,000 visits over 200 keep-alive connections by every seeded
 * cadre on their own households, 5% sent twice with the same id, 20% with an indicator
 * change. Prints req/s, p50/p95/p99, errors, and the SQL reconciliation (stored = distinct ids
 * sent, 0 duplicates, 0 lost) plus the partial-row/orphan checks. Exit 1 when they fail.
 * Bounded: no new visits after --max-seconds (1800), the whole run stops after 45 minutes.
 */
import { appLogSummary, printResult, runVisitBench, visitLoadOptions } from "./lib/cli";
import { runVisitLoad } from "./lib/visit-load";

runVisitBench("load", 45 * 60, async (setup, flags, log) => {
  const r = await runVisitLoad(visitLoadOptions(setup, flags, log));
  printResult(`bench:load — ${flags.visits} visits, ${flags.connections} connections, next start + PostgreSQL on loopback`, r, flags);
  console.log(`app log       ${appLogSummary("load-app.log")}`);
  console.log(r.ok ? "\n✔ reconciliation and integrity hold" : "\n✖ reconciliation or integrity FAILED");
  return r.ok ? 0 : 1;
});
