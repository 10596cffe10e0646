/**
 * bench:fault — visit logging under load while PostgreSQL restarts.
 *
 *   npm run bench:fault [-- --visits 10000 --connections 200 --no-build --at 0.35]
 *
 * ⚠ RESTARTS THE SHARED PostgreSQL CLUSTER (`pg_ctlcluster --skip-systemctl-redirect <v> main
 * restart`, <v> from /etc/postgresql) once, in the middle of the run: every other connection
 * to that server (other people's tests) is dropped for the restart window (~1–3 s).
 *
 * Same set-up and load as bench:load (bench/lib/visit-load.ts). When --at (0.35) of the visits
 * have started, PostgreSQL is restarted; clients retry failed requests with the same ids
 * (up to 12 attempts, exponential backoff with jitter, ≤ 4 s apart) and the load goes on.
 * Afterwards: exactly one row per id (reconciliation), no orphans or partial rows (visit
 * without its visit.create event or the other way, household events without their visit,
 * versions/assessments that moved without their events, evidence/follow-ups without visit,
 * the audit hash chain), and the SAME app process (never restarted) answers a new sign-in and
 * a new visit. Exit 1 when any of that fails.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { appLogSummary, fractionFlag, outageSummary, printResult, runVisitBench, visitLoadOptions } from "./lib/cli";
import { postgresVersion, query } from "./lib/db";
import { probeVisit, runVisitLoad } from "./lib/visit-load";

const run = promisify(execFile);

const at = fractionFlag("--at", 0.35);
const version = postgresVersion();
console.warn(
  `\n⚠ bench:fault restarts the shared PostgreSQL ${version}/main on this machine once, mid-run ` +
    `(pg_ctlcluster --skip-systemctl-redirect ${version} main restart). Other sessions on it lose their connections for a moment.\n`,
);

runVisitBench("fault", 50 * 60, async (s, flags, log) => {
  const options = visitLoadOptions(s, flags, log, { faults: true });
  const actionId = options.actionId;
  const pid = s.app.pid;
  let restart:
    | { restartMs: number; recoveredMs: number; probeAttempts: number; stderr: string; beganAt: number; backAt: number; inFlight: number }
    | undefined;

  const r = await runVisitLoad({
    ...options,
    events: [
      {
        at,
        name: `PostgreSQL ${version}/main restart`,
        async run(ctx) {
          const inFlight = ctx.inFlight();
          log(`⚠ restarting PostgreSQL ${version}/main now (${inFlight} requests in flight)`);
          const t0 = performance.now();
          const beganAt = ctx.now();
          const out = await run("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], { timeout: 60_000 }).catch(
            (e: { stderr?: string; message: string }) => {
              throw new Error(`pg_ctlcluster failed: ${e.stderr || e.message}`);
            },
          );
          const restartMs = performance.now() - t0;
          const backAt = ctx.now();
          log(`PostgreSQL back after ${(restartMs / 1000).toFixed(1)} s; probing the app (same process, pid ${pid}) …`);
          // the first fresh sign-in + new visit the app completes after the restart
          let probeAttempts = 0;
          for (;;) {
            probeAttempts++;
            const p = await probeVisit({ baseUrl: s.app.baseUrl, databaseUrl: s.databaseUrl, actionId, timeoutMs: 60_000 });
            if (p.ok) break;
            if (performance.now() - t0 > 120_000) throw new Error(`the app did not answer within 120 s of the restart: ${p.detail}`);
            await new Promise((res) => setTimeout(res, 250));
          }
          const recoveredMs = performance.now() - t0;
          log(
            `app answered a new sign-in + visit ${(recoveredMs / 1000).toFixed(1)} s after the restart began (${probeAttempts} probe(s))`,
          );
          restart = { restartMs, recoveredMs, probeAttempts, stderr: out.stderr.trim(), beganAt, backAt, inFlight };
          return restart;
        },
      },
    ],
  });

  // the same server process, never restarted, answers again
  const alive = s.app.alive() && s.app.pid === pid;
  const finalProbe = await probeVisit({ baseUrl: s.app.baseUrl, databaseUrl: s.databaseUrl, actionId });
  const [conns] = await query<{ n: string }>(
    s.databaseUrl,
    `SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );

  printResult(
    `bench:fault — ${flags.visits} visits, ${flags.connections} connections, PostgreSQL restarted at ${Math.round(at * 100)}%`,
    r,
    flags,
  );
  console.log(
    `restart       ${restart ? `pg_ctlcluster restart took ${(restart.restartMs / 1000).toFixed(1)} s with ${restart.inFlight} requests in flight; a new sign-in + visit (first probe) was answered ${(restart.recoveredMs / 1000).toFixed(1)} s after it began (queued behind the load)` : "✖ did not happen"}`,
  );
  if (restart) console.log(`recovery      ${outageSummary(r, restart.beganAt, restart.backAt)}`);
  console.log(
    `app process   ${alive ? `same process (pid ${pid}), never restarted` : "✖ the app process died or was replaced"} · after the run: ${finalProbe.ok ? `a new sign-in + visit ok (${finalProbe.ms.toFixed(0)} ms)` : `✖ ${finalProbe.detail}`} · its connections now ${conns!.n}`,
  );
  console.log(`app log       ${appLogSummary("fault-app.log")}`);
  const ok = r.ok && !!restart && alive && finalProbe.ok;
  console.log(ok ? "\n✔ one row per id, no orphans, the app reconnected by itself" : "\n✖ bench:fault FAILED");
  return ok ? 0 : 1;
});
