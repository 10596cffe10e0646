import { describe, it, expect, afterAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TIMEOUT = 60_000;

function cli(input: string, args: string[] = []) {
  const r = spawnSync("npx", ["tsx", "scripts/assess.ts", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    timeout: TIMEOUT,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const adult = {
  birthDate: "1980-05-01",
  counted: true,
  medicalInsurance: true,
  schoolStatus: "not_applicable",
  dropoutMedicalExemption: false,
  laborCapacity: "full",
};

function scenario1(overrides: Record<string, unknown> = {}) {
  return {
    year: 2020,
    asOf: "2020-12-31",
    registeredStatus: "not_registered",
    members: [adult, adult, adult, adult],
    income: { wages: 15_000, business: 0, businessCosts: 0, property: 0, transfers: 0 },
    food: true,
    clothing: true,
    housing: { grade: "A", electricity: true },
    water: {
      litresPerPersonDay: 40,
      waterScarceArea: false,
      piped: true,
      roundTripMinutes: 0,
      horizontalMetres: null,
      verticalMetres: null,
      qualitySafe: true,
      outageDaysPerYear: 0,
    },
    rigidExpenditure: 0,
    previousYearIncome: null,
    ...overrides,
  };
}

const tmp = mkdtempSync(path.join(tmpdir(), "jingzhun-assess-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function expectCleanFailure(r: ReturnType<typeof cli>, pathName: string) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.split("\n").some((line) => line.startsWith(`${pathName}: `))).toBe(true);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe("scripts/assess.ts", { timeout: TIMEOUT }, () => {
  it("scenario 1: exit 0, below_standard, pretty JSON", () => {
    const r = cli(JSON.stringify(scenario1()));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      status: "below_standard",
      countedMembers: 4,
      perCapitaIncome: 3750,
      povertyLine: 4000,
      monitoringThreshold: 6000,
      candidate: "identify",
      monitoringCategory: null,
    });
    expect(r.stdout).toContain('\n  "status": "below_standard"');
  });

  it("wages -1: exit 2 naming income.wages", () => {
    const r = cli(JSON.stringify(scenario1({ income: { wages: -1, business: 0, businessCosts: 0, property: 0, transfers: 0 } })));
    expectCleanFailure(r, "income.wages");
    expect(r.stderr).toContain("income.wages: must not be negative (不能为负数)");
  });

  it("no counted member: exit 2 naming members", () => {
    expectCleanFailure(cli(JSON.stringify(scenario1({ members: [{ ...adult, counted: false }] }))), "members");
  });

  it("year 2013: exit 2 naming year", () => {
    expectCleanFailure(cli(JSON.stringify(scenario1({ year: 2013, asOf: "2013-12-31" }))), "year");
  });

  it("invalid JSON: exit 2, no stack trace", () => {
    expectCleanFailure(cli("{ not json"), "input");
  });

  it("--policy FILE rows are added to the defaults; the same id replaces one", () => {
    const file = path.join(tmp, "policy.json");
    const rows = [
      { id: "national-2020", year: 2020, provinceCode: null, values: { povertyLine: 3500, monitoringThreshold: 5250 } },
      { id: "gz-2020", year: 2020, provinceCode: "52", values: { monitoringThreshold: 5600 } },
    ];
    writeFileSync(file, JSON.stringify({ rows }));
    const r = cli(JSON.stringify(scenario1()), ["--policy", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      povertyLine: 3500,
      monitoringThreshold: 5250,
      status: "at_risk",
      candidate: "monitor",
      monitoringCategory: "marginal",
      guaranteeGap: false,
      shock: false,
      thresholdStale: false,
    });
    expect(out.policyVersion).toMatch(
      /^2020:national:national-2014\+national-2014-key-households\+national-2014-places-v2\+national-2020#/,
    );
    // --province 52: the province's higher threshold
    const gz = JSON.parse(cli(JSON.stringify(scenario1()), ["--policy", file, "--province", "52"]).stdout) as Record<string, unknown>;
    expect(gz).toMatchObject({ monitoringThreshold: 5600, povertyLine: 3500 });

    // rows starting in 2016 have no policy for 2015: year error; a malformed or missing file names --policy
    writeFileSync(file, JSON.stringify([{ ...rows[1], provinceCode: null, values: { schoolAgeMin: -1 } }]));
    expectCleanFailure(cli(JSON.stringify(scenario1()), ["--policy", file]), "--policy 0.values.schoolAgeMin");
    writeFileSync(file, "[{");
    expectCleanFailure(cli(JSON.stringify(scenario1()), ["--policy", file]), "--policy");
    expectCleanFailure(cli(JSON.stringify(scenario1()), ["--policy", path.join(tmp, "missing.json")]), "--policy");
  });
});
