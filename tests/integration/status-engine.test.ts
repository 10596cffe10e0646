// The status engine wired to the database: every change stores a new assessment with its policy
// version, in the same transaction as the change and its audit event; a policy edit recomputes
// the households it affects, set-based.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { updateHousehold } from "@/lib/actions/households/update-household";
import { savePolicy } from "@/lib/actions/policy/save-policy";
import { recomputeHousehold } from "@/lib/data/assessment";
import { createRecomputeJob, runRecomputeJob } from "@/lib/data/recompute";
import { applyHouseholdChanges } from "@/lib/data/household-changes";

let t: TestDb;
let householdId: string;
let otherId: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201200" });
  await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: "520603201200" });
  await createUser(t.prisma, { username: "admin", role: "admin", regionId: "52" });
  const h = await createHousehold(t.prisma, { villageId: "520603201200", number: "0001", incomeWages: 60000, members: 3 });
  const o = await createHousehold(t.prisma, { villageId: "520603201201", number: "0001", incomeWages: 20000, members: 4 });
  householdId = h.id;
  otherId = o.id;
  await assign(t.prisma, h.id, cadre.id);
  for (const id of [h.id, o.id]) {
    await t.prisma.$transaction((tx) => recomputeHousehold(tx, id, { trigger: "seed", actorId: null }));
  }
});
afterAll(async () => t?.close());

const version = async (id: string) => (await t.prisma.household.findUniqueOrThrow({ where: { id } })).version;

describe("a correction recomputes the assessment in the same transaction as the change and its audit event", () => {
  it("housing grade C makes the household below standard, with a stored assessment and policy version", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = await t.prisma.assessment.count({ where: { householdId } });
    const r = await updateHousehold(undefined, {
      householdId,
      baseVersion: await version(householdId),
      reason: "房屋鉴定为C级",
      changes: { indicators: { housingGrade: "C" } },
    });
    expect(r).toMatchObject({ ok: true, data: { status: "below_standard" } });
    const latest = await t.prisma.assessment.findFirstOrThrow({ where: { householdId }, orderBy: { createdAt: "desc" } });
    expect(await t.prisma.assessment.count({ where: { householdId } })).toBe(before + 1);
    expect(latest.status).toBe("below_standard");
    expect(latest.trigger).toBe("edit");
    expect(latest.policyVersion).toMatch(/^\d{4}:52:|^\d{4}:national:/);
    const h = await t.prisma.household.findUniqueOrThrow({ where: { id: householdId } });
    expect(h.assessedStatus).toBe("below_standard");
    expect(h.unmetIndicators).toContain("housing");
    const ev = await t.prisma.auditEvent.findFirstOrThrow({
      where: { entity: "household", entityId: householdId },
      orderBy: { id: "desc" },
    });
    expect(ev.action).toBe("household.update");
    expect(ev.before).toMatchObject({ housingGrade: "A" });
    expect(ev.after).toMatchObject({ housingGrade: "C", assessment: { status: "below_standard", policyVersion: latest.policyVersion } });
    expect(ev.reason).toBe("房屋鉴定为C级");
  });

  it("when anything in the transaction fails, nothing is written: no change, no assessment, no audit", async () => {
    const v = await version(householdId);
    const counts = async () => [await t.prisma.assessment.count(), await t.prisma.auditEvent.count({ where: { entity: "household" } })];
    const before = await counts();
    await expect(
      t.prisma.$transaction((tx) =>
        applyHouseholdChanges(tx, {
          householdId,
          baseVersion: v,
          actor: { id: null, role: "system" },
          trigger: "edit",
          // the income change is written first, then the unknown member id throws
          changes: { income: { incomeWages: 1 }, members: [{ id: "00000000-0000-4000-8000-000000000000", medicalInsurance: false }] },
        }),
      ),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
    const h = await t.prisma.household.findUniqueOrThrow({ where: { id: householdId } });
    expect(h.version).toBe(v);
    expect(Number(h.incomeWages)).toBe(60000);
  });

  it("a stale version is refused with who changed it, and nothing is overwritten", async () => {
    const r = await updateHousehold(undefined, {
      householdId,
      baseVersion: 1,
      reason: "旧页面提交",
      changes: { indicators: { housingGrade: "A" } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("conflict");
    expect(r.message).toContain("cadre1");
    expect((await t.prisma.household.findUniqueOrThrow({ where: { id: householdId } })).housingGrade).toBe("C");
  });

  it("a negative income item is refused naming the field", async () => {
    const r = await updateHousehold(undefined, {
      householdId,
      baseVersion: await version(householdId),
      reason: "收入更正",
      changes: { income: { incomeWages: -1 } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors ?? {})).toContain("changes.income.incomeWages");
  });

  it("another cadre's household reads as not found and the denial is audited", async () => {
    await signInAs(t.prisma, "cadre2");
    const r = await updateHousehold(undefined, {
      householdId,
      baseVersion: await version(householdId),
      reason: "越权修改",
      changes: { indicators: { food: false } },
    });
    expect(r).toMatchObject({ ok: false, code: "not_found" });
    const denial = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "access.denied" }, orderBy: { id: "desc" } });
    expect(denial.entityId).toBe("household.update");
  });
});

describe("a policy edit recomputes the households it affects", () => {
  it("raising the poverty line carries into the current year and recomputes set-based", async () => {
    await signInAs(t.prisma, "admin");
    const year = new Date().getUTCFullYear();
    // the other household: 20,000 / 4 = 5,000 per person: above a 4,000 line, below 6,300
    expect((await t.prisma.household.findUniqueOrThrow({ where: { id: otherId } })).assessedStatus).toBe("at_risk");
    const r = await savePolicy(undefined, { year: String(year), provinceId: "52", povertyLine: "5200", note: "测试：提高标准" });
    expect(r.ok).toBe(true);
    const jobs = (r.ok && (r.data as { jobs: string[] }).jobs) || [];
    expect(jobs).toHaveLength(1);
    await runRecomputeJob(t.prisma, jobs[0]!); // the action started it; wait for it to finish
    const job = await t.prisma.recomputeJob.findUniqueOrThrow({ where: { id: jobs[0]! } });
    expect(job).toMatchObject({ state: "done", total: 2 });
    const o = await t.prisma.household.findUniqueOrThrow({ where: { id: otherId } });
    expect(o.assessedStatus).toBe("below_standard");
    const a = await t.prisma.assessment.findFirstOrThrow({ where: { householdId: otherId }, orderBy: { createdAt: "desc" } });
    expect(a.trigger).toBe("policy");
    expect(a.policyVersion).toContain(`52-${year}-r1`);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "policy.save" } });
    expect(ev.after).toMatchObject({ provinceId: "52", values: { povertyLine: 5200 } });
  });

  it("a second edit of the same year retires the first row, never rewriting it", async () => {
    const year = new Date().getUTCFullYear();
    const r = await savePolicy(undefined, { year: String(year), provinceId: "52", povertyLine: "4100" });
    expect(r.ok).toBe(true);
    for (const id of (r.ok && (r.data as { jobs: string[] }).jobs) || []) await runRecomputeJob(t.prisma, id);
    const rows = await t.prisma.policyRow.findMany({ where: { provinceId: "52", year }, orderBy: { revision: "asc" } });
    expect(rows.map((x) => [x.revision, x.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(rows[0]!.values).toEqual({ povertyLine: 5200 });
  });

  it("a province's admin cannot change the national values for every province: refused on the field, audited, nothing written", async () => {
    const admin = await signInAs(t.prisma, "admin");
    const before = await t.prisma.policyRow.count();
    const r = await savePolicy(undefined, { year: "2026", provinceId: "", povertyLine: "9000" });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    if (!r.ok) expect(r.fieldErrors?.provinceId?.[0]).toContain("全国标准");
    expect(await t.prisma.policyRow.count()).toBe(before);
    const denial = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: "access.denied", actorId: admin.id },
      orderBy: { id: "desc" },
    });
    expect(denial).toMatchObject({ entityId: "policy.save", after: { code: "out_of_scope", detail: { field: "provinceId" } } });
  });

  it("rejects a negative value naming the field, and writes nothing", async () => {
    const before = await t.prisma.policyRow.count();
    const r = await savePolicy(undefined, { year: "2026", provinceId: "", povertyLine: "-5" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).toContain("povertyLine");
    expect(await t.prisma.policyRow.count()).toBe(before);
  });

  it("a job skips a household changed while it ran (the edit's own assessment stands)", async () => {
    const job = await createRecomputeJob(t.prisma, { regionId: "520603", reason: "test", actorId: null });
    const count = (id: string) => t.prisma.assessment.count({ where: { householdId: id } });
    // both households' stored results are stale (as after a policy edit), so the job has something to write for each
    await t.sql(`UPDATE household SET "perCapitaIncome" = 0 WHERE id = ANY($1)`, [[otherId, householdId]]);
    const [beforeOther, beforeMine] = [await count(otherId), await count(householdId)];
    // an edit lands between the job's read and its write
    await runRecomputeJob(t.prisma, job.id, {
      afterRead: async () => void (await t.prisma.household.update({ where: { id: otherId }, data: { version: { increment: 1 } } })),
    });
    expect((await t.prisma.recomputeJob.findUniqueOrThrow({ where: { id: job.id } })).state).toBe("done");
    expect(await count(otherId)).toBe(beforeOther); // skipped: the edit's own assessment stands
    expect(await count(householdId)).toBe(beforeMine + 1);
  });
});
