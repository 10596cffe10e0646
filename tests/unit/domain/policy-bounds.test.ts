// The bounds of the policy settings must admit the values the rules themselves ship: an admin who
// saves the default settings unchanged must never be refused. Exit thresholds are percents (2, 3,
// 90), as the policy rows store them.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { POLICY_BOUNDS, policyOutOfBounds } from "@/lib/domain/policy-bounds";

describe("policy bounds", () => {
  it.each(DEFAULT_POLICY_ROWS.map((r) => [r.id, r] as const))("the built-in row %s is within every bound", (_id, row) => {
    const numbers = Object.fromEntries(Object.entries(row.values).filter(([, v]) => typeof v === "number")) as Record<string, number>;
    expect(policyOutOfBounds(numbers)).toEqual([]);
  });

  it("exit thresholds are percents: 90 % approval and 3 % incidence are allowed, 101 % is not", () => {
    expect(policyOutOfBounds({ approvalMinRate: 90, exitIncidenceWest: 3, wronglyLiftedMaxRate: 2, missedMaxRate: 2 })).toEqual([]);
    expect(policyOutOfBounds({ approvalMinRate: 101 })).toEqual([
      { key: "approvalMinRate", ...{ min: POLICY_BOUNDS.approvalMinRate![0], max: 100 } },
    ]);
  });
});
