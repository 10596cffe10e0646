// The household handbook (扶贫手册) as a PDF: the booklet's HTML (lib/handbook/html.ts) written to
// a private temporary file and printed by the server's headless Chromium, as the notices are
// (decision 0016: no PDF library, no download at run time; the installed CJK serif is embedded by
// Chromium). Not rendered through the app's own address: the booklet is not a public page, and a
// file needs no session. A village's households are written to the file batch by batch (memory
// stays flat for hundreds of households), then printed in one run: one PDF, each household from a
// new A5 page. Not archived: a booklet is printed from today's records.
import "server-only";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { printToPdf } from "@/lib/notices/pdf";
import type { HandbookHousehold, VillageHandbook } from "@/lib/data/handbook";
import { handbookFoot, handbookHead, handbookSection, handbookTitle } from "./html";

/** Chromium's time for a booklet: a minute, and a little more per household (a village of 800: about 4 minutes at most). */
export const handbookTimeoutMs = (households: number): number => Math.min(60_000 + households * 250, 20 * 60_000);

async function printFile(write: (file: fs.FileHandle) => Promise<void>, households: number): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jz-handbook-"));
  try {
    const file = path.join(dir, "handbook.html");
    const fh = await fs.open(/*turbopackIgnore: true*/ file, "wx", 0o600);
    try {
      await write(fh);
    } finally {
      await fh.close();
    }
    return await printToPdf(pathToFileURL(file).href, { timeoutMs: handbookTimeoutMs(households) });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** One household's booklet. */
export function householdHandbookPdf(h: HandbookHousehold, printedOn: Date): Promise<Buffer> {
  return printFile(async (fh) => {
    await fh.write(handbookHead(`${handbookTitle()} ${h.headName}`) + handbookSection(h, printedOn) + handbookFoot);
  }, 1);
}

/** A village's booklets as one PDF; `sections` is told how many households were written. */
export function villageHandbookPdf(v: VillageHandbook, printedOn: Date, onBatch?: (written: number) => void): Promise<Buffer> {
  return printFile(async (fh) => {
    await fh.write(handbookHead(`${handbookTitle()} ${v.village.township} ${v.village.name}`));
    let written = 0;
    for await (const batch of v.batches()) {
      await fh.write(batch.map((h) => handbookSection(h, printedOn)).join(""));
      written += batch.length;
      onBatch?.(written);
    }
    await fh.write(handbookFoot);
  }, v.count);
}
