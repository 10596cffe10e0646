// CSV for spreadsheets (Excel, WPS): UTF-8 with a byte-order mark so Chinese opens correctly,
// CRLF rows (RFC 4180), and formula injection neutralised: a text cell beginning with
// = + - @ TAB or CR gets a leading apostrophe, so a name like "=HYPERLINK(...)" stays text.
// Pure: no Next, no database.

export const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: numbers as they are; text neutralised against formulas, then quoted if needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "是" : "否";
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/**
 * Content-Disposition for a download with a non-ASCII name (RFC 6266 / RFC 5987): an ASCII
 * fallback in filename= and the real name, percent-encoded UTF-8, in filename*=.
 */
export function attachment(filename: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A streamed CSV body: the BOM and header first, then rows as the source yields them (batches
 * of any size), encoded as they go; nothing beyond one batch is held in memory.
 */
export function csvStream(header: readonly string[], batches: AsyncIterable<readonly (readonly CsvValue[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)));
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(csvRow).join("")));
      } catch (e) {
        console.error("[csv] stream failed", e);
        controller.error(e);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
