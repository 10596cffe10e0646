// The two measures of what a cadre does, shared by `bench` and `bench:load`: the backlog sync
// (phones back in signal, syncing their outboxes) and single visits on a fixed schedule (an open
// loop at a realistic rate, then the highest rate whose p99 stays under 1 s). Each prints its
// figures and returns the JSON the benches end with.
import { actionIdFor } from "./client";
import { fixed, ms } from "./stats";
import { formatIntegrity, formatReconciliation } from "./checks";
import { runSyncLoad, SYNC_ACTION_FILE } from "./sync-load";
import { findMaxRate, runOpenLoop } from "./open-loop";
import { startSampler } from "./sampler";

export interface SyncFigures {
  visits_per_s: number;
  lost: number;
  duplicated: number;
  /** the app process's CPU over the sync ÷ visits stored (with appPid) */
  app_cpu_ms_per_visit?: number;
  /** the machine's mean 1-minute load average during the sync (the machine is shared) */
  load_avg?: number;
}

export interface OpenLoopFigures {
  rate: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  max_rate_p99_under_1s: number | null;
  /** the machine's mean 1-minute load average during the open loop at `rate` */
  load_avg?: number;
  /** the app process's CPU during the open loop ÷ visits stored (with appPid) */
  app_cpu_ms_per_visit?: number;
}

export interface VisitMeasureOptions {
  baseUrl: string;
  databaseUrl: string;
  distDir: string;
  phones: number;
  backlog: number;
  openRate: number;
  openSeconds: number;
  stepSeconds: number;
  log: (m: string) => void;
  /** the app server's pid: its CPU is sampled during each measure */
  appPid?: () => number;
}

/** The app's CPU and the machine's load while `run` goes. */
async function sampled<T>(o: VisitMeasureOptions, run: () => Promise<T>) {
  const sampler = startSampler({ databaseUrl: o.databaseUrl, pid: o.appPid ?? (() => -1) });
  const out = await run();
  return { out, limits: sampler.stop() };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export async function measureSync(o: VisitMeasureOptions): Promise<{ figures: SyncFigures; ok: boolean } | null> {
  if (o.phones === 0) return null;
  const { out: r, limits } = await sampled(o, () =>
    runSyncLoad({
      baseUrl: o.baseUrl,
      databaseUrl: o.databaseUrl,
      syncActionId: actionIdFor(o.distDir, SYNC_ACTION_FILE, "syncVisits"),
      phones: o.phones,
      visitsPerPhone: o.backlog,
      log: o.log,
    }),
  );
  const cpuPerVisit = o.appPid && r.reconciliation.stored ? limits.appCpuMs / r.reconciliation.stored : null;
  console.log(
    `\nbacklog sync  ${r.phones} phones (${r.cadres} cadres) × ${r.visitsPerPhone} queued visits, all at once, syncVisits (≤ 50 visits a request)`,
  );
  console.log(
    `              ${fixed(r.visitsPerS)} visits/s stored (${r.reconciliation.stored} in ${fixed(r.durationS)} s) · ${r.requests} requests, ${r.failedRequests} failed and sent again · per request p50 ${ms(r.p50)} p99 ${ms(r.p99)}`,
  );
  console.log(`              lost ${r.lost} · duplicated ${r.duplicated} · ${formatReconciliation(r.reconciliation)}`);
  console.log(`              ${formatIntegrity(r.integrity)}`);
  console.log(
    `              target ≥ 300 visits/s, 0 lost, 0 duplicated, chain intact: ${r.visitsPerS >= 300 && r.lost === 0 && r.duplicated === 0 && r.integrity.auditChain.ok ? "met" : "NOT met"}`,
  );
  console.log(
    `              app CPU ${fixed(limits.appCpuPct)}% of one core${cpuPerVisit !== null ? ` · ${fixed(cpuPerVisit)} ms of app CPU per stored visit` : ""} · machine load average ${fixed(limits.loadAvg)} on ${limits.cores} cores`,
  );
  return {
    figures: {
      visits_per_s: r1(r.visitsPerS),
      lost: r.lost,
      duplicated: r.duplicated,
      ...(cpuPerVisit !== null ? { app_cpu_ms_per_visit: r1(cpuPerVisit) } : {}),
      ...(Number.isFinite(limits.loadAvg) ? { load_avg: r1(limits.loadAvg) } : {}),
    },
    ok: r.ok,
  };
}

export async function measureOpenLoop(o: VisitMeasureOptions): Promise<OpenLoopFigures | null> {
  if (o.openSeconds === 0) return null;
  const actionId = actionIdFor(o.distDir);
  const { out: r, limits } = await sampled(o, () =>
    runOpenLoop({
      baseUrl: o.baseUrl,
      databaseUrl: o.databaseUrl,
      actionId,
      rate: o.openRate,
      seconds: o.openSeconds,
      log: o.log,
    }),
  );
  const cpuPerVisit = o.appPid && r.stored ? limits.appCpuMs / r.stored : null;
  console.log(`\nopen loop     ${r.rate} visits/s on a fixed schedule for ${r.seconds} s (latency from the scheduled time; no retries)`);
  console.log(
    `              p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · p99 ${ms(r.p99)} · max ${ms(r.max)} · errors ${r.errors}${
      r.errors
        ? ` (${Object.entries(r.errorKinds)
            .map(([k, v]) => `${k}=${v}`)
            .join(" ")})`
        : ""
    } · stored ${r.stored}/${r.sent} · sender lag ≤ ${ms(r.maxSendLagMs)}`,
  );
  console.log(
    `              app CPU ${fixed(limits.appCpuPct)}% of one core${cpuPerVisit !== null ? ` · ${fixed(cpuPerVisit)} ms of app CPU per stored visit` : ""} · machine load average ${fixed(limits.loadAvg)} on ${limits.cores} cores`,
  );
  console.log(`              target p99 < 250 ms, 0 errors: ${r.p99 < 250 && r.errors === 0 ? "met" : "NOT met"}`);
  let max: number | null = null;
  if (o.stepSeconds > 0) {
    const ladder = await findMaxRate({ baseUrl: o.baseUrl, databaseUrl: o.databaseUrl, actionId, stepSeconds: o.stepSeconds, log: o.log });
    max = ladder.maxRate;
    console.log(
      `max rate      ${ladder.steps.map((s) => `${s.rate}/s p99 ${ms(s.p99)}${s.errors ? ` ${s.errors} err` : ""}`).join(" · ")}`,
    );
    console.log(`              highest rate with p99 < 1 s and no error: ${max}/s (steps of ${o.stepSeconds} s)`);
  }
  return {
    rate: r.rate,
    p50_ms: r1(r.p50),
    p99_ms: r1(r.p99),
    errors: r.errors,
    max_rate_p99_under_1s: max,
    ...(Number.isFinite(limits.loadAvg) ? { load_avg: r1(limits.loadAvg) } : {}),
    ...(cpuPerVisit !== null ? { app_cpu_ms_per_visit: r1(cpuPerVisit) } : {}),
  };
}
