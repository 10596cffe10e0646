// Creating and listing evaluations (evaluators only; a viewer sees the evaluations whose team
// they are on). The plan's defaults come from the policy of the evaluation's year and province.
import { CURRENT_SAMPLE_ALGORITHM } from "@/lib/domain/sampling-versions";
import "server-only";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";
import { AppError, outOfScopeField } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { currentYear } from "@/lib/clock";
import { loadPolicyRows } from "@/lib/data/assessment";
import { resolvePolicy, type PolicyRow } from "@/lib/domain/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateEvaluationInput } from "@/lib/validation/evaluation";
import { evaluationSelect } from "./access";
import { teamWhere } from "@/lib/auth/scope";
import type { StoredPlan } from "@/lib/domain/evaluation-plan";

function mustEvaluate(viewer: Viewer) {
  if (viewer.role !== "evaluator") throw new AppError("forbidden");
}

function invalid(field: string, message: string): AppError {
  return new AppError("invalid", message, { fieldErrors: { [field]: [message] } });
}

export interface CountyChoice {
  id: string;
  name: string;
  households: number;
  /** villages that have at least one household (the draw picks among these) */
  villages: number;
}

/** Counties under the evaluator's scope that have households, with their village counts. */
export async function evaluableCounties(viewer: Viewer): Promise<CountyChoice[]> {
  mustEvaluate(viewer);
  const rows = await db().$queryRaw<{ countyId: string; name: string; households: number; villages: number }[]>`
    SELECT h."countyId", r.name, count(*)::int AS households, count(DISTINCT h."villageId")::int AS villages
    FROM household h JOIN region r ON r.id = h."countyId"
    WHERE h."countyId" LIKE ${`${viewer.regionId}%`} -- an evaluator over a province: crosses counties (decision 0044)
    GROUP BY h."countyId", r.name ORDER BY h."countyId"`;
  return rows.map((r) => ({ id: r.countyId, name: r.name, households: r.households, villages: r.villages }));
}

export interface PlanDefaults {
  villagesMin: number;
  villagesMax: number;
  /** percent */
  sharePercent: number;
  capPerVillage: number;
}

export function planDefaultsFrom(rows: readonly PolicyRow[], year: number, countyId: string): PlanDefaults {
  const p = resolvePolicy(rows, year, countyId.slice(0, 2)).values;
  return {
    villagesMin: p.sampleVillagesMin,
    villagesMax: p.sampleVillagesMax,
    sharePercent: Number((p.sampleShare * 100).toPrecision(12)),
    capPerVillage: p.sampleCapPerVillage,
  };
}

/** The policy's sampling defaults for each county (this year), for the form. */
export async function planDefaults(
  viewer: Viewer,
  counties: readonly CountyChoice[],
  year = currentYear(),
): Promise<Record<string, PlanDefaults>> {
  mustEvaluate(viewer);
  const rows = await loadPolicyRows(db());
  return Object.fromEntries(counties.map((c) => [c.id, planDefaultsFrom(rows, year, c.id)]));
}

export interface TeamCandidate {
  id: string;
  name: string;
  username: string;
  regionId: string;
  regionName: string;
}

/** Evaluators (enabled) whose scope overlaps the viewer's: they may join a team on a county they cover. */
export async function teamCandidates(viewer: Viewer): Promise<TeamCandidate[]> {
  mustEvaluate(viewer);
  const prefixes = [2, 4, 6, 9, 12].filter((n) => n <= viewer.regionId.length).map((n) => viewer.regionId.slice(0, n));
  const users = await db().user.findMany({
    where: { role: "evaluator", disabled: false, OR: [{ regionId: { startsWith: viewer.regionId } }, { regionId: { in: prefixes } }] },
    select: { id: true, name: true, username: true, regionId: true, region: { select: { name: true } } },
    orderBy: [{ name: "asc" }],
    take: 200,
  });
  return users.map((u) => ({ id: u.id, name: u.name, username: u.username, regionId: u.regionId, regionName: u.region.name }));
}

export interface Created {
  id: string;
  replay: boolean;
}

/** Create an evaluation (client-generated id: a retry returns the stored one). */
export async function createEvaluation(viewer: Viewer, input: CreateEvaluationInput): Promise<Created> {
  mustEvaluate(viewer);
  const t = await getTranslations("evaluation");
  const existing = await db().evaluation.findUnique({ where: { id: input.id }, select: { createdById: true } });
  if (existing) {
    if (existing.createdById === viewer.id) return { id: input.id, replay: true };
    throw new AppError("not_found", "evaluation not found", { evaluationId: input.id });
  }

  if (!input.countyId.startsWith(viewer.regionId))
    throw outOfScopeField("countyId", t("errors.countyOutOfScope"), { countyId: input.countyId });
  const county = await db().region.findFirst({ where: { id: input.countyId, level: "county" }, select: { id: true, name: true } });
  if (!county) throw outOfScopeField("countyId", t("errors.countyOutOfScope"), { countyId: input.countyId });
  if (input.year > currentYear()) throw invalid("year", t("errors.futureYear", { year: currentYear() }));

  const [counts] = await db().$queryRaw<{ villages: number; households: number }[]>`
    SELECT count(DISTINCT "villageId")::int AS villages, count(*)::int AS households FROM household WHERE "countyId" = ${county.id}`;
  const available = counts?.villages ?? 0;
  if (available === 0) throw invalid("countyId", t("errors.noHouseholds", { county: county.name }));
  if (input.plan.villages > available) {
    throw invalid("plan.villages", t("errors.tooManyVillages", { asked: input.plan.villages, available, county: county.name }));
  }

  // the team: the creator always, plus chosen evaluators whose scope covers the county
  const chosen = [...new Set([viewer.id, ...input.team])];
  const members = await db().user.findMany({
    where: { id: { in: chosen }, role: "evaluator", disabled: false },
    select: { id: true, regionId: true, name: true },
  });
  const valid = members.filter((m) => county.id.startsWith(m.regionId));
  const bad = chosen.filter((id) => !valid.some((m) => m.id === id));
  if (bad.length) throw invalid("team", t("errors.teamMember", { count: bad.length, county: county.name }));

  const rows = await loadPolicyRows(db());
  const d = planDefaultsFrom(rows, input.year, county.id);
  const plan: StoredPlan = {
    villages: input.plan.villages,
    share: Number((input.plan.sharePercent / 100).toPrecision(12)),
    capPerVillage: input.plan.capPerVillage,
    includeAllExited: input.plan.includeAllExited,
    defaults: { villagesMin: d.villagesMin, villagesMax: d.villagesMax, share: d.sharePercent / 100, capPerVillage: d.capPerVillage },
  };
  try {
    await db().$transaction(async (tx) => {
      await tx.evaluation.create({
        data: {
          id: input.id,
          countyId: county.id,
          year: input.year,
          name: input.name,
          plan: plan as unknown as Prisma.InputJsonValue,
          algorithm: CURRENT_SAMPLE_ALGORITHM,
          createdById: viewer.id,
        },
      });
      await tx.evaluationMember.createMany({ data: valid.map((m) => ({ evaluationId: input.id, userId: m.id })) });
      await audit(tx, actorOf(viewer), {
        action: "evaluation.create",
        entity: "evaluation",
        entityId: input.id,
        after: {
          countyId: county.id,
          year: input.year,
          name: input.name,
          plan,
          algorithm: CURRENT_SAMPLE_ALGORITHM,
          team: valid.map((m) => m.id),
        },
      });
    });
  } catch (e) {
    // the same id sent twice at once: the primary key let one in
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await db().evaluation.findUnique({ where: { id: input.id }, select: { createdById: true } });
      if (again?.createdById === viewer.id) return { id: input.id, replay: true };
    }
    throw e;
  }
  return { id: input.id, replay: false };
}

export interface EvaluationListItem {
  id: string;
  name: string;
  countyId: string;
  countyName: string;
  year: number;
  state: "draft" | "drawn" | "closed";
  releaseAt: Date | null;
  /** The release time is still ahead (the sample is under embargo), as of this request. */
  embargoed: boolean;
  sampled: number;
  checked: number;
  discrepancies: number;
  createdAt: Date;
}

/** The viewer's evaluations (team member), newest first. */
export async function listEvaluations(viewer: Viewer): Promise<EvaluationListItem[]> {
  if (viewer.role !== "evaluator") return [];
  const rows = await db().evaluation.findMany({
    where: teamWhere(viewer),
    orderBy: [{ createdAt: "desc" }],
    take: 100,
    select: { ...evaluationSelect, _count: { select: { sample: true, questionnaires: true, discrepancies: true } } },
  });
  const counties = await db().region.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.countyId))] } },
    select: { id: true, name: true },
  });
  const name = new Map(counties.map((c) => [c.id, c.name]));
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    countyId: r.countyId,
    countyName: name.get(r.countyId) ?? r.countyId,
    year: r.year,
    state: r.state,
    releaseAt: r.releaseAt,
    embargoed: r.releaseAt !== null && r.releaseAt.getTime() > now,
    sampled: r._count.sample,
    checked: r._count.questionnaires,
    discrepancies: r._count.discrepancies,
    createdAt: r.createdAt,
  }));
}
