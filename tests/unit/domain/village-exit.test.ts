// A designated poor village's exit (贫困村退出): every criterion at its threshold (decision 0051).
import { describe, expect, it } from "vitest";
import { failedCriteriaText, judgeVillageExit, VILLAGE_EXIT_CRITERIA, type VillageExitFacts } from "@/lib/domain/village-exit";

const POLICY = { exitIncidenceEast: 2, exitIncidenceWest: 3 };
const ALL: VillageExitFacts = {
  poorPeople: 0,
  population: 1000,
  road: true,
  water: true,
  power: true,
  clinic: true,
  school: true,
  collectiveIncome: 50_000,
  incomeJudgment: "met",
};
const judge = (over: Partial<VillageExitFacts>, zone: "east" | "central" | "west" = "east", policy = POLICY) =>
  judgeVillageExit({ ...ALL, ...over }, zone, policy);
const crit = (v: ReturnType<typeof judge>, key: string) => v.criteria.find((c) => c.key === key)!;

describe("judgeVillageExit: incidence (registered-poor people ÷ registered population, 2% or less; 3% in the west)", () => {
  it("exactly 2% passes (以下 includes the number)", () => {
    const v = judge({ poorPeople: 20, population: 1000 });
    expect(v.incidence).toBe(2);
    expect(crit(v, "incidence").met).toBe(true);
    expect(v.eligible).toBe(true);
  });
  it("just above 2% fails (21 of 1,000; 1 person over on 50 people is 2.04%… as 1 of 49)", () => {
    expect(crit(judge({ poorPeople: 21, population: 1000 }), "incidence").met).toBe(false);
    // 1 of 49 = 2.0408…%: above 2 although it rounds to 2.04
    const v = judge({ poorPeople: 1, population: 49 });
    expect(crit(v, "incidence").met).toBe(false);
    expect(v.failed).toEqual(["incidence"]);
    // 1 of 50 = exactly 2%
    expect(crit(judge({ poorPeople: 1, population: 50 }), "incidence").met).toBe(true);
  });
  it("a value that rounds to 2.00% but is above it fails (exact comparison, not the rounded figure)", () => {
    const v = judge({ poorPeople: 20_001, population: 1_000_000 }); // 2.0001%
    expect(v.incidence).toBe(2);
    expect(crit(v, "incidence").met).toBe(false);
  });
  it("in the west 3% passes and just above fails; central is held to the east's value", () => {
    expect(crit(judge({ poorPeople: 30, population: 1000 }, "west"), "incidence").met).toBe(true);
    expect(crit(judge({ poorPeople: 31, population: 1000 }, "west"), "incidence").met).toBe(false);
    expect(crit(judge({ poorPeople: 21, population: 1000 }, "central"), "incidence").met).toBe(false);
    expect(judge({ poorPeople: 30, population: 1000 }, "west").threshold).toBe(3);
  });
  it("counts people, not households: the reason names the people", () => {
    const v = judge({ poorPeople: 11, population: 2850 });
    expect(v.incidence).toBe(0.39);
    expect(crit(v, "incidence").reason.zh).toContain("11");
    expect(crit(v, "incidence").reason.zh).toContain("2,850");
    expect(crit(v, "incidence").reason.en).toContain("0.39%");
  });
  it("zero population: not met (cannot be shown to pass), incidence null", () => {
    const v = judge({ poorPeople: 0, population: 0 });
    expect(v.incidence).toBeNull();
    expect(crit(v, "incidence").met).toBe(false);
    expect(crit(v, "incidence").reason.en).toContain("no registered population");
    expect(v.eligible).toBe(false);
  });
  it("zero poor people: 0% passes", () => {
    expect(judge({ poorPeople: 0, population: 1 }).incidence).toBe(0);
    expect(judge({ poorPeople: 0, population: 1 }).eligible).toBe(true);
  });
  it("a threshold from the policy (a province's 1.5%) is what decides", () => {
    const p = { ...POLICY, exitIncidenceEast: 1.5 };
    expect(crit(judge({ poorPeople: 15, population: 1000 }, "east", p), "incidence").met).toBe(true);
    expect(crit(judge({ poorPeople: 16, population: 1000 }, "east", p), "incidence").met).toBe(false);
  });
  it("bad counts are input errors, not verdicts", () => {
    expect(() => judge({ poorPeople: 5, population: 4 })).toThrow(RangeError);
    expect(() => judge({ poorPeople: -1 })).toThrow(RangeError);
    expect(() => judge({ population: 1.5 })).toThrow(RangeError);
  });
});

describe("judgeVillageExit: road, water, power, clinic, school", () => {
  for (const f of ["road", "water", "power", "clinic", "school"] as const) {
    it(`${f} not in place: not met, and the only failure`, () => {
      const v = judge({ [f]: false });
      expect(crit(v, f).met).toBe(false);
      expect(crit(v, f).reason.en).toContain("not in place");
      expect(v.failed).toEqual([f]);
      expect(v.eligible).toBe(false);
    });
  }
});

describe("judgeVillageExit: collective income (recorded per village, judged by the county)", () => {
  it("recorded and not yet judged: pending — the village may propose, the county may not approve", () => {
    const v = judge({ collectiveIncome: 56_000, incomeJudgment: null });
    expect(crit(v, "collective_income").state).toBe("pending");
    expect(crit(v, "collective_income").met).toBe(false);
    expect(crit(v, "collective_income").reason.zh).toBe("村集体经济收入 56,000 元，待县审定");
    expect(v.failed).toEqual([]);
    expect(v.pending).toEqual(["collective_income"]);
    expect(v.eligible).toBe(true);
    expect(v.approvable).toBe(false);
  });
  it("judged met by the county: met, whatever the figure (no national minimum decides it)", () => {
    for (const income of [0, 1, 49_999.99, 50_000, 2_000_000]) {
      const v = judge({ collectiveIncome: income, incomeJudgment: "met" });
      expect(crit(v, "collective_income").state).toBe("met");
      expect(v.approvable).toBe(true);
    }
    expect(crit(judge({ collectiveIncome: 56_000 }), "collective_income").reason.en).toBe(
      "Collective income 56,000 yuan, judged met by the county",
    );
  });
  it("judged not met: not met, and it blocks both proposing and approving", () => {
    const v = judge({ collectiveIncome: 80_000, incomeJudgment: "not_met" });
    expect(crit(v, "collective_income").state).toBe("not_met");
    expect(crit(v, "collective_income").reason.zh).toBe("村集体经济收入 80,000 元，县审定未达标");
    expect(v.failed).toEqual(["collective_income"]);
    expect(v.eligible).toBe(false);
    expect(v.approvable).toBe(false);
  });
  it("not recorded: not met (the county has nothing to judge), even with a judgment", () => {
    for (const incomeJudgment of [null, "met"] as const) {
      const v = judge({ collectiveIncome: null, incomeJudgment });
      expect(crit(v, "collective_income").state).toBe("not_met");
      expect(crit(v, "collective_income").reason.en).toBe("Collective income not recorded: the county has nothing to judge");
      expect(v.eligible).toBe(false);
    }
  });
  it("an income of 0 is a recorded figure (pending), not a missing one", () => {
    expect(crit(judge({ collectiveIncome: 0, incomeJudgment: null }), "collective_income").state).toBe("pending");
  });
  it("a negative income is an input error", () => {
    expect(() => judge({ collectiveIncome: -1 })).toThrow(RangeError);
    expect(() => judge({ collectiveIncome: Number.NaN })).toThrow(RangeError);
  });
  it("a pending income with another criterion unmet: not eligible, the unmet one named, the pending one not", () => {
    const v = judge({ road: false, incomeJudgment: null });
    expect(v.failed).toEqual(["road"]);
    expect(v.pending).toEqual(["collective_income"]);
    expect(v.eligible).toBe(false);
    expect(failedCriteriaText(v).zh).not.toContain("集体经济");
  });
});

describe("judgeVillageExit: the verdict", () => {
  it("lists every criterion in order, with names and reasons in both languages", () => {
    const v = judge({});
    expect(v.criteria.map((c) => c.key)).toEqual([...VILLAGE_EXIT_CRITERIA]);
    for (const c of v.criteria) {
      expect(c.name.zh).toBeTruthy();
      expect(c.reason.en).toBeTruthy();
    }
    expect(v.eligible).toBe(true);
    expect(v.approvable).toBe(true);
    expect(v.failed).toEqual([]);
    expect(v.pending).toEqual([]);
  });
  it("every failure is listed, and the refusal names each", () => {
    const v = judge({ poorPeople: 50, population: 1000, road: false, clinic: false, collectiveIncome: 10_000, incomeJudgment: "not_met" });
    expect(v.failed).toEqual(["incidence", "road", "clinic", "collective_income"]);
    const text = failedCriteriaText(v);
    expect(text.zh).toContain("贫困发生率 5%");
    expect(text.zh).toContain("通硬化路：未达标");
    expect(text.zh).toContain("有标准化卫生室：未达标");
    expect(text.zh).toContain("10,000");
    expect(text.en).toContain("Paved road: not in place");
    expect(text.en).not.toContain("Mains power");
  });
});
