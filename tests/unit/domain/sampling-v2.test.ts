// The stratified draw "jingzhun-sample-v2" (docs/decisions/0017): villages from the designated
// poor villages and the others; in each, about 20% of households (at most 200), half from the
// register (every exit of the year included) and half from outside it. Every boundary here.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RegisteredStatus } from "@/lib/domain/household";
import { drawSample as drawV1, SAMPLE_ALGORITHM } from "@/lib/domain/sampling";
import {
  SAMPLE_ALGORITHM_V2,
  drawSampleV2,
  householdTarget,
  listHashV2,
  splitHalves,
  villageSplit,
  verifyDrawV2,
  type SampleHouseholdV2,
  type SampleV2,
} from "@/lib/domain/sampling-v2";
import { CURRENT_SAMPLE_ALGORITHM, drawWith, listHashWith, verifyWith } from "@/lib/domain/sampling-versions";

const PLAN = { villages: 5, share: 0.2, capPerVillage: 200 };

interface VillageSpec {
  id: string;
  designated: boolean;
  /** registered (poor or lifted), not exited this year */
  register: number;
  /** exited this year (lifted) */
  exited: number;
  /** not registered */
  outside: number;
}

function village(spec: VillageSpec): SampleHouseholdV2[] {
  const out: SampleHouseholdV2[] = [];
  let n = 0;
  const add = (exitedThisYear: boolean, registeredStatus: RegisteredStatus) =>
    out.push({
      id: `${spec.id}-${String(n++).padStart(4, "0")}`,
      villageId: spec.id,
      villageDesignated: spec.designated,
      exitedThisYear,
      registeredStatus,
    });
  for (let i = 0; i < spec.register; i++) add(false, i % 3 === 0 ? "registered_poor" : "lifted");
  for (let i = 0; i < spec.exited; i++) add(true, "lifted");
  for (let i = 0; i < spec.outside; i++) add(false, "not_registered");
  return out;
}

const vid = (i: number) => `520603201${String(200 + i).padStart(3, "0")}`;

/** 4 designated villages and 8 others, of varied sizes. */
function county(): SampleHouseholdV2[] {
  const out: SampleHouseholdV2[] = [];
  for (let i = 0; i < 12; i++) {
    const designated = i % 3 === 0;
    out.push(
      ...village({
        id: vid(i),
        designated,
        register: designated ? 40 + i * 3 : 5 + i,
        exited: designated ? 6 : 1,
        outside: 120 + i * 17,
      }),
    );
  }
  return out;
}

function must(seed: string, hh: SampleHouseholdV2[], plan = PLAN): SampleV2 {
  const r = drawSampleV2(seed, hh, plan);
  if (!r.ok) throw new Error(r.messageEn);
  return r;
}

const byId = (hh: SampleHouseholdV2[]) => new Map(hh.map((h) => [h.id, h]));

describe("householdTarget: about 20% of a village's households, at most 200", () => {
  it("rounds half up at the 20% boundary", () => {
    expect(householdTarget(0.2, 10, 200)).toBe(2);
    expect(householdTarget(0.2, 12, 200)).toBe(2); // 2.4
    expect(householdTarget(0.2, 13, 200)).toBe(3); // 2.6
    expect(householdTarget(0.2, 2, 200)).toBe(0); // 0.4
    expect(householdTarget(0.2, 3, 200)).toBe(1); // 0.6
    expect(householdTarget(0.15, 10, 200)).toBe(2); // 1.5 without binary noise
  });
  it("caps at 200: 1,000 households give 200, 1,005 still 200, 995 give 199", () => {
    expect(householdTarget(0.2, 995, 200)).toBe(199);
    expect(householdTarget(0.2, 1000, 200)).toBe(200);
    expect(householdTarget(0.2, 1005, 200)).toBe(200);
    expect(householdTarget(0.2, 5000, 200)).toBe(200);
  });
});

describe("splitHalves: half from the register, half from outside", () => {
  it("an even target splits evenly; an odd one gives the extra household to the register", () => {
    expect(splitHalves(10)).toEqual({ register: 5, outside: 5 });
    expect(splitHalves(11)).toEqual({ register: 6, outside: 5 });
    expect(splitHalves(1)).toEqual({ register: 1, outside: 0 });
    expect(splitHalves(0)).toEqual({ register: 0, outside: 0 });
  });
});

describe("villageSplit: designated poor villages and the others", () => {
  it("half each; an odd count gives the extra village to the designated stratum", () => {
    expect(villageSplit(4, 10, 10)).toEqual({ designated: 2, other: 2 });
    expect(villageSplit(5, 10, 10)).toEqual({ designated: 3, other: 2 });
    expect(villageSplit(6, 10, 10)).toEqual({ designated: 3, other: 3 });
  });
  it("a stratum with too few villages hands its share to the other", () => {
    expect(villageSplit(5, 1, 10)).toEqual({ designated: 1, other: 4 });
    expect(villageSplit(5, 10, 1)).toEqual({ designated: 4, other: 1 });
  });
  it("an empty stratum: every village from the other", () => {
    expect(villageSplit(5, 0, 10)).toEqual({ designated: 0, other: 5 });
    expect(villageSplit(5, 10, 0)).toEqual({ designated: 5, other: 0 });
  });
  it("fewer villages than requested: all of them", () => {
    expect(villageSplit(6, 2, 3)).toEqual({ designated: 2, other: 3 });
    expect(villageSplit(6, 0, 0)).toEqual({ designated: 0, other: 0 });
  });
});

describe("drawSampleV2", () => {
  const hh = county();
  const seed = "2020年万山区第三方评估";

  it("records its algorithm, the seed and the v2 list hash", () => {
    const s = must(seed, hh);
    expect(s.algorithm).toBe("jingzhun-sample-v2");
    expect(SAMPLE_ALGORITHM_V2).toBe("jingzhun-sample-v2");
    expect(s.seed).toBe(seed);
    expect(s.listHash).toBe(listHashV2(hh));
  });

  it("draws the villages stratified: 3 designated and 2 others of 5", () => {
    const s = must(seed, hh);
    const designated = new Set(hh.filter((h) => h.villageDesignated).map((h) => h.villageId));
    expect(s.villages).toHaveLength(5);
    expect(s.villages.filter((v) => designated.has(v))).toHaveLength(3);
    expect(s.strata.designated.villages).toEqual(s.villages.filter((v) => designated.has(v)));
    expect(s.strata.other.villages).toEqual(s.villages.filter((v) => !designated.has(v)));
    expect(s.strata.designated.available).toBe(4);
    expect(s.strata.other.available).toBe(8);
    expect(s.villagesShort).toBe(false);
  });

  it("in each village: about 20% (register half, outside half), every exit included", () => {
    const s = must(seed, hh);
    const index = byId(hh);
    for (const pv of s.perVillage) {
      const members = hh.filter((h) => h.villageId === pv.villageId);
      const drawn = s.households.filter((id) => index.get(id)!.villageId === pv.villageId).map((id) => index.get(id)!);
      const target = householdTarget(0.2, members.length, 200);
      expect(pv.households).toBe(members.length);
      expect(pv.target).toBe(target);
      const exits = members.filter((h) => h.exitedThisYear);
      expect(drawn.filter((h) => h.exitedThisYear)).toHaveLength(exits.length);
      expect(pv.exitedDrawn).toBe(exits.length);
      const reg = drawn.filter((h) => !h.exitedThisYear && h.registeredStatus !== "not_registered").length;
      const out = drawn.filter((h) => h.registeredStatus === "not_registered").length;
      expect(pv.registerDrawn).toBe(reg);
      expect(pv.outsideDrawn).toBe(out);
      const halves = splitHalves(target);
      const registerAvailable = members.filter((h) => !h.exitedThisYear && h.registeredStatus !== "not_registered").length;
      const need = Math.max(0, halves.register - exits.length);
      if (registerAvailable >= need) {
        expect(reg + exits.length).toBe(Math.max(halves.register, exits.length));
        expect(out).toBe(halves.outside);
      } else {
        // a register short of households: all of it, and outside makes up the rest
        expect(reg).toBe(registerAvailable);
        expect(out).toBe(halves.outside + need - registerAvailable);
      }
    }
  });

  it("200 cap: a village of 1,500 households gives 100 from the register and 100 from outside", () => {
    const big = village({ id: vid(1), designated: true, register: 400, exited: 0, outside: 1100 });
    const s = must("cap", big, { ...PLAN, villages: 1 });
    expect(s.perVillage[0]).toMatchObject({ households: 1500, target: 200, registerDrawn: 100, outsideDrawn: 100, exitedDrawn: 0 });
    expect(s.households).toHaveLength(200);
  });

  it("odd target: 11 of 55 households are 6 from the register and 5 from outside", () => {
    const v = village({ id: vid(1), designated: true, register: 20, exited: 0, outside: 35 });
    const s = must("odd", v, { ...PLAN, villages: 1 });
    expect(s.perVillage[0]).toMatchObject({ target: 11, registerDrawn: 6, outsideDrawn: 5 });
  });

  it("exits count toward the register half: 2 exits and 4 more of 6", () => {
    const v = village({ id: vid(1), designated: true, register: 20, exited: 2, outside: 38 });
    const s = must("exits", v, { ...PLAN, villages: 1 });
    expect(s.perVillage[0]).toMatchObject({ target: 12, exitedDrawn: 2, registerDrawn: 4, outsideDrawn: 6 });
  });

  it("every exit of the year included even when they exceed the half (and the outside half is kept)", () => {
    const v = village({ id: vid(1), designated: true, register: 10, exited: 15, outside: 25 });
    const s = must("many exits", v, { ...PLAN, villages: 1 });
    // 50 households: target 10, halves 5/5; 15 exits all in, no other register household, 5 outside
    expect(s.perVillage[0]).toMatchObject({ target: 10, exited: 15, exitedDrawn: 15, registerDrawn: 0, outsideDrawn: 5 });
    expect(s.households).toHaveLength(20);
  });

  it("exits are included beyond the 200 cap too", () => {
    const v = village({ id: vid(1), designated: true, register: 100, exited: 250, outside: 1150 });
    const s = must("exits over cap", v, { ...PLAN, villages: 1 });
    expect(s.perVillage[0]).toMatchObject({ target: 200, exitedDrawn: 250, registerDrawn: 0, outsideDrawn: 100 });
  });

  it("an empty stratum in a village: the other fills the target (a village with nobody on the register)", () => {
    const v = village({ id: vid(1), designated: false, register: 0, exited: 0, outside: 60 });
    const s = must("no register", v, { ...PLAN, villages: 1 });
    expect(s.perVillage[0]).toMatchObject({ target: 12, registerDrawn: 0, outsideDrawn: 12 });
    const w = village({ id: vid(2), designated: true, register: 60, exited: 0, outside: 0 });
    const t = must("no outside", w, { ...PLAN, villages: 1 });
    expect(t.perVillage[0]).toMatchObject({ target: 12, registerDrawn: 12, outsideDrawn: 0 });
  });

  it("a short stratum gives what it has and the other makes up the rest", () => {
    const v = village({ id: vid(1), designated: false, register: 2, exited: 0, outside: 48 });
    const s = must("short", v, { ...PLAN, villages: 1 });
    expect(s.perVillage[0]).toMatchObject({ target: 10, registerDrawn: 2, outsideDrawn: 8 });
  });

  it("no designated poor village in the county: all villages from the others", () => {
    const plain = hh.map((h) => ({ ...h, villageDesignated: false }));
    const s = must(seed, plain);
    expect(s.strata.designated.villages).toEqual([]);
    expect(s.strata.other.villages).toHaveLength(5);
  });

  it("fewer villages than requested: every village, marked short", () => {
    const two = [
      ...village({ id: vid(1), designated: true, register: 5, exited: 1, outside: 20 }),
      ...village({ id: vid(2), designated: false, register: 1, exited: 0, outside: 30 }),
    ];
    const s = must("two villages", two, { ...PLAN, villages: 6 });
    expect(s.villages).toEqual([vid(1), vid(2)]);
    expect(s.villagesShort).toBe(true);
  });

  it("an empty list cannot be drawn", () => {
    expect(drawSampleV2("s", [], PLAN)).toMatchObject({ ok: false, code: "no_villages" });
  });

  it("refuses a village that is designated on one row and not on another", () => {
    const v = village({ id: vid(1), designated: true, register: 3, exited: 0, outside: 3 });
    v[0] = { ...v[0]!, villageDesignated: false };
    expect(drawSampleV2("s", v, PLAN)).toMatchObject({ ok: false, code: "inconsistent_village" });
  });

  it("refuses bad plans and seeds as v1 does", () => {
    expect(drawSampleV2("", hh, PLAN)).toMatchObject({ ok: false, code: "invalid_seed" });
    expect(drawSampleV2("s", hh, { ...PLAN, share: 0 })).toMatchObject({ ok: false, code: "invalid_share" });
    expect(drawSampleV2("s", hh, { ...PLAN, capPerVillage: 0 })).toMatchObject({ ok: false, code: "invalid_cap" });
    expect(drawSampleV2("s", hh, { ...PLAN, villages: 0 })).toMatchObject({ ok: false, code: "invalid_village_count" });
    expect(drawSampleV2("s", [...hh, hh[0]!], PLAN)).toMatchObject({ ok: false, code: "duplicate_household" });
  });

  it("is reproducible from the seed whatever the input order; another seed differs", () => {
    const a = must(seed, hh);
    const b = must(seed, [...hh].reverse());
    expect(b.households).toEqual(a.households);
    expect(b.villages).toEqual(a.villages);
    expect(must("another seed", hh).households).not.toEqual(a.households);
  });

  it("a frozen draw: the algorithm must never change silently", () => {
    const s = must("万山-2026-frozen", hh);
    const digest = createHash("sha256").update(s.households.join(",")).digest("hex").slice(0, 16);
    expect({ villages: s.villages, sampled: s.households.length, listHash: s.listHash.slice(0, 16), digest }).toMatchInlineSnapshot(`
      {
        "digest": "7e7f2c77ecc14af7",
        "listHash": "3476e32e85b89485",
        "sampled": 240,
        "villages": [
          "520603201200",
          "520603201203",
          "520603201204",
          "520603201206",
          "520603201211",
        ],
      }
    `);
  });

  it("the list hash is SHA-256 of sorted 'id|villageId|designated|exited|status' lines", () => {
    const small = village({ id: vid(1), designated: true, register: 1, exited: 1, outside: 1 });
    const text = [...small]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((h) => `${h.id}|${h.villageId}|${h.villageDesignated}|${h.exitedThisYear}|${h.registeredStatus}`)
      .join("\n");
    expect(listHashV2([...small].reverse())).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("property: halves, cap, exits and strata hold for any county", () => {
    const spec = fc.record({
      designated: fc.boolean(),
      register: fc.integer({ min: 0, max: 60 }),
      exited: fc.integer({ min: 0, max: 20 }),
      outside: fc.integer({ min: 0, max: 300 }),
    });
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 80 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        (villages, k, sharePct, cap, seed) => {
          const hh = villages.flatMap((v, i) => village({ ...v, id: vid(i) }));
          if (hh.length === 0) return;
          const plan = { villages: k, share: sharePct / 100, capPerVillage: cap };
          const s = must(seed, hh, plan);
          const present = new Set(hh.map((h) => h.villageId));
          expect(s.villages.length).toBe(Math.min(k, present.size));
          const index = byId(hh);
          expect(new Set(s.households).size).toBe(s.households.length);
          for (const pv of s.perVillage) {
            const members = hh.filter((h) => h.villageId === pv.villageId);
            const reg = members.filter((h) => !h.exitedThisYear && h.registeredStatus !== "not_registered").length;
            const out = members.filter((h) => !h.exitedThisYear && h.registeredStatus === "not_registered").length;
            const exits = members.filter((h) => h.exitedThisYear).length;
            expect(pv.exitedDrawn).toBe(exits);
            expect(pv.registerDrawn).toBeLessThanOrEqual(reg);
            expect(pv.outsideDrawn).toBeLessThanOrEqual(out);
            expect(pv.registerDrawn + pv.outsideDrawn).toBeLessThanOrEqual(Math.min(cap, pv.target));
            // the target is met from the non-exit households as far as they go, once exits take their half
            const halves = splitHalves(pv.target);
            const wanted = Math.max(0, halves.register - exits) + halves.outside;
            expect(pv.registerDrawn + pv.outsideDrawn).toBe(Math.min(wanted, reg + out));
            const drawn = s.households.filter((id) => index.get(id)!.villageId === pv.villageId);
            expect(drawn).toHaveLength(pv.registerDrawn + pv.outsideDrawn + pv.exitedDrawn);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("verifyDrawV2", () => {
  const hh = county();
  const s = must("verify", hh);
  it("confirms the recorded draw and reports a swapped household", () => {
    expect(
      verifyDrawV2("verify", [...hh].reverse(), PLAN, { villages: s.villages, households: s.households, listHash: s.listHash }).ok,
    ).toBe(true);
    const outsider = hh.find((h) => !s.households.includes(h.id))!.id;
    const r = verifyDrawV2("verify", hh, PLAN, { villages: s.villages, households: [...s.households.slice(1), outsider] });
    expect(r).toMatchObject({ ok: false, code: "mismatch" });
  });
  it("a flag changed after the freeze shows in the list hash", () => {
    const edited = hh.map((h) => (h.villageId === vid(0) ? { ...h, villageDesignated: false } : h));
    const r = verifyDrawV2("verify", edited, PLAN, { villages: s.villages, households: s.households, listHash: s.listHash });
    expect(r.ok).toBe(false);
  });
});

describe("versions: each evaluation re-drawn with the algorithm it recorded", () => {
  const hh = county();
  it("new draws use v2", () => {
    expect(CURRENT_SAMPLE_ALGORITHM).toBe(SAMPLE_ALGORITHM_V2);
  });
  it("a v1 evaluation re-draws exactly as v1 drew it (the designated flag is ignored)", () => {
    const v1 = drawV1("old", hh, { ...PLAN, includeAllExited: true });
    if (!v1.ok) throw new Error(v1.messageEn);
    const again = drawWith(SAMPLE_ALGORITHM, "old", hh, { ...PLAN, includeAllExited: true });
    expect(again).toMatchObject({
      ok: true,
      algorithm: SAMPLE_ALGORITHM,
      households: v1.households,
      villages: v1.villages,
      listHash: v1.listHash,
    });
    expect(listHashWith(SAMPLE_ALGORITHM, hh)).toBe(v1.listHash);
    expect(verifyWith(SAMPLE_ALGORITHM, "old", hh, { ...PLAN, includeAllExited: true }, v1).ok).toBe(true);
    // and v2 over the same list is a different draw
    const v2 = drawWith(SAMPLE_ALGORITHM_V2, "old", hh, { ...PLAN, includeAllExited: true });
    expect(v2.ok && v2.households).not.toEqual(v1.households);
  });
  it("an unknown algorithm is refused, not guessed", () => {
    expect(drawWith("jingzhun-sample-v9", "s", hh, { ...PLAN, includeAllExited: true })).toMatchObject({
      ok: false,
      code: "unknown_algorithm",
    });
  });
});
