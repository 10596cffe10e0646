import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  itemPasses,
  quorumFrom,
  quorumMet,
  quorumMinimum,
  tallyFromRollCall,
  validateSecretBallot,
  yesNeeded,
  type RollCallVote,
} from "@/lib/domain/meeting";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { resolvePolicy } from "@/lib/domain/policy";

const TWO_THIRDS = quorumFrom(resolvePolicy(DEFAULT_POLICY_ROWS, 2020).values);

describe("quorumMet: at least two thirds of the roster", () => {
  it("policy default is 2/3", () => {
    expect(TWO_THIRDS).toEqual({ numerator: 2, denominator: 3 });
  });

  it.each([
    [3, 2, 1],
    [10, 7, 6],
    [31, 21, 20],
  ])("roster %i: %i sits, %i does not", (roster, min, below) => {
    expect(quorumMet(min, roster, TWO_THIRDS)).toBe(true);
    expect(quorumMet(below, roster, TWO_THIRDS)).toBe(false);
    expect(quorumMet(roster, roster, TWO_THIRDS)).toBe(true);
    expect(quorumMinimum(roster, TWO_THIRDS)).toBe(min);
  });

  it("a multiple of 3: exactly two thirds sits (6 of 9), 5 does not", () => {
    expect(quorumMet(6, 9, TWO_THIRDS)).toBe(true);
    expect(quorumMet(5, 9, TWO_THIRDS)).toBe(false);
  });

  it("an empty roster never sits", () => {
    expect(quorumMet(0, 0, TWO_THIRDS)).toBe(false);
    expect(quorumMinimum(0, TWO_THIRDS)).toBeNull();
  });

  it("other fractions from policy (3/4 of 8 = 6)", () => {
    expect(quorumMet(6, 8, { numerator: 3, denominator: 4 })).toBe(true);
    expect(quorumMet(5, 8, { numerator: 3, denominator: 4 })).toBe(false);
  });

  it("rejects impossible inputs", () => {
    expect(() => quorumMet(11, 10, TWO_THIRDS)).toThrow(RangeError);
    expect(() => quorumMet(-1, 10, TWO_THIRDS)).toThrow(RangeError);
    expect(() => quorumMet(6.5, 10, TWO_THIRDS)).toThrow(RangeError);
    expect(() => quorumMet(6, 10, { numerator: 2, denominator: 0 })).toThrow(RangeError);
    expect(() => quorumMet(6, 10, { numerator: 4, denominator: 3 })).toThrow(RangeError);
  });

  it("property: quorumMinimum is the least attendance that sits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (roster) => {
        const min = quorumMinimum(roster, TWO_THIRDS)!;
        expect(quorumMet(min, roster, TWO_THIRDS)).toBe(true);
        expect(quorumMet(min - 1, roster, TWO_THIRDS)).toBe(false);
        expect(3 * min).toBeGreaterThanOrEqual(2 * roster);
        expect(3 * (min - 1)).toBeLessThan(2 * roster);
      }),
    );
  });
});

describe("itemPasses: more than half of those attending", () => {
  it.each([
    [4, 7, true],
    [3, 7, false],
    [5, 10, false], // exactly half fails
    [6, 10, true],
    [11, 21, true],
    [10, 21, false],
    [1, 1, true],
    [0, 1, false],
    [1, 2, false],
    [0, 0, false],
  ])("%i yes of %i attending -> %s", (yes, attending, want) => {
    expect(itemPasses(yes, attending)).toBe(want);
  });

  it("yesNeeded is the least passing count", () => {
    expect(yesNeeded(10)).toBe(6);
    expect(yesNeeded(21)).toBe(11);
    for (let a = 1; a <= 50; a++) {
      expect(itemPasses(yesNeeded(a), a)).toBe(true);
      expect(itemPasses(yesNeeded(a) - 1, a)).toBe(false);
    }
  });

  it("rejects more yes votes than attendees", () => {
    expect(() => itemPasses(8, 7)).toThrow(RangeError);
  });
});

describe("tallyFromRollCall", () => {
  const attending = ["r1", "r2", "r3", "r4", "r5", "r6", "r7"];
  const v = (id: string, choice: RollCallVote["choice"]): RollCallVote => ({ representativeId: id, choice });

  it("counts yes / no / abstain and who did not vote; the base is attendance", () => {
    const t = tallyFromRollCall([v("r1", "yes"), v("r2", "yes"), v("r3", "yes"), v("r4", "no"), v("r5", "abstain")], attending);
    expect(t).toEqual({ ok: true, yes: 3, no: 1, abstain: 1, notVoted: 2, attending: 7, passed: false });
  });

  it("passes with 4 of 7", () => {
    const t = tallyFromRollCall([v("r1", "yes"), v("r2", "yes"), v("r3", "yes"), v("r4", "yes")], attending);
    expect(t.ok && t.passed).toBe(true);
  });

  it("refuses a vote by a representative not recorded as attending", () => {
    const t = tallyFromRollCall([v("r1", "yes"), v("r9", "yes")], attending);
    expect(t.ok).toBe(false);
    if (!t.ok) {
      expect(t.code).toBe("vote_by_absent");
      expect(t.message).toContain("r9");
      expect(t.messageEn).toContain("r9");
    }
  });

  it("refuses a second vote by the same representative, even with the same choice", () => {
    for (const second of ["no", "yes"] as const) {
      const t = tallyFromRollCall([v("r1", "yes"), v("r2", "no"), v("r1", second)], attending);
      expect(t.ok).toBe(false);
      if (!t.ok) {
        expect(t.code).toBe("duplicate_vote");
        expect(t.message).toContain("r1");
        expect(t.message).toContain("赞成");
      }
    }
  });

  it("refuses an attendance list with a duplicate", () => {
    const t = tallyFromRollCall([], ["r1", "r1"]);
    expect(!t.ok && t.code).toBe("duplicate_attendance");
  });

  it("no votes at all: nothing passes", () => {
    expect(tallyFromRollCall([], attending)).toEqual({
      ok: true,
      yes: 0,
      no: 0,
      abstain: 0,
      notVoted: 7,
      attending: 7,
      passed: false,
    });
  });
});

describe("validateSecretBallot", () => {
  it("accepts counts adding up to attendance", () => {
    expect(validateSecretBallot({ yes: 11, no: 8, abstain: 2 }, 21)).toEqual({
      ok: true,
      yes: 11,
      no: 8,
      abstain: 2,
      notVoted: 0,
      attending: 21,
      passed: true,
    });
    expect(validateSecretBallot({ yes: 10, no: 10, abstain: 0 }, 20)).toMatchObject({ ok: true, passed: false });
  });

  it.each([
    ["yes", { yes: -1, no: 5, abstain: 3 }],
    ["no", { yes: 5, no: 1.5, abstain: 3 }],
    ["abstain", { yes: 5, no: 1, abstain: Number.NaN }],
  ] as const)("names the bad count: %s", (field, counts) => {
    const r = validateSecretBallot(counts, 7);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("invalid_count");
      expect(r.fields).toEqual([field]);
      expect(r.message).toContain({ yes: "赞成", no: "反对", abstain: "弃权" }[field]);
      expect(r.messageEn).toContain(field);
    }
  });

  it("refuses counts that do not add up to attendance, in both directions", () => {
    for (const counts of [
      { yes: 4, no: 2, abstain: 0 },
      { yes: 4, no: 2, abstain: 2 },
    ]) {
      const r = validateSecretBallot(counts, 7);
      expect(!r.ok && r.code).toBe("sum_mismatch");
      if (!r.ok) {
        expect(r.message).toContain("出席人数 7");
        expect(r.messageEn).toContain("7 attended");
      }
    }
  });

  it("refuses a bad attendance", () => {
    expect(validateSecretBallot({ yes: 0, no: 0, abstain: 0 }, -1)).toMatchObject({ ok: false, code: "invalid_attendance" });
  });
});
