// The one Prisma client of the app. It always speaks adapter-pg: to PostgreSQL, or to the
// PGlite that scripts/run.ts serves over the wire (which then sets DATABASE_URL).
// Created lazily, never at import, so `next build` needs no database.
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseChoice } from "./config";
import { fixedPgAdapterFactory } from "./adapter-fixes";
import { splitHosts } from "./multi-host";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const g = globalThis as typeof globalThis & { __jzPrisma?: PrismaClient; __jzRead?: PrismaClient };

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super(
      "未配置数据库：请用 `npm run dev` 或 `npm start` 启动（它们会启动内置 PGlite），或设置 DATABASE_URL。" +
        " (No database configured: start with `npm run dev` / `npm start`, which serve the embedded PGlite, or set DATABASE_URL.)",
    );
  }
}

export function createPrisma(url: string, options: { max?: number } = {}): PrismaClient {
  return new PrismaClient({
    adapter: fixedPgAdapterFactory(url, { max: options.max ?? 10 }),
    // waiting for a pooled connection under load is normal; an error after 2 s (the default) is not
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
}

/** The shared client. Tests install their own with setDb(). */
export function db(): PrismaClient {
  if (!g.__jzPrisma) {
    const choice = databaseChoice();
    if (choice.kind !== "postgres") throw new DatabaseNotConfiguredError();
    g.__jzPrisma = createPrisma(choice.url, { max: Number(process.env.JINGZHUN_DB_POOL ?? 10) });
  }
  return g.__jzPrisma;
}

/**
 * Where reads that may lag go (decision 0043): JINGZHUN_READ_URL when set; else, when
 * DATABASE_URL lists several hosts, the same hosts with target_session_attrs=prefer-standby (a
 * standby if one answers, the primary if not); else nowhere else (null: the shared client).
 */
export function readUrl(env: Record<string, string | undefined> = process.env): string | null {
  const explicit = env.JINGZHUN_READ_URL?.trim();
  if (explicit) return explicit;
  const url = env.DATABASE_URL?.trim();
  if (!url || splitHosts(url).hosts.length < 2) return null;
  const [base, query = ""] = url.split(/\?(.*)/s);
  const params = new URLSearchParams(query);
  params.set("target_session_attrs", "prefer-standby");
  return `${base}?${params}`;
}

/**
 * The client for reads that may lag a moment behind the primary: county lists, charts, exports.
 * Never for a read a write depends on (those use db(), inside the write's transaction).
 */
export function readDb(): PrismaClient {
  if (g.__jzRead) return g.__jzRead;
  const url = readUrl();
  if (!url) return db();
  g.__jzRead = createPrisma(url, { max: Number(process.env.JINGZHUN_DB_POOL ?? 10) });
  return g.__jzRead;
}

/** For tests and single-process tools that bring their own client (e.g. in-process PGlite); reads too. */
export function setDb(client: PrismaClient | undefined): void {
  g.__jzPrisma = client;
  g.__jzRead = client;
}
