/**
 * bench:failover — the primary database dies under load; nothing a phone saw acknowledged is lost.
 *
 *   npm run bench:failover [-- --visits 1500 --connections 40 --no-build --at 0.35 --demote-timeout 10]
 *
 * Sets up a pg_auto_failover formation on local ports in bench/out/failover (a monitor, a primary
 * and a synchronous secondary; installs Debian's postgresql-15-auto-failover if missing), two
 * `next start` processes on it (DATABASE_URL lists both nodes, target_session_attrs=read-write:
 * lib/db/multi-host.ts) and HAProxy in front of them, round robin. It checks that a session made
 * on one app server is valid on the other, then drives the visit load through the proxy (each
 * visit with its client id, retried with the same id until acknowledged, as the outbox does).
 * When --at of the visits have started, the primary's keeper and postgres get SIGKILL (its
 * machine dies). The load goes on through the promotion. Meanwhile a prober writes a row every
 * 250 ms through the same kind of connection (the write gap) and a reader reads through a
 * prefer-standby connection (reads that may lag, as county lists and exports may).
 *
 * Afterwards, on the new primary: every acknowledged visit stored exactly once, the audit chain
 * intact. Last line, JSON:
 *   {"acknowledged","stored","lost","duplicated","writeUnavailableS","failedRequests","readsDuringFailover"}
 * Exit 1 when lost or duplicated is not 0, the chain is broken, or writes were not back within 30 s.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fractionFlag, logger, parseFlags, setUp, visitLoadOptions, watchdog, type Setup } from "./lib/cli";
import { freePort, OUT_DIR, startApp, type AppHandle } from "./lib/app";
import { signIn } from "./lib/client";
import { runVisitLoad } from "./lib/visit-load";
import { ensureAutoFailover, startFormation, type Formation } from "./lib/formation";
import { clientFor } from "../lib/db/multi-host";

const at = fractionFlag("--at", 0.35);
const demoteTimeoutS = numberFlag("--demote-timeout", 10);
const basePort = numberFlag("--pg-port", 6500);
const WRITE_TARGET_S = 30;

function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  process.argv.splice(i, 2);
  if (!Number.isFinite(v) || v < 0) {
    console.error(`✖ ${name} takes a number`);
    process.exit(2);
  }
  return v;
}

/** Defaults smaller than bench:load's: the drill is about the promotion, not throughput. */
function withDefaults(argv: string[]): string[] {
  const out = [...argv];
  if (!out.includes("--visits")) out.push("--visits", "1500");
  if (!out.includes("--connections")) out.push("--connections", "40");
  return out;
}

function startHaproxy(port: number, backends: number[], log: (m: string) => void): ChildProcess {
  const cfg = path.join(OUT_DIR, "failover-haproxy.cfg");
  fs.writeFileSync(
    cfg,
    [
      "global",
      "  maxconn 4096",
      "defaults",
      "  mode http",
      "  timeout connect 2s",
      "  timeout client 120s",
      "  timeout server 120s",
      "  option redispatch",
      "  retries 2",
      "frontend app",
      `  bind 127.0.0.1:${port}`,
      "  default_backend apps",
      "backend apps",
      "  balance roundrobin",
      ...backends.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check inter 1s`),
      "",
    ].join("\n"),
  );
  execFileSync("haproxy", ["-c", "-q", "-f", cfg]);
  const fd = fs.openSync(path.join(OUT_DIR, "failover-haproxy.log"), "a");
  const child = spawn("haproxy", ["-db", "-f", cfg], { stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  log(`HAProxy on 127.0.0.1:${port} → ${backends.map((p) => `:${p}`).join(", ")} (round robin)`);
  return child;
}

async function waitHttp(url: string, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (r.status < 500) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A session made on one app server opens a signed-in page on the other. */
async function sessionOnBoth(a: AppHandle, b: AppHandle): Promise<boolean> {
  const cookie = await signIn(a.baseUrl, "cadre", "Jingzhun@2026").catch(() => null);
  if (!cookie) return false;
  const r = await fetch(`${b.baseUrl}/cadre`, { headers: { cookie }, redirect: "manual" });
  return r.status === 200;
}

interface Probe {
  at: number;
  ok: boolean;
}

/** Every `everyMs`, one write (or read) through its own connection; the outcomes with their times. */
function prober(url: string, text: string, everyMs: number, t0: number) {
  const out: Probe[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const c = clientFor(url, { connectionTimeoutMillis: 1000 });
      c.on("error", () => {});
      let ok = false;
      try {
        await c.connect();
        await c.query(text);
        ok = true;
      } catch {
        ok = false;
      } finally {
        await c.end().catch(() => {});
      }
      out.push({ at: performance.now() - t0, ok });
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    out,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

async function main(): Promise<number> {
  const log = logger("bench:failover");
  process.argv.splice(2, process.argv.length - 2, ...withDefaults(process.argv.slice(2)));
  const flags = parseFlags();
  let formation: Formation | undefined;
  let setup: Setup | undefined;
  let app2: AppHandle | undefined;
  let proxy: ChildProcess | undefined;
  const cleanup = async () => {
    proxy?.kill("SIGKILL");
    await app2?.stop().catch(() => {});
    await setup?.app.stop().catch(() => {});
    await formation?.stop().catch(() => {});
  };
  const stopWatchdog = watchdog(40 * 60, cleanup);
  try {
    ensureAutoFailover(log);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    formation = await startFormation({ dir: path.join(OUT_DIR, "failover"), basePort, log, demoteTimeoutS });
    process.env.BENCH_VISITS_DATABASE_URL = formation.url("jingzhun_bench_failover");
    setup = await setUp("failover", { ...flags, keep: true }, log);
    const port2 = await freePort(setup.port + 1);
    app2 = await startApp({
      port: port2,
      databaseUrl: setup.databaseUrl,
      distDir: flags.distDir,
      dbPool: flags.pool,
      logName: "failover-app2.log",
    });
    log(`second next start on ${app2.baseUrl} (pid ${app2.pid})`);
    const proxyPort = await freePort(port2 + 1);
    proxy = startHaproxy(proxyPort, [setup.app.port, app2.port], log);
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    await waitHttp(`${proxyUrl}/login`, 30);
    const shared = await sessionOnBoth(setup.app, app2);
    log(`a session made on app 1 opens /cadre on app 2: ${shared ? "yes" : "NO"}`);

    const t0 = performance.now();
    const writeUrl = setup.databaseUrl;
    const readUrl = formation.url("jingzhun_bench_failover", "prefer-standby");
    await clientFor(writeUrl)
      .connect()
      .then(async (c) => {
        await c.query("CREATE TABLE IF NOT EXISTS failover_probe (at timestamptz NOT NULL DEFAULT now())");
        await c.end();
      });
    const writes = prober(writeUrl, "INSERT INTO failover_probe DEFAULT VALUES", 250, t0);
    const reads = prober(readUrl, "SELECT count(*) FROM visit", 250, t0);
    let killedAt = NaN;
    let killed = "";
    const r = await runVisitLoad({
      ...visitLoadOptions(setup, flags, log, { faults: true }),
      baseUrl: proxyUrl,
      // through a promotion: the outbox keeps the visit and sends it again, for as long as it takes
      maxAttempts: 60,
      backoffMs: 250,
      backoffMaxMs: 2000,
      requestTimeoutMs: 30_000,
      appPid: () => setup!.app.pid,
      events: [
        {
          at,
          name: "SIGKILL of the primary database",
          async run(ctx) {
            const primary = await formation!.primary();
            if (!primary) throw new Error("no primary to kill");
            killed = primary.name;
            const inFlight = ctx.inFlight();
            killedAt = performance.now() - t0;
            await formation!.killNode(primary);
            log(`✝ SIGKILL to ${primary.name} (keeper and postgres, port ${primary.port}) with ${inFlight} requests in flight`);
            return { node: primary.name, inFlight };
          },
        },
      ],
    });
    await writes.stop();
    await reads.stop();
    const states = await formation.states().catch(() => ({}));
    log(`formation after the run: ${JSON.stringify(states)}`);

    const backAt = writes.out.find((p) => p.at > killedAt && p.ok)?.at;
    const writeUnavailableS = Number.isFinite(killedAt) && backAt !== undefined ? Math.round((backAt - killedAt) / 100) / 10 : null;
    const lastWriteOk = writes.out.filter((p) => p.ok && p.at <= killedAt).at(-1)?.at;
    const window = (p: Probe) => p.at > killedAt && (backAt === undefined || p.at <= backAt);
    const readsDuring = {
      ok: reads.out.filter((p) => window(p) && p.ok).length,
      failed: reads.out.filter((p) => window(p) && !p.ok).length,
    };
    const rec = r.reconciliation;
    const chainOk = r.integrity?.auditChain.ok ?? false;
    const line = {
      acknowledged: rec?.acknowledged ?? null,
      stored: rec?.stored ?? null,
      lost: rec?.lostAcknowledged ?? null,
      duplicated: rec?.duplicates ?? null,
      writeUnavailableS,
      failedRequests: r.errors,
      readsDuringFailover: readsDuring,
    };
    console.log(
      `\nbench:failover — ${flags.visits} visits over ${flags.connections} connections through HAProxy to 2 app servers; ${killed} SIGKILLed at ${Math.round(at * 100)}%`,
    );
    console.log(
      `writes        last write before the kill at ${lastWriteOk !== undefined ? (lastWriteOk / 1000).toFixed(1) : "?"} s, the kill at ${(killedAt / 1000).toFixed(1)} s, writes back at ${
        backAt !== undefined ? (backAt / 1000).toFixed(1) : "never"
      } s: unavailable ${writeUnavailableS ?? "?"} s (target ≤ ${WRITE_TARGET_S} s; demote timeout ${demoteTimeoutS} s)`,
    );
    console.log(`reads         through prefer-standby during the gap: ${readsDuring.ok} answered, ${readsDuring.failed} failed`);
    console.log(
      `visits        sent ${rec?.sent ?? "?"} · acknowledged ${line.acknowledged} · stored ${line.stored} · lost ${line.lost} · duplicated ${line.duplicated} · gave up ${r.gaveUp} · failed attempts ${r.errors} (${Object.entries(
        r.errorKinds,
      )
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")})`,
    );
    console.log(`audit chain   ${chainOk ? "intact across the promotion" : `BROKEN: ${r.integrity?.auditChain.detail ?? "not checked"}`}`);
    console.log(`sessions      a session made on one app server valid on the other: ${shared ? "yes" : "NO"}`);
    const ok =
      line.lost === 0 && line.duplicated === 0 && chainOk && shared && writeUnavailableS !== null && writeUnavailableS <= WRITE_TARGET_S;
    console.log(ok ? "\n✔ no acknowledged visit lost, none stored twice, writes back in time" : "\n✖ bench:failover FAILED");
    console.log(JSON.stringify(line));
    return ok ? 0 : 1;
  } finally {
    stopWatchdog();
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[bench:failover] ✖ ${(e as Error).stack ?? e}`);
    process.exit(2);
  },
);
