import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TIMEOUT = 60_000;

function cli(input: string) {
  const r = spawnSync("npx", ["tsx", "scripts/metrics.ts"], { cwd: ROOT, input, encoding: "utf8", timeout: TIMEOUT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const population = { rural: 100_000, registeredPoor: 1000, lifted: 20_000, notRegistered: 79_000 };
const rows = (status: string, n: number, people: number, finding: string, approval: string) =>
  Array.from({ length: n }, () => ({ registeredStatus: status, people, finding, approval }));

describe("scripts/metrics.ts", { timeout: TIMEOUT }, () => {
  it("the issue's example shape: rates in people, scaled up, approval in households", () => {
    // lifted: 51 people, 1 wrongly lifted (1.96%); not registered: 101 people, 1 missed (0.99%)
    const sample = [
      ...rows("lifted", 1, 50, "ok", "approve"),
      ...rows("lifted", 1, 1, "wrongly_lifted", "approve"),
      ...rows("not_registered", 1, 100, "ok", "approve"),
      ...rows("not_registered", 1, 1, "missed", "approve"),
      ...rows("registered_poor", 983, 1, "ok", "approve"),
      ...rows("registered_poor", 13, 1, "ok", "unsure"),
    ];
    const r = cli(JSON.stringify({ zone: "west", population, sample }));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["wronglyLiftedRate", "missedRate", "comprehensiveIncidence", "approvalRate", "pass"]);
    expect(out.wronglyLiftedRate).toBe((100 * 1) / 51);
    expect(out.missedRate).toBe((100 * 1) / 101);
    expect(out.comprehensiveIncidence as number).toBeCloseTo((100 * (1000 + 79_000 / 101 + 20_000 / 51)) / 100_000, 10);
    expect((out.comprehensiveIncidence as number).toFixed(2)).toBe("2.17");
    expect(out.approvalRate).toBe(98.7);
    expect(out.pass).toEqual({ incidence: true, wronglyLifted: true, missed: true, approval: true, county: true });
  });

  it("zero denominators: null and not passing", () => {
    const r = cli(JSON.stringify({ zone: "west", population, sample: rows("lifted", 1, 4, "ok", "approve") }));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { missedRate: number | null; pass: Record<string, boolean> };
    expect(out.missedRate).toBeNull();
    expect(out.pass.missed).toBe(false);
    expect(out.pass.county).toBe(false);
  });

  it.each([
    [{ zone: "west", population: { ...population, rural: -1 }, sample: [] }, "population.rural"],
    [{ zone: "west", population: { ...population, rural: "x" }, sample: [] }, "population.rural"],
    [
      {
        zone: "west",
        population,
        sample: [...rows("lifted", 3, 1, "ok", "approve"), { registeredStatus: "lifted", people: 1, finding: "bad", approval: "approve" }],
      },
      "sample.3.finding",
    ],
    [
      {
        zone: "west",
        population,
        sample: [{ registeredStatus: "not_registered", people: 1, finding: "wrongly_lifted", approval: "approve" }],
      },
      "sample.0.finding",
    ],
    [{ zone: "north", population, sample: [] }, "zone"],
  ])("invalid input exits 2 naming %s", (input, field) => {
    const r = cli(JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").some((l) => l.startsWith(`${field}: `))).toBe(true);
  });

  it("invalid JSON: exit 2 naming input", () => {
    const r = cli("{");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^input: /);
  });
});
