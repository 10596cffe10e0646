// Issue #16.11: policy values that break the app are refused on their field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { createUser, seedRegions } from "../factories";
import { savePolicy } from "@/lib/actions/policy/save-policy";
import { POLICY_KEYS } from "@/lib/domain/policy";
import { POLICY_BOUNDS } from "@/lib/domain/policy-bounds";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "admin", role: "admin", regionId: "52" });
});
afterAll(async () => {
  signOut();
  await t?.close();
});

describe("policy bounds", () => {
  it("a quorum denominator of 0 and a lead deadline of a billion working days are refused on their fields", async () => {
    await signInAs(t.prisma, "admin");
    const before = await t.prisma.policyRow.count();
    const a = await savePolicy(undefined, { year: "2026", provinceId: "52", quorumNumerator: "0", quorumDenominator: "0" });
    expect(a.ok).toBe(false);
    expect(!a.ok && a.fieldErrors?.quorumDenominator?.[0]).toMatch(/1 到 100/);
    const b = await savePolicy(undefined, { year: "2026", provinceId: "52", leadResponseWorkingDays: "1000000000" });
    expect(!b.ok && b.fieldErrors?.leadResponseWorkingDays?.[0]).toMatch(/1 到 60/);
    expect(await t.prisma.policyRow.count()).toBe(before);
    expect((await savePolicy(undefined, { year: "2026", provinceId: "52", leadResponseWorkingDays: "7" })).ok).toBe(true);
  });

  it("the settings of this policy have bounds, and the bounds name only settings", () => {
    for (const k of [
      "povertyLine",
      "quorumNumerator",
      "quorumDenominator",
      "noticeDays",
      "leadResponseWorkingDays",
      "sampleShare",
      "schoolAgeMax",
    ])
      expect(POLICY_BOUNDS[k], k).toBeDefined();
    expect(Object.keys(POLICY_BOUNDS).filter((k) => !(POLICY_KEYS as readonly string[]).includes(k))).toEqual([]);
  });
});
