/**
 * Bulk insert (seed, batch recompute, import). Prisma's createMany costs about 1 ms per row on these wide
 * tables (decision 0002, "Bulk inserts": ~85 µs on narrow ones), so rows go to PostgreSQL as one JSON
 * parameter per batch and are expanded there:
 *
 *   INSERT INTO "member" ("id", ...) SELECT "id", ...
 *     FROM jsonb_to_recordset(convert_from(decode($1, 'base64'), 'UTF8')::jsonb) AS t("id" text, ...)
 *
 * The column types are read from the catalog, so the rows (typed by Prisma's CreateManyInput,
 * hence checked against the schema at compile time) are the only description of the data.
 * Works on PostgreSQL and on PGlite, through any Prisma driver adapter (one text parameter).
 *
 * The JSON travels base64-encoded: Prisma's query compiler (WebAssembly) re-encodes a string
 * parameter character by character, and non-ASCII text (names, the assessments' Chinese
 * reasons) costs it about 3× more per byte than plain ASCII; a megabyte batch of assessments
 * took 300–500 ms through Prisma against ~20 ms through pg directly. Base64 is ASCII, and the
 * server decodes it in C (docs/decisions/0008-recompute-at-scale.md).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

type Runner = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

const columnTypes = new WeakMap<object, Map<string, Map<string, string>>>();

async function typesOf(db: Runner, table: string): Promise<Map<string, string>> {
  let perDb = columnTypes.get(db);
  if (!perDb) columnTypes.set(db, (perDb = new Map()));
  const cached = perDb.get(table);
  if (cached) return cached;
  const rows = await db.$queryRawUnsafe<{ name: string; type: string }[]>(
    `SELECT a.attname::text AS name, format_type(a.atttypid, a.atttypmod)::text AS type
       FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    `"${table}"`,
  );
  const types = new Map(rows.map((r) => [r.name, r.type]));
  if (types.size === 0) throw new Error(`table ${table} not found`);
  perDb.set(table, types);
  return types;
}

/** A JSON value as a base64 text parameter: read it with convert_from(decode($n, 'base64'), 'UTF8')::jsonb. */
export function jsonParam(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64");
}

const quote = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

export interface InsertOptions {
  /** rows per statement */
  batchSize?: number;
  /** ON CONFLICT DO NOTHING (existing rows are kept) */
  skipDuplicates?: boolean;
}

/**
 * Inserts rows (plain objects keyed by column name; Dates become ISO strings, which
 * timestamp(3) and date columns read as UTC). Columns are the union of the rows' keys;
 * `updatedAt`, when the table has it and the rows do not, is set to `now`.
 * Returns the number of rows inserted.
 */
export async function insertRows(
  db: Runner,
  table: string,
  rows: readonly object[],
  now: Date,
  options: InsertOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const types = await typesOf(db, table);
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k);
  const fill: Record<string, string> = {};
  if (types.has("updatedAt") && !keys.has("updatedAt")) fill.updatedAt = now.toISOString();
  const columns = [...keys, ...Object.keys(fill)];
  const defs = columns.map((c) => {
    const t = types.get(c);
    if (!t) throw new Error(`table ${table} has no column ${c}`);
    return `${quote(c)} ${t}`;
  });
  const list = columns.map(quote).join(", ");
  const sql =
    `INSERT INTO ${quote(table)} (${list}) SELECT ${list} FROM jsonb_to_recordset(convert_from(decode($1, 'base64'), 'UTF8')::jsonb) AS t(${defs.join(", ")})` +
    (options.skipDuplicates ? " ON CONFLICT DO NOTHING" : "");

  const size = options.batchSize ?? 2000;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size).map((r) => ({ ...fill, ...r }));
    inserted += await db.$executeRawUnsafe(sql, jsonParam(batch));
  }
  return inserted;
}
