/**
 * bench:kill — the Next.js server is SIGKILLed while many visits are in flight.
 *
 *   npm run bench:kill [-- --visits 10000 --connections 200 --no-build --at 0.4]
 *
 * Same set-up and load as bench:load (bench/lib/visit-load.ts). When --at (0.4) of the visits
 * have started and at least min(100, connections/2) requests are in flight, the `next start`
 * process (this script's own child) gets SIGKILL. With the app down, the database is checked:
 * no transaction of the dead server is left open, and there are no partial rows — every visit
 * has its visit.create event and no event lacks its visit; every household.update_from_visit
 * event has its visit, every household's version moved exactly by its household.update*
 * events and its assessments by its update_from_visit events. Then the app is started again
 * on the same port; the clients, which kept retrying the same ids (up to 12 attempts,
 * exponential backoff ≤ 4 s), get through, and the ids that were in flight at the kill are
 * each stored exactly once. Final reconciliation and checks as bench:load (plus the audit hash
 * chain). Exit 1 when any fails.
 */
import { appLogSummary, fractionFlag, outageSummary, printResult, runVisitBench, visitLoadOptions } from "./lib/cli";
import { startApp } from "./lib/app";
import { query } from "./lib/db";
import { formatIntegrity, integrity, type Integrity } from "./lib/checks";
import { probeVisit, runVisitLoad } from "./lib/visit-load";

interface KillReport {
  inFlight: number;
  inFlightIds: string[];
  committedBeforeKill: number;
  leftoverBackends: number;
  whileDown: Integrity;
  downMs: number;
  oldPid: number;
  newPid: number;
  beganAt: number;
  backAt: number;
}

const at = fractionFlag("--at", 0.4);

runVisitBench("kill", 50 * 60, async (s, flags, log) => {
  const options = visitLoadOptions(s, flags, log, { faults: true });
  const actionId = options.actionId;
  let kill: KillReport | undefined;

  const r = await runVisitLoad({
    ...options,
    events: [
      {
        at,
        minInFlight: Math.min(100, Math.floor(flags.connections / 2)),
        name: "SIGKILL of next start",
        async run(ctx) {
          const ids = ctx.inFlightIds();
          const oldPid = s.app.pid;
          const t0 = performance.now();
          const beganAt = ctx.now();
          await s.app.kill();
          log(`✝ SIGKILL sent to next start (pid ${oldPid}) with ${ids.length} visits in flight`);
          // the kernel closed the server's sockets: PostgreSQL rolls its open transactions back
          let leftoverBackends = -1;
          for (let i = 0; i < 50; i++) {
            const [row] = await query<{ n: string }>(
              s.databaseUrl,
              `SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
            );
            leftoverBackends = Number(row!.n);
            if (leftoverBackends === 0) break;
            await new Promise((res) => setTimeout(res, 100));
          }
          const [stored] = await query<{ n: string }>(s.databaseUrl, `SELECT count(*)::text AS n FROM visit WHERE id = ANY($1::text[])`, [
            ids,
          ]);
          const whileDown = await integrity(s.databaseUrl, ctx.baseline!, ctx.sentIds(), { chain: false });
          log(
            `with the app down: ${leftoverBackends} backends left; of the ${ids.length} visits in flight ${stored!.n} had committed; partial rows: ${whileDown.ok ? "none" : "FOUND"}`,
          );
          s.app = await startApp({
            port: s.port,
            databaseUrl: s.databaseUrl,
            distDir: flags.distDir,
            dbPool: flags.pool,
            logName: "kill-app.log",
          });
          const downMs = performance.now() - t0;
          const backAt = ctx.now();
          log(`next start again (pid ${s.app.pid}) after ${(downMs / 1000).toFixed(1)} s down`);
          kill = {
            inFlight: ids.length,
            inFlightIds: ids,
            committedBeforeKill: Number(stored!.n),
            leftoverBackends,
            whileDown,
            downMs,
            oldPid,
            newPid: s.app.pid,
            beganAt,
            backAt,
          };
          return { inFlight: ids.length, committedBeforeKill: kill.committedBeforeKill, downMs };
        },
      },
    ],
  });

  printResult(
    `bench:kill — ${flags.visits} visits, ${flags.connections} connections, next start SIGKILLed at ${Math.round(at * 100)}%`,
    r,
    flags,
  );
  let killOk = false;
  if (kill) {
    const ids = kill.inFlightIds;
    const [after] = await query<{ stored: string; events: string; dup: string }>(
      s.databaseUrl,
      `SELECT (SELECT count(*) FROM visit WHERE id = ANY($1::text[]))::text AS stored,
              (SELECT count(*) FROM audit_event WHERE action = 'visit.create' AND "entityId" = ANY($1::text[]))::text AS events,
              (SELECT count(*) FROM (SELECT "entityId" FROM audit_event WHERE action = 'visit.create' AND "entityId" = ANY($1::text[])
                 GROUP BY 1 HAVING count(*) > 1) d)::text AS dup`,
      [ids],
    );
    killOk =
      kill.whileDown.ok &&
      kill.leftoverBackends === 0 &&
      Number(after!.stored) === ids.length &&
      Number(after!.events) === ids.length &&
      after!.dup === "0";
    console.log(
      `kill          SIGKILL of pid ${kill.oldPid} with ${kill.inFlight} visits in flight; ${kill.committedBeforeKill} of them had committed, ${kill.inFlight - kill.committedBeforeKill} had not`,
    );
    console.log(
      `while down    server backends left open ${kill.leftoverBackends} · ${formatIntegrity(kill.whileDown).replace(/\n  /g, "\n                ")}`,
    );
    console.log(`restart       next start again as pid ${kill.newPid}; the app was down ${(kill.downMs / 1000).toFixed(1)} s`);
    console.log(`recovery      ${outageSummary(r, kill.beganAt, kill.backAt)}`);
    console.log(
      `in-flight ids after retries: ${after!.stored}/${ids.length} stored, ${after!.events} visit.create events, ${after!.dup} ids stored twice → ${killOk ? "each stored exactly once" : "FAILED"}`,
    );
  } else console.log("kill          ✖ did not happen");
  const probe = await probeVisit({ baseUrl: s.app.baseUrl, databaseUrl: s.databaseUrl, actionId });
  console.log(
    `app          ${probe.ok ? `the restarted app answers a new sign-in + visit (${probe.ms.toFixed(0)} ms)` : `✖ ${probe.detail}`}`,
  );
  console.log(`app log       ${appLogSummary("kill-app.log")}`);
  const ok = r.ok && killOk && probe.ok;
  console.log(ok ? "\n✔ no partial rows after SIGKILL; retried ids stored once" : "\n✖ bench:kill FAILED");
  return ok ? 0 : 1;
});
