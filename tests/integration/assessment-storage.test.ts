// An assessment is stored as its input and policy version, and rendered when read (decision 0054);
// rows written before keep their stored result. The history a person reads is the same either
// way: the household page's data for an old-style row and a new-style row of the same household,
// input and policy are equal, and a new-style row still renders under its own (since retired)
// policy after a policy edit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { createHousehold, seedRegions } from "../factories";
import { recomputeHousehold, loadPolicyRows } from "@/lib/data/assessment";
import { withResults, STORED_ASSESSMENT_SELECT } from "@/lib/data/assessment-read";
import { createRecomputeJob, runRecomputeJob } from "@/lib/data/recompute";
import { getHousehold } from "@/lib/data/households";
import { assess } from "@/lib/domain/assess";
import type { HouseholdInput } from "@/lib/domain/household";
import { resolvePolicy } from "@/lib/domain/policy";
import { currentYear } from "@/lib/clock";
import type { Viewer } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";

let t: TestDb;
let householdId: string;
const VILLAGE = "520603201200";
const admin: Viewer = {
  id: "00000000-0000-4000-8000-0000000000ad",
  name: "admin",
  username: "admin",
  role: "admin",
  regionId: "52",
  regionLevel: "province",
  regionName: "贵州省",
};
/** What the page shows of each history entry, and the result it renders the latest from. */
const shown = (a: { status: string; perCapitaIncome: unknown; trigger: string; policyVersion: string; result: unknown }) => ({
  status: a.status,
  perCapitaIncome: String(a.perCapitaIncome),
  trigger: a.trigger,
  policyVersion: a.policyVersion,
  result: JSON.parse(JSON.stringify(a.result)) as unknown,
});

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const h = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", incomeWages: 20000, members: 4 });
  householdId = h.id;
});
afterAll(async () => t?.close());

describe("an assessment stored as its input renders as the stored result did", () => {
  it("a new row stores the input and no result; the household page shows it as an old-style row of the same input", async () => {
    const a = await t.prisma.$transaction((tx) => recomputeHousehold(tx, householdId, { trigger: "edit", actorId: null }));
    expect(a).not.toBeNull();
    const fresh = await t.prisma.assessment.findFirstOrThrow({ where: { householdId }, orderBy: { createdAt: "desc" } });
    expect(fresh.result).toBeNull();
    expect(fresh.input).toMatchObject({ year: currentYear(), members: expect.any(Array) });
    // the same assessment as the code before decision 0054 stored it: the full result, no input
    const policy = resolvePolicy(await loadPolicyRows(t.prisma), currentYear(), "52");
    const old = assess(fresh.input as unknown as HouseholdInput, policy);
    await t.prisma.assessment.create({
      data: {
        householdId,
        countyId: fresh.countyId,
        year: fresh.year,
        asOf: fresh.asOf,
        status: old.status,
        candidate: old.candidate,
        monitoringCategory: old.monitoringCategory,
        perCapitaIncome: old.perCapitaIncome,
        countedMembers: old.countedMembers,
        policyVersion: old.policyVersion,
        result: JSON.parse(JSON.stringify(old)) as Prisma.InputJsonValue,
        trigger: "edit",
        createdAt: new Date(fresh.createdAt.getTime() - 1000),
      },
    });
    const page = await getHousehold(admin, householdId);
    expect(page!.assessments).toHaveLength(2);
    const [newer, older] = page!.assessments;
    expect(newer!.input).not.toBeNull();
    expect(older!.input).toBeNull();
    expect(shown(newer!)).toEqual(shown(older!));
    expect(shown(newer!).result).toEqual(JSON.parse(JSON.stringify(a)));
    // the reasons a person reads, in both languages
    expect(newer!.result.indicators.income.reason).toEqual(older!.result.indicators.income.reason);
  });

  it("after a policy edit, an earlier row still renders under the policy it names (the retired row)", async () => {
    const year = currentYear();
    const before = await t.prisma.assessment.findFirstOrThrow({
      where: { householdId, input: { not: { equals: null } } } as Prisma.AssessmentWhereInput,
      orderBy: { createdAt: "desc" },
      select: { ...STORED_ASSESSMENT_SELECT, id: true },
    });
    const [renderedBefore] = await withResults(t.prisma, [before]);
    // a policy edit as save-policy makes it: the province's row for the year (if any) retired, a new one added
    const current = await t.prisma.policyRow.findFirst({ where: { year, provinceId: "52", active: true } });
    if (current) await t.prisma.policyRow.update({ where: { id: current.id }, data: { active: false, retiredAt: new Date() } });
    await t.prisma.policyRow.create({
      data: {
        id: `52-${year}-storage-test`,
        year,
        provinceId: "52",
        values: { ...((current?.values as object) ?? {}), povertyLine: 9000 },
      },
    });
    await t.prisma.$transaction((tx) => recomputeHousehold(tx, householdId, { trigger: "policy", actorId: null }));
    const rows = await t.prisma.assessment.findMany({
      where: { householdId },
      orderBy: { createdAt: "desc" },
      select: { ...STORED_ASSESSMENT_SELECT, id: true },
    });
    const rendered = await withResults(t.prisma, rows);
    expect(rendered[0]!.result.povertyLine).toBe(9000);
    expect(rendered[0]!.policyVersion).toContain("storage-test");
    const again = rendered.find((r) => r.id === before.id)!;
    expect(JSON.parse(JSON.stringify(again.result))).toEqual(JSON.parse(JSON.stringify(renderedBefore!.result)));
    expect(again.result.povertyLine).not.toBe(9000);
  });

  it("a batch recompute writes input rows that render as the single-household path's result", async () => {
    await t.sql(`UPDATE household SET "perCapitaIncome" = 0 WHERE id = $1`, [householdId]); // stale: the job writes it
    const job = await createRecomputeJob(t.prisma, { regionId: VILLAGE, reason: "test", actorId: null });
    await runRecomputeJob(t.prisma, job.id);
    const row = await t.prisma.assessment.findFirstOrThrow({
      where: { householdId, trigger: "policy" },
      orderBy: { createdAt: "desc" },
      select: { ...STORED_ASSESSMENT_SELECT, id: true },
    });
    expect(row.result).toBeNull();
    const [r] = await withResults(t.prisma, [row]);
    const single = await t.prisma
      .$transaction(async (tx) => {
        const a = await recomputeHousehold(tx, householdId, { trigger: "edit", actorId: null });
        throw Object.assign(new Error("rollback"), { a });
      })
      .catch((e: { a?: unknown }) => e.a);
    expect(JSON.parse(JSON.stringify(r!.result))).toEqual(JSON.parse(JSON.stringify(single)));
  });

  it("a row with neither a result nor an input is refused by the database", async () => {
    await expect(
      t.sql(
        `INSERT INTO assessment (id, "householdId", "countyId", year, "asOf", status, "perCapitaIncome", "countedMembers", "policyVersion", trigger)
         VALUES ('x-neither', $1, '520603', 2026, '2026-01-01', 'secure', 0, 1, 'v', 'edit')`,
        [householdId],
      ),
    ).rejects.toThrow(/assessment_result_or_input/);
  });
});
