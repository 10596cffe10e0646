// The draw: freeze the county's household list, hash it, draw the sample with the recorded
// seed with the evaluation's recorded algorithm (new evaluations: "jingzhun-sample-v2", the
// stratified draw of lib/domain/sampling-v2.ts; older ones keep "jingzhun-sample-v1"), store it;
// one transaction, audited.
// Then anyone with the seed and the frozen list can re-draw (verifyEvaluationDraw, or the CSV).
import "server-only";
import crypto from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { db, type Db, type Tx } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import type { SampleDifferences } from "@/lib/domain/sampling";
import type { SampleHouseholdV2 as FrozenHousehold } from "@/lib/domain/sampling-v2";
import { CURRENT_SAMPLE_ALGORITHM, drawWith, listHashWith, verifyWith } from "@/lib/domain/sampling-versions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockForWrite, refuse, teamEvaluation, evaluationSelect } from "./access";
import { sampleReaderWhere, sampleWhere } from "@/lib/auth/scope";
import { readPlan, samplePlanOf, type StoredPlan } from "@/lib/domain/evaluation-plan";

/** 128 random bits as 32 hex digits: recorded, shown, and enough that nobody can steer it. */
export function randomSeed(): string {
  return crypto.randomBytes(16).toString("hex");
}

const FIELD_OF: Record<string, string> = {
  too_many_villages: "plan.villages",
  no_villages: "plan.villages",
  invalid_village_count: "plan.villages",
  invalid_share: "plan.sharePercent",
  invalid_cap: "plan.capPerVillage",
  invalid_seed: "seed",
};

async function frozenRows(client: Db | Tx, evaluationId: string): Promise<FrozenHousehold[]> {
  const rows = await client.evaluationListEntry.findMany({
    where: { evaluationId },
    orderBy: { householdId: "asc" },
    select: { householdId: true, villageId: true, villageDesignated: true, exitedThisYear: true, registeredStatus: true },
  });
  return rows.map((r) => ({
    id: r.householdId,
    villageId: r.villageId,
    villageDesignated: r.villageDesignated,
    exitedThisYear: r.exitedThisYear,
    registeredStatus: r.registeredStatus,
  }));
}

export interface DrawOutcome {
  seed: string;
  listHash: string;
  frozen: number;
  sampled: number;
  villages: number;
}

export async function drawEvaluation(viewer: Viewer, input: { evaluationId: string; seed?: string }): Promise<DrawOutcome> {
  const t = await getTranslations("evaluation");
  const en = (await getLocale()) === "en";
  const seed = input.seed ?? randomSeed();
  return db().$transaction(async (tx) => {
    const e = await lockForWrite(tx, viewer, input.evaluationId, ["draft"], t("errors.closed"), t("errors.alreadyDrawn"));
    const from = `${e.year}-01-01`;
    const to = `${e.year + 1}-01-01`;
    // set-based: the whole county in one statement; "exited this year" = a change to lifted effective in the year
    await tx.$executeRaw`
      INSERT INTO evaluation_list_entry ("evaluationId", "householdId", "villageId", "villageDesignated", "exitedThisYear", "registeredStatus")
      SELECT ${e.id}, h.id, h."villageId", v."designatedPoor",
        EXISTS (SELECT 1 FROM registration_change rc
                WHERE rc."householdId" = h.id AND rc."toStatus" = 'lifted'
                  AND rc.effective >= ${from}::date AND rc.effective < ${to}::date),
        h."registeredStatus"
      FROM household h JOIN region v ON v.id = h."villageId" WHERE h."countyId" = ${e.countyId}`;
    const list = await frozenRows(tx, e.id);
    const plan = readPlan(e.plan);
    const algorithm = e.algorithm ?? CURRENT_SAMPLE_ALGORITHM;
    const drawn = drawWith(algorithm, seed, list, samplePlanOf(plan));
    if (!drawn.ok) {
      const message = en ? drawn.messageEn : drawn.message;
      const field = FIELD_OF[drawn.code] ?? "_form";
      throw new AppError("invalid", message, { fieldErrors: { [field]: [message] } });
    }
    const hash = listHashWith(algorithm, list); // the same canonical hash drawSample used, over the rows read back
    const byId = new Map(list.map((h) => [h.id, h]));
    await tx.sampleHousehold.createMany({
      data: drawn.households.map((id) => ({
        evaluationId: e.id,
        householdId: id,
        countyId: e.countyId,
        villageId: byId.get(id)!.villageId,
        exited: byId.get(id)!.exitedThisYear,
      })),
    });
    const stored: StoredPlan = {
      ...plan,
      drawn: { villages: drawn.villages, perVillage: drawn.perVillage, strata: drawn.strata, villagesShort: drawn.villagesShort },
    };
    await tx.evaluation.update({
      where: { id: e.id },
      data: {
        state: "drawn",
        seed,
        listHash: hash,
        algorithm,
        frozenAt: new Date(),
        plan: stored as unknown as Prisma.InputJsonValue,
        version: { increment: 1 },
      },
    });
    await audit(tx, actorOf(viewer), {
      action: "evaluation.draw",
      entity: "evaluation",
      entityId: e.id,
      before: { state: e.state },
      after: {
        state: "drawn",
        countyId: e.countyId,
        seed,
        listHash: hash,
        algorithm,
        frozen: list.length,
        sampled: drawn.households.length,
        villages: drawn.villages,
        seedGiven: input.seed !== undefined,
      },
    });
    return { seed, listHash: hash, frozen: list.length, sampled: drawn.households.length, villages: drawn.villages.length };
  });
}

export interface VerifyOutcome {
  same: boolean;
  /** the hash of the frozen list as it is now */
  listHash: string;
  message: string;
  differences: SampleDifferences | null;
}

/** Re-draw from the stored seed and frozen list and compare with the stored sample. */
export async function verifyEvaluationDraw(viewer: Viewer, evaluationId: string): Promise<VerifyOutcome> {
  const t = await getTranslations("evaluation");
  const en = (await getLocale()) === "en";
  const e = await teamEvaluation(viewer, evaluationId);
  if (e.state === "draft" || !e.seed) throw new AppError("conflict", t("errors.notDrawn"));
  const [list, sample] = await Promise.all([
    frozenRows(db(), e.id),
    db().sampleHousehold.findMany({
      where: { AND: [sampleWhere(viewer, new Date()), { evaluationId: e.id }] },
      select: { householdId: true, villageId: true },
    }),
  ]);
  const plan = readPlan(e.plan);
  const claimedVillages = plan.drawn?.villages ?? [...new Set(sample.map((s) => s.villageId))];
  const algorithm = e.algorithm ?? CURRENT_SAMPLE_ALGORITHM;
  const r = verifyWith(algorithm, e.seed, list, samplePlanOf(plan), {
    villages: claimedVillages,
    households: sample.map((s) => s.householdId),
    listHash: e.listHash ?? undefined,
  });
  const hash = list.length ? listHashWith(algorithm, list) : "";
  await audit(db(), actorOf(viewer), {
    action: "evaluation.verify",
    entity: "evaluation",
    entityId: e.id,
    after: { same: r.ok, listHash: hash },
  });
  if (r.ok) return { same: true, listHash: hash, message: t("verify.same"), differences: null };
  if ("differences" in r) return { same: false, listHash: hash, message: en ? r.messageEn : r.message, differences: r.differences };
  return { same: false, listHash: hash, message: en ? r.messageEn : r.message, differences: null };
}

export interface FrozenListExport {
  evaluationId: string;
  name: string;
  countyId: string;
  year: number;
  seed: string;
  listHash: string;
  algorithm: string;
  plan: StoredPlan;
  rows: FrozenHousehold[];
  /** the sampled household ids, sorted (code units) */
  sample: string[];
}

/**
 * The frozen list and the seed, for an independent re-draw: the team's, or (after the release)
 * the county official's. Anyone else, or before the release: not found (audited).
 */
export async function frozenListFor(viewer: Viewer, evaluationId: string, now = new Date()): Promise<FrozenListExport> {
  const e = await db().evaluation.findFirst({
    where: { AND: [{ id: evaluationId }, sampleReaderWhere(viewer, now)] },
    select: evaluationSelect,
  });
  if (!e || !e.seed || !e.listHash || !e.algorithm)
    return refuse(viewer, "evaluation.frozen_list", evaluationId, { reason: e ? "not drawn" : "not on the team or not released" });
  const rows = await frozenRows(db(), e.id);
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // canonical order (code units), as the hash
  const sample = (
    await db().sampleHousehold.findMany({
      where: { AND: [sampleWhere(viewer, now), { evaluationId: e.id }] },
      select: { householdId: true },
    })
  )
    .map((s) => s.householdId)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await audit(db(), actorOf(viewer), { action: "evaluation.export", entity: "evaluation", entityId: e.id, after: { rows: rows.length } });
  return {
    evaluationId: e.id,
    name: e.name,
    countyId: e.countyId,
    year: e.year,
    seed: e.seed,
    listHash: e.listHash,
    algorithm: e.algorithm,
    plan: readPlan(e.plan),
    rows,
    sample,
  };
}
