// The status engine on worker threads (lib/data/assess-pool.ts, decision 0059): a thread's
// answer for a chunk is the calling thread's, and a recompute worked on threads writes what one
// worked in the calling thread writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { createHousehold, seedRegions } from "../factories";
import { createRecomputeJob, recomputeChunkSql, runRecomputeJob } from "@/lib/data/recompute";
import { loadPolicyRows } from "@/lib/data/assessment";
import { runAssessTask, type RecomputeRow } from "@/lib/data/assess-chunk";
import { createAssessPool } from "@/lib/data/assess-pool";

let t: TestDb;
const VILLAGE = "520603201200";

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  for (let i = 1; i <= 12; i++) {
    await createHousehold(t.prisma, {
      villageId: VILLAGE,
      number: String(i).padStart(4, "0"),
      incomeWages: 2000 + i * 900,
      members: 1 + (i % 4),
    });
  }
});
afterAll(() => t.close());

/** Every household's stored result made stale (as after a policy edit): a recompute writes each one. */
const stale = () => t.sql(`UPDATE household SET "perCapitaIncome" = 0, "assessedStatus" = NULL`);

const written = async () => {
  const households = await t.prisma.household.findMany({
    where: { villageId: VILLAGE },
    orderBy: { id: "asc" },
    select: { id: true, assessedStatus: true, candidate: true, perCapitaIncome: true, countedMembers: true, unmetIndicators: true },
  });
  const latest = await Promise.all(
    households.map((h) =>
      t.prisma.assessment.findFirstOrThrow({
        where: { householdId: h.id, trigger: "policy" },
        orderBy: { createdAt: "desc" },
        select: { status: true, perCapitaIncome: true, policyVersion: true, input: true },
      }),
    ),
  );
  return households.map((h, i) => ({
    ...h,
    perCapitaIncome: String(h.perCapitaIncome),
    latest: { ...latest[i], perCapitaIncome: String(latest[i]!.perCapitaIncome) },
  }));
};

describe("the assessment pool", () => {
  it("a worker thread loads and answers a chunk as the calling thread does", async () => {
    const ctx = { policyRows: await loadPolicyRows(t.prisma), year: 2026, asOf: "2026-06-30" };
    await stale();
    const rows = await t.prisma.$queryRawUnsafe<RecomputeRow[]>(recomputeChunkSql(`$3::text = ''`), "", 100, "");
    expect(rows).toHaveLength(12);
    const pool = createAssessPool(ctx, { workers: 1 });
    try {
      expect(await pool.ready()).toBe(1);
      const onThread = await pool.run({ kind: "recompute", rows });
      expect(onThread).toHaveLength(12);
      expect(onThread).toEqual(runAssessTask({ kind: "recompute", rows }, ctx));
    } finally {
      await pool.close();
    }
  });

  it("a recompute offered two threads writes what one in the calling thread writes", async () => {
    const opts = { chunkSize: 5, year: 2026, asOf: "2026-06-30" };
    await stale();
    const a = await createRecomputeJob(t.prisma, { regionId: VILLAGE, reason: "test", actorId: null });
    await runRecomputeJob(t.prisma, a.id, { ...opts, workers: 0 });
    const inline = await written();
    await stale();
    const b = await createRecomputeJob(t.prisma, { regionId: VILLAGE, reason: "test", actorId: null });
    await runRecomputeJob(t.prisma, b.id, { ...opts, workers: 2 });
    const threads = await written();
    expect(threads).toEqual(inline);
    const jobs = await t.prisma.recomputeJob.findMany({ where: { id: { in: [a.id, b.id] } }, select: { changed: true, state: true } });
    expect(jobs).toEqual([
      { changed: 12, state: "done" },
      { changed: 12, state: "done" },
    ]);
  });
});
