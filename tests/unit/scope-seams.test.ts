// The seams the national plan keeps (docs/decisions/0044-national-plan.md): a reach at or below a
// county names its county, so a query sharded by countyId goes to one shard; any query that
// reads across counties says so in a comment naming the decision.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { regionReach, countyOfRegion } from "@/lib/auth/scope";
import { householdsUnderRegion } from "@/lib/auth/scope/households";

const VILLAGE = "522328100201";
const TOWNSHIP = "522328100";
const COUNTY = "522328";

describe("regionReach", () => {
  it("names the county at village, township and county level", () => {
    expect(regionReach(VILLAGE, "village")).toEqual({ countyId: COUNTY, villageId: VILLAGE });
    expect(regionReach(TOWNSHIP, "township")).toEqual({ countyId: COUNTY, villageId: { startsWith: TOWNSHIP } });
    expect(regionReach(COUNTY, "county")).toEqual({ countyId: COUNTY });
    expect(householdsUnderRegion(TOWNSHIP, "township")).toEqual({ countyId: COUNTY, villageId: { startsWith: TOWNSHIP } });
  });
  it("crosses counties only above one", () => {
    expect(regionReach("5223", "city")).toEqual({ countyId: { startsWith: "5223" } });
    expect(regionReach("52", "province")).toEqual({ countyId: { startsWith: "52" } });
  });
  it("countyOfRegion cuts a region id to its county", () => {
    expect(countyOfRegion(VILLAGE)).toBe(COUNTY);
    expect(countyOfRegion(COUNTY)).toBe(COUNTY);
    expect(countyOfRegion("5223")).toBeNull();
  });
});

/** Every .ts/.tsx file under lib/ and app/ (generated code aside). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

// a village or county prefix match in a Prisma where or in SQL
const PREFIX = /(villageId|countyId)"?\s*(:\s*\{\s*startsWith|LIKE)/;

describe("no query crosses counties without saying so", () => {
  it("every prefix match names its county on the line, or cites decision 0044 within three lines", () => {
    const offenders: string[] = [];
    for (const file of [...sources("lib"), ...sources("app")]) {
      if (file.endsWith(path.join("scope", "viewer.ts"))) continue; // the one definition
      const lines = fs.readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        if (!PREFIX.test(line)) return;
        // `countyId: x` / `countyId,` (a single county's id) in a where, or `"countyId" = ` in SQL
        const namesCounty = /\bcountyId(\s*,|\s*:\s*(?!\{)[\w.]|"\s*=\s*)/.test(line);
        const cites = lines.slice(Math.max(0, i - 3), i + 1).some((l) => l.includes("0044"));
        if (!namesCounty && !cites) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
