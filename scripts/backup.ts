// `npm run db:backup -- FILE`, `npm run db:restore -- FILE [--force]`, `npm run files:verify`.
//
// A backup is ONE archive (tar + gzip) holding the database AND every stored file:
//   manifest.json           what it holds (format, database kind, counts, sizes)
//   database.dump           PostgreSQL: pg_dump, custom format          ┐ one of the two
//   database.tar.gz         PGlite: the data folder's own dump          ┘
//   files/<key>             the upload folder (UPLOAD_DIR, default ./data/uploads): evidence
//                           photos and signatures, minutes scans, help photos, notice PDFs
//
// A restore puts the database back (into an EMPTY PostgreSQL database / a new PGlite folder) and
// the files into the upload folder (empty, or --force), then checks the audit chain and EVERY
// stored file against the SHA-256 its row holds, naming each file that is missing or changed
// (exit 1: the database is back, the evidence is not all there). A file from an older backup
// (the database alone) restores too, and then checks the files already in the upload folder.
// `files:verify` runs the same file check on the database and folder in use.
//
// PGlite: the data folder must not be open elsewhere: stop `npm run dev` first.
import "dotenv/config";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "../lib/generated/prisma/client";
import { databaseChoice, redactUrl } from "../lib/db/config";
import { fixedPgliteAdapterFactory, poolConfigFromUrl } from "../lib/db/adapter-fixes";
import { createPrisma } from "../lib/db/client";
import { lockDataDir, openPglite } from "../lib/db/pglite-owner";
import { uploadRoot } from "../lib/storage/root";
import { verifyStoredFiles, type FileCheck } from "../lib/storage/stored-files";
import { verifyAudit } from "./audit-verify";

export const FORMAT = "jingzhun-backup";
export const FORMAT_VERSION = 1;

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  database: { kind: "postgres" | "pglite"; file: string; bytes: number };
  files: { count: number; bytes: number };
}

function fail(message: string): never {
  console.error(`[jingzhun] ✖ ${message}`);
  process.exit(1);
}

function pgEnv(url: string): NodeJS.ProcessEnv {
  const c = poolConfigFromUrl(url);
  return {
    ...process.env,
    PGHOST: String(c.host ?? ""),
    PGPORT: String(c.port ?? 5432),
    PGUSER: String(c.user ?? ""),
    PGPASSWORD: String(c.password ?? ""),
    PGDATABASE: String(c.database ?? ""),
  };
}

function tar(args: string[]): void {
  const r = spawnSync("tar", args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tar ${args[0]} failed: ${r.stderr.trim()}`);
}

// ───────────────────────── the database alone ─────────────────────────

export async function backupPostgres(url: string, file: string) {
  const r = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file], {
    env: pgEnv(url),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`pg_dump failed for ${redactUrl(url)}: ${r.stderr.trim()}`);
}

function checkPostgresEmpty(url: string) {
  const env = pgEnv(url);
  const count = spawnSync("psql", ["-tAc", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"], { env, encoding: "utf8" });
  if (count.status !== 0) throw new Error(`cannot reach ${redactUrl(url)}: ${count.stderr.trim()}`);
  if (Number(count.stdout.trim()) > 0)
    throw new Error(`目标数据库不是空的 (the target database ${redactUrl(url)} is not empty): restore into an empty database`);
}

export async function restorePostgres(url: string, file: string) {
  checkPostgresEmpty(url);
  const env = pgEnv(url);
  const r = spawnSync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", env.PGDATABASE!, file], {
    env,
    encoding: "utf8",
  });
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

function checkPgliteTarget(dataDir: string, force: boolean) {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0 && !force) {
    throw new Error(`${dataDir} 已有数据 (already holds a database): move it away, or pass --force to replace it`);
  }
}

export async function restorePglite(dataDir: string, file: string, force: boolean) {
  checkPgliteTarget(dataDir, force);
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

// ───────────────────────── the files ─────────────────────────

/** Files and bytes under a folder (health probes left out). */
function folderStats(root: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  if (!fs.existsSync(root)) return { count, bytes };
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".health-")) continue;
    count++;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { count, bytes };
}

function isEmptyFolder(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

// ───────────────────────── the archive ─────────────────────────

/** The database and the upload folder, in one archive. */
export async function backup(choice: ReturnType<typeof databaseChoice>, file: string, root = uploadRoot()): Promise<Manifest> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "jz-backup-"));
  try {
    const dbFile = choice.kind === "postgres" ? "database.dump" : "database.tar.gz";
    if (choice.kind === "postgres") await backupPostgres(choice.url, path.join(staging, dbFile));
    else await backupPglite(choice.dataDir, path.join(staging, dbFile));
    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      database: { kind: choice.kind, file: dbFile, bytes: fs.statSync(path.join(staging, dbFile)).size },
      files: folderStats(root),
    };
    fs.writeFileSync(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2));
    fs.mkdirSync(path.join(staging, "files"));
    const args = ["-czf", file, "-C", staging, "manifest.json", dbFile, "files"];
    // the upload folder's contents under files/ (GNU tar renames "./x" to "files/x" on the way in)
    if (fs.existsSync(root)) args.push("-C", root, "--exclude=./.health-*", "--transform=s,^\\.,files,", ".");
    tar(args);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The archive's manifest, or null when the file is an older backup of the database alone. */
export function readManifest(file: string): Manifest | null {
  const r = spawnSync("tar", ["-xzOf", file, "manifest.json"], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) return null;
  try {
    const m = JSON.parse(r.stdout) as Manifest;
    return m.format === FORMAT ? m : null;
  } catch {
    return null;
  }
}

async function openRestored(choice: ReturnType<typeof databaseChoice>): Promise<{ prisma: PrismaClient; done: () => Promise<void> }> {
  if (choice.kind === "postgres") {
    const prisma = createPrisma(choice.url, { max: 2 });
    return { prisma, done: () => prisma.$disconnect() };
  }
  const lock = lockDataDir(choice.dataDir);
  const prisma = new PrismaClient({ adapter: fixedPgliteAdapterFactory(await openPglite(choice.dataDir), { closeOnDispose: true }) });
  return {
    prisma,
    done: async () => {
      await prisma.$disconnect();
      lock.release();
    },
  };
}

/** What a file check found, one line per file that is not as its row says. */
export function reportFiles(check: FileCheck, root: string): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  for (const f of check.missing) lines.push(`缺少文件 (missing) ${f.store} ${f.id}: ${f.key}`);
  for (const f of check.changed)
    lines.push(
      `文件与记录的哈希不符 (changed) ${f.store} ${f.id}: ${f.key} (sha256 ${f.actual.slice(0, 12)}…, recorded ${f.sha256!.slice(0, 12)}…)`,
    );
  const summary =
    `${check.checked} 个文件已核对 (files checked) in ${root}: ${check.ok} match their recorded SHA-256` +
    (check.unhashed ? `, ${check.unhashed} present with no hash recorded` : "") +
    (check.missing.length ? `, ${check.missing.length} missing` : "") +
    (check.changed.length ? `, ${check.changed.length} changed` : "");
  return { ok: check.missing.length === 0 && check.changed.length === 0, lines: [...lines, summary] };
}

export interface RestoreOutcome {
  manifest: Manifest | null;
  audit: Awaited<ReturnType<typeof verifyAudit>>;
  files: FileCheck;
}

/** Database, then files, then the checks. Refuses before touching anything when a target is not empty. */
export async function restore(
  choice: ReturnType<typeof databaseChoice>,
  file: string,
  opts: { force?: boolean; root?: string } = {},
): Promise<RestoreOutcome> {
  const root = opts.root ?? uploadRoot();
  const manifest = readManifest(file);
  if (manifest && manifest.database.kind !== choice.kind) {
    throw new Error(
      `the backup holds a ${manifest.database.kind} database; DATABASE_URL ${choice.kind === "postgres" ? "points at PostgreSQL" : "is not set (PGlite)"}`,
    );
  }
  // every refusal before anything is written
  if (choice.kind === "postgres") checkPostgresEmpty(choice.url);
  else checkPgliteTarget(choice.dataDir, !!opts.force);
  if (manifest && manifest.files.count > 0 && !isEmptyFolder(root) && !opts.force) {
    throw new Error(`${root} 已有文件 (the upload folder is not empty): move it away, or pass --force to add the backup's files to it`);
  }
  if (!manifest) {
    if (choice.kind === "postgres") await restorePostgres(choice.url, file);
    else await restorePglite(choice.dataDir, file, !!opts.force);
  } else {
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), "jz-restore-"));
    try {
      tar(["-xzf", file, "-C", staging]);
      const dbFile = path.join(staging, manifest.database.file);
      if (choice.kind === "postgres") await restorePostgres(choice.url, dbFile);
      else await restorePglite(choice.dataDir, dbFile, !!opts.force);
      const files = path.join(staging, "files");
      fs.mkdirSync(root, { recursive: true });
      if (fs.existsSync(files)) fs.cpSync(files, root, { recursive: true, force: true, preserveTimestamps: true });
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  const { prisma, done } = await openRestored(choice);
  try {
    const auditCheck = await verifyAudit(prisma);
    const files = await verifyStoredFiles(prisma, root);
    return { manifest, audit: auditCheck, files };
  } finally {
    await done();
  }
}

async function main() {
  const [mode, file, ...rest] = process.argv.slice(2);
  if (mode === "verify") {
    const { prisma, done } = await openRestored(databaseChoice());
    try {
      const report = reportFiles(await verifyStoredFiles(prisma), uploadRoot());
      for (const l of report.lines) (report.ok ? console.log : console.error)(`[jingzhun] ${l}`);
      process.exit(report.ok ? 0 : 1);
    } finally {
      await done();
    }
  }
  if ((mode !== "backup" && mode !== "restore") || !file) fail("usage: tsx scripts/backup.ts backup|restore FILE [--force] | verify");
  const choice = databaseChoice();
  const target = path.resolve(file);
  if (mode === "backup") {
    const m = await backup(choice, target);
    console.log(
      `[jingzhun] 已备份 (backed up) → ${target} (${fs.statSync(target).size} bytes): database (${choice.kind}) and ${m.files.count} files (${m.files.bytes} bytes) from ${uploadRoot()}`,
    );
    return;
  }
  if (!fs.existsSync(target)) fail(`no such file: ${target}`);
  const out = await restore(choice, target, { force: rest.includes("--force") });
  console.log(
    `[jingzhun] 已恢复 (restored) ← ${target}${out.manifest ? `: database and ${out.manifest.files.count} files` : " (database only: an older backup without files)"}`,
  );
  if (!out.audit.ok) fail(`恢复的数据审计链断裂 (restored audit chain broken) at event ${out.audit.brokenAt}: ${out.audit.why}`);
  console.log(`[jingzhun] 审计链完整 (audit chain intact): ${out.audit.checked} events`);
  const report = reportFiles(out.files, uploadRoot());
  if (!report.ok) {
    for (const l of report.lines) console.error(`[jingzhun] ✖ ${l}`);
    fail("恢复不完整：上列文件缺失或已改变 (restore incomplete: the files above are missing or changed)");
  }
  for (const l of report.lines) console.log(`[jingzhun] ${l}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => fail((e as Error).message));
}
