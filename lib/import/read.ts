/**
 * Read one file: stream it through the CSV reader (UTF-8 or GB18030, chosen or detected) or the
 * .xlsx reader (its first worksheet), check its header and every row on its own, stage the rows,
 * hash the bytes. Holds one chunk of records at a time.
 *
 * Each of the five files may come as CSV or as .xlsx: "households.xlsx" is read as
 * households.csv would be (docs/import-format.md).
 */
import "server-only";
import { createHash } from "node:crypto";
import { CsvFatalError, readCsv, type CsvEncoding } from "./csv";
import { readXlsx } from "./xlsx";
import { isImportFile, readHeader, type Header, type ImportFileName } from "./spec";

export type SourceFormat = "csv" | "xlsx";

/** The import file a source name stands for ("households.xlsx" → "households.csv"), or null. */
export function importFileOf(name: string): ImportFileName | null {
  const csv = name.replace(/\.xlsx$/i, ".csv");
  return isImportFile(csv) ? csv : null;
}

export function formatOf(name: string): SourceFormat {
  return /\.xlsx$/i.test(name) ? "xlsx" : "csv";
}
import { ROW_VALIDATORS, STAGE_COLUMNS, type RowContext, type Tuple } from "./rows";
import type { IssueList } from "./issues";
import type { Stager } from "./stage";

export interface ImportSource {
  /** one of the five file names */
  name: string;
  /** bytes, when known (progress) */
  size?: number;
  /** the file's bytes; called once per run */
  open(): AsyncIterable<Uint8Array | string>;
}

export interface FileRead {
  name: ImportFileName;
  bytes: number;
  /** data rows (not the header) */
  rows: number;
  sha256: string;
  /** column key → the header's own name for it */
  labels: Map<string, string>;
  /** nothing of it could be staged (no header, a missing column, an unreadable file) */
  broken: boolean;
  format: SourceFormat;
  /** the name it came under ("households.xlsx") */
  source: string;
  /** the CSV's encoding as read (null for .xlsx) */
  encoding: "utf-8" | "gb18030" | null;
}

export async function readFile(
  source: ImportSource,
  file: ImportFileName,
  stager: Stager,
  table: string,
  issues: IssueList,
  ctx: RowContext,
  onRows: (rows: number, bytes: number) => void,
  encoding: CsvEncoding = "auto",
): Promise<FileRead> {
  const hash = createHash("sha256");
  const format = formatOf(source.name);
  let used: FileRead["encoding"] = format === "csv" && encoding !== "auto" ? encoding : null;
  let bytes = 0;
  let rows = 0;
  let header: Header | undefined;
  let skipRows = false;
  let broken = false;
  const validate = ROW_VALIDATORS[file];
  const writer = await stager.open(table, STAGE_COLUMNS[file]);
  const labelOf = (key: string) => header?.label.get(key) ?? key;
  try {
    const tap = (b: Uint8Array) => {
      hash.update(b);
      bytes += b.byteLength;
    };
    const records = format === "xlsx" ? readXlsx(source.open(), tap) : readCsv(source.open(), tap, encoding, (e) => (used = e));
    for await (const batch of records) {
      const tuples: Tuple[] = [];
      for (const rec of batch) {
        if (!header) {
          header = readHeader(file, rec.fields);
          for (const h of header.issues) issues.add({ file, row: rec.line, column: h.column, rule: h.rule });
          if (rec.problem) issues.add({ file, row: rec.line, column: null, rule: rec.problem.kind });
          if (header.issues.some((h) => h.rule === "missing_column")) skipRows = broken = true;
          continue;
        }
        if (skipRows) continue;
        rows++;
        const h = header;
        if (rec.problem) {
          const key = h.keys[rec.problem.field];
          issues.add({ file, row: rec.line, column: key ? labelOf(key) : null, rule: rec.problem.kind });
        }
        if (rec.fields.length !== h.keys.length) {
          issues.add({
            file,
            row: rec.line,
            column: null,
            rule: "field_count",
            params: { expected: h.keys.length, actual: rec.fields.length },
          });
          continue; // the cells would be read under the wrong columns
        }
        const fields = rec.fields;
        const r = validate(
          (k) => {
            const i = h.index.get(k);
            return i === undefined ? "" : fields[i]!.trim();
          },
          rec.line,
          ctx,
        );
        for (const i of r.issues) issues.add({ file, row: rec.line, column: labelOf(i.column), rule: i.rule, params: i.params });
        if (r.tuple) tuples.push(r.tuple);
      }
      if (tuples.length) await writer.write(tuples);
      onRows(rows, bytes);
    }
    await writer.close();
    if (!header) {
      issues.add({ file, row: null, column: null, rule: "empty_file" });
      broken = true;
    }
  } catch (e) {
    if (!(e instanceof CsvFatalError)) {
      await writer.abort();
      throw e;
    }
    await writer.close(); // what was staged stays (the import fails anyway); the connection stays usable
    issues.add({ file, row: e.line, column: null, rule: e.kind });
    broken = true;
  }
  return {
    name: file,
    bytes,
    rows,
    sha256: hash.digest("hex"),
    labels: header?.label ?? new Map(),
    broken,
    format,
    source: source.name,
    encoding: format === "csv" ? (used ?? "utf-8") : null,
  };
}
