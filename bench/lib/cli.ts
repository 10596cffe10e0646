// What bench:load, bench:fault and bench:kill share: flags, set-up (build, fresh database,
// `next start`), the printed report and a watchdog that bounds the run.
import fs from "node:fs";
import path from "node:path";
import { ensureBuild, freePort, OUT_DIR, startApp, DEFAULT_DIST_DIR, type AppHandle } from "./app";
import { benchDatabaseUrl, dropDatabase, freshDatabase } from "./db";
import { fixed, ms } from "./stats";
import { formatIntegrity, formatReconciliation } from "./checks";
import type { VisitLoadOptions, VisitLoadResult } from "./visit-load";
import { actionIdFor } from "./client";
import { formatSampler } from "./sampler";

export interface Flags {
  visits: number;
  connections: number;
  noBuild: boolean;
  port: number;
  pool: number | undefined;
  keep: boolean;
  maxSeconds: number;
  distDir: string;
  /** the backlog sync: phones × visits each (0 phones skips it) */
  phones: number;
  backlog: number;
  /** the open loop at a realistic rate: requests/s for seconds (0 seconds skips it) */
  openRate: number;
  openSeconds: number;
  /** the max-rate ladder: seconds per step (0 skips it) */
  stepSeconds: number;
}

const HELP = `flags: --visits N (10000)  --connections N (200)  --no-build  --port N (3411)
       --phones N (200) --backlog N (20): the backlog sync, N phones each syncing N queued visits (--phones 0 skips it)
       --open-rate N (30) --open-seconds N (120): single visits on a fixed schedule (--open-seconds 0 skips it)
       --step-seconds N (15): each step of the max-rate ladder (p99 < 1 s; 0 skips it)
       --pool N (the app's Prisma pool, JINGZHUN_DB_POOL; default the app's 10)  --keep (keep the database)
       --max-seconds N (no new visits after N s; default 1800: on a shared 2-core machine 10,000 visits take ~15 min)
env:   BENCH_VISITS_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/jingzhun_bench_visits, dropped and recreated)
       NEXT_DIST_DIR (default .next-bench; never .next)`;

export function parseFlags(argv = process.argv.slice(2)): Flags {
  const f: Flags = {
    visits: 10_000,
    connections: 200,
    noBuild: false,
    port: 3411,
    pool: undefined,
    keep: false,
    maxSeconds: 1800,
    distDir: process.env.NEXT_DIST_DIR || DEFAULT_DIST_DIR,
    phones: 200,
    backlog: 20,
    openRate: 30,
    openSeconds: 120,
    stepSeconds: 15,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number\n${HELP}`);
      return Math.floor(v);
    };
    const count = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a} needs a number ≥ 0\n${HELP}`);
      return Math.floor(v);
    };
    if (a === "--visits") f.visits = num();
    else if (a === "--connections") f.connections = num();
    else if (a === "--port") f.port = num();
    else if (a === "--pool") f.pool = num();
    else if (a === "--max-seconds") f.maxSeconds = num();
    else if (a === "--phones") f.phones = count();
    else if (a === "--backlog") f.backlog = num();
    else if (a === "--open-rate") f.openRate = num();
    else if (a === "--open-seconds") f.openSeconds = count();
    else if (a === "--step-seconds") f.stepSeconds = count();
    else if (a === "--no-build") f.noBuild = true;
    else if (a === "--keep") f.keep = true;
    else if (a === "--help" || a === "-h") {
      console.log(HELP);
      process.exit(0);
    } else throw new Error(`unknown flag ${a}\n${HELP}`);
  }
  if (f.visits > 200_000) throw new Error("--visits is capped at 200,000 (the machine is shared)");
  if (f.connections > 1000) throw new Error("--connections is capped at 1,000");
  return f;
}

export function logger(name: string) {
  const t0 = Date.now();
  return (m: string) => console.log(`[${name} ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${m}`);
}

/** Kills the run (and the app it started) when it overruns; the machine is shared. */
export function watchdog(seconds: number, onExpire: () => Promise<void>) {
  const t = setTimeout(async () => {
    console.error(`\n✖ the run took more than ${seconds} s: stopping it`);
    await onExpire().catch(() => {});
    process.exit(3);
  }, seconds * 1000);
  t.unref();
  return () => clearTimeout(t);
}

export interface Setup {
  flags: Flags;
  databaseUrl: string;
  app: AppHandle;
  port: number;
  cleanup(): Promise<void>;
}

/** `--at 0.35`-style flag (a fraction of the run), removed from argv before parseFlags sees it. */
export function fractionFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  process.argv.splice(i, 2);
  if (!(v > 0 && v < 1)) {
    console.error(`✖ ${name} takes a fraction between 0 and 1`);
    process.exit(2);
  }
  return v;
}

/**
 * The frame of bench:load / fault / kill: a watchdog, set-up (build, fresh database, app), the
 * body, clean-up whatever happens, and the process's exit code (2 on an unexpected error).
 */
export function runVisitBench(
  name: string,
  watchdogSeconds: number,
  body: (s: Setup, flags: Flags, log: (m: string) => void) => Promise<number>,
): void {
  const log = logger(`bench:${name}`);
  const main = async (): Promise<number> => {
    const flags = parseFlags();
    let setup: Setup | undefined;
    const stopWatchdog = watchdog(watchdogSeconds, async () => setup?.cleanup());
    try {
      setup = await setUp(name, flags, log);
      return await body(setup, flags, log);
    } finally {
      stopWatchdog();
      await setup?.cleanup();
    }
  };
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`[bench:${name}] ✖ ${(e as Error).stack ?? e}`);
      process.exit(2);
    },
  );
}

/** Build if needed, recreate + migrate + seed the database, start the app. */
export async function setUp(name: string, flags: Flags, log: (m: string) => void): Promise<Setup> {
  const databaseUrl = benchDatabaseUrl();
  await ensureBuild({ distDir: flags.distDir, noBuild: flags.noBuild, log });
  await freshDatabase(databaseUrl, log);
  const port = await freePort(flags.port);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const logName = `${name}-app.log`;
  fs.writeFileSync(path.join(OUT_DIR, logName), "");
  const app = await startApp({ port, databaseUrl, distDir: flags.distDir, dbPool: flags.pool, logName });
  log(`next start on ${app.baseUrl} (pid ${app.pid}, Prisma pool ${flags.pool ?? "default 10"}; log bench/out/${logName})`);
  const setup: Setup = {
    flags,
    databaseUrl,
    app,
    port,
    async cleanup() {
      await setup.app.stop().catch(() => {});
      if (!flags.keep) await dropDatabase(databaseUrl).catch(() => {});
    },
  };
  return setup;
}

/** Counts of server-side error lines in the app's log (what a request failure looked like from inside). */
export function appLogSummary(logName: string): string {
  const p = path.join(OUT_DIR, logName);
  if (!fs.existsSync(p)) return "no log";
  const lines = fs.readFileSync(p, "utf8").split("\n");
  const errors = lines.filter((l) => /error|✖|ECONN|terminat/i.test(l));
  const kinds = new Map<string, number>();
  for (const l of errors) {
    const key = l
      .replace(/ref=\w+/, "ref=…")
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<id>")
      .replace(/\d+/g, "N")
      .slice(0, 140);
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  if (!kinds.size) return "no error lines";
  return [...kinds]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => `${v}× ${k}`)
    .join("\n    ");
}

export function printResult(title: string, r: VisitLoadResult, flags: Flags) {
  const line = "─".repeat(78);
  console.log(`\n${line}\n${title}\n${line}`);
  console.log(
    `load          ${r.sent} visits (distinct ids) by ${r.cadres} cadres on ${r.households} households, ${flags.connections} keep-alive connections`,
  );
  if (r.sent < flags.visits)
    console.log(`              ⚠ stopped at the time bound (--max-seconds ${flags.maxSeconds}) after ${r.sent} of ${flags.visits} visits`);
  console.log(
    `closed loop   ${flags.connections} connections each waiting for its answer: latency ≈ connections ÷ throughput by construction`,
  );
  console.log(
    `throughput    ${fixed(r.rps)} req/s  (${r.answered} answered requests in ${fixed(r.durationS)} s; ${fixed(r.sent / r.durationS)} visits/s; ~${(r.bytesPerAnswer / 1024).toFixed(0)} KiB per answer)`,
  );
  console.log(`latency       p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · p99 ${ms(r.p99)} · max ${ms(r.max)} (mean ${ms(r.mean)})`);
  console.log(
    `errors        ${r.errors} failed attempts${
      r.errors
        ? ` (${Object.entries(r.errorKinds)
            .map(([k, v]) => `${k}=${v}`)
            .join(" ")})`
        : ""
    } · retried ${r.retriesAfterFailure} · gave up ${r.gaveUp}`,
  );
  console.log(
    `resends       ${r.deliberateResends} deliberate (same id) · answers "already stored, nothing written" ${r.replays} (deliberate resends and retries of requests that had committed) · a resend stored again ${r.resendStoredAgain}`,
  );
  console.log(`conflicts     ${r.conflicts} visits kept as "conflict" (stale base version; expected only after lost answers)`);
  if (r.events.length) {
    for (const e of r.events) console.log(`event         ${e.name} at ${fixed(e.firedAtS)} s${e.error ? ` ✖ ${e.error}` : ""}`);
  }
  console.log(`limits        ${formatSampler(r.limits)}`);
  if (r.limits.appCpuMs > 0 && r.answered) {
    const per = r.limits.appCpuMs / r.answered;
    console.log(
      `              app CPU per answered request ${per.toFixed(0)} ms → one Node.js process cannot exceed ~${(1000 / per).toFixed(0)} req/s even with a core to itself`,
    );
  }
  if (r.reconciliation) console.log(`reconcile     ${formatReconciliation(r.reconciliation)}`);
  if (r.integrity) console.log(`integrity     ${formatIntegrity(r.integrity)}`);
  console.log(
    `checks        0 errors: ${r.errors === 0 ? "met" : "NOT met"} · stored = sent: ${r.stored === r.sent ? "met" : "NOT met"} (the latency targets are the open loop's, the throughput target the backlog sync's)`,
  );
}

/** When the failures of an outage began and ended, and how soon requests sent after it were answered. */
export function outageSummary(r: VisitLoadResult, beganAt: number, backAt: number): string {
  const failed = r.timeline.failed.filter(([, end]) => end >= beganAt);
  const after = r.timeline.answered.filter(([start]) => start >= backAt).sort((a, b) => a[1] - b[1]);
  const failedAfterBack = r.timeline.failed.filter(([start]) => start >= backAt).length;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const first = after[0];
  return (
    `failed attempts ${failed.length}` +
    (failed.length
      ? ` (finished between +${s(Math.min(...failed.map((f) => f[1])) - beganAt)} and +${s(Math.max(...failed.map((f) => f[1])) - beganAt)} after the fault began)`
      : "") +
    ` · attempts sent after recovery that failed: ${failedAfterBack}` +
    (first
      ? ` · the first attempt sent after recovery was answered +${s(first[1] - backAt)} after it (queued behind the requests in flight)`
      : "")
  );
}

/**
 * The options every visit-load bench shares: the app and database of its set-up, the flags'
 * counts, the logVisit action id of the build. `faults: true` adds the patient retry policy of
 * the fault and kill benches (12 attempts, backoff 250 ms → 4 s).
 */
export function visitLoadOptions(
  s: Setup,
  flags: Flags,
  log: (m: string) => void,
  opts: { faults?: boolean } = {},
): VisitLoadOptions & { actionId: string } {
  return {
    baseUrl: s.app.baseUrl,
    databaseUrl: s.databaseUrl,
    visits: flags.visits,
    connections: flags.connections,
    maxSeconds: flags.maxSeconds,
    actionId: actionIdFor(flags.distDir),
    log,
    appPid: () => s.app.pid,
    ...(opts.faults ? { maxAttempts: 12, backoffMs: 250, backoffMaxMs: 4000 } : {}),
  };
}
