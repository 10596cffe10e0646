/**
 * One import, start to end: read and stage every file (checking each row), run the set-based
 * checks, then — only when nothing is wrong and it is not a dry run — assess the new
 * households (into staging), and write everything with one audit event in ONE transaction.
 */
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { audit, type Actor } from "@/lib/audit";
import { currentYear, today } from "@/lib/clock";
import { PolicyNotFoundError } from "@/lib/domain/policy";
import { IMPORT_FILES, isImportFile, type ImportFileName } from "./spec";
import { IssueList, type ImportIssue } from "./issues";
import { Stage, copyStager, sqlStager, type Stager } from "./stage";
import { importFileOf, readFile, type FileRead, type ImportSource } from "./read";
import type { CsvEncoding } from "./csv";
import { plannedCounts, runChecks, type PlannedCounts } from "./checks";
import { writeRows } from "./write";
import { assessStaged } from "./assess";
import { EMPTY_RECORD_COUNTS, plannedRecordCounts, runRecordChecks, type RecordCounts } from "./records-checks";
import { writeRecords } from "./records-write";

/** in this order */
export type ImportPhase = "read" | "check" | "assess" | "write" | "done";

export interface ImportProgress {
  phase: ImportPhase;
  /** the file being read (phase "read") */
  file?: ImportFileName;
  /** the check or write step under way */
  step?: string;
  /** rows read so far, over all files */
  rows: number;
  bytes: number;
  /** all files' bytes, when the sources know their size */
  totalBytes?: number;
  /** phase "assess": new households assessed so far, of all new ones */
  done?: number;
  total?: number;
  elapsedMs: number;
  /** rows read per second so far */
  rowsPerSecond: number;
}

export interface ImportOptions {
  /** who imports: the audit event's actor, the assessments' author */
  actor: Actor;
  /** region code prefix every region and household must lie under ("" or absent: anywhere) */
  scope?: string;
  /** check everything, write nothing */
  dryRun?: boolean;
  onProgress?: (p: ImportProgress) => void;
  /**
   * A PostgreSQL URL of the same database, for COPY. Absent: found (DATABASE_URL, or the
   * address the server reports) and used when it reaches the same database; never on PGlite.
   * null: never COPY (the SQL path).
   */
  copyUrl?: string | null;
  /** YYYY-MM-DD, default today in China: dates may not lie after it; the assessment's asOf */
  today?: string;
  /** assessment year (default: the current year) */
  year?: number;
  /** problems listed in the report (all are counted); default 1000 */
  issueCap?: number;
  /** the CSV files' encoding: "auto" (default) detects UTF-8 or GB18030 */
  encoding?: CsvEncoding;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  importId: string;
  /** how rows reached the staging tables */
  loader: "copy" | "sql";
  files: {
    name: ImportFileName;
    bytes: number;
    rows: number;
    sha256: string;
    format: "csv" | "xlsx";
    source: string;
    encoding: "utf-8" | "gb18030" | null;
  }[];
  /** what was (or, for a dry run or a failed check, would be) inserted and skipped */
  counts: PlannedCounts & RecordCounts & { assessments: number };
  issues: ImportIssue[];
  issueCount: number;
  issuesByFile: Partial<Record<ImportFileName | "-", number>>;
  truncated: boolean;
  durationMs: number;
  /** milliseconds per phase */
  timings: Partial<Record<ImportPhase, number>>;
  /** milliseconds per step of the write transaction (regions, households, members, assessments, audit) */
  writeSteps?: Record<string, number>;
}

const IMPORT_LOCK = 7_243_010;

const EMPTY_COUNTS: ImportReport["counts"] = {
  regions: { rows: 0, inserted: 0, skipped: 0 },
  households: { rows: 0, inserted: 0, skipped: 0 },
  members: { rows: 0, inserted: 0, skipped: 0 },
  income: { rows: 0 },
  indicators: { rows: 0 },
  ...EMPTY_RECORD_COUNTS,
  assessments: 0,
};

/** The files of one import, checked as a set: known names, once each, households.csv with its dependants. */
export function checkFileSet(names: string[], issues: IssueList): Map<ImportFileName, number> {
  const found = new Map<ImportFileName, number>();
  names.forEach((name, i) => {
    if (!isImportFile(name)) issues.add({ file: null, row: null, column: null, rule: "unknown_file", params: { name } });
    else if (found.has(name)) issues.add({ file: name, row: null, column: null, rule: "duplicate_file" });
    else found.set(name, i);
  });
  if (found.size === 0 && issues.count === 0) issues.add({ file: null, row: null, column: null, rule: "no_files" });
  if (!found.has("households.csv")) {
    for (const dep of ["members.csv", "income.csv", "indicators.csv"] as const) {
      if (found.has(dep)) issues.add({ file: dep, row: null, column: null, rule: "households_file_missing" });
    }
  }
  return found;
}

const isPgliteUrl = (url: string) => /[?&]pglite=1\b/.test(url);

/**
 * URLs that may reach the app client's database, for COPY: the one given, DATABASE_URL, and
 * the address the server reports (user and password then come from DATABASE_URL's, or from
 * PGUSER/PGPASSWORD as pg reads them). Empty on PGlite, whose socket COPY breaks.
 */
export async function copyCandidates(db: PrismaClient, copyUrl: string | null | undefined): Promise<string[]> {
  if (copyUrl === null) return [];
  const [server] = await db.$queryRawUnsafe<{ pglite: boolean; addr: string | null; port: number | null; db: string; usr: string }[]>(
    `SELECT version() LIKE '%PGlite%' AS pglite, host(inet_server_addr()) AS addr, inet_server_port() AS port,
            current_database()::text AS db, current_user::text AS usr`,
  );
  if (!server || server.pglite) return [];
  const out: string[] = [];
  if (copyUrl) out.push(copyUrl);
  const env = process.env.DATABASE_URL?.trim();
  if (env && /^postgres(ql)?:\/\//.test(env) && !isPgliteUrl(env)) out.push(env);
  if (server.addr && server.port) {
    const u = new URL("postgresql://localhost");
    u.hostname = server.addr.includes(":") ? `[${server.addr}]` : server.addr;
    u.port = String(server.port);
    u.pathname = `/${encodeURIComponent(server.db)}`;
    u.username = encodeURIComponent(server.usr);
    if (env && !isPgliteUrl(env)) {
      try {
        const e = new URL(env);
        if (decodeURIComponent(e.username) === server.usr && e.password) u.password = e.password;
      } catch {
        // not a URL: no password to borrow
      }
    }
    out.push(u.toString());
  }
  return [...new Set(out)].filter((u) => !isPgliteUrl(u));
}

async function chooseStager(db: PrismaClient, stage: Stage, copyUrl: string | null | undefined): Promise<Stager> {
  for (const url of await copyCandidates(db, copyUrl)) {
    try {
      // null: that connection does not see the staging tables, so it is another database
      const stager = await copyStager(url, stage.tables["households.csv"]);
      if (stager) return stager;
    } catch {
      // not reachable with these credentials: try the next, then the SQL path (works everywhere)
    }
  }
  return sqlStager(db);
}

function isUniqueViolation(e: unknown): boolean {
  const text = `${(e as Error)?.message ?? ""} ${JSON.stringify((e as { meta?: unknown })?.meta ?? "")}`;
  return /23505|unique constraint|duplicate key/i.test(text) || (e as { code?: string })?.code === "P2002";
}

export async function importSources(db: PrismaClient, sources: ImportSource[], options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const dryRun = options.dryRun ?? false;
  const scope = options.scope ?? "";
  const day = options.today ?? today();
  const issues = new IssueList(options.issueCap);
  const timings: ImportReport["timings"] = {};
  const writeSteps: Record<string, number> = {};
  const totalBytes = sources.every((s) => typeof s.size === "number") ? sources.reduce((a, s) => a + (s.size ?? 0), 0) : undefined;
  const importId = Stage.newId();
  let rowsBefore = 0;
  let rowsNow = 0;
  let bytesBefore = 0;
  let bytesNow = 0;
  let lastReport = 0;
  const progress = (p: Omit<ImportProgress, "elapsedMs" | "rowsPerSecond" | "rows" | "bytes" | "totalBytes">, force = false) => {
    if (!options.onProgress) return;
    const now = Date.now();
    if (!force && now - lastReport < 200) return;
    lastReport = now;
    const elapsedMs = now - started;
    options.onProgress({
      ...p,
      rows: rowsNow,
      bytes: bytesNow,
      totalBytes,
      elapsedMs,
      rowsPerSecond: elapsedMs ? Math.round((rowsNow * 1000) / elapsedMs) : 0,
    });
  };
  const report = (extra: Partial<ImportReport>): ImportReport => ({
    ok: false,
    dryRun,
    importId,
    loader: "sql",
    files: [],
    counts: EMPTY_COUNTS,
    issues: issues.sorted(),
    issueCount: issues.count,
    issuesByFile: issues.countsByFile(),
    truncated: issues.truncated,
    durationMs: Date.now() - started,
    timings,
    writeSteps,
    ...extra,
  });

  // "households.xlsx" stands for households.csv (a name that is neither stays as it is: unknown)
  const present = checkFileSet(
    sources.map((s) => importFileOf(s.name) ?? s.name),
    issues,
  );
  if (issues.count > 0) return report({});

  const stage = new Stage(importId);
  await stage.create(db);
  let stager: Stager | undefined;
  try {
    stager = await chooseStager(db, stage, options.copyUrl);
    // ── read ──
    let t0 = Date.now();
    const reads: FileRead[] = [];
    const ctx = { today: day, scope, newId: () => crypto.randomUUID() };
    for (const file of IMPORT_FILES) {
      const index = present.get(file);
      if (index === undefined) continue;
      progress({ phase: "read", file }, true);
      const read = await readFile(
        sources[index]!,
        file,
        stager,
        stage.tables[file],
        issues,
        ctx,
        (rows, bytes) => {
          rowsNow = rowsBefore + rows;
          bytesNow = bytesBefore + bytes;
          progress({ phase: "read", file });
        },
        options.encoding ?? "auto",
      );
      rowsBefore += read.rows;
      bytesBefore += read.bytes;
      reads.push(read);
    }
    timings.read = Date.now() - t0;
    const files = reads.map(({ name, bytes, rows, sha256, format, source, encoding }) => ({
      name,
      bytes,
      rows,
      sha256,
      format,
      source,
      encoding,
    }));

    // ── check ──
    t0 = Date.now();
    progress({ phase: "check", step: "index" }, true);
    await stage.index(db);
    const broken = new Set(reads.filter((r) => r.broken).map((r) => r.name));
    const checkContext = {
      scope,
      labels: Object.fromEntries(reads.map((r) => [r.name, r.labels])),
      present: new Set(reads.filter((r) => !r.broken).map((r) => r.name)),
      broken,
    };
    // ── assess the new households (staged; before the transaction, so it stays short) ──
    // It runs while the checks run (the engine in node, the checks in the database: decision
    // 0059); when a check fails or this is a dry run, its staged rows are dropped with the stage.
    const year = options.year ?? currentYear();
    const asOf = day;
    let assessedAt = 0;
    // the total is known once the checks have counted the new households; stop: a check failed
    const assessState: { total?: number; stop: boolean } = { stop: false };
    const assessing: Promise<unknown> = dryRun
      ? Promise.resolve()
      : assessStaged(db, stage, stager, {
          year,
          asOf,
          onChunk: (done) => {
            if (assessState.total !== undefined) progress({ phase: "assess", done, total: assessState.total });
          },
          stop: () => assessState.stop,
        }).then(
          () => {
            assessedAt = Date.now();
            return null;
          },
          (e: unknown) => e ?? new Error("the assessment failed"),
        );
    await runChecks(db, stage, issues, checkContext, (step) => progress({ phase: "check", step }, true));
    // the optional county-record files (lib/import/records-*.ts)
    await runRecordChecks(db, stage, issues, checkContext, { year: options.year ?? currentYear() }, (step) =>
      progress({ phase: "check", step }, true),
    );
    const planned = { ...(await plannedCounts(db, stage)), ...(await plannedRecordCounts(db, stage)) };
    timings.check = Date.now() - t0;
    const counts = { ...planned, assessments: 0 };
    const base = { files, loader: stager.kind, counts };
    if (issues.count > 0 || dryRun) {
      assessState.stop = true;
      await assessing; // it stops at its next chunk; its rows go with the stage
      progress({ phase: "done" }, true);
      return report({ ...base, ok: issues.count === 0 });
    }

    t0 = Date.now();
    assessState.total = planned.households.inserted;
    progress({ phase: "assess", done: 0, total: assessState.total }, true);
    const failure = await assessing;
    if (failure) {
      const e = failure;
      if (!(e instanceof PolicyNotFoundError || (e as Error)?.name === "PolicyNotFoundError")) throw e;
      issues.add({ file: null, row: null, column: null, rule: "no_policy", params: { year } });
      return report(base);
    }
    // what the assessment took beyond the checks (it ran beside them)
    timings.assess = Math.max(0, assessedAt - t0);

    // ── write and audit: one transaction ──
    t0 = Date.now();
    try {
      await db.$transaction(
        async (tx) => {
          // imports one at a time: a second waits, then finds the first's households present
          await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`);
          // bulk statements on fresh rows: JIT compilation costs more than it saves
          await tx.$executeRawUnsafe(`SELECT set_config('jit', 'off', true)`);
          let stepAt = Date.now();
          let stepName = "";
          const stepDone = (next: string) => {
            if (stepName) writeSteps[stepName] = Date.now() - stepAt;
            stepAt = Date.now();
            stepName = next;
          };
          const written = await writeRows(tx, stage, { now: new Date(), year, asOf, actorId: options.actor.id }, (step) => {
            stepDone(step);
            progress({ phase: "write", step }, true);
          });
          stepDone("audit");
          counts.regions = { ...counts.regions, inserted: written.regions, skipped: counts.regions.rows - written.regions };
          counts.households = { ...counts.households, inserted: written.households, skipped: counts.households.rows - written.households };
          counts.members = { ...counts.members, inserted: written.members, skipped: counts.members.rows - written.members };
          counts.assessments = written.assessments;
          const records = await writeRecords(tx, stage, { now: new Date(), actorId: options.actor.id }, (step) =>
            progress({ phase: "write", step }, true),
          );
          for (const [k, n] of Object.entries(records) as [keyof RecordCounts, number][]) {
            counts[k] = { ...counts[k], inserted: n, skipped: counts[k].rows - n };
          }
          await audit(tx, options.actor, {
            action: "import.completed",
            entity: "import",
            entityId: importId,
            after: { counts, files, scope: scope || null, year, loader: stager!.kind },
          });
          stepDone("");
        },
        { maxWait: 60_000, timeout: 24 * 3600_000 },
      );
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      issues.add({ file: null, row: null, column: null, rule: "conflict" });
      return report({ ...base, counts: { ...planned, assessments: 0 } });
    }
    timings.write = Date.now() - t0;
    // fresh planner statistics for the grown tables (PGlite has no autovacuum to do it)
    await db.$executeRawUnsafe(`ANALYZE household`).catch(() => {});
    await db.$executeRawUnsafe(`ANALYZE member`).catch(() => {});
    progress({ phase: "done" }, true);
    return report({ ...base, ok: true });
  } finally {
    await stager?.close().catch(() => {});
    // JINGZHUN_IMPORT_KEEP_STAGING=1 keeps the staging tables (schema jz_import) to look into
    if (process.env.JINGZHUN_IMPORT_KEEP_STAGING !== "1") await stage.drop(db);
  }
}
