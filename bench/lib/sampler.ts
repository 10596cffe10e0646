// What limits a run, sampled once a second while it goes: the app's CPU (from /proc/<pid>/stat:
// Next.js runs the app's JavaScript on one thread, so ~100% of one core is its ceiling), the
// machine's load average (the machine is shared), and the app's PostgreSQL sessions by state:
// running a statement, waiting for the audit chain's advisory lock, or "idle in transaction"
// (a transaction open while the app, not the database, is busy).
import fs from "node:fs";
import os from "node:os";
import { query } from "./db";

export interface SamplerSummary {
  samples: number;
  appCpuPct: number;
  appCpuPctMax: number;
  loadAvg: number;
  cores: number;
  /** mean number of the app's backends in each condition */
  active: number;
  advisoryWaits: number;
  otherLockWaits: number;
  idleInTransaction: number;
  idle: number;
  /** CPU the app process used over the sampled time, in ms (summed across restarts) */
  appCpuMs: number;
}

function cpuMs(pid: number): number | null {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

export function startSampler(o: { databaseUrl: string; pid: () => number; everyMs?: number }) {
  const rows: { cpu: number | null; load: number; active: number; adv: number; lock: number; iit: number; idle: number }[] = [];
  let prev = { t: performance.now(), cpu: cpuMs(o.pid()), pid: o.pid() };
  let busy = false;
  let appCpuMs = 0;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const pid = o.pid();
      const now = { t: performance.now(), cpu: cpuMs(pid), pid };
      const cpu = now.cpu !== null && prev.cpu !== null && now.pid === prev.pid ? (100 * (now.cpu - prev.cpu)) / (now.t - prev.t) : null;
      if (cpu !== null) appCpuMs += now.cpu! - prev.cpu!;
      prev = now;
      const [a] = await query<{ active: number; adv: number; lock: number; iit: number; idle: number }>(
        o.databaseUrl,
        `SELECT count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock')::int AS active,
                count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory')::int AS adv,
                count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event <> 'advisory')::int AS lock,
                count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS iit,
                count(*) FILTER (WHERE state = 'idle')::int AS idle
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      rows.push({ cpu, load: os.loadavg()[0]!, ...a! });
    } catch {
      /* the database may be restarting: skip this sample */
    } finally {
      busy = false;
    }
  }, o.everyMs ?? 1000);
  return {
    stop(): SamplerSummary {
      clearInterval(timer);
      const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN);
      const cpus = rows.map((r) => r.cpu).filter((c): c is number => c !== null);
      return {
        samples: rows.length,
        appCpuPct: mean(cpus),
        appCpuPctMax: cpus.length ? Math.max(...cpus) : Number.NaN,
        loadAvg: mean(rows.map((r) => r.load)),
        cores: os.cpus().length,
        active: mean(rows.map((r) => r.active)),
        advisoryWaits: mean(rows.map((r) => r.adv)),
        otherLockWaits: mean(rows.map((r) => r.lock)),
        idleInTransaction: mean(rows.map((r) => r.iit)),
        idle: mean(rows.map((r) => r.idle)),
        appCpuMs,
      };
    },
  };
}

export function formatSampler(s: SamplerSummary): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
  return (
    `app process CPU ${f(s.appCpuPct)}% of one core (max ${f(s.appCpuPctMax)}%) · machine load average ${f(s.loadAvg)} on ${s.cores} cores\n` +
    `              app's PostgreSQL sessions (mean of ${s.samples} samples): running ${f(s.active)} · waiting for the audit advisory lock ${f(s.advisoryWaits)} · ` +
    `other lock waits ${f(s.otherLockWaits)} · idle in transaction ${f(s.idleInTransaction)} · idle ${f(s.idle)}`
  );
}
