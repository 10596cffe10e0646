// The visits measure: bench/lib's runVisitLoad (cadres logging visits through the real server
// action over HTTP) against `next start` (the .next-bench build) on the scale database.
import { hashPassword } from "../../lib/auth/password";
import { ensureBuild, freePort, startApp, DEFAULT_DIST_DIR } from "../lib/app";
import { actionIdFor } from "../lib/client";
import { runVisitLoad, type VisitLoadResult } from "../lib/visit-load";
import { measureOpenLoop, measureSync, type OpenLoopFigures, type SyncFigures } from "../lib/visit-measures";
import { withClient } from "./target";

export const CADRE_PASSWORD = "Jingzhun@2026";

export interface VisitFigures {
  rps: number;
  p99_ms: number;
  errors: number;
  sent: number;
  stored: number;
}

/**
 * Cadres for the load: the import carries none, so `cadres` accounts (password Jingzhun@2026)
 * each get 5 households of the county that need a cadre (registered, monitored or not secure),
 * neighbours in one village as a real assignment would be. Returns how many were created.
 */
export async function prepareCadres(url: string, countyId: string, cadres: number): Promise<{ cadres: number; households: number }> {
  const hashed = await hashPassword(CADRE_PASSWORD);
  return withClient(url, async (c) => {
    await c.query("BEGIN");
    await c.query(
      // a cadre's scope is its village: groups of 5 never straddle two villages
      `CREATE TEMP TABLE pick ON COMMIT DROP AS
         SELECT id, "villageId", k FROM (
           SELECT id, "villageId", dense_rank() OVER (ORDER BY "villageId", (rn - 1) / 5) - 1 AS k FROM (
             SELECT id, "villageId", number, row_number() OVER (PARTITION BY "villageId" ORDER BY number) AS rn
               FROM household
              WHERE "countyId" = $1 AND ("registeredStatus" <> 'not_registered' OR "monitoringCategory" IS NOT NULL OR "assessedStatus" IS DISTINCT FROM 'secure')
           ) x
         ) y WHERE k < $2`,
      [countyId, cadres],
    );
    const users = await c.query(
      `INSERT INTO app_user (id, username, name, "passwordHash", role, "regionId", "updatedAt")
       SELECT 'scale-cadre-' || k, 'scale_cadre_' || k, '干部' || k, $1, 'cadre', min("villageId"), now() FROM pick GROUP BY k`,
      [hashed],
    );
    const assigned = await c.query(
      `INSERT INTO cadre_assignment (id, "householdId", "countyId", "cadreId", "validFrom", reason)
       SELECT 'scale-a-' || id, id, $1, 'scale-cadre-' || k, now() - interval '1 day', '结对帮扶' FROM pick`,
      [countyId],
    );
    await c.query("COMMIT");
    return { cadres: users.rowCount ?? 0, households: assigned.rowCount ?? 0 };
  });
}

export interface VisitOptions {
  visits: number;
  connections: number;
  cadres: number;
  /** build .next-bench when it is missing or stale (default: use it as it is) */
  build: boolean;
  log: (m: string) => void;
  /** the backlog sync (0 phones skips it) and the open loop (0 seconds skips it) */
  phones: number;
  backlog: number;
  openRate: number;
  openSeconds: number;
  stepSeconds: number;
}

/** The figures, or the reason the measure cannot run. */
export async function measureVisits(
  url: string,
  countyId: string,
  o: VisitOptions,
): Promise<{ figures: VisitFigures; result: VisitLoadResult; sync: SyncFigures | null; openLoop: OpenLoopFigures | null } | string> {
  const distDir = process.env.NEXT_DIST_DIR || DEFAULT_DIST_DIR;
  try {
    await ensureBuild({ distDir, noBuild: !o.build, log: o.log });
  } catch (e) {
    return `no app build to run: ${(e as Error).message} (run with --build, or npm run bench:load once)`;
  }
  const prepared = await prepareCadres(url, countyId, o.cadres);
  o.log(`visits: ${prepared.cadres} cadres with ${prepared.households} households in county ${countyId}`);
  const port = await freePort(3511);
  const app = await startApp({ port, databaseUrl: url, distDir, logName: "scale-app.log" });
  try {
    o.log(`visits: next start on ${app.baseUrl} (pid ${app.pid}; log bench/out/scale-app.log)`);
    const r = await runVisitLoad({
      baseUrl: app.baseUrl,
      databaseUrl: url,
      visits: o.visits,
      connections: o.connections,
      actionId: actionIdFor(distDir),
      log: o.log,
      maxSeconds: 300,
    });
    const m = {
      baseUrl: app.baseUrl,
      databaseUrl: url,
      distDir,
      phones: o.phones,
      backlog: o.backlog,
      openRate: o.openRate,
      openSeconds: o.openSeconds,
      stepSeconds: o.stepSeconds,
      log: o.log,
    };
    const sync = await measureSync(m);
    const openLoop = await measureOpenLoop(m);
    return {
      figures: { rps: Math.round(r.rps * 10) / 10, p99_ms: Math.round(r.p99 * 10) / 10, errors: r.errors, sent: r.sent, stored: r.stored },
      result: r,
      sync: sync?.figures ?? null,
      openLoop,
    };
  } finally {
    await app.stop();
  }
}
