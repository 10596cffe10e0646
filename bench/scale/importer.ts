// Where our import plugs in: lib/import's importDirectory(db, dir, { actor, onProgress }). Found
// by scanning lib/import for the export, so the benchmark does not depend on which file holds it;
// a string is the reason it cannot run (printed, and the measure reported as null).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { ROOT } from "./target";

export type Importer = (db: PrismaClient, dir: string, onProgress: (p: unknown) => void) => Promise<unknown>;

/** The import's actor: the system, as the CLI import (scripts/import.ts) acts without a signed-in user. */
export const BENCH_ACTOR = { id: null, role: "system", name: "bench:scale" } as const;

export async function loadImporter(): Promise<Importer | string> {
  const dir = path.join(ROOT, "lib", "import");
  if (!fs.existsSync(dir)) return "lib/import does not exist yet";
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const holder = files.find((f) =>
    /export\s+(async\s+)?function\s+importDirectory\b|export\s+const\s+importDirectory\b/.test(fs.readFileSync(path.join(dir, f), "utf8")),
  );
  if (!holder) return "lib/import has no importDirectory export yet";
  const mod = (await import(pathToFileURL(path.join(dir, holder)).href)) as { importDirectory?: (...a: unknown[]) => Promise<unknown> };
  const fn = mod.importDirectory;
  if (typeof fn !== "function") return `lib/import/${holder}: importDirectory is not a function`;
  return (db, folder, onProgress) => fn(db, folder, { actor: BENCH_ACTOR, onProgress });
}
