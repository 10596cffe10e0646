/**
 * The generated province as a stream of text chunks, one per village (plus the region rows that
 * open a city, county or township), for the five CSV files. Deterministic for a seed: each
 * county draws from its own stream, so the same seed gives byte-identical files. Nothing is
 * kept between villages except the current county's national-ID counters. Pure: the caller
 * writes the chunks (lib/gen/write.ts).
 */
import { householdLine, incomeLine, indicatorLine, memberLines, regionLine, type FileName } from "./csv";
import { buildHousehold } from "./household";
import { CountyIdIssuer } from "./national-ids";
import { Prng } from "./prng";
import { planCounties, planCounty, provinceRow } from "./tree";
import { RECORD_FILES, postingLines, recordLines, villageExitLine, type RecordFile } from "./records";

export interface GenOptions {
  households: number;
  seed: string;
  /** 2-digit province code (default 53: the demo seed uses Guizhou, 52) */
  province?: string;
  /** ages are in full years on this date; birth dates lie before it (default 2026-06-30) */
  asOf?: string;
  /** also the optional county-record files (lib/gen/records.ts); off by default */
  records?: boolean;
}

export const DEFAULT_PROVINCE = "53";
export const DEFAULT_AS_OF = "2026-06-30";

export interface Chunk {
  text: Partial<Record<FileName | RecordFile, string>>;
  households: number;
  members: number;
  /** the county this chunk belongs to (for progress) */
  county: string;
}

export function* generate(opts: GenOptions): Generator<Chunk> {
  const province = opts.province ?? DEFAULT_PROVINCE;
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  if (!/^\d{2}$/.test(province)) throw new RangeError(`province must be 2 digits, got "${province}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got "${asOf}"`);
  const ids = new CountyIdIssuer();
  yield { text: { "regions.csv": regionLine(provinceRow(province)) }, households: 0, members: 0, county: "" };

  for (const county of planCounties(opts.households, opts.seed, province)) {
    ids.startCounty(county.code);
    const rng = new Prng(`${opts.seed}:county:${county.code}:households`);
    let regions = county.city ? regionLine(county.city) : "";
    regions += regionLine({ code: county.code, parentCode: county.cityCode, level: "county", name: county.name, nameEn: null });
    for (const township of planCounty(county, opts.seed)) {
      regions += regionLine({ code: township.code, parentCode: county.code, level: "township", name: township.name, nameEn: null });
      for (const village of township.villages) {
        regions += regionLine({ code: village.code, parentCode: township.code, level: "village", name: village.name, nameEn: null });
        let households = "";
        let members = "";
        let income = "";
        let indicators = "";
        let people = 0;
        // the records draw from the village's own stream: the five files stay as they are
        const recordRng = opts.records ? new Prng(`${opts.seed}:village:${village.code}:records`) : null;
        const records: Record<RecordFile, string> = Object.fromEntries(RECORD_FILES.map((f) => [f, ""])) as Record<RecordFile, string>;
        for (let i = 0; i < village.households; i++) {
          const h = buildHousehold({ rng, ids, asOf, villageName: village.name, waterScarce: village.waterScarce }, i);
          households += householdLine(village.code, h);
          members += memberLines(village.code, h);
          income += incomeLine(village.code, h);
          indicators += indicatorLine(village.code, h);
          people += h.members.length;
          if (recordRng) {
            const lines = recordLines(village.code, village.name, h, recordRng, asOf);
            for (const f of RECORD_FILES) records[f] += lines[f];
          }
        }
        if (recordRng) records["village_exits.csv"] += villageExitLine(village.code, recordRng, asOf);
        if (recordRng) records["postings.csv"] += postingLines(village.code, recordRng, asOf);
        yield {
          text: {
            "regions.csv": regions,
            "households.csv": households,
            "members.csv": members,
            "income.csv": income,
            "indicators.csv": indicators,
            ...(recordRng ? records : {}),
          },
          households: village.households,
          members: people,
          county: county.code,
        };
        regions = "";
      }
    }
  }
}
