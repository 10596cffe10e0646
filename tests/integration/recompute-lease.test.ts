// A batch recompute is claimed by one app process at a time (a lease on its job row), however
// many servers share the database: two servers resuming the same job at start-up must not both
// work it (each would write every household's assessment again). Each "server" here is its own
// instance of the module (vi.resetModules), as two processes each have their own memory.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { createHousehold, seedRegions } from "../factories";

let t: TestDb;
type RecomputeModule = typeof import("@/lib/data/recompute");

async function server(): Promise<RecomputeModule> {
  vi.resetModules();
  return import("@/lib/data/recompute");
}

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  for (let i = 1; i <= 30; i++) {
    await createHousehold(t.prisma, {
      villageId: "520603201200",
      number: String(i).padStart(4, "0"),
      incomeWages: 5000 + i * 1000,
      members: 3,
    });
  }
});
afterAll(() => t.close());

/** Every household's stored result made stale (as after a policy edit): a recompute writes each one. */
const stale = () => t.sql(`UPDATE household SET "perCapitaIncome" = 0`);

describe("a recompute job runs in one process at a time", () => {
  it("two servers resuming the same job: every household assessed once, one recompute.done", async () => {
    const a = await server();
    const b = await server();
    expect(a).not.toBe(b);
    const job = await a.createRecomputeJob(t.prisma, { regionId: "520603201200", reason: "test", actorId: null });
    await stale();
    const before = await t.prisma.assessment.count();
    await Promise.all([a.runRecomputeJob(t.prisma, job.id, { chunkSize: 5 }), b.runRecomputeJob(t.prisma, job.id, { chunkSize: 5 })]);
    expect((await t.prisma.assessment.count()) - before).toBe(30);
    const done = await t.prisma.auditEvent.count({ where: { action: "recompute.done", entityId: job.id } });
    expect(done).toBe(1);
    const row = await t.prisma.recomputeJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.state).toBe("done");
    expect(row.done).toBe(30);
    expect(row.changed).toBe(30);
  });

  it("a recompute writes only the households whose result changed, and counts them", async () => {
    const a = await server();
    const ids = (
      await t.prisma.household.findMany({ where: { villageId: "520603201200" }, orderBy: { id: "asc" }, select: { id: true } })
    ).map((h) => h.id);
    await t.sql(`UPDATE household SET "perCapitaIncome" = 0 WHERE id = ANY($1)`, [ids.slice(0, 4)]);
    const before = await t.prisma.assessment.count();
    const job = await a.createRecomputeJob(t.prisma, { regionId: "520603201200", reason: "test", actorId: null });
    await a.runRecomputeJob(t.prisma, job.id, { chunkSize: 7 });
    expect((await t.prisma.assessment.count()) - before).toBe(4);
    const row = await t.prisma.recomputeJob.findUniqueOrThrow({ where: { id: job.id } });
    expect([row.state, row.done, row.changed]).toEqual(["done", 30, 4]);
    const pci = await t.prisma.household.findMany({ where: { id: { in: ids.slice(0, 4) } }, select: { perCapitaIncome: true } });
    expect(pci.every((h) => Number(h.perCapitaIncome) > 0)).toBe(true);
    const done = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "recompute.done", entityId: job.id } });
    expect(done.after).toMatchObject({ households: 30, changed: 4 });
  });

  it("a job whose holder stopped (its lease ran out) is taken over and finished from its cursor", async () => {
    const a = await server();
    const job = await a.createRecomputeJob(t.prisma, { regionId: "520603201200", reason: "test", actorId: null });
    // a server that died after one chunk: the job says running, its cursor is set, its lease is over
    const ids = (
      await t.prisma.household.findMany({ where: { villageId: "520603201200" }, orderBy: { id: "asc" }, select: { id: true } })
    ).map((h) => h.id);
    await stale();
    await t.sql(
      `UPDATE recompute_job SET state = 'running', cursor = $2, done = 10, holder = 'dead:1:x', "leaseUntil" = now() - interval '1 second' WHERE id = $1`,
      [job.id, ids[9]],
    );
    const before = await t.prisma.assessment.count();
    await a.resumeRecomputeJobs(t.prisma);
    await vi.waitFor(async () => expect((await t.prisma.recomputeJob.findUniqueOrThrow({ where: { id: job.id } })).state).toBe("done"), {
      timeout: 10_000,
    });
    expect((await t.prisma.assessment.count()) - before).toBe(20);
  });

  it("a job another live server holds is left to it", async () => {
    const a = await server();
    const job = await a.createRecomputeJob(t.prisma, { regionId: "520603201200", reason: "test", actorId: null });
    await t.sql(
      `UPDATE recompute_job SET state = 'running', holder = 'other:2:y', "leaseUntil" = now() + interval '1 minute' WHERE id = $1`,
      [job.id],
    );
    const before = await t.prisma.assessment.count();
    await a.runRecomputeJob(t.prisma, job.id);
    expect(await t.prisma.assessment.count()).toBe(before);
    const row = await t.prisma.recomputeJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.state).toBe("running");
    expect(row.holder).toBe("other:2:y");
  });
});
