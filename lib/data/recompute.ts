// Batch recompute of assessed status for a region: after a policy edit, an import, or on
// request. Set-based: each chunk of households is read in one query, assessed by the same
// pure function as every single edit (lib/domain/assess.ts), and written back with one UPDATE
// and one INSERT; the next chunk is read and assessed while one is written. The job row is the
// progress a user watches; a job resumes from its cursor. Where the time goes, measured at
// scale: docs/decisions/0008-recompute-at-scale.md (bench/scale.ts).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertRows } from "@/lib/db/bulk";
import { currentYear, today } from "@/lib/clock";
import { audit } from "@/lib/audit";
import { HOLDER } from "@/lib/jobs/holder";
import { loadPolicyRows } from "./assessment";
import { type RecomputeResult, type RecomputeRow } from "./assess-chunk";
import { createAssessPool, POOL_MIN_HOUSEHOLDS } from "./assess-pool";

export { resultChanged } from "./assess-chunk";

export function householdsInRegion(regionId: string): Prisma.HouseholdWhereInput {
  if (regionId === "") return {};
  if (regionId.length <= 4) return { countyId: { startsWith: regionId } }; // crosses counties (decision 0044)
  if (regionId.length === 6) return { countyId: regionId };
  if (regionId.length === 9) return { countyId: regionId.slice(0, 6), villageId: { startsWith: regionId } };
  return { countyId: regionId.slice(0, 6), villageId: regionId };
}

export async function createRecomputeJob(db: PrismaClient, args: { regionId: string; reason: string; actorId: string | null }) {
  const total = await db.household.count({ where: householdsInRegion(args.regionId) });
  return db.recomputeJob.create({ data: { regionId: args.regionId, reason: args.reason, total, createdById: args.actorId } });
}

const running = new Map<string, Promise<void>>();

/**
 * How long a job's lease holds unless renewed. Every chunk renews it (a chunk takes well under a
 * second), so a job whose process stopped is taken over this long after its last chunk.
 */
export const RECOMPUTE_LEASE_MS = 60_000;

/** The job's lease went to another process (ours ran out): stop without touching the job. */
class LeaseLost extends Error {}

/**
 * Work a job to the end (or to its failure). A second call while it runs in this process joins
 * the first; in another process (another app server on the same database) it finds the job's
 * lease held and returns at once, leaving the job to its holder (decision 0042).
 */
export function runRecomputeJob(db: PrismaClient, jobId: string, opts: JobOptions = {}): Promise<void> {
  const current = running.get(jobId);
  if (current) return current;
  const work = workJob(db, jobId, opts).finally(() => running.delete(jobId));
  running.set(jobId, work);
  return work;
}

export interface JobOptions {
  /** households per chunk (default 2,000) */
  chunkSize?: number;
  year?: number;
  asOf?: string;
  /** test hook: runs between reading a chunk and writing it back */
  afterRead?: (householdIds: string[]) => Promise<void>;
  /** who holds the lease (default: this process) */
  holder?: string;
  /** worker threads for the engine (default: lib/data/assess-pool.ts's, for a job of 4 chunks or more; 0: this thread) */
  workers?: number;
}

/** Claims the job for `holder` if it is unfinished and nobody else holds a live lease on it. */
async function claimJob(db: PrismaClient, jobId: string, holder: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE recompute_job
        SET holder = $2, "leaseUntil" = now() + make_interval(secs => $3::double precision / 1000),
            state = 'running', "startedAt" = COALESCE("startedAt", now())
      WHERE id = $1 AND state IN ('queued', 'running')
        AND (holder IS NULL OR holder = $2 OR "leaseUntil" IS NULL OR "leaseUntil" < now())
      RETURNING id`,
    jobId,
    holder,
    RECOMPUTE_LEASE_MS,
  );
  return rows.length === 1;
}

/** householdsInRegion as SQL over household h: the condition and its one parameter. */
function regionCondition(regionId: string): { sql: string; param: string } {
  if (regionId === "") return { sql: "$3::text = ''", param: "" };
  if (regionId.length <= 4) return { sql: `starts_with(h."countyId", $3)`, param: regionId };
  if (regionId.length === 6) return { sql: `h."countyId" = $3`, param: regionId };
  if (regionId.length === 9) return { sql: `starts_with(h."villageId", $3)`, param: regionId };
  return { sql: `h."villageId" = $3`, param: regionId };
}

/**
 * One chunk, read in one raw query (the columns the engine reads, active members as a JSON array
 * each): a third of the time Prisma's findMany with a nested select took for the same rows.
 */
/**
 * The chunk's write-back: the assessed columns of each household from a JSON array (`param`, the
 * SQL that yields it, e.g. "$1::jsonb"), only where the version is still the one read; $2 is the
 * assessment time. Returns the ids written.
 */
export function recomputeUpdateSql(param: string) {
  return `UPDATE household h SET "assessedStatus" = v.status::"AssessedStatus", candidate = v.candidate::"CandidateKind",
      "candidateCategory" = v.category::"MonitoringCategory", "perCapitaIncome" = v.pci, "countedMembers" = v.counted,
      "memberCount" = v.members, "unmetIndicators" = v.unmet, "assessedAt" = $2::timestamptz
    FROM jsonb_to_recordset(${param}) AS v(id text, version int, status text, candidate text, category text, pci numeric, counted int, members int, unmet text[])
   WHERE h.id = v.id AND h.version = v.version
   RETURNING h.id`;
}

export function recomputeChunkSql(regionSql: string) {
  return `SELECT h.id, h."countyId", h.version, h."registeredStatus"::text AS "registeredStatus", h."monitoringCategory"::text AS "monitoringCategory",
      h."incomeWages"::text AS "incomeWages", h."incomeBusiness"::text AS "incomeBusiness", h."incomeBusinessCosts"::text AS "incomeBusinessCosts",
      h."incomeProperty"::text AS "incomeProperty", h."incomeTransfers"::text AS "incomeTransfers", h."rigidExpenditure"::text AS "rigidExpenditure",
      h."previousYearIncome"::text AS "previousYearIncome", h.food, h.clothing, h."housingGrade"::text AS "housingGrade", h.electricity,
      h."waterLitres"::text AS "waterLitres", h."waterScarceArea", h."waterPiped", h."waterRoundTripMin", h."waterHorizontalM", h."waterVerticalM",
      h."waterQualitySafe", h."waterOutageDays",
      h."transferSubsistence"::text AS "transferSubsistence", h."transferExtremeHardship"::text AS "transferExtremeHardship",
      h."transferPension"::text AS "transferPension", h."transferEcological"::text AS "transferEcological",
      h."transferFamilyPlanning"::text AS "transferFamilyPlanning", h."transferSupport"::text AS "transferSupport",
      h."excludedMedical"::text AS "excludedMedical", h."excludedTemporaryRelief"::text AS "excludedTemporaryRelief",
      h."excludedHousingSubsidy"::text AS "excludedHousingSubsidy", h."excludedRelocationSubsidy"::text AS "excludedRelocationSubsidy",
      h."excludedGifts"::text AS "excludedGifts", h."safeAlternative"::text AS "safeAlternative",
      h."assessedAt" IS NOT NULL AS assessed, h."assessedStatus"::text AS "curStatus", h.candidate::text AS "curCandidate",
      h."candidateCategory"::text AS "curCategory", h."perCapitaIncome"::text AS "curPci", h."countedMembers" AS "curCounted",
      h."memberCount" AS "curMembers", h."unmetIndicators" AS "curUnmet",
      (SELECT coalesce(json_agg(json_build_array(m."birthDate", m.counted, m."medicalInsurance", m."schoolStatus", m."dropoutMedicalExemption", m."laborCapacity")), '[]')
         FROM member m WHERE m."householdId" = h.id AND m.active)::text AS members
    FROM household h
   WHERE h.id > $1 AND ${regionSql}
   ORDER BY h.id
   LIMIT $2`;
}

interface ReadChunk {
  ids: string[];
  last: string | null;
  /** the households whose result changed, assessed on the pool (another thread when it has one) */
  results: Promise<RecomputeResult[]>;
}

async function workJob(db: PrismaClient, jobId: string, opts: JobOptions) {
  const holder = opts.holder ?? HOLDER;
  if (!(await claimJob(db, jobId, holder))) return; // finished, failed, or another process works it
  try {
    const job = await db.recomputeJob.findUniqueOrThrow({ where: { id: jobId } });
    const year = opts.year ?? currentYear();
    const asOf = opts.asOf ?? today();
    const policyRows = await loadPolicyRows(db);
    const region = regionCondition(job.regionId);
    const sql = recomputeChunkSql(region.sql);
    const size = opts.chunkSize ?? 2000;
    // worker threads only for a large job (POOL_MIN_HOUSEHOLDS says why)
    const pool = createAssessPool(
      { policyRows, year, asOf },
      { workers: opts.workers ?? (job.total - job.done >= POOL_MIN_HOUSEHOLDS ? undefined : 0) },
    );

    // A chunk's rows go to the pool as soon as they arrive, and the next chunk's query is sent
    // while it is assessed (the database, the engine and the write at once: decision 0059).
    const read = async (after: string): Promise<ReadChunk> => {
      const chunk = await db.$queryRawUnsafe<RecomputeRow[]>(sql, after, size, region.param);
      const results = chunk.length ? pool.run({ kind: "recompute", rows: chunk }) : Promise.resolve([]);
      results.catch(() => {}); // a failure surfaces when it is awaited
      return { ids: chunk.map((h) => h.id), last: chunk.length ? chunk[chunk.length - 1]!.id : null, results };
    };

    let done = job.done;
    let changed = job.changed;
    let next = read(job.cursor ?? "");
    try {
      for (;;) {
        const chunk = await next;
        if (chunk.last === null) break;
        next = read(chunk.last);
        next.catch(() => {}); // a failure surfaces when it is awaited
        const results = await chunk.results;
        await opts.afterRead?.(chunk.ids);
        await db.$transaction(async (tx) => {
          const now = new Date();
          // only households unchanged since they were read: a concurrent edit has already
          // recomputed with the new policy and must not be overwritten by older facts
          const updated = await tx.$queryRawUnsafe<{ id: string }[]>(
            recomputeUpdateSql("$1::jsonb"),
            // plain JSON text: short and mostly ASCII, it costs less than decoding base64 (the
            // assessment rows, long and half Chinese, go base64 in insertRows)
            JSON.stringify(
              results.map(({ id, version, members, status, candidate, category, pci, counted, unmet }) => ({
                id,
                version,
                status,
                candidate,
                category,
                pci,
                counted,
                members,
                unmet,
              })),
            ),
            now.toISOString(),
          );
          const kept = new Set(updated.map((r) => r.id));
          await insertRows(
            tx,
            "assessment",
            results
              .filter((r) => kept.has(r.id))
              .map(({ id, countyId, status, candidate, category, pci, counted, policyVersion, input }) => ({
                id: crypto.randomUUID(),
                householdId: id,
                countyId,
                year,
                asOf: `${asOf}`,
                status,
                candidate,
                monitoringCategory: category,
                perCapitaIncome: pci,
                countedMembers: counted,
                policyVersion,
                // the input (~0.6 kB), not the result (~2.6 kB): rendered when read (decision 0054)
                input,
                trigger: "policy",
                createdById: job.createdById,
                createdAt: now,
              })),
            now,
          );
          done += chunk.ids.length;
          changed += kept.size;
          // progress, and the lease renewed: only while it is still ours (else this chunk rolls back)
          const renewed = await tx.$executeRawUnsafe(
            `UPDATE recompute_job SET done = $2, cursor = $3, "leaseUntil" = now() + make_interval(secs => $5::double precision / 1000), changed = $6
            WHERE id = $1 AND holder = $4`,
            jobId,
            done,
            chunk.last,
            holder,
            RECOMPUTE_LEASE_MS,
            changed,
          );
          if (renewed !== 1) throw new LeaseLost();
        });
      }
    } finally {
      await pool.close();
    }
    await db.$transaction(async (tx) => {
      const finished = await tx.recomputeJob.updateMany({
        where: { id: jobId, holder },
        data: { state: "done", finishedAt: new Date(), total: Math.max(done, job.total), holder: null, leaseUntil: null },
      });
      if (finished.count !== 1) throw new LeaseLost();
      await audit(
        tx,
        { id: job.createdById, role: "system" },
        {
          action: "recompute.done",
          entity: "recompute_job",
          entityId: jobId,
          after: { regionId: job.regionId, households: done, changed, reason: job.reason, year },
        },
      );
    });
  } catch (e) {
    if (e instanceof LeaseLost) return; // another process has the job now, and finishes it
    await db.recomputeJob
      .updateMany({
        where: { id: jobId, holder },
        data: {
          state: "failed",
          error: String((e as Error).message).slice(0, 500),
          finishedAt: new Date(),
          holder: null,
          leaseUntil: null,
        },
      })
      .catch(() => {});
    throw e;
  }
}

/**
 * Jobs left unfinished by a stopped server resume from their cursor: at start-up and then on
 * every tick of the periodic jobs (lib/jobs/runner.ts), so a job whose server died is taken over
 * once its lease runs out. A job another live server holds is left to it.
 */
export async function resumeRecomputeJobs(db: PrismaClient) {
  const jobs = await db.recomputeJob.findMany({ where: { state: { in: ["queued", "running"] } }, select: { id: true } });
  for (const j of jobs) void runRecomputeJob(db, j.id).catch((e) => console.error(`[recompute ${j.id}]`, e));
}
