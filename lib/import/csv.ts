/**
 * A streaming CSV reader (RFC 4180): comma separated, fields optionally in double quotes, `""`
 * for a quote inside a quoted field, records ending in CRLF, LF or a lone CR, line breaks
 * allowed inside quoted fields. Pure and incremental: push text as it arrives, take the
 * records completed so far. Nothing holds more than the record being read.
 *
 * Every record carries the physical line it starts on (the header is line 1), so a report can
 * name it even when earlier records spanned several lines. Quoting mistakes do not stop the
 * reader: the record carries the problem and reading goes on, so one file reports all of them.
 * Only a quoted field longer than MAX_FIELD (an unclosed quote swallowing the file) is fatal.
 */

/** A problem in one field of a record (a CSV quoting mistake; in an .xlsx, a cell that cannot be read as typed). */
export type CsvProblem = "bad_quote" | "unterminated_quote" | "long_number" | "cell_error";

export interface CsvRecord {
  /** physical line the record starts on (1-based) */
  line: number;
  fields: string[];
  /** a quoting mistake in this record (the fields are read as well as they can be) */
  problem?: { kind: CsvProblem; field: number };
}

/** A field this long can only be an unclosed quote: reading stops. */
export const MAX_FIELD = 1 << 20;

export class CsvFatalError extends Error {
  constructor(
    readonly kind: "unterminated_quote" | "not_utf8" | "not_gb18030" | "not_xlsx",
    readonly line: number,
  ) {
    super(`${kind} at line ${line}`);
    this.name = "CsvFatalError";
  }
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

export class CsvParser {
  private line = 1; // physical line of the next character
  private recordLine = 1;
  private fields: string[] = [];
  private field = "";
  /** inside a quoted field */
  private quoted = false;
  /** just read a quote inside a quoted field: either "" or the closing quote */
  private quoteSeen = false;
  /** the current field started with a quote (and was closed): text after it is a mistake */
  private closed = false;
  private fieldStarted = false;
  private pendingCR = false;
  private problem: CsvRecord["problem"];
  private first = true;

  /** Feed text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    const n = text.length;
    if (this.first && n > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1; // BOM
    }
    if (this.pendingCR && i < n) {
      this.pendingCR = false;
      if (text.charCodeAt(i) === LF) i++;
    }
    while (i < n) {
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          this.quoted = false; // that quote closed the field
          this.closed = true;
          continue;
        }
        // copy up to the next quote in one slice
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        if (end > i) {
          const chunk = text.slice(i, end);
          this.countBreaks(chunk);
          this.field += chunk;
          if (this.field.length > MAX_FIELD) throw new CsvFatalError("unterminated_quote", this.recordLine);
        }
        if (q === -1) return out;
        i = q + 1;
        this.quoteSeen = true;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        this.endField();
        i++;
      } else if (c === LF || c === CR) {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        i++;
        if (c === CR) {
          if (i < n) {
            if (text.charCodeAt(i) === LF) i++;
          } else this.pendingCR = true;
        }
      } else if (c === QUOTE && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
        i++;
      } else {
        // unquoted text: up to the next delimiter in one slice
        let j = i;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === COMMA || d === LF || d === CR) break;
          if (d === QUOTE) this.flag("bad_quote"); // a quote inside an unquoted field
          j++;
        }
        if (this.closed) this.flag("bad_quote"); // text after a closing quote
        this.field += text.slice(i, j);
        this.fieldStarted = true;
        if (this.field.length > MAX_FIELD) throw new CsvFatalError("unterminated_quote", this.recordLine);
        i = j;
      }
    }
    return out;
  }

  /** The physical line being read. */
  currentLine(): number {
    return this.line;
  }

  /** End of input: the last record (if the file does not end with a line break). */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.quoted && !this.quoteSeen) {
      // an unclosed quote ran to the end of the file
      this.flag("unterminated_quote");
    }
    this.quoted = false;
    this.quoteSeen = false;
    this.endRecord(out);
    return out;
  }

  private countBreaks(chunk: string) {
    // line breaks inside a quoted field still advance the physical line count
    for (let k = chunk.indexOf("\n"); k !== -1; k = chunk.indexOf("\n", k + 1)) this.line++;
    // a lone CR (no LF after it) is also a line break
    for (let k = chunk.indexOf("\r"); k !== -1; k = chunk.indexOf("\r", k + 1)) {
      if (chunk.charCodeAt(k + 1) !== LF && k + 1 < chunk.length) this.line++;
    }
  }

  private flag(kind: CsvProblem) {
    this.problem ??= { kind, field: this.fields.length };
  }

  private endField() {
    this.fields.push(this.field);
    this.field = "";
    this.fieldStarted = false;
    this.closed = false;
  }

  private endRecord(out: CsvRecord[]) {
    const empty = this.fields.length === 0 && !this.fieldStarted && this.field === "";
    if (!empty) {
      this.endField();
      const rec: CsvRecord = { line: this.recordLine, fields: this.fields };
      if (this.problem) rec.problem = this.problem;
      out.push(rec);
    }
    // a blank line is no record (but still a line)
    this.fields = [];
    this.field = "";
    this.fieldStarted = false;
    this.closed = false;
    this.problem = undefined;
  }
}

/**
 * The encodings a file may be in. Excel on a Chinese system saves "CSV" as GB18030 (GBK for
 * everyday characters), elsewhere as UTF-8. "auto" decides from the first 64 KB: UTF-8 when
 * they are valid UTF-8 (or start with its BOM), GB18030 otherwise; a file whose first 64 KB are
 * plain ASCII and whose later bytes are not UTF-8 is read on as GB18030 (the ASCII reads the
 * same in both). A UTF-8 BOM always means UTF-8.
 */
export const CSV_ENCODINGS = ["auto", "utf-8", "gb18030"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
const DETECT_BYTES = 64 * 1024;

const hasUtf8Bom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
/** A plain loop: `b.every(x => x < 0x80)` calls a function per byte, a quarter of a large feed's read time. */
function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return false;
  return true;
}

function looksUtf8(prefix: Uint8Array): boolean {
  if (hasUtf8Bom(prefix)) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(prefix, { stream: true }); // a character cut at the end is no error
    return true;
  } catch {
    return false;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Bytes (or text) in, batches of records out. Decodes strictly in the given encoding (a file in
 * another encoding is reported, not read as garbage) and lets the caller see every byte (for the
 * hash) and the encoding used (`onEncoding`, called again if "auto" changes its mind).
 */
export async function* readCsv(
  chunks: AsyncIterable<Uint8Array | string>,
  onBytes?: (bytes: Uint8Array) => void,
  encoding: CsvEncoding = "utf-8",
  onEncoding?: (used: "utf-8" | "gb18030") => void,
): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser();
  const encoder = new TextEncoder();
  let used: "utf-8" | "gb18030" | null = encoding === "auto" ? null : encoding;
  let decoder: TextDecoder | null = null;
  let asciiSoFar = true;
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  /** The refusal, on the line of the first byte that is not in the encoding (counted within `bytes`). */
  const fatal = (bytes?: Uint8Array) => {
    let line = parser.currentLine();
    if (bytes) {
      const text = new TextDecoder(used ?? "utf-8").decode(bytes);
      const bad = text.indexOf("\uFFFD");
      if (bad > 0) line += text.slice(0, bad).split("\n").length - 1;
    }
    return new CsvFatalError(used === "gb18030" ? "not_gb18030" : "not_utf8", line);
  };
  const start = (first: Uint8Array) => {
    if (used === null) used = looksUtf8(first) ? "utf-8" : "gb18030";
    else if (used === "gb18030" && hasUtf8Bom(first)) used = "utf-8";
    decoder = new TextDecoder(used, { fatal: true, ignoreBOM: true });
    onEncoding?.(used);
  };
  const decode = (bytes: Uint8Array): string => {
    if (!decoder) start(bytes);
    try {
      const text = decoder!.decode(bytes, { stream: true });
      if (asciiSoFar && !isAscii(bytes)) asciiSoFar = false;
      return text;
    } catch {
      // "auto" saw only ASCII before these bytes: they are GB18030 (the ASCII read the same)
      if (encoding === "auto" && used === "utf-8" && asciiSoFar) {
        used = "gb18030";
        decoder = new TextDecoder("gb18030", { fatal: true, ignoreBOM: true });
        onEncoding?.(used);
        try {
          asciiSoFar = false;
          return decoder.decode(bytes, { stream: true });
        } catch {
          throw fatal(bytes);
        }
      }
      throw fatal(bytes);
    }
  };
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === "string") {
      onBytes?.(encoder.encode(chunk));
      text = chunk;
    } else {
      onBytes?.(chunk);
      if (used === null) {
        // "auto": hold the first 64 KB to decide
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes < DETECT_BYTES) continue;
        text = decode(concat(pending.splice(0)));
      } else text = decode(chunk);
    }
    const records = parser.push(text);
    if (records.length) yield records;
  }
  let tail = pending.length ? decode(concat(pending.splice(0))) : "";
  if (decoder) {
    try {
      tail += (decoder as TextDecoder).decode();
    } catch {
      throw fatal();
    }
  }
  const last = [...parser.push(tail), ...parser.end()];
  if (last.length) yield last;
}
