// XLSX for officials (Excel, WPS, LibreOffice): the same rows as the CSV, but each column typed —
// IDs, household numbers and region codes are text cells (an 18-digit ID stays whole, "0033"
// keeps its zeros), counts and amounts are numbers. Chinese headers, column widths, a bold header
// row frozen at the top with a filter. Written row by row with exceljs's streaming WorkbookWriter
// (a county's households never sit in memory as a workbook).
// A text cell is a string cell: a name like "=HYPERLINK(...)" is stored as text, never a formula.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CsvValue } from "@/lib/csv";

export type ColumnKind = "text" | "integer" | "decimal";

export interface XlsxColumn {
  header: string;
  /** width in characters (a Chinese character counts about two) */
  width: number;
  kind: ColumnKind;
}

const NUM_FMT: Record<ColumnKind, string> = { text: "@", integer: "0", decimal: "0.00" };

/** One cell value for its column: text as text, numbers as numbers, empty as empty. */
export function xlsxValue(kind: ColumnKind, value: CsvValue): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (kind === "text") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const n = Number(value);
  return Number.isFinite(n) ? n : String(value);
}

/** A streamed .xlsx body with one worksheet. */
export function xlsxStream(
  sheetName: string,
  columns: readonly XlsxColumn[],
  batches: AsyncIterable<readonly (readonly CsvValue[])[]>,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "精准 Jingzhun";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
    // printed: landscape, as wide as the page, the header on every page
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  sheet.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width, style: { numFmt: NUM_FMT[c.kind] } }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  void (async () => {
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    header.eachCell((cell) => {
      cell.numFmt = "@";
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F0EE" } };
    });
    header.commit();
    for await (const batch of batches) {
      for (const values of batch) sheet.addRow(columns.map((c, i) => xlsxValue(c.kind, values[i]))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));

  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
