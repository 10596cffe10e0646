/**
 * An .xlsx file read as the CSV reader reads a CSV: its first worksheet, row by row, through
 * exceljs's streaming reader (a row at a time; the shared strings are held, as the format needs).
 * Each record carries the worksheet's own row number. Cells become the text a CSV export would
 * hold: numbers without binary noise (3000.5, not 3000.4999999999), date cells as YYYY-MM-DD,
 * formulas by their computed value. A number of 16 or more digits is flagged (Excel keeps 15:
 * a national ID typed as a number has lost its last digits — the column must be text), and so
 * is an error cell (#N/A, #VALUE!).
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { CsvFatalError, type CsvProblem, type CsvRecord } from "./csv";

const BATCH = 1000;

export interface CellText {
  text: string;
  problem?: CsvProblem;
}

const isoDate = (d: Date): string => {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
};

/** A cell's value as text (pure). */
export function cellText(v: unknown): CellText {
  if (v === null || v === undefined) return { text: "" };
  if (typeof v === "string") return { text: v };
  if (typeof v === "boolean") return { text: v ? "true" : "false" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { text: "", problem: "cell_error" };
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) return { text: String(v), problem: "long_number" };
    return { text: String(Number(v.toPrecision(15))) };
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { text: "", problem: "cell_error" } : { text: isoDate(v) };
  if (typeof v === "object") {
    const o = v as {
      richText?: { text?: string }[];
      text?: unknown;
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      error?: unknown;
    };
    if (Array.isArray(o.richText)) return { text: o.richText.map((r) => r.text ?? "").join("") };
    if (o.error !== undefined) return { text: "", problem: "cell_error" };
    if ("formula" in o || "sharedFormula" in o || "result" in o) {
      if (o.result === undefined) return { text: "", problem: "cell_error" };
      return cellText(o.result);
    }
    if (typeof o.text === "string") return { text: o.text }; // a hyperlink
  }
  return { text: String(v) };
}

/** A worksheet row (exceljs: `values`, 1-based and sparse) as a record. */
export function rowRecord(line: number, values: unknown, width: number | null): CsvRecord | null {
  const cells = Array.isArray(values) ? values.slice(1) : [];
  const fields: string[] = [];
  let problem: CsvRecord["problem"];
  for (let i = 0; i < cells.length; i++) {
    const c = cellText(cells[i]);
    fields.push(c.text);
    if (c.problem && !problem) problem = { kind: c.problem, field: i };
  }
  // cells Excel leaves out at the end of a row are empty fields, as in a CSV of the same sheet
  while (fields.length > (width ?? 0) && fields[fields.length - 1] === "") fields.pop();
  if (fields.every((f) => f === "") && !problem) return null; // a blank row
  while (width !== null && fields.length < width) fields.push("");
  return problem ? { line, fields, problem } : { line, fields };
}

/** Bytes in (the hash sees each), batches of records out. */
export async function* readXlsx(
  chunks: AsyncIterable<Uint8Array | string>,
  onBytes?: (bytes: Uint8Array) => void,
): AsyncGenerator<CsvRecord[]> {
  const tapped = (async function* () {
    for await (const c of chunks) {
      const b = typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
      onBytes?.(b);
      yield b;
    }
  })();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(tapped), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let first = true;
  let width: number | null = null;
  let lastLine = 1;
  try {
    for await (const worksheet of reader) {
      if (!first) {
        for await (const _row of worksheet) {
          // the other sheets are not read, only passed over (every byte still reaches the hash)
        }
        continue;
      }
      first = false;
      let batch: CsvRecord[] = [];
      for await (const row of worksheet as AsyncIterable<{ number: number; values: unknown }>) {
        lastLine = row.number;
        const rec = rowRecord(row.number, row.values, width);
        if (!rec) continue;
        if (width === null) width = rec.fields.length; // the header
        batch.push(rec);
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
  } catch (e) {
    if (e instanceof CsvFatalError) throw e;
    throw new CsvFatalError("not_xlsx", lastLine);
  }
}
