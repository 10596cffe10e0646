// The database a scale run measures: a dedicated PostgreSQL database (dropped and recreated),
// or a fresh PGlite data folder in a tmp dir served over the wire by a child process, exactly as
// the app serves it (lib/db/pglite-owner.ts servePglite). Either way migrated with the
// project's own migrations and given the national policy rows (the status engine needs them).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { poolConfigFromUrl } from "../../lib/db/adapter-fixes";
import { DEFAULT_POLICY_ROWS } from "../../lib/domain/policy-defaults";
import { migrationSql } from "../../tests/support/migrations";
import { baselineImport, type BaselineImportResult } from "./baseline-import";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export type DbKind = "postgres" | "pglite";

export interface Target {
  kind: DbKind;
  url: string;
  /** where the data lives (database name or folder), for the report */
  where: string;
  /** pid of the PGlite server process (its RSS is worth watching) */
  serverPid?: number;
  /** the import baseline, run where COPY works (bench/scale/baseline-import.ts) */
  baselineImport(dir: string): Promise<BaselineImportResult>;
  close(keep: boolean): Promise<void>;
}

export const DEFAULT_SCALE_URL = "postgresql://postgres@127.0.0.1:5432/jingzhun_scale";

function adminUrl(url: string) {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

const RETRYABLE = new Set(["57P03", "ECONNREFUSED", "ECONNRESET", "57P01"]);

/** Connects, waiting up to 90 s for a server that is starting or restarting (another bench may restart it). */
export async function connect(url: string): Promise<pg.Client> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const c = new pg.Client(poolConfigFromUrl(url));
    c.on("error", () => {});
    try {
      await c.connect();
      return c;
    } catch (e) {
      await c.end().catch(() => {});
      if (!RETRYABLE.has((e as { code?: string }).code ?? "") || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = await connect(url);
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}

async function migrate(url: string) {
  await withClient(url, async (c) => {
    for (const sql of migrationSql(ROOT)) await c.query(sql);
    for (const r of DEFAULT_POLICY_ROWS) {
      await c.query(`INSERT INTO policy_row (id, year, "provinceId", values) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        r.id,
        r.year,
        r.provinceCode,
        JSON.stringify(r.values),
      ]);
    }
  });
}

export async function openPostgres(url = DEFAULT_SCALE_URL): Promise<Target> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || !name.includes("scale")) {
    throw new Error(`refusing to drop "${name}": the scale benchmark's database name must contain "scale"`);
  }
  await withClient(adminUrl(url), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await withClient(adminUrl(url), (c) => c.query(`CREATE DATABASE "${name}"`));
  await migrate(url);
  return {
    kind: "postgres",
    url,
    where: `PostgreSQL database ${name}`,
    baselineImport: (dir) => baselineImport(url, dir),
    async close(keep) {
      if (!keep) await withClient(adminUrl(url), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** A PGlite folder in a tmp dir, served by bench/scale/pglite-server.ts in its own process. */
export async function openPglite(): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jz-scale-pglite-"));
  const dataDir = path.join(dir, "pglite");
  // node itself (not the tsx CLI, which would add a process): its pid is the database's
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", "scale", "pglite-server.ts"), dataDir], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const pending = new Map<number, { resolve: (r: BaselineImportResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const url = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.on("line", (l) => {
      const m = /^URL (\S+)/.exec(l);
      if (m) resolve(m[1]!);
      const r = /^(REPLY|ERROR) (\d+) (.*)$/.exec(l);
      const p = r ? pending.get(Number(r[2])) : undefined;
      if (r && p) {
        pending.delete(Number(r[2]));
        if (r[1] === "REPLY") p.resolve(JSON.parse(r[3]!) as BaselineImportResult);
        else p.reject(new Error(r[3]));
      }
    });
    child.on("exit", (code) => reject(new Error(`the PGlite server exited (${code}) before serving`)));
  });
  await migrate(url);
  return {
    kind: "pglite",
    url,
    where: `PGlite folder ${dataDir}`,
    baselineImport: (folder) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.stdin!.write(`${JSON.stringify({ id, cmd: "baseline-import", dir: folder })}\n`);
      }),
    serverPid: child.pid,
    async close(keep) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM"); // the server closes PGlite cleanly (a checkpoint), then exits
      await exited;
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
      else console.log(`[scale] kept ${dataDir}`);
    },
  };
}

/** Peak RSS (kB → MB) of a live process, from /proc (Linux). */
export function peakRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** When the PostgreSQL server last started: a change between two readings means a restart (by anyone). */
export async function serverStartedAt(url: string): Promise<string | null> {
  try {
    return await withClient(url, async (c) =>
      String((await c.query<{ t: string }>("SELECT pg_postmaster_start_time()::text AS t")).rows[0]!.t),
    );
  } catch {
    return null;
  }
}
