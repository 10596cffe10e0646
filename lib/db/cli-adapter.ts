// The adapter the Prisma CLI uses (prisma.config.ts). Same choice as the app (config.ts):
// DATABASE_URL → adapter-pg; none → the PGlite folder, opened in this process under its lock
// (so a CLI run while `npm run dev` owns the folder fails clearly instead of corrupting it).
import { splitHosts } from "./multi-host";
import { databaseChoice } from "./config";
import { fixedPgAdapterFactory, fixedPgliteAdapterFactory } from "./adapter-fixes";
import { lockDataDir, openPglite } from "./pglite-owner";
import type { PGlite } from "@electric-sql/pglite";

export const PLACEHOLDER_URL = "postgresql://pglite@localhost/pglite";

export async function cliAdapterFactory(usePglite: boolean) {
  if (usePglite) {
    const choice = databaseChoice({ ...process.env, DATABASE_URL: "" });
    if (choice.kind !== "pglite") throw new Error("unreachable");
    // the CLI may ask for the adapter more than once in one process: open the folder once
    const g = globalThis as typeof globalThis & { __jzCliPglite?: Promise<PGlite> };
    g.__jzCliPglite ??= (async () => {
      lockDataDir(choice.dataDir);
      return openPglite(choice.dataDir);
    })();
    const db = await g.__jzCliPglite;
    if (db.closed) {
      g.__jzCliPglite = openPglite(choice.dataDir);
      return fixedPgliteAdapterFactory(await g.__jzCliPglite);
    }
    return fixedPgliteAdapterFactory(db);
  }
  const url = process.env.DATABASE_URL!;
  // a PGlite served by scripts/run.ts maps every database name to one database: shadow in memory
  const servedPglite = new URL(splitHosts(url).url).searchParams.get("pglite") === "1";
  return fixedPgAdapterFactory(url, {
    allowExitOnIdle: true,
    max: 2,
    shadow: servedPglite ? "in-memory-pglite" : "create-database",
  });
}
