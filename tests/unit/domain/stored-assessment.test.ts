// A stored assessment read back (decision 0054): the policy a version names is resolved again from
// the rows, and an input-only row renders as the engine's result under that policy.
import { describe, expect, it } from "vitest";
import { assess } from "@/lib/domain/assess";
import { resolvePolicy } from "@/lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import {
  parsePolicyVersion,
  policyOfVersion,
  renderStoredAssessment,
  StoredPolicyError,
  type PolicyRowInForce,
} from "@/lib/domain/stored-assessment";
import { household } from "./fixtures";

const T0 = new Date("2020-01-01T00:00:00Z");
const inForce = (extra: Partial<PolicyRowInForce>[] = []): PolicyRowInForce[] => [
  ...DEFAULT_POLICY_ROWS.map((r) => ({ ...r, createdAt: T0, retiredAt: null })),
  ...extra.map((r) => ({ createdAt: T0, retiredAt: null, ...r }) as PolicyRowInForce),
];
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe("parsePolicyVersion", () => {
  it("reads the year, the scope and the row ids", () => {
    expect(parsePolicyVersion("2020:national:national-2014+national-2020#abc")).toEqual({
      year: 2020,
      provinceCode: null,
      rowIds: ["national-2014", "national-2020"],
    });
    expect(parsePolicyVersion("2026:52:52-2026-r1+national-2014#x1")).toEqual({
      year: 2026,
      provinceCode: "52",
      rowIds: ["52-2026-r1", "national-2014"],
    });
    expect(parsePolicyVersion("not a version")).toBeNull();
  });
});

describe("policyOfVersion", () => {
  it("resolves the very policy the version was computed under", () => {
    const rows = inForce();
    const p = resolvePolicy(rows, 2020, "52");
    expect(policyOfVersion(rows, p.version, new Date("2021-01-01T00:00:00Z"))).toEqual(p);
  });

  it("uses the rows in force at the time, not a later row (retired rows included)", () => {
    const writtenAt = new Date("2021-06-01T00:00:00Z");
    const before = inForce([{ id: "52-2020-r1", year: 2020, provinceCode: "52", values: { povertyLine: 5000 } }]);
    const p = resolvePolicy(before, 2020, "52");
    expect(p.values.povertyLine).toBe(5000);
    // later: r1 retired, r2 added with another line
    const after = inForce([
      { id: "52-2020-r1", year: 2020, provinceCode: "52", values: { povertyLine: 5000 }, retiredAt: new Date("2022-01-01T00:00:00Z") },
      { id: "52-2020-r2", year: 2020, provinceCode: "52", values: { povertyLine: 5500 }, createdAt: new Date("2022-01-01T00:00:00Z") },
    ]);
    const again = policyOfVersion(after, p.version, writtenAt);
    expect(again.values.povertyLine).toBe(5000);
    expect(again.version).toBe(p.version);
  });

  it("a floor the province's later row lost to is not brought back by an older province row", () => {
    // the national line (4,000 in 2020) beats the province's own 2020 row (3,000: below the floor);
    // the province's 2018 row (5,000) set the line too but was not the latest province row then
    const rows = inForce([
      { id: "52-2018", year: 2018, provinceCode: "52", values: { povertyLine: 5000, noticeDays: 9 } },
      { id: "52-2020", year: 2020, provinceCode: "52", values: { povertyLine: 3000 } },
    ]);
    const p = resolvePolicy(rows, 2020, "52");
    expect(p.values.povertyLine).toBe(4000);
    expect(policyOfVersion(rows, p.version, new Date("2021-01-01T00:00:00Z")).values.povertyLine).toBe(4000);
  });

  it("when the rows it names are gone, reading fails loudly rather than use another policy", () => {
    const rows = inForce();
    const p = resolvePolicy(rows, 2020, null);
    const without = rows.filter((r) => r.id !== "national-2020");
    expect(() => policyOfVersion(without, p.version, new Date("2021-01-01T00:00:00Z"))).toThrow(StoredPolicyError);
    expect(() => policyOfVersion(rows, "garbage", new Date())).toThrow(StoredPolicyError);
  });
});

describe("renderStoredAssessment", () => {
  const rows = inForce();
  const input = household({ year: 2020 });
  const policy = resolvePolicy(rows, 2020, "52");
  const expected = assess(input, policy);

  it("an input row renders as the engine's result; an old row's stored result is returned as stored", () => {
    const at = new Date("2021-01-01T00:00:00Z");
    const fromInput = renderStoredAssessment({ result: null, input: json(input), policyVersion: policy.version, createdAt: at }, rows);
    const fromResult = renderStoredAssessment({ result: json(expected), input: null, policyVersion: policy.version, createdAt: at }, rows);
    expect(json(fromInput)).toEqual(json(expected));
    expect(json(fromResult)).toEqual(json(expected));
  });

  it("a row with neither is an error", () => {
    expect(() => renderStoredAssessment({ result: null, input: null, policyVersion: policy.version, createdAt: new Date() }, rows)).toThrow(
      StoredPolicyError,
    );
  });
});
