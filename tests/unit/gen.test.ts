// The data generator (npm run gen): deterministic, valid IDs, the contract's headers, a
// realistic household shape.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateNationalId } from "@/lib/national-id";
import { COLUMNS, FILES, type FileName } from "@/lib/gen/csv";
import { writeDataset } from "@/lib/gen/write";
import { DEFAULT_AS_OF } from "@/lib/gen/generate";
import { countySizes, MAX_COUNTY_HOUSEHOLDS, planCounties } from "@/lib/gen/tree";
import { CountyIdIssuer } from "@/lib/gen/national-ids";

const N = 3000;
let root: string;
let a: string;

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Rows of a generated file as objects keyed by header (the generator quotes nothing it writes). */
function rows(dir: string, file: FileName): Record<string, string>[] {
  const [header, ...lines] = fs
    .readFileSync(path.join(dir, file), "utf8")
    .split("\n")
    .filter((l) => l !== "");
  const cols = header!.split(",");
  return lines.map((l) => {
    const cells = l.split(",");
    expect(cells).toHaveLength(cols.length);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]!]));
  });
}

/** The English column names of each file, read from the contract (docs/import-format.md). */
function contractColumns(): Record<string, string[]> {
  const doc = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/import-format.md"), "utf8");
  const out: Record<string, string[]> = {};
  for (const section of doc.split(/^## /m).slice(1)) {
    const file = /^([a-z]+\.csv)/.exec(section)?.[1];
    if (!file) continue;
    const names: string[] = [];
    for (const l of section.split("\n")) {
      const cell = /^\| ((?:`[a-z_]+`(?:, )?)+) \|/.exec(l); // table rows: | `code` | 区划代码 | ...
      if (cell) names.push(...[...cell[1]!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!));
    }
    if (names.length === 0) {
      // prose lists: `wages` 工资性收入, ...
      for (const m of section.matchAll(/`([a-z_]+)` [\u4e00-\u9fff]/g)) names.push(m[1]!);
    }
    out[file] = names;
  }
  return out;
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "jz-gen-test-"));
  a = path.join(root, "a");
  await writeDataset({ households: N, seed: "unit", out: a });
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("npm run gen", () => {
  it("writes byte-identical files for the same seed, and different ones for another seed", async () => {
    const b = path.join(root, "b");
    const c = path.join(root, "c");
    await writeDataset({ households: N, seed: "unit", out: b });
    await writeDataset({ households: N, seed: "other", out: c });
    for (const f of FILES) {
      expect(sha(path.join(b, f)), f).toBe(sha(path.join(a, f)));
    }
    expect(sha(path.join(c, "members.csv"))).not.toBe(sha(path.join(a, "members.csv")));
  });

  it("writes the headers the contract names, in its order", () => {
    const contract = contractColumns();
    expect(Object.keys(contract).sort()).toEqual([...FILES].sort());
    for (const f of FILES) {
      expect(COLUMNS[f], f).toEqual(contract[f]);
      const header = fs.readFileSync(path.join(a, f), "utf8").split("\n")[0];
      expect(header, f).toBe(contract[f]!.join(","));
    }
  });

  it("gives every member a valid, unique national ID agreeing with sex and birth date", () => {
    const members = rows(a, "members.csv");
    const seen = new Set<string>();
    for (const m of members) {
      const r = validateNationalId(m.national_id!, { today: DEFAULT_AS_OF });
      expect(r, m.national_id).toMatchObject({ ok: true, birthDate: m.birth_date, sex: m.sex });
      expect(m.national_id!.startsWith(m.village_code!.slice(0, 6))).toBe(true);
      expect(seen.has(m.national_id!), m.national_id).toBe(false);
      seen.add(m.national_id!);
    }
  });

  it("makes households of about 3.4 people with exactly one head, someone counted", () => {
    const households = rows(a, "households.csv");
    const members = rows(a, "members.csv");
    expect(households).toHaveLength(N);
    const perHousehold = members.length / households.length;
    expect(perHousehold).toBeGreaterThan(3.2);
    expect(perHousehold).toBeLessThan(3.6);
    const byKey = new Map<string, Record<string, string>[]>();
    for (const m of members) {
      const k = `${m.village_code}/${m.household_number}`;
      byKey.set(k, [...(byKey.get(k) ?? []), m]);
    }
    for (const h of households) {
      const ms = byKey.get(`${h.village_code}/${h.household_number}`) ?? [];
      expect(ms.filter((m) => m.relation === "head")).toHaveLength(1);
      expect(ms[0]!.name).toBe(h.head_name);
      expect(ms.some((m) => m.counted === "1")).toBe(true);
    }
  });

  it("keeps registered dates in order and one income and indicator row per household", () => {
    const households = rows(a, "households.csv");
    const statuses = new Set(households.map((h) => h.registered_status));
    expect(statuses).toEqual(new Set(["not_registered", "registered_poor", "lifted"]));
    for (const h of households) {
      if (h.registered_status === "not_registered") expect(h.registered_at).toBe("");
      else expect(h.registered_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (h.registered_status === "lifted") expect(h.lifted_at! >= h.registered_at!).toBe(true);
    }
    const keys = households.map((h) => `${h.village_code}/${h.household_number}`);
    expect(rows(a, "income.csv").map((r) => `${r.village_code}/${r.household_number}`)).toEqual(keys);
    expect(rows(a, "indicators.csv").map((r) => `${r.village_code}/${r.household_number}`)).toEqual(keys);
    for (const r of rows(a, "income.csv")) {
      for (const col of ["wages", "business", "business_costs", "property", "transfers", "rigid_expenditure"]) {
        expect(r[col], col).toMatch(/^\d+\.\d{2}$/);
      }
    }
  });

  it("builds a region tree whose codes extend their parents' and holds every household's village", () => {
    const regions = rows(a, "regions.csv");
    const byCode = new Map(regions.map((r) => [r.code!, r]));
    const digits = { province: 2, city: 4, county: 6, township: 9, village: 12 } as Record<string, number>;
    for (const r of regions) {
      expect(r.code).toHaveLength(digits[r.level!]!);
      if (r.level === "province") expect(r.parent_code).toBe("");
      else {
        expect(byCode.has(r.parent_code!), r.code).toBe(true);
        expect(r.code!.startsWith(r.parent_code!)).toBe(true);
      }
    }
    for (const h of rows(a, "households.csv")) expect(byCode.get(h.village_code!)?.level).toBe("village");
  });
});

describe("the generated tree's shape", () => {
  it("keeps counties at or under 100,000 households and sums to N", () => {
    for (const n of [1, 99_999, 100_000, 100_001, 1_000_000, 2_345_678]) {
      const sizes = countySizes(n, "s");
      expect(sizes.reduce((s, x) => s + x, 0)).toBe(n);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_COUNTY_HOUSEHOLDS);
      expect(sizes.length).toBe(Math.ceil(n / MAX_COUNTY_HOUSEHOLDS));
    }
    const counties = [...planCounties(1_000_000, "s", "53")];
    expect(new Set(counties.map((c) => c.code)).size).toBe(counties.length);
    expect(counties.every((c) => /^53\d{4}$/.test(c.code))).toBe(true);
  });

  it("issues IDs from per-county counters, forgotten at the next county", () => {
    const ids = new CountyIdIssuer();
    ids.startCounty("530121");
    const first = ids.issue("1980-01-01", "male")!;
    expect(first.slice(0, 17)).toBe("53012119800101001");
    expect(validateNationalId(first)).toMatchObject({ ok: true, sex: "male", birthDate: "1980-01-01" });
    expect(ids.issue("1980-01-01", "male")!.slice(14, 17)).toBe("003");
    expect(ids.issue("1980-01-01", "female")!.slice(14, 17)).toBe("002");
    expect(ids.size).toBe(1);
    ids.startCounty("530122");
    expect(ids.size).toBe(0);
    expect(ids.issue("1980-01-01", "male")!.slice(0, 17)).toBe("53012219800101001");
  });
});
