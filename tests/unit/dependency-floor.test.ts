// Dependencies: the versions installed (package-lock.json) are at or above every floor set by a
// security advisory we know of (docs/decisions/0007-dependency-audit.md), and every package comes
// from the npm registry. `npm audit` cannot reach its endpoint on these machines; this can fail.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const lock = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; resolved?: string; dev?: boolean; link?: boolean }>;
};

function cmp(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** every installed copy of a package (top level and nested) */
function copies(name: string): { where: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([k]) => k === `node_modules/${name}` || k.endsWith(`/node_modules/${name}`))
    .map(([k, v]) => ({ where: k, version: v.version ?? "0.0.0" }));
}

// package → lowest version without a known high or critical advisory (and the floors)
const FLOORS: Record<string, string> = {
  next: "16.2.11", // the floor; CVE-2025-29927 (middleware bypass) fixed long before
  react: "19.2.6", // the floor (React Server Components advisories of 2025)
  "react-dom": "19.2.6",
  "next-auth": "4.24.15", // GHSA-7rqj-j65f-68wh (email normaliser; we use credentials only)
  uuid: "11.1.1", // GHSA-w5hq-g745-h8pq, backported to 11.1.1
  cookie: "0.7.0", // GHSA-pxg6-pf52-xh8x
  jose: "4.15.5", // GHSA-hhhv-q57g-882q (decompression bomb)
  nanoid: "3.3.8", // GHSA-mwcw-c2x4-8c55
  postcss: "8.4.31", // GHSA-7fh5-64p2-3v2j
};

describe("dependency floors", () => {
  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`${name} ≥ ${floor} everywhere it is installed`, () => {
      const found = copies(name);
      if (name === "next" || name === "react" || name === "react-dom" || name === "next-auth") expect(found.length).toBeGreaterThan(0);
      for (const c of found) expect(cmp(c.version, floor), `${c.where}@${c.version} < ${floor}`).toBeGreaterThanOrEqual(0);
    });
  }

  it("every package is fetched from the npm registry, nothing from elsewhere", () => {
    const foreign = Object.entries(lock.packages)
      .filter(([k, v]) => k !== "" && !v.link && v.resolved !== undefined && !v.resolved.startsWith("https://registry.npmjs.org/"))
      .map(([k, v]) => `${k} ← ${v.resolved}`);
    expect(foreign).toEqual([]);
  });
});
