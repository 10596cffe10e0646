// The demo seed's plans (一户一策) and typed measures (issue #18): every registered-poor and lifted
// Danyang household has a plan for the seed year with two or three steps, some done; the county
// has microcredit (one overdue, one repaid), public-welfare jobs with a post and monthly pay, an
// ecological ranger job and education aid.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { seed } from "@/lib/seed/index";
import { DANYANG_ID, SEED_YEAR } from "@/lib/seed/constants";
import { overdueLoans, measuresByKind } from "@/lib/data/measures";
import { planOf } from "@/lib/data/plan";
import type { ReviewCountyId } from "@/lib/auth/scope";

let t: TestDb;
const WANSHAN = "520603" as ReviewCountyId;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.prisma);
}, 600_000);

afterAll(async () => {
  await t?.close();
});

describe("the seed's plans and typed measures", () => {
  it("every registered-poor and lifted Danyang household has this year's plan with 2–3 steps, some done", async () => {
    const poor = await t.prisma.household.findMany({
      where: { villageId: DANYANG_ID, registeredStatus: { not: "not_registered" } },
      select: { id: true, mainCause: true },
    });
    const plans = await t.prisma.householdPlan.count({ where: { year: SEED_YEAR, household: { villageId: DANYANG_ID } } });
    expect(poor.length).toBeGreaterThan(100);
    expect(plans).toBe(poor.length);
    const plan = await planOf(poor[0]!.id, SEED_YEAR);
    expect(plan!.mainCause).toBe(poor[0]!.mainCause);
    expect(plan!.expectedIncome).toBeGreaterThan(0);
    const sizes = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM plan_item GROUP BY "planId"`);
    expect(Math.min(...sizes.map((s) => s.n))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sizes.map((s) => s.n))).toBeLessThanOrEqual(3);
    const done = await t.prisma.planItem.count({ where: { doneAt: { not: null }, doneById: { not: null } } });
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(await t.prisma.planItem.count());
  });

  it("the county has microcredit (one overdue, one repaid), public-welfare jobs, a ranger job and education aid", async () => {
    const kinds = new Map((await measuresByKind(WANSHAN)).map((k) => [k.kind, k.measures]));
    for (const k of ["microcredit", "public_welfare_job", "ecological_job", "yulu_plan"]) expect(kinds.get(k) ?? 0).toBeGreaterThan(0);
    const overdue = await overdueLoans(WANSHAN, 1);
    expect(overdue.total).toBe(1);
    expect(await t.prisma.assistanceMeasure.count({ where: { kind: "microcredit", loanStatus: "repaid", repaidOn: { not: null } } })).toBe(
      1,
    );
    const jobs = await t.prisma.assistanceMeasure.findMany({ where: { kind: { in: ["public_welfare_job", "ecological_job"] } } });
    expect(jobs.every((j) => j.post && Number(j.monthlyPay) > 0)).toBe(true);
  });
});
