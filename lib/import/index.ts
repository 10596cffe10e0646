/**
 * Bulk import of the CSV files of docs/import-format.md. The stable entry points:
 *
 *   importDirectory(db, dir, { actor, scope?, dryRun?, onProgress? }) → ImportReport
 *   importFiles(db, [{ name, open() } | { name, data }], options)   → ImportReport
 *
 * Every row is checked first (the report names file, row, column and rule); nothing is
 * written unless everything passes; then one transaction writes regions, households and
 * members, assesses each new household and appends one `import.completed` audit event.
 * Running it again with the same files changes nothing. See lib/import/run.ts.
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { importSources, type ImportOptions, type ImportReport } from "./run";
import { IMPORT_FILES } from "./spec";
import type { ImportSource } from "./read";

export type { ImportOptions, ImportProgress, ImportReport, ImportPhase } from "./run";
export type { ImportSource } from "./read";
export type { ImportIssue } from "./issues";
export { formatIssue } from "./issues";
export { IMPORT_FILES, type ImportFileName } from "./spec";

/** A file on disk, read in 1 MB chunks. */
export function fileSource(file: string, name = path.basename(file)): ImportSource {
  return {
    name,
    size: fs.statSync(file).size,
    open: () => fs.createReadStream(file, { highWaterMark: 1 << 20 }),
  };
}

/** Bytes or text held in memory (tests, small uploads). */
export function memorySource(name: string, data: Uint8Array | string): ImportSource {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  return {
    name,
    size: bytes.byteLength,
    async *open() {
      for (let i = 0; i < bytes.byteLength; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
    },
  };
}

/** The five files of a folder, each as .csv or .xlsx (other files in it are ignored; both forms of one file: refused as a duplicate). */
export function directorySources(dir: string): ImportSource[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`not a folder: ${dir}`);
  return IMPORT_FILES.flatMap((f) => [f, f.replace(/\.csv$/, ".xlsx")])
    .filter((f) => fs.existsSync(path.join(dir, f)))
    .map((f) => fileSource(path.join(dir, f), f));
}

export async function importDirectory(db: PrismaClient, dir: string, options: ImportOptions): Promise<ImportReport> {
  return importSources(db, directorySources(dir), options);
}

export async function importFiles(
  db: PrismaClient,
  files: (ImportSource | { name: string; data: Uint8Array | string })[],
  options: ImportOptions,
): Promise<ImportReport> {
  return importSources(
    db,
    files.map((f) => ("data" in f ? memorySource(f.name, f.data) : f)),
    options,
  );
}
