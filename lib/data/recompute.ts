// Batch recompute of assessed status for a region: after a policy edit, an import, or on
// request. Set-based: each chunk of households is read in two queries, assessed by the same
// pure function as every single edit (lib/domain/assess.ts), and written back with one UPDATE
// and one INSERT. The job row is the progress a user watches; a job resumes from its cursor.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assess, type Assessment } from "@/lib/domain/assess";
import { resolvePolicy, type ResolvedPolicy } from "@/lib/domain/policy";
import { householdInputFromRecord } from "@/lib/assessment/input-from-record";
import { insertRows } from "@/lib/db/bulk";
import { currentYear, today } from "@/lib/clock";
import { audit } from "@/lib/audit";
import { loadPolicyRows, unmetOf } from "./assessment";

export function householdsInRegion(regionId: string): Prisma.HouseholdWhereInput {
  if (regionId === "") return {};
  if (regionId.length <= 4) return { countyId: { startsWith: regionId } };
  if (regionId.length === 6) return { countyId: regionId };
  if (regionId.length === 9) return { villageId: { startsWith: regionId } };
  return { villageId: regionId };
}

export async function createRecomputeJob(db: PrismaClient, args: { regionId: string; reason: string; actorId: string | null }) {
  const total = await db.household.count({ where: householdsInRegion(args.regionId) });
  return db.recomputeJob.create({ data: { regionId: args.regionId, reason: args.reason, total, createdById: args.actorId } });
}

const running = new Map<string, Promise<void>>();

/** Work a job to the end (or to its failure). A second call while it runs joins the first. */
export function runRecomputeJob(db: PrismaClient, jobId: string, opts: JobOptions = {}): Promise<void> {
  const current = running.get(jobId);
  if (current) return current;
  const work = workJob(db, jobId, opts).finally(() => running.delete(jobId));
  running.set(jobId, work);
  return work;
}

export interface JobOptions {
  chunkSize?: number;
  year?: number;
  asOf?: string;
  /** test hook: runs between reading a chunk and writing it back */
  afterRead?: (householdIds: string[]) => Promise<void>;
}

async function workJob(db: PrismaClient, jobId: string, opts: JobOptions) {
  try {
    const job = await db.recomputeJob.update({ where: { id: jobId }, data: { state: "running", startedAt: new Date() } });
    const year = opts.year ?? currentYear();
    const asOf = opts.asOf ?? today();
    const rows = await loadPolicyRows(db);
    const policies = new Map<string, ResolvedPolicy>();
    const policyFor = (province: string) => {
      let p = policies.get(province);
      if (!p) policies.set(province, (p = resolvePolicy(rows, year, province)));
      return p;
    };
    let cursor = job.cursor ?? "";
    let done = job.done;
    const where = householdsInRegion(job.regionId);
    for (;;) {
      const chunk = await db.household.findMany({
        where: { AND: [where, { id: { gt: cursor } }] },
        orderBy: { id: "asc" },
        take: opts.chunkSize ?? 1000,
        select: {
          id: true, countyId: true, version: true, registeredStatus: true, monitoringCategory: true,
          incomeWages: true, incomeBusiness: true, incomeBusinessCosts: true, incomeProperty: true, incomeTransfers: true,
          rigidExpenditure: true, previousYearIncome: true, food: true, clothing: true, housingGrade: true, electricity: true,
          waterLitres: true, waterScarceArea: true, waterPiped: true, waterRoundTripMin: true, waterHorizontalM: true,
          waterVerticalM: true, waterQualitySafe: true, waterOutageDays: true,
          members: { where: { active: true }, select: { birthDate: true, counted: true, active: true, medicalInsurance: true, schoolStatus: true, dropoutMedicalExemption: true, laborCapacity: true } },
        },
      });
      if (chunk.length === 0) break;
      const results: { h: (typeof chunk)[number]; a: Assessment }[] = [];
      for (const h of chunk) {
        if (!h.members.some((m) => m.counted)) continue;
        results.push({ h, a: assess(householdInputFromRecord(h, h.members, year, asOf), policyFor(h.countyId.slice(0, 2))) });
      }
      const last = chunk[chunk.length - 1]!.id;
      await opts.afterRead?.(chunk.map((h) => h.id));
      await db.$transaction(async (tx) => {
        const now = new Date();
        // only households unchanged since they were read: a concurrent edit has already
        // recomputed with the new policy and must not be overwritten by older facts
        const updated = await tx.$queryRawUnsafe<{ id: string }[]>(
          `UPDATE household h SET "assessedStatus" = v.status::"AssessedStatus", candidate = v.candidate::"CandidateKind",
              "candidateCategory" = v.category::"MonitoringCategory", "perCapitaIncome" = v.pci, "countedMembers" = v.counted,
              "memberCount" = v.members, "unmetIndicators" = v.unmet, "assessedAt" = $2::timestamptz
            FROM jsonb_to_recordset($1::jsonb) AS v(id text, version int, status text, candidate text, category text, pci numeric, counted int, members int, unmet text[])
           WHERE h.id = v.id AND h.version = v.version
           RETURNING h.id`,
          JSON.stringify(results.map(({ h, a }) => ({
            id: h.id, version: h.version, status: a.status, candidate: a.candidate, category: a.monitoringCategory,
            pci: a.perCapitaIncome, counted: a.countedMembers, members: h.members.length, unmet: unmetOf(a),
          }))),
          now.toISOString(),
        );
        const kept = new Set(updated.map((r) => r.id));
        await insertRows(tx, "assessment", results.filter(({ h }) => kept.has(h.id)).map(({ h, a }) => ({
          id: crypto.randomUUID(), householdId: h.id, countyId: h.countyId, year, asOf: `${asOf}`, status: a.status,
          candidate: a.candidate, monitoringCategory: a.monitoringCategory, perCapitaIncome: a.perCapitaIncome,
          countedMembers: a.countedMembers, policyVersion: a.policyVersion, result: a, trigger: "policy", createdById: job.createdById, createdAt: now,
        })), now);
        done += chunk.length;
        await tx.recomputeJob.update({ where: { id: jobId }, data: { done, cursor: last } });
      });
      cursor = last;
    }
    await db.$transaction(async (tx) => {
      await tx.recomputeJob.update({ where: { id: jobId }, data: { state: "done", finishedAt: new Date(), total: Math.max(done, job.total) } });
      await audit(tx, { id: job.createdById, role: "system" }, {
        action: "recompute.done", entity: "recompute_job", entityId: jobId,
        after: { regionId: job.regionId, households: done, reason: job.reason, year },
      });
    });
  } catch (e) {
    await db.recomputeJob.update({ where: { id: jobId }, data: { state: "failed", error: String((e as Error).message).slice(0, 500), finishedAt: new Date() } }).catch(() => {});
    throw e;
  }
}

/** Jobs left unfinished by a stopped server resume from their cursor. */
export async function resumeRecomputeJobs(db: PrismaClient) {
  const jobs = await db.recomputeJob.findMany({ where: { state: { in: ["queued", "running"] } }, select: { id: true } });
  for (const j of jobs) void runRecomputeJob(db, j.id).catch((e) => console.error(`[recompute ${j.id}]`, e));
}
