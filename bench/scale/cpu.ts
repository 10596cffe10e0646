// CPU time, the figure a shared machine does not distort: wall time on two busy cores measures
// the neighbours as much as the code. Read from /proc (Linux; PostgreSQL runs on this machine):
// a process's user + system time, and the database's client backends by pg_stat_activity.
import fs from "node:fs";
import os from "node:os";
import type pg from "pg";

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** user + system CPU milliseconds of a live process, or null when it is gone. */
export function procCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is state (field 3): utime is field 14, stime field 15
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** CPU ms of every client backend of this connection's database except the asking one. */
export async function backendsCpuMs(c: pg.Client): Promise<number> {
  const { rows } = await c.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  return rows.reduce((s, r) => s + (procCpuMs(r.pid) ?? 0), 0);
}

export async function backendPid(c: pg.Client): Promise<number> {
  return (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
}
