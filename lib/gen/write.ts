/**
 * Writes the generated province into a folder as the five CSV files, streaming: each file is a
 * write stream fed chunk by chunk, and the generator waits for 'drain' whenever a stream's
 * buffer is full (backpressure), so memory stays flat whatever the size.
 */
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { FILES, headerLine, line, type FileName } from "./csv";
import { RECORD_COLUMNS, RECORD_FILES, type RecordFile } from "./records";
import { generate, type GenOptions } from "./generate";

export interface GenProgress {
  households: number;
  members: number;
  county: string;
  elapsedMs: number;
}

export interface GenResult extends GenProgress {
  files: Partial<Record<FileName | RecordFile, { path: string; bytes: number }>>;
}

export interface WriteOptions extends GenOptions {
  out: string;
  /** called about every `progressEvery` households (default 50,000) */
  onProgress?: (p: GenProgress) => void;
  progressEvery?: number;
}

async function write(stream: fs.WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

export async function writeDataset(opts: WriteOptions): Promise<GenResult> {
  const started = performance.now();
  fs.mkdirSync(opts.out, { recursive: true });
  const names: (FileName | RecordFile)[] = [...FILES, ...(opts.records ? RECORD_FILES : [])];
  const streams = {} as Record<FileName | RecordFile, fs.WriteStream>;
  for (const f of names) {
    streams[f] = fs.createWriteStream(path.join(opts.out, f), { highWaterMark: 1 << 20 });
    await write(streams[f], (FILES as readonly string[]).includes(f) ? headerLine(f as FileName) : line(RECORD_COLUMNS[f as RecordFile]));
  }
  const every = opts.progressEvery ?? 50_000;
  let households = 0;
  let members = 0;
  let county = "";
  let nextReport = every;
  try {
    for (const chunk of generate(opts)) {
      for (const f of names) {
        const text = chunk.text[f];
        if (text) await write(streams[f], text);
      }
      households += chunk.households;
      members += chunk.members;
      county = chunk.county || county;
      if (households >= nextReport) {
        nextReport += every;
        opts.onProgress?.({ households, members, county, elapsedMs: performance.now() - started });
      }
    }
  } finally {
    await Promise.all(
      names.map(
        (f) =>
          new Promise<void>((resolve, reject) => {
            streams[f].end((err?: Error | null) => (err ? reject(err) : resolve()));
          }),
      ),
    );
  }
  const files = {} as GenResult["files"];
  for (const f of names) {
    const p = path.join(opts.out, f);
    files[f] = { path: p, bytes: fs.statSync(p).size };
  }
  return { households, members, county, elapsedMs: performance.now() - started, files };
}
