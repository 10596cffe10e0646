/**
 * Read one file: stream it through the CSV reader, check its header and every row on its own,
 * stage the rows, hash the bytes. Holds one chunk of records at a time.
 */
import "server-only";
import { createHash } from "node:crypto";
import { CsvFatalError, readCsv } from "./csv";
import { readHeader, type Header, type ImportFileName } from "./spec";
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
}

export async function readFile(
  source: ImportSource,
  file: ImportFileName,
  stager: Stager,
  table: string,
  issues: IssueList,
  ctx: RowContext,
  onRows: (rows: number, bytes: number) => void,
): Promise<FileRead> {
  const hash = createHash("sha256");
  let bytes = 0;
  let rows = 0;
  let header: Header | undefined;
  let skipRows = false;
  let broken = false;
  const validate = ROW_VALIDATORS[file];
  const writer = await stager.open(table, STAGE_COLUMNS[file]);
  const labelOf = (key: string) => header?.label.get(key) ?? key;
  try {
    for await (const batch of readCsv(source.open(), (b) => {
      hash.update(b);
      bytes += b.byteLength;
    })) {
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
          issues.add({ file, row: rec.line, column: null, rule: "field_count", params: { expected: h.keys.length, actual: rec.fields.length } });
          continue; // the cells would be read under the wrong columns
        }
        const fields = rec.fields;
        const r = validate((k) => {
          const i = h.index.get(k);
          return i === undefined ? "" : fields[i]!.trim();
        }, rec.line, ctx);
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
  return { name: file, bytes, rows, sha256: hash.digest("hex"), labels: header?.label ?? new Map(), broken };
}
