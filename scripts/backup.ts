// `npm run db:backup -- FILE` and `npm run db:restore -- FILE [--force]`.
//  - PostgreSQL (DATABASE_URL set): pg_dump in custom format / pg_restore into an EMPTY database.
//  - PGlite (no DATABASE_URL): a gzip tarball of the data folder (PGlite's own dump) / a new
//    folder loaded from it. The folder must not be open elsewhere: stop `npm run dev` first.
// After a restore the audit chain is verified; a broken chain fails the restore loudly.
import "dotenv/config";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "../lib/generated/prisma/client";
import { databaseChoice, redactUrl } from "../lib/db/config";
import { fixedPgliteAdapterFactory, poolConfigFromUrl } from "../lib/db/adapter-fixes";
import { createPrisma } from "../lib/db/client";
import { lockDataDir, openPglite } from "../lib/db/pglite-owner";
import { verifyAudit } from "./audit-verify";

function fail(message: string): never {
  console.error(`[jingzhun] ✖ ${message}`);
  process.exit(1);
}

function pgEnv(url: string): NodeJS.ProcessEnv {
  const c = poolConfigFromUrl(url);
  return { ...process.env, PGHOST: String(c.host ?? ""), PGPORT: String(c.port ?? 5432), PGUSER: String(c.user ?? ""), PGPASSWORD: String(c.password ?? ""), PGDATABASE: String(c.database ?? "") };
}

export async function backupPostgres(url: string, file: string) {
  const r = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file], { env: pgEnv(url), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pg_dump failed for ${redactUrl(url)}: ${r.stderr.trim()}`);
}

export async function restorePostgres(url: string, file: string) {
  const env = pgEnv(url);
  const count = spawnSync("psql", ["-tAc", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"], { env, encoding: "utf8" });
  if (count.status !== 0) throw new Error(`cannot reach ${redactUrl(url)}: ${count.stderr.trim()}`);
  if (Number(count.stdout.trim()) > 0) throw new Error(`目标数据库不是空的 (the target database ${redactUrl(url)} is not empty): restore into an empty database`);
  const r = spawnSync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", env.PGDATABASE!, file], { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pg_restore failed: ${r.stderr.trim()}`);
}

export async function backupPglite(dataDir: string, file: string) {
  const lock = lockDataDir(dataDir);
  try {
    const db = await openPglite(dataDir);
    const dump = await db.dumpDataDir("gzip");
    await db.close();
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    lock.release();
  }
}

export async function restorePglite(dataDir: string, file: string, force: boolean) {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    if (!force) throw new Error(`${dataDir} 已有数据 (already holds a database): move it away, or pass --force to replace it`);
  }
  const lock = lockDataDir(dataDir);
  try {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const db = await PGlite.create({ dataDir, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await db.close();
  } finally {
    lock.release();
  }
}

async function verifyRestored(choice: ReturnType<typeof databaseChoice>) {
  let prisma: PrismaClient;
  if (choice.kind === "postgres") prisma = createPrisma(choice.url, { max: 2 });
  else {
    const lock = lockDataDir(choice.dataDir);
    prisma = new PrismaClient({ adapter: fixedPgliteAdapterFactory(await openPglite(choice.dataDir), { closeOnDispose: true }) });
    process.once("exit", () => lock.release());
  }
  const r = await verifyAudit(prisma);
  await prisma.$disconnect();
  if (!r.ok) fail(`恢复的数据审计链断裂 (restored audit chain broken) at event ${r.brokenAt}: ${r.why}`);
  console.log(`[jingzhun] 审计链完整 (audit chain intact): ${r.checked} events`);
}

async function main() {
  const [mode, file, ...rest] = process.argv.slice(2);
  if ((mode !== "backup" && mode !== "restore") || !file) fail("usage: tsx scripts/backup.ts backup|restore FILE [--force]");
  const choice = databaseChoice();
  const target = path.resolve(file);
  if (mode === "backup") {
    if (choice.kind === "postgres") await backupPostgres(choice.url, target);
    else await backupPglite(choice.dataDir, target);
    console.log(`[jingzhun] 已备份 (backed up) → ${target} (${fs.statSync(target).size} bytes)`);
    return;
  }
  if (!fs.existsSync(target)) fail(`no such file: ${target}`);
  if (choice.kind === "postgres") await restorePostgres(choice.url, target);
  else await restorePglite(choice.dataDir, target, rest.includes("--force"));
  console.log(`[jingzhun] 已恢复 (restored) ← ${target}`);
  await verifyRestored(choice);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => fail((e as Error).message));
}
