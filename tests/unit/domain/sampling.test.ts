import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RegisteredStatus } from "@/lib/domain/household";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { resolvePolicy } from "@/lib/domain/policy";
import {
  createPrng,
  defaultPlan,
  drawSample,
  listHash,
  ordinaryTake,
  pickWithoutReplacement,
  verifyDraw,
  type Sample,
  type SampleHousehold,
  type SamplePlan,
} from "@/lib/domain/sampling";

// ------------------------------------------------------------ an independent reference
// Written from the algorithm description in sampling.ts only (BigInt arithmetic,
// node:crypto), so that the description and the code are checked against each other.
const M32 = 0xffffffffn;
function refPrng(seed: string) {
  const d = createHash("sha256").update(Buffer.from(seed, "utf8")).digest();
  let s = [0, 4, 8, 12].map((i) => BigInt(d.readUInt32BE(i)));
  if (s.every((x) => x === 0n)) s = [1n, 0n, 0n, 0n];
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M32;
  const next = (): bigint => {
    const [s0, s1, s2, s3] = s as [bigint, bigint, bigint, bigint];
    const result = (rotl((s1 * 5n) & M32, 7n) * 9n) & M32;
    const t = (s1 << 9n) & M32;
    let n2 = s2 ^ s0;
    let n3 = s3 ^ s1;
    const n1 = s1 ^ n2;
    const n0 = s0 ^ n3;
    n2 ^= t;
    n3 = rotl(n3, 11n);
    s = [n0, n1, n2, n3];
    return result;
  };
  const uniform = (n: number): number => {
    const N = BigInt(n);
    const limit = (1n << 32n) - ((1n << 32n) % N);
    for (;;) {
      const r = next();
      if (r < limit) return Number(r % N);
    }
  };
  return { next, uniform };
}
function refDraw(seed: string, households: SampleHousehold[], plan: SamplePlan) {
  const list = [...households].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const text = list.map((h) => `${h.id}|${h.villageId}|${h.exitedThisYear}|${h.registeredStatus}`).join("\n");
  const hash = createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");
  const prng = refPrng(seed);
  const pick = <T>(items: T[], k: number): T[] => {
    const a = [...items];
    for (let i = 0; i < k; i++) {
      const j = i + prng.uniform(a.length - i);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a.slice(0, k);
  };
  const villages = pick([...new Set(list.map((h) => h.villageId))].sort(), plan.villages).sort();
  const out: string[] = [];
  for (const v of villages) {
    const ordinary = list.filter((h) => h.villageId === v && !h.exitedThisYear).map((h) => h.id);
    const take = Math.min(plan.capPerVillage, Math.round(Number((plan.share * ordinary.length).toPrecision(12))));
    out.push(...pick(ordinary, take));
    if (plan.includeAllExited) out.push(...list.filter((h) => h.villageId === v && h.exitedThisYear).map((h) => h.id));
  }
  return { villages, households: out.sort(), listHash: hash };
}

// ------------------------------------------------------------ fixtures

/** A county-sized list: `villages` villages of 40..260 households, about 1 in 12 exited this year. */
function county(villages: number, salt = 1): SampleHousehold[] {
  const out: SampleHousehold[] = [];
  for (let v = 0; v < villages; v++) {
    const villageId = `520603${String(201 + (v % 11)).padStart(3, "0")}${String(200 + v).padStart(3, "0")}`;
    const size = 40 + ((v * 97 + salt * 31) % 221);
    for (let i = 0; i < size; i++) {
      const exited = (i * 7 + v) % 12 === 0;
      const status: RegisteredStatus = exited ? "lifted" : i % 9 === 0 ? "registered_poor" : "not_registered";
      out.push({ id: `${villageId}-${String(i).padStart(4, "0")}`, villageId, exitedThisYear: exited, registeredStatus: status });
    }
  }
  return out;
}

function mustDraw(seed: string, households: SampleHousehold[], plan: SamplePlan): Sample {
  const r = drawSample(seed, households, plan);
  if (!r.ok) throw new Error(r.messageEn);
  return r;
}

const policy = resolvePolicy(DEFAULT_POLICY_ROWS, 2019).values;
const PLAN: SamplePlan = defaultPlan(policy, 5);
const WANSHAN = county(30);

// ------------------------------------------------------------ PRNG

describe("createPrng (xoshiro128** seeded from SHA-256 of the seed)", () => {
  it("matches the BigInt reference for many outputs and seeds", () => {
    for (const seed of ["jingzhun", "丹阳村 2019", "x", "2019-wanshan-eval-1"]) {
      const a = createPrng(seed);
      const b = refPrng(seed);
      for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(Number(b.next()));
    }
  });

  it("is deterministic per seed and differs between seeds", () => {
    const a = createPrng("seed-a");
    const a2 = createPrng("seed-a");
    const b = createPrng("seed-b");
    const xs = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => a2.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => b.nextUint32())).not.toEqual(xs);
  });

  it("uniform(n) stays in range and is roughly flat", () => {
    const p = createPrng("flat");
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) {
      const x = p.uniform(6);
      counts[x] = (counts[x] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(p.uniform(1)).toBe(0);
    const big = p.uniform(2 ** 32);
    expect(big).toBeGreaterThanOrEqual(0);
    expect(big).toBeLessThan(2 ** 32);
    expect(() => p.uniform(0)).toThrow(RangeError);
    expect(() => p.uniform(2 ** 32 + 1)).toThrow(RangeError);
  });

  it("pickWithoutReplacement picks distinct items, each position about equally often", () => {
    const p = createPrng("pick");
    const seen = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const got = pickWithoutReplacement(["a", "b", "c", "d", "e"], 2, p);
      expect(new Set(got).size).toBe(2);
      for (const g of got) seen.set(g, (seen.get(g) ?? 0) + 1);
    }
    for (const k of ["a", "b", "c", "d", "e"]) expect(Math.abs((seen.get(k) ?? 0) - 8000)).toBeLessThan(400);
    expect(() => pickWithoutReplacement([1, 2], 3, p)).toThrow(RangeError);
  });
});

// ------------------------------------------------------------ list hash

describe("listHash", () => {
  const small: SampleHousehold[] = [
    { id: "h2", villageId: "v1", exitedThisYear: true, registeredStatus: "lifted" },
    { id: "h1", villageId: "v1", exitedThisYear: false, registeredStatus: "registered_poor" },
  ];
  it("is SHA-256 of the sorted 'id|villageId|exited|status' lines joined by \\n", () => {
    const text = "h1|v1|false|registered_poor\nh2|v1|true|lifted";
    expect(listHash(small)).toBe(createHash("sha256").update(text).digest("hex"));
  });
  it("ignores input order but sees any change", () => {
    expect(listHash([...small].reverse())).toBe(listHash(small));
    const changed = small.map((h) => (h.id === "h1" ? { ...h, registeredStatus: "lifted" as const } : h));
    expect(listHash(changed)).not.toBe(listHash(small));
    expect(listHash(small.slice(1))).not.toBe(listHash(small));
  });
  it("refuses duplicates and separator characters", () => {
    expect(() => listHash([...small, small[0]!])).toThrow(/twice/);
    expect(() => listHash([{ ...small[0]!, id: "h|3" }])).toThrow(RangeError);
    expect(() => listHash([{ ...small[0]!, villageId: "" }])).toThrow(RangeError);
  });
});

// ------------------------------------------------------------ the draw

describe("drawSample", () => {
  it("a frozen draw: the algorithm must never change silently (re-draws of recorded seeds depend on it)", () => {
    const hh: SampleHousehold[] = [];
    for (let v = 1; v <= 5; v++) {
      for (let i = 1; i <= 12; i++) {
        hh.push({
          id: `52060320120${v}-${String(i).padStart(3, "0")}`,
          villageId: `52060320120${v}`,
          exitedThisYear: i % 6 === 0,
          registeredStatus: i % 6 === 0 ? "lifted" : i % 4 === 0 ? "registered_poor" : "not_registered",
        });
      }
    }
    const s = mustDraw("2019-wanshan-eval-1", hh, { villages: 2, share: 0.25, capPerVillage: 2, includeAllExited: true });
    expect(s).toEqual({
      ok: true,
      algorithm: "jingzhun-sample-v1",
      seed: "2019-wanshan-eval-1",
      listHash: "9d8565829c9d8c90b92af665b2530a404cfdb511edfceb8c47cc7426ac24f33b",
      plan: { villages: 2, share: 0.25, capPerVillage: 2, includeAllExited: true },
      villages: ["520603201203", "520603201205"],
      households: [
        "520603201203-006",
        "520603201203-007",
        "520603201203-009",
        "520603201203-012",
        "520603201205-005",
        "520603201205-006",
        "520603201205-007",
        "520603201205-012",
      ],
      perVillage: [
        { villageId: "520603201203", ordinary: 10, ordinaryDrawn: 2, exited: 2, exitedDrawn: 2 },
        { villageId: "520603201205", ordinary: 10, ordinaryDrawn: 2, exited: 2, exitedDrawn: 2 },
      ],
    });
  });

  it("agrees with the independent reference on arbitrary lists and plans", () => {
    const household = fc.record({
      id: fc.stringMatching(/^[a-z0-9-]{1,6}$/),
      villageId: fc.constantFrom("v1", "v2", "v3", "v4", "v5", "v6"),
      exitedThisYear: fc.boolean(),
      registeredStatus: fc.constantFrom<RegisteredStatus>("not_registered", "registered_poor", "lifted"),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(household, { selector: (h) => h.id, minLength: 1, maxLength: 120 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (hh, seed, villages, share, cap, includeAllExited) => {
          const plan = { villages, share, capPerVillage: cap, includeAllExited };
          const ours = drawSample(seed, hh, plan);
          const nVillages = new Set(hh.map((h) => h.villageId)).size;
          if (villages > nVillages) {
            expect(!ours.ok && ours.code).toBe("too_many_villages");
            return;
          }
          expect(ours.ok).toBe(true);
          if (ours.ok) {
            const ref = refDraw(seed, hh, plan);
            expect({ villages: ours.villages, households: ours.households, listHash: ours.listHash }).toEqual(ref);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is deterministic for a seed and list, whatever the input order", () => {
    const a = mustDraw("wanshan-2019-A", WANSHAN, PLAN);
    expect(mustDraw("wanshan-2019-A", WANSHAN, PLAN)).toEqual(a);
    fc.assert(
      fc.property(fc.shuffledSubarray(WANSHAN, { minLength: WANSHAN.length, maxLength: WANSHAN.length }), (shuffled) => {
        expect(mustDraw("wanshan-2019-A", shuffled, PLAN)).toEqual(a);
      }),
      { numRuns: 25 },
    );
    expect(mustDraw("wanshan-2019-A", [...WANSHAN].reverse(), PLAN)).toEqual(a);
  });

  it("a different seed gives a different sample of a realistic list", () => {
    const seeds = ["wanshan-2019-A", "wanshan-2019-B", "wanshan-2019-C", "2019年万山区第三方评估"];
    const draws = seeds.map((s) => mustDraw(s, WANSHAN, PLAN).households.join(","));
    expect(new Set(draws).size).toBe(seeds.length);
  });

  it("follows the plan: village count, share, cap, and all exited households", () => {
    const s = mustDraw("plan-check", WANSHAN, PLAN);
    expect(s.villages).toHaveLength(5);
    expect(s.households).toEqual([...s.households].sort());
    for (const v of s.perVillage) {
      const ordinary = WANSHAN.filter((h) => h.villageId === v.villageId && !h.exitedThisYear);
      const exited = WANSHAN.filter((h) => h.villageId === v.villageId && h.exitedThisYear);
      expect(v.ordinary).toBe(ordinary.length);
      expect(v.ordinaryDrawn).toBe(Math.min(200, Math.round(0.2 * ordinary.length)));
      expect(v.exitedDrawn).toBe(exited.length);
      for (const h of exited) expect(s.households).toContain(h.id);
    }
  });

  it("property: cap and share respected, sampled households belong to picked villages, no duplicates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        fc.string({ minLength: 1, maxLength: 12 }),
        (nVillages, wanted, share, cap, includeAllExited, seed) => {
          const hh = county(nVillages, nVillages);
          const plan = { villages: Math.min(wanted, nVillages), share, capPerVillage: cap, includeAllExited };
          const s = mustDraw(seed, hh, plan);
          expect(s.villages).toHaveLength(plan.villages);
          expect(new Set(s.households).size).toBe(s.households.length);
          const byId = new Map(hh.map((h) => [h.id, h]));
          for (const v of s.perVillage) {
            expect(v.ordinaryDrawn).toBeLessThanOrEqual(cap);
            expect(v.ordinaryDrawn).toBeLessThanOrEqual(v.ordinary);
            // round(share × n): within half a household of the exact share, unless capped
            if (v.ordinaryDrawn < cap) expect(Math.abs(v.ordinaryDrawn - share * v.ordinary)).toBeLessThanOrEqual(0.5 + 1e-9);
            const ordinaryInSample = s.households.filter((id) => {
              const h = byId.get(id)!;
              return h.villageId === v.villageId && !h.exitedThisYear;
            });
            expect(ordinaryInSample).toHaveLength(v.ordinaryDrawn);
            expect(v.exitedDrawn).toBe(includeAllExited ? v.exited : 0);
          }
          for (const id of s.households) {
            const h = byId.get(id)!;
            expect(s.villages).toContain(h.villageId);
            if (!includeAllExited) expect(h.exitedThisYear).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("share 1 takes every ordinary household up to the cap", () => {
    const s = mustDraw("all", WANSHAN, { villages: 30, share: 1, capPerVillage: 1_000, includeAllExited: true });
    expect(s.households).toHaveLength(WANSHAN.length);
    const capped = mustDraw("all", WANSHAN, { villages: 30, share: 1, capPerVillage: 10, includeAllExited: false });
    expect(capped.households).toHaveLength(300);
  });

  it("ordinaryTake rounds half up without binary noise", () => {
    expect(ordinaryTake(0.15, 10, 200)).toBe(2); // 1.4999999999999998 in floating point
    expect(ordinaryTake(0.2, 2, 200)).toBe(0); // a small village may contribute none
    expect(ordinaryTake(0.25, 10, 200)).toBe(3); // 2.5 -> 3
    expect(ordinaryTake(0.2, 1500, 200)).toBe(200); // capped
  });

  describe("plan and list errors", () => {
    const hh = county(4);
    it.each([
      [{ ...PLAN, villages: 5 }, "too_many_villages", "5", "4"],
      [{ ...PLAN, villages: 0 }, "invalid_village_count", "0", ""],
      [{ ...PLAN, villages: 2.5 }, "invalid_village_count", "2.5", ""],
      [{ ...PLAN, share: 0 }, "invalid_share", "0", ""],
      [{ ...PLAN, share: -0.2 }, "invalid_share", "-0.2", ""],
      [{ ...PLAN, share: 1.01 }, "invalid_share", "1.01", ""],
      [{ ...PLAN, share: Number.NaN }, "invalid_share", "NaN", ""],
      [{ ...PLAN, capPerVillage: 0 }, "invalid_cap", "0", ""],
      [{ ...PLAN, capPerVillage: 1.5 }, "invalid_cap", "1.5", ""],
    ] as const)("%j -> %s", (plan, code, a, b) => {
      const r = drawSample("s", hh, plan);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe(code);
        expect(r.message).toContain(a);
        expect(r.messageEn).toContain(a);
        expect(r.message).toContain(b);
      }
    });
    it("share exactly 1 and cap exactly 1 are allowed", () => {
      expect(drawSample("s", hh, { ...PLAN, villages: 4, share: 1, capPerVillage: 1 }).ok).toBe(true);
    });
    it("an empty list has no villages to draw", () => {
      expect(drawSample("s", [], { ...PLAN, villages: 1 })).toMatchObject({ ok: false, code: "too_many_villages" });
    });
    it("an empty seed, a duplicate id, a bad field", () => {
      expect(drawSample("", hh, PLAN)).toMatchObject({ ok: false, code: "invalid_seed" });
      expect(drawSample("s", [...hh, hh[0]!], { ...PLAN, villages: 4 })).toMatchObject({ ok: false, code: "duplicate_household" });
      expect(drawSample("s", [{ ...hh[0]!, id: "a\nb" }], { ...PLAN, villages: 1 })).toMatchObject({
        ok: false,
        code: "invalid_household",
      });
    });
  });
});

// ------------------------------------------------------------ verification

describe("verifyDraw", () => {
  const seed = "2019年万山区第三方评估";
  const sample = mustDraw(seed, WANSHAN, PLAN);

  it("confirms a recorded draw (order of the claimed ids does not matter)", () => {
    const r = verifyDraw(seed, [...WANSHAN].reverse(), PLAN, {
      villages: [...sample.villages].reverse(),
      households: [...sample.households].reverse(),
      listHash: sample.listHash.toUpperCase(),
    });
    expect(r.ok).toBe(true);
  });

  it("reports a household swapped by hand", () => {
    const outsider = WANSHAN.find((h) => !sample.households.includes(h.id))!.id;
    const claimed = [...sample.households.slice(1), outsider];
    const r = verifyDraw(seed, WANSHAN, PLAN, { villages: sample.villages, households: claimed });
    expect(r.ok).toBe(false);
    if (!r.ok && r.code === "mismatch") {
      expect(r.differences.householdsMissing).toEqual([sample.households[0]]);
      expect(r.differences.householdsUnexpected).toEqual([outsider]);
      expect(r.differences.villagesMissing).toEqual([]);
      expect(r.differences.listHash).toBeNull();
      expect(r.message).toContain("缺少 1 户，多出 1 户");
    } else {
      throw new Error("expected a mismatch");
    }
  });

  it("reports a changed list through its hash, and a different seed through the ids", () => {
    const edited = WANSHAN.map((h, i) => (i === 0 ? { ...h, exitedThisYear: !h.exitedThisYear } : h));
    const r = verifyDraw(seed, edited, PLAN, sample);
    expect(r.ok).toBe(false);
    if (!r.ok && r.code === "mismatch") {
      expect(r.differences.listHash).toEqual({ expected: listHash(edited), claimed: sample.listHash });
      expect(r.messageEn).toContain("list hash differs");
    }
    const other = verifyDraw("another seed", WANSHAN, PLAN, sample);
    expect(other.ok).toBe(false);
    if (!other.ok && other.code === "mismatch") {
      expect(other.differences.householdsMissing.length + other.differences.householdsUnexpected.length).toBeGreaterThan(0);
    }
  });

  it("passes plan errors through", () => {
    expect(verifyDraw(seed, WANSHAN, { ...PLAN, share: 2 }, sample)).toMatchObject({ ok: false, code: "invalid_share" });
  });
});
