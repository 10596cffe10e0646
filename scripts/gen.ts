// `npm run gen -- --households N --seed S --out DIR [--province 53] [--as-of 2026-06-30]`
//
// Writes a generated province (cities → counties of at most 100,000 households → townships →
// villages of 200–500 households) as the five import files of docs/import-format.md:
// regions.csv, households.csv, members.csv, income.csv, indicators.csv. Deterministic for a
// seed; streamed with backpressure, so memory stays flat (peak RSS is printed at the end).
import path from "node:path";
import { parseArgs } from "node:util";
import { writeDataset } from "../lib/gen/write";
import { DEFAULT_AS_OF, DEFAULT_PROVINCE } from "../lib/gen/generate";

const USAGE = "usage: npm run gen -- --households N --seed S --out DIR [--province 53] [--as-of YYYY-MM-DD] [--records]";

function fail(message: string): never {
  console.error(`[gen] ${message}\n${USAGE}`);
  process.exit(2);
}

async function main() {
  const { values } = parseArgs({
    options: {
      households: { type: "string" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
      province: { type: "string", default: DEFAULT_PROVINCE },
      "as-of": { type: "string", default: DEFAULT_AS_OF },
      // also the optional county-record files (household types, income records, relocation, measures, plans)
      records: { type: "boolean", default: false },
    },
  });
  const households = Number(values.households);
  if (!Number.isInteger(households) || households < 1) fail(`--households must be a positive integer, got ${values.households}`);
  if (!values.out) fail("--out DIR is required");
  const out = path.resolve(values.out);
  const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
  console.log(`[gen] ${households.toLocaleString("en")} households, seed "${values.seed}", province ${values.province} → ${out}`);
  const result = await writeDataset({
    households,
    seed: values.seed!,
    province: values.province,
    asOf: values["as-of"],
    records: values.records,
    out,
    progressEvery: Math.max(10_000, Math.min(100_000, Math.round(households / 20 / 10_000) * 10_000)),
    onProgress: (p) =>
      console.log(
        `[gen] ${p.households.toLocaleString("en")} / ${households.toLocaleString("en")} households ` +
          `(${Math.round((100 * p.households) / households)}%), ${p.members.toLocaleString("en")} members, county ${p.county}, ` +
          `${(p.elapsedMs / 1000).toFixed(1)} s, rss ${mb(process.memoryUsage().rss)}`,
      ),
  });
  for (const [name, f] of Object.entries(result.files)) console.log(`[gen]   ${name.padEnd(15)} ${mb(f!.bytes).padStart(8)}`);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `[gen] done: ${result.households.toLocaleString("en")} households, ${result.members.toLocaleString("en")} members ` +
      `(${(result.members / result.households).toFixed(2)} per household) in ${(result.elapsedMs / 1000).toFixed(1)} s; peak RSS ${peakRssMb} MB`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
