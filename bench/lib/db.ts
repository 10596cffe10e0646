// The benchmarks' own database: created afresh on the local PostgreSQL, migrated and seeded
// with the demo data by the project's own start script (`tsx scripts/run.ts db`: migrate
// deploy + seed, then exit), and read with plain `pg` for the reconciliation.
import { clientFor, splitHosts, withDatabase } from "../../lib/db/multi-host";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Not jingzhun_bench: bench:county and bench:scale drop and recreate that one. */
export const DEFAULT_BENCH_URL = "postgresql://postgres@127.0.0.1:5432/jingzhun_bench_visits";

export function benchDatabaseUrl(): string {
  return process.env.BENCH_VISITS_DATABASE_URL?.trim() || DEFAULT_BENCH_URL;
}

export function dbName(url: string): string {
  return decodeURIComponent(new URL(splitHosts(url).url).pathname.slice(1));
}

function adminUrl(url: string): string {
  return withDatabase(url, "postgres");
}

/** One short-lived connection per call; retried while the server is (re)starting. */
export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
  retries = 0,
): Promise<R[]> {
  for (let attempt = 0; ; attempt++) {
    const c = clientFor(url, { connectionTimeoutMillis: 5000 });
    c.on("error", () => {}); // a server restart ends idle connections: not this process's crash
    try {
      await c.connect();
      return (await c.query<R>(text, params)).rows;
    } catch (e) {
      if (attempt >= retries) throw e;
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await c.end().catch(() => {});
    }
  }
}

/** DROP … WITH (FORCE) and CREATE the benchmark database. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = dbName(url);
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || !name.includes("bench")) {
    throw new Error(`refusing to drop "${name}": a benchmark database's name must contain "bench"`);
  }
  await query(adminUrl(url), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await query(adminUrl(url), `CREATE DATABASE "${name}"`);
}

/** migrate deploy + the demo data, through scripts/run.ts (mode "db" exits when done on PostgreSQL). */
export async function migrateAndSeed(url: string, log: (m: string) => void): Promise<void> {
  const t0 = Date.now();
  const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const out: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [tsx, "scripts/run.ts", "db"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: "bench-only-secret", JINGZHUN_SEED: "1", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => out.push(d.toString()));
    child.stderr.on("data", (d: Buffer) => out.push(d.toString()));
    child.on("exit", (c) => resolve(c ?? 1));
  });
  const text = out.join("");
  if (code !== 0) throw new Error(`migrate + seed failed (exit ${code}):\n${text.slice(-3000)}`);
  const seeded = text.match(/demo data seeded\): ([^\n]*)/)?.[1] ?? "done";
  log(`database ${dbName(url)}: migrated and seeded (${seeded}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

export async function freshDatabase(url: string, log: (m: string) => void): Promise<void> {
  await recreateDatabase(url);
  await migrateAndSeed(url, log);
}

export async function dropDatabase(url: string): Promise<void> {
  await query(adminUrl(url), `DROP DATABASE IF EXISTS "${dbName(url)}" WITH (FORCE)`);
}

/** The installed PostgreSQL major version (the cluster pg_ctlcluster knows): `ls /etc/postgresql`. */
export function postgresVersion(): string {
  const versions = fs.existsSync("/etc/postgresql") ? fs.readdirSync("/etc/postgresql").filter((v) => /^\d+$/.test(v)) : [];
  if (!versions.length) throw new Error("no cluster under /etc/postgresql");
  return versions.sort((a, b) => Number(b) - Number(a))[0]!;
}
