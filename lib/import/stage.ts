/**
 * Staging: the validated rows of each file go to an UNLOGGED table in schema jz_import, so
 * the checks that need every row (duplicates, references, what already exists) and the write
 * are set-based SQL, and this process never holds a file in memory.
 *
 *  - COPY (PostgreSQL, given a connection to the same database): rows stream through
 *    pg-copy-streams in COPY's text format.
 *  - SQL (PGlite, in-process or served over the wire, where COPY FROM STDIN breaks the
 *    socket: "protocol synchronization was lost"): batches of rows as one JSON parameter,
 *    expanded by jsonb_array_elements, like lib/db/bulk.ts.
 *
 * The tables are dropped when the import ends; tables left by a killed process are dropped by
 * the next import after a day.
 */
import "server-only";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Prisma } from "@/lib/generated/prisma/client";
import { poolConfigFromUrl } from "@/lib/db/adapter-fixes";
import { IMPORT_FILES, type ImportFileName } from "./spec";
import { STAGE_COLUMNS, type Tuple } from "./rows";
import { MAX_PARAM_BYTES, forgetQueryArgs } from "./prisma-debug";
import { RECORD_FILES, RECORD_PREFIX } from "./records-spec";

export type Runner = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

export const STAGE_SCHEMA = "jz_import";
const PREFIX: Record<ImportFileName, string> = {
  "regions.csv": "r",
  "households.csv": "h",
  "members.csv": "m",
  "income.csv": "i",
  "indicators.csv": "x",
  ...RECORD_PREFIX,
};

export type Columns = readonly (readonly [string, string])[];

/** The assessments of the new households, computed before the write transaction. */
export const ASSESSMENT_COLUMNS: Columns = [
  ["id", "text"],
  ["county", "text"],
  ["status", "text"],
  ["candidate", "text"],
  ["category", "text"],
  ["pci", "numeric"],
  ["counted", "int"],
  ["unmet", "text[]"],
  ["policy_version", "text"],
  // the engine's input: the result is rendered when read (decision 0054)
  ["input", "jsonb"],
];

export class Stage {
  readonly tables: Record<ImportFileName, string>;
  readonly assessments: string;

  constructor(readonly id: string) {
    this.tables = Object.fromEntries(IMPORT_FILES.map((f) => [f, `${STAGE_SCHEMA}."${PREFIX[f]}_${id}"`])) as Record<
      ImportFileName,
      string
    >;
    this.assessments = `${STAGE_SCHEMA}."a_${id}"`;
  }

  private all(): [string, Columns][] {
    return [...IMPORT_FILES.map((f) => [this.tables[f], STAGE_COLUMNS[f]] as [string, Columns]), [this.assessments, ASSESSMENT_COLUMNS]];
  }

  static newId(now = Date.now()): string {
    return `${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }

  /** Create the five tables (empty when a file is absent, so every check can join them). */
  async create(db: Runner) {
    // made by the owner when the app's role may not create schemas (lib/db/roles.ts): look first
    const exists = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1`,
      STAGE_SCHEMA,
    );
    if (!exists[0]?.n) {
      try {
        await db.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS ${STAGE_SCHEMA}`);
      } catch {
        // two imports creating the schema at once: one wins, the other finds it
      }
    }
    await dropStale(db);
    for (const [table, columns] of this.all()) {
      await db.$executeRawUnsafe(`CREATE UNLOGGED TABLE ${table} (${columns.map(([n, t]) => `${n} ${t}`).join(", ")})`);
    }
  }

  /** Indexes for the checks and the write, once the rows are in. */
  async index(db: Runner) {
    const t = this.tables;
    const idx = (file: ImportFileName, name: string, cols: string) =>
      db.$executeRawUnsafe(`CREATE INDEX "${PREFIX[file]}_${this.id}_${name}" ON ${t[file]} (${cols})`);
    await idx("regions.csv", "code", "code");
    for (const f of ["households.csv", "members.csv", "income.csv", "indicators.csv"] as const) await idx(f, "key", "village, number");
    await idx("households.csv", "line", "line");
    await idx("members.csv", "nid", "national_id");
    for (const f of RECORD_FILES) await idx(f, "key", "village, number");
    for (const f of IMPORT_FILES) await db.$executeRawUnsafe(`ANALYZE ${t[f]}`);
  }

  /** The assessments' index and statistics, once they are staged (the write joins them by id). */
  async indexAssessments(db: Runner) {
    await db.$executeRawUnsafe(`CREATE INDEX "a_${this.id}_id" ON ${this.assessments} (id)`);
    await db.$executeRawUnsafe(`ANALYZE ${this.assessments}`);
  }

  async drop(db: Runner) {
    for (const [table] of this.all()) await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  }
}

/** Tables of imports that ended a day ago or more (their id starts with the time in base 36). */
async function dropStale(db: Runner) {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = $1`,
    STAGE_SCHEMA,
  );
  const dayAgo = Date.now() - 86_400_000;
  for (const { name } of rows) {
    const started = parseInt(name.slice(2, 10), 36);
    if (Number.isFinite(started) && started < dayAgo) {
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${STAGE_SCHEMA}."${name.replace(/"/g, "")}"`).catch(() => {});
    }
  }
}

export interface StageWriter {
  write(rows: Tuple[]): Promise<void>;
  close(): Promise<void>;
  /** give up (on a fatal error): stop the COPY without committing its rows */
  abort(): Promise<void>;
}

export interface Stager {
  readonly kind: "copy" | "sql";
  open(table: string, columns: Columns): Promise<StageWriter>;
  close(): Promise<void>;
}

// ── SQL: JSON batches ──

export function sqlStager(db: Runner, maxBytes = MAX_PARAM_BYTES): Stager {
  return {
    kind: "sql",
    async open(table, cols) {
      const select = cols.map(([, type], i) => `(r->>${i})::${type}`).join(", ");
      // base64: Prisma's query compiler re-encodes string parameters, and non-ASCII text (names,
      // addresses) costs it ~3× more per byte than ASCII (docs/decisions/0008)
      const sql = `INSERT INTO ${table} (${cols.map(([n]) => n).join(", ")}) SELECT ${select}
                     FROM jsonb_array_elements(convert_from(decode($1, 'base64'), 'UTF8')::jsonb) AS r`;
      let parts: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (!parts.length) return;
        const json = `[${parts.join(",")}]`;
        parts = [];
        bytes = 0;
        await db.$executeRawUnsafe(sql, Buffer.from(json, "utf8").toString("base64"));
        forgetQueryArgs();
      };
      return {
        async write(rows) {
          for (const r of rows) {
            const s = JSON.stringify(r);
            parts.push(s);
            bytes += s.length + 1;
            if (bytes >= maxBytes) await flush();
          }
        },
        close: flush,
        async abort() {
          parts = [];
          bytes = 0;
        },
      };
    },
    async close() {},
  };
}

// ── COPY: PostgreSQL ──

/** COPY text format: backslash escapes, \N for null. */
function copyCell(v: Tuple[number]): string {
  if (v === null) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  if (!/[\\\t\n\r]/.test(v)) return v;
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

export function copyLine(row: Tuple): string {
  let s = copyCell(row[0]!);
  for (let i = 1; i < row.length; i++) s += "\t" + copyCell(row[i]!);
  return s + "\n";
}

/**
 * A COPY stager on its own connection, or null when that connection does not see `mustSee`
 * (a staging table just created through the app's client): then it is another database.
 */
export async function copyStager(url: string, mustSee: string): Promise<Stager | null> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  client.on("error", () => {}); // surfaced through the COPY stream instead
  const seen = await client.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [mustSee]);
  if (!seen.rows[0]?.t) {
    await client.end().catch(() => {});
    return null;
  }
  return {
    kind: "copy",
    async open(table, columns) {
      const cols = columns.map(([n]) => n).join(", ");
      const stream: Writable = client.query(copyFrom(`COPY ${table} (${cols}) FROM STDIN`));
      let failure: Error | undefined;
      stream.on("error", (e) => (failure = e));
      const done = finished(stream).catch((e: Error) => {
        failure ??= e;
      });
      return {
        async write(rows) {
          if (failure) throw failure;
          let text = "";
          for (const r of rows) text += copyLine(r);
          if (!stream.write(text)) await Promise.race([once(stream, "drain"), done]);
          if (failure) throw failure;
        },
        async close() {
          stream.end();
          await done;
          if (failure) throw failure;
        },
        async abort() {
          stream.destroy(new Error("import aborted"));
          await done;
        },
      };
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}
