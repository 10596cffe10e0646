// One statement straight through the driver adapter under a Prisma client, without Prisma's query
// compiler (WebAssembly run on the event loop for every query, raw ones too: decision 0011). For a
// hot path whose whole work is one database call (a plain visit: decision 0055). The statement
// is one expression of type json; its text is parsed here, so PostgreSQL and PGlite answer
// alike. A client whose adapter is not one of ours (or not connected yet) goes through
// $queryRawUnsafe, with the same result.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { connectedAdapter } from "./adapter-fixes";

const stringArg = { scalarType: "string", arity: "scalar" } as const;

function factoryOf(client: PrismaClient): unknown {
  return (client as unknown as { _engineConfig?: { adapter?: unknown } })._engineConfig?.adapter;
}

/**
 * Evaluate one SQL expression of type json or jsonb (a function call; parameters $1…, each sent as
 * text: cast them in the expression) in one statement, and return its value parsed.
 */
export async function callJson<T>(client: PrismaClient, expression: string, params: (string | null)[]): Promise<T | null> {
  const sql = `SELECT (${expression})::text AS j`;
  let adapter = connectedAdapter(factoryOf(client));
  if (!adapter) {
    await client.$connect();
    adapter = connectedAdapter(factoryOf(client));
  }
  if (!adapter) {
    const rows = await client.$queryRawUnsafe<{ j: string | null }[]>(sql, ...params);
    return rows[0]?.j == null ? null : (JSON.parse(rows[0].j) as T);
  }
  const result = await adapter.queryRaw({
    sql,
    args: params,
    argTypes: params.map(() => stringArg),
  });
  const value = result.rows[0]?.[0];
  return value == null ? null : (JSON.parse(String(value)) as T);
}
