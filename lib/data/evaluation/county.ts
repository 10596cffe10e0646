// What the county sees of an evaluation, and only after its release time: the sampled
// households (read-only), and the discrepancies found, as follow-ups to resolve. Every query
// takes the viewer and carries the embargo in its `where` (access.ts releasedWhere): before
// releaseAt these return nothing, whoever asks. Only county officials of that county.
// For the county pages to mount: components/evaluation/released-sample.tsx and
// components/evaluation/county-followups.tsx.
import "server-only";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import { releasedWhere, sampleWhere } from "@/lib/auth/scope";

/** One county, or (an evaluator over a city or province) every county under the viewer: that read crosses counties (decision 0044). */
function countyFilter(viewer: Viewer, countyId?: string): { countyId?: string | { startsWith: string } } {
  if (countyId && countyId.startsWith(viewer.regionId)) return { countyId };
  if (countyId) return { countyId: "-" }; // out of scope: nothing
  return { countyId: { startsWith: viewer.regionId } }; // above a county: crosses counties (decision 0044)
}

export interface ReleasedSampleHousehold {
  householdId: string;
  number: string;
  headName: string;
  villageName: string;
  exited: boolean;
  registeredStatus: string;
}

export interface ReleasedEvaluation {
  id: string;
  name: string;
  year: number;
  countyId: string;
  state: "draft" | "drawn" | "closed";
  releaseAt: Date;
  households: ReleasedSampleHousehold[];
}

/** Released samples of the county (official only; before the release time: nothing). */
export async function releasedSamples(viewer: Viewer, countyId?: string, now = new Date()): Promise<ReleasedEvaluation[]> {
  if (viewer.role !== "county_official") return [];
  const evaluations = await db().evaluation.findMany({
    where: { AND: [releasedWhere(viewer, now), countyFilter(viewer, countyId)] },
    orderBy: [{ releaseAt: "desc" }],
    take: 20,
    select: { id: true, name: true, year: true, countyId: true, state: true, releaseAt: true },
  });
  if (!evaluations.length) return [];
  const sample = await db().sampleHousehold.findMany({
    where: { AND: [sampleWhere(viewer, now), { evaluationId: { in: evaluations.map((e) => e.id) } }] },
    select: { evaluationId: true, householdId: true, exited: true },
  });
  const households = await db().household.findMany({
    where: { id: { in: sample.map((s) => s.householdId) }, countyId: { startsWith: viewer.regionId } }, // above a county: crosses counties (decision 0044)
    select: { id: true, number: true, headName: true, registeredStatus: true, village: { select: { name: true } } },
  });
  const hh = new Map(households.map((h) => [h.id, h]));
  return evaluations.map((e) => ({
    id: e.id,
    name: e.name,
    year: e.year,
    countyId: e.countyId,
    state: e.state,
    releaseAt: e.releaseAt!,
    households: sample
      .filter((s) => s.evaluationId === e.id && hh.has(s.householdId))
      .map((s) => {
        const h = hh.get(s.householdId)!;
        return {
          householdId: s.householdId,
          number: h.number,
          headName: h.headName,
          villageName: h.village.name,
          exited: s.exited,
          registeredStatus: h.registeredStatus,
        };
      })
      .sort((a, b) => a.villageName.localeCompare(b.villageName, "zh-CN") || a.number.localeCompare(b.number)),
  }));
}

/** Is this household in a released sample the viewer may see? (false before the release, whoever asks) */
export async function isInReleasedSample(viewer: Viewer, householdId: string, now = new Date()): Promise<boolean> {
  if (viewer.role !== "county_official") return false;
  return (await db().sampleHousehold.count({ where: { AND: [sampleWhere(viewer, now), { householdId }] } })) > 0;
}

export interface CountyFollowUp {
  id: string;
  evaluationId: string;
  evaluationName: string;
  householdId: string;
  number: string;
  headName: string;
  villageName: string;
  kind: string;
  detail: { zh?: string; en?: string } & Record<string, unknown>;
  evidence: string | null;
  state: "open" | "resolved";
  resolution: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** The discrepancies of released evaluations, as the county's follow-ups (open first). */
export async function countyFollowups(
  viewer: Viewer,
  opts: { countyId?: string; state?: "open" | "resolved" } = {},
  now = new Date(),
): Promise<CountyFollowUp[]> {
  if (viewer.role !== "county_official") return [];
  const where: Prisma.DiscrepancyWhereInput = {
    AND: [{ evaluation: releasedWhere(viewer, now) }, countyFilter(viewer, opts.countyId), opts.state ? { state: opts.state } : {}],
  };
  const rows = await db().discrepancy.findMany({
    where,
    orderBy: [{ state: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: {
      id: true,
      evaluationId: true,
      householdId: true,
      kind: true,
      detail: true,
      evidence: true,
      state: true,
      resolution: true,
      createdAt: true,
      resolvedAt: true,
      evaluation: { select: { name: true } },
    },
  });
  const households = await db().household.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.householdId))] } },
    select: { id: true, number: true, headName: true, village: { select: { name: true } } },
  });
  const hh = new Map(households.map((h) => [h.id, h]));
  return rows.map((r) => ({
    id: r.id,
    evaluationId: r.evaluationId,
    evaluationName: r.evaluation.name,
    householdId: r.householdId,
    number: hh.get(r.householdId)?.number ?? "—",
    headName: hh.get(r.householdId)?.headName ?? "—",
    villageName: hh.get(r.householdId)?.village.name ?? "",
    kind: r.kind,
    detail: (r.detail ?? {}) as CountyFollowUp["detail"],
    evidence: r.evidence,
    state: r.state,
    resolution: r.resolution,
    createdAt: r.createdAt,
    resolvedAt: r.resolvedAt,
  }));
}

/**
 * The county records how a discrepancy was dealt with (整改). This is the county's follow-up
 * work, which goes on after the evaluation has closed; the evaluation's own findings stay frozen.
 */
export async function resolveDiscrepancy(
  viewer: Viewer,
  input: { discrepancyId: string; resolution: string },
  now = new Date(),
): Promise<{ id: string }> {
  const t = await getTranslations("evaluation");
  if (viewer.role !== "county_official") throw new AppError("forbidden");
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM discrepancy WHERE id = ${input.discrepancyId} FOR UPDATE`;
    const d = await tx.discrepancy.findFirst({
      where: { AND: [{ id: input.discrepancyId }, { evaluation: releasedWhere(viewer, now) }, countyFilter(viewer)] },
      select: { id: true, state: true, countyId: true, kind: true, evaluationId: true },
    });
    if (!d) throw new AppError("not_found", "discrepancy not found", { discrepancyId: input.discrepancyId });
    if (d.state === "resolved") throw new AppError("closed", t("errors.alreadyResolved"));
    const resolvedAt = new Date();
    await tx.discrepancy.update({ where: { id: d.id }, data: { state: "resolved", resolution: input.resolution, resolvedAt } });
    await audit(tx, actorOf(viewer), {
      action: "discrepancy.resolve",
      entity: "discrepancy",
      entityId: d.id,
      countyId: d.countyId,
      before: { state: "open" },
      after: { state: "resolved", resolution: input.resolution, evaluationId: d.evaluationId, kind: d.kind },
    });
    return { id: d.id };
  });
}
