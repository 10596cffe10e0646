// GET /api/health: what a load balancer needs to know, and nothing about anyone. Each check
// answers ok or not with a number or two; the whole is "ok" (HTTP 200) only when all are.
//  - database: a round trip within the time limit;
//  - migrations: every migration folder of this build applied (none pending or failed);
//  - uploads: the upload folder accepts a file (evidence, signatures, scans, photos live there);
//  - audit: the audit chain's head verified recently (lib/jobs/audit-head.ts; checked here when
//    the last check is older than a minute, by one process at a time).
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { uploadRoot } from "@/lib/storage/root";
import { runAuditHeadCheck, type AuditHeadState } from "@/lib/jobs/audit-head";

export interface CheckResult {
  ok: boolean;
  [k: string]: unknown;
}

export interface Health {
  status: "ok" | "fail";
  checks: { database: CheckResult; migrations: CheckResult; uploads: CheckResult; audit: CheckResult };
  time: string;
}

const DB_TIMEOUT_MS = Number(process.env.JINGZHUN_HEALTH_DB_TIMEOUT_MS ?? 3000);
/** how old the audit check may be before health fails (default 15 minutes) */
const AUDIT_MAX_AGE_S = Number(process.env.JINGZHUN_HEALTH_AUDIT_MAX_AGE_S ?? 900);
/** health re-checks the audit head when the last check is older than this */
const AUDIT_RECHECK_MS = 60_000;

class Timeout extends Error {
  constructor() {
    super("timed out");
    this.name = "Timeout";
  }
}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** A failure named by its kind only (never a message that could carry a host, a path or a value). */
const why = (e: unknown) => (e instanceof Timeout ? "timeout" : "unreachable");

export function migrationsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
}

async function migrationFolders(): Promise<string[]> {
  const entries = await fs.readdir(migrationsDir(), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function checkDatabase(db: Db): Promise<CheckResult> {
  const t0 = performance.now();
  try {
    await within(db.$queryRawUnsafe("SELECT 1"), DB_TIMEOUT_MS);
    return { ok: true, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    return { ok: false, error: why(e), ms: Math.round(performance.now() - t0) };
  }
}

async function checkMigrations(db: Db): Promise<CheckResult> {
  let folders: string[];
  try {
    folders = await migrationFolders();
  } catch {
    return { ok: false, error: "no_migrations_folder" };
  }
  try {
    const rows = await within(
      db.$queryRawUnsafe<{ migration_name: string; finished: boolean; rolled_back: boolean }[]>(
        `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations`,
      ),
      DB_TIMEOUT_MS,
    );
    const applied = new Set(rows.filter((r) => r.finished && !r.rolled_back).map((r) => r.migration_name));
    const failed = rows.filter((r) => !r.finished && !r.rolled_back).length;
    const pending = folders.filter((f) => !applied.has(f)).length;
    return { ok: pending === 0 && failed === 0, applied: applied.size, pending, failed };
  } catch (e) {
    return { ok: false, error: why(e) };
  }
}

async function checkUploads(): Promise<CheckResult> {
  const probe = path.join(uploadRoot(), `.health-${crypto.randomUUID()}`);
  try {
    await fs.mkdir(uploadRoot(), { recursive: true });
    await fs.writeFile(probe, "ok", { flag: "wx" });
    await fs.rm(probe, { force: true });
    return { ok: true };
  } catch {
    await fs.rm(probe, { force: true }).catch(() => {});
    return { ok: false, error: "not_writable" };
  }
}

async function checkAudit(db: Db, now: Date): Promise<CheckResult> {
  let state: AuditHeadState | null;
  try {
    state = await within(runAuditHeadCheck(db, { everyMs: AUDIT_RECHECK_MS }), Math.max(DB_TIMEOUT_MS, 20_000));
  } catch (e) {
    return { ok: false, error: why(e) };
  }
  if (!state) return { ok: false, error: "not_verified" };
  const ageSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(state.verifiedAt)) / 1000));
  const fresh = ageSeconds <= AUDIT_MAX_AGE_S;
  const out: CheckResult = { ok: state.ok && fresh, verifiedAt: state.verifiedAt, ageSeconds, events: state.events };
  if (!state.ok) out.error = "chain_broken";
  else if (!fresh) out.error = "stale";
  return out;
}

export async function health(db: Db = defaultDb(), now = new Date()): Promise<Health> {
  const database = await checkDatabase(db);
  // with no database the other database checks would each wait for their own timeout
  const [migrations, uploads, audit] = await Promise.all([
    database.ok ? checkMigrations(db) : Promise.resolve<CheckResult>({ ok: false, error: "database" }),
    checkUploads(),
    database.ok ? checkAudit(db, now) : Promise.resolve<CheckResult>({ ok: false, error: "database" }),
  ]);
  const checks = { database, migrations, uploads, audit };
  return { status: Object.values(checks).every((c) => c.ok) ? "ok" : "fail", checks, time: now.toISOString() };
}
