// A designated poor village's exit (贫困村退出, decision 0051): the village's record per year and its
// procedure — the village (its facilitator, or a cadre posted to it as first secretary or team
// leader) records and proposes, the township reviewer of its township reviews, the county
// official of its county approves and announces. Each step is one transaction: the record locked,
// its version checked, the step row and the audit event written with it. Out of scope reads as
// not found. The county's list is one query (aggregates in SQL), the criteria judged per row by
// the pure function (no query per village).
import "server-only";
import { db, readDb, type Db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { audit, actorOf } from "@/lib/audit";
import { countyOfRegion, regionReach } from "@/lib/auth/scope/viewer";
import { mustApproveCounty, mustReviewTownship } from "@/lib/auth/scope";
import { today, currentYear, dateOnly } from "@/lib/clock";
import { loadPolicyRows } from "./assessment";
import { resolvePolicy, type RegionZone } from "@/lib/domain/policy";
import {
  collectiveIncomeCriterion,
  failedCriteriaText,
  judgeVillageExit,
  VILLAGE_EXIT_FACILITIES,
  type IncomeJudgment,
  type VillageExitFacts,
  type VillageExitVerdict,
} from "@/lib/domain/village-exit";
import type {
  ApproveVillageExitInput,
  ProposeVillageExitInput,
  ReviewVillageExitInput,
  SaveVillageExitInput,
} from "@/lib/validation/village-exit";
import { messageKey } from "@/i18n/keys";

export const VILLAGE_EXIT_STAGES = ["draft", "proposed", "returned", "township_reviewed", "announced"] as const;
export type VillageExitStage = (typeof VILLAGE_EXIT_STAGES)[number];
export const VILLAGE_EXIT_PAGE_SIZE = 50;

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
const day = (s: string | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** The village's exit policy for a year: the incidence thresholds (the collective income is the county's judgment). */
export async function villageExitPolicy(client: Db | Tx, countyId: string, year: number) {
  const resolved = resolvePolicy(await loadPolicyRows(client), year, countyId.slice(0, 2));
  return {
    values: {
      exitIncidenceEast: resolved.values.exitIncidenceEast,
      exitIncidenceWest: resolved.values.exitIncidenceWest,
    },
    version: resolved.version,
  };
}

/** The village's people, from its households: registered-poor people and the registered population. */
async function villagePeople(client: Db | Tx, countyId: string, villageId: string) {
  const [row] = await client.$queryRaw<{ people: number; poor: number }[]>`
    SELECT coalesce(sum("memberCount"), 0)::int AS people,
      coalesce(sum("memberCount") FILTER (WHERE "registeredStatus" = 'registered_poor'), 0)::int AS poor
    FROM household WHERE "countyId" = ${countyId} AND "villageId" = ${villageId}`;
  return { people: row?.people ?? 0, poor: row?.poor ?? 0 };
}

/** The zone the county lies in (east / central / west), copied down the tree. */
async function zoneOf(client: Db | Tx, countyId: string): Promise<RegionZone> {
  const c = await client.region.findFirst({ where: { id: countyId }, select: { zone: true } });
  return (c?.zone ?? "east") as RegionZone;
}

/** Whether the viewer speaks for the village: its facilitator, or a cadre serving there as first secretary or team leader. */
export async function isVillageSide(client: Db | Tx, viewer: Viewer, villageId: string): Promise<boolean> {
  if (viewer.role === "facilitator") return viewer.regionLevel === "village" && viewer.regionId === villageId;
  if (viewer.role !== "cadre") return false;
  const on = dateOnly(today());
  const posting = await client.residentPosting.findFirst({
    where: {
      countyId: villageId.slice(0, 6),
      villageId,
      userId: viewer.id,
      role: { in: ["first_secretary", "team_leader"] },
      validFrom: { lte: on },
      OR: [{ validTo: null }, { validTo: { gte: on } }],
    },
    select: { id: true },
  });
  return posting !== null;
}

/** The village a viewer speaks for (a facilitator's own, a cadre's posting as first secretary or team leader), or null. */
export async function ownExitVillage(viewer: Viewer): Promise<string | null> {
  if (viewer.role === "facilitator") return viewer.regionLevel === "village" ? viewer.regionId : null;
  if (viewer.role !== "cadre") return null;
  const on = dateOnly(today());
  const posting = await db().residentPosting.findFirst({
    where: {
      countyId: countyOfRegion(viewer.regionId) ?? "",
      userId: viewer.id,
      role: { in: ["first_secretary", "team_leader"] },
      validFrom: { lte: on },
      OR: [{ validTo: null }, { validTo: { gte: on } }],
    },
    select: { villageId: true },
    orderBy: { validFrom: "desc" },
  });
  return posting?.villageId ?? null;
}

/** Whether the viewer may read the village's exit: the village side, and the officials over it. */
async function mayReadVillage(client: Db | Tx, viewer: Viewer, villageId: string): Promise<boolean> {
  if (viewer.role === "county_official")
    return villageId.startsWith(viewer.regionId) && (viewer.regionLevel === "county" || viewer.regionLevel === "township");
  return isVillageSide(client, viewer, villageId);
}

function criteriaFacts(
  r: {
    roadOk: boolean;
    waterOk: boolean;
    powerOk: boolean;
    clinicOk: boolean;
    schoolOk: boolean;
    collectiveIncome: Prisma.Decimal | number | null;
    incomeJudgment: IncomeJudgment | null;
  } | null,
  people: { people: number; poor: number },
): VillageExitFacts {
  return {
    poorPeople: people.poor,
    population: people.people,
    road: r?.roadOk ?? false,
    water: r?.waterOk ?? false,
    power: r?.powerOk ?? false,
    clinic: r?.clinicOk ?? false,
    school: r?.schoolOk ?? false,
    collectiveIncome: r?.collectiveIncome === null || r?.collectiveIncome === undefined ? null : Number(r.collectiveIncome),
    incomeJudgment: r?.incomeJudgment ?? null,
  };
}

/**
 * The village exit page: the village, the year's record, its steps, the verdict on the current
 * record and population, and what the viewer may do. Null when the village is out of the viewer's
 * reach (or not a village).
 */
export async function villageExitPage(viewer: Viewer, villageId: string, year: number) {
  if (!/^\d{12}$/.test(villageId)) return null;
  const client = db();
  if (!(await mayReadVillage(client, viewer, villageId))) return null;
  const countyId = countyOfRegion(villageId)!;
  const village = await client.region.findFirst({
    where: { id: villageId, level: "village", parent: { parentId: countyId } },
    select: {
      id: true,
      name: true,
      designatedPoor: true,
      designatedExitYear: true,
      parent: { select: { id: true, name: true, parent: { select: { name: true, zone: true } } } },
    },
  });
  if (!village) return null;
  const [record, people, policy] = await Promise.all([
    client.villageExit.findUnique({
      where: { villageId_year: { villageId, year } },
      include: { steps: { orderBy: { at: "asc" } } },
    }),
    villagePeople(client, countyId, villageId),
    villageExitPolicy(client, countyId, year),
  ]);
  const zone = (village.parent?.parent?.zone ?? "east") as RegionZone;
  const verdict = judgeVillageExit(criteriaFacts(record, people), zone, policy.values);
  const actors = record?.steps.length
    ? await client.user.findMany({
        where: { id: { in: [...new Set(record.steps.map((s) => s.actorId))] } },
        select: { id: true, name: true },
      })
    : [];
  const judgedBy = record?.incomeJudgedById
    ? await client.user.findFirst({ where: { id: record.incomeJudgedById }, select: { name: true } })
    : null;
  const nameOf = new Map(actors.map((a) => [a.id, a.name]));
  const villageSide = await isVillageSide(client, viewer, villageId);
  const stage = (record?.stage ?? null) as VillageExitStage | null;
  const township = viewer.role === "county_official" && viewer.regionLevel === "township" && villageId.startsWith(viewer.regionId);
  const county = viewer.role === "county_official" && viewer.regionLevel === "county" && viewer.regionId === countyId;
  const years = await client.villageExit.findMany({
    where: { countyId, villageId },
    select: { year: true, stage: true },
    orderBy: { year: "desc" },
  });
  return {
    village: {
      id: village.id,
      name: village.name,
      townshipId: village.parent?.id ?? "",
      townshipName: village.parent?.name ?? "",
      countyId,
      countyName: village.parent?.parent?.name ?? "",
      designated: village.designatedPoor,
      exitYear: village.designatedExitYear,
    },
    year,
    years,
    people,
    verdict,
    record: record
      ? {
          id: record.id,
          version: record.version,
          stage: record.stage as VillageExitStage,
          facilities: Object.fromEntries(
            VILLAGE_EXIT_FACILITIES.map((f) => [f, { ok: record[`${f}Ok`], on: iso(record[`${f}On`]), note: record[`${f}Note`] }]),
          ) as Record<(typeof VILLAGE_EXIT_FACILITIES)[number], { ok: boolean; on: string | null; note: string }>,
          collectiveIncome: record.collectiveIncome === null ? null : Number(record.collectiveIncome),
          incomeJudgment: record.incomeJudgment
            ? {
                judgment: record.incomeJudgment,
                note: record.incomeJudgmentNote,
                by: judgedBy?.name ?? "—",
                at: record.incomeJudgedAt ? record.incomeJudgedAt.toISOString() : null,
              }
            : null,
          frozen:
            record.poorPeople !== null && record.population !== null
              ? {
                  poor: record.poorPeople,
                  people: record.population,
                  threshold: Number(record.incidenceThreshold),
                  value: record.population === 0 ? null : Math.round((record.poorPeople * 10000) / record.population) / 100,
                }
              : null,
          announcedOn: iso(record.announcedOn),
          steps: record.steps.map((s) => ({
            id: s.id,
            step: s.step,
            decision: s.decision,
            reason: s.reason,
            at: s.at.toISOString(),
            actor: nameOf.get(s.actorId) ?? "—",
          })),
        }
      : null,
    may: {
      edit:
        villageSide &&
        village.designatedPoor &&
        village.designatedExitYear === null &&
        (stage === null || stage === "draft" || stage === "returned"),
      propose: villageSide && village.designatedExitYear === null && (stage === "draft" || stage === "returned"),
      review: township && stage === "proposed",
      approve: county && stage === "township_reviewed",
    },
  };
}

export type VillageExitPageData = NonNullable<Awaited<ReturnType<typeof villageExitPage>>>;

/** The record locked for a step, or not found; the version checked. */
async function lockRecord(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM village_exit WHERE id = ${id} FOR UPDATE`;
  const r = await tx.villageExit.findUnique({ where: { id } });
  if (!r) throw new AppError("not_found", "village exit not found", { exitId: id.slice(0, 64) });
  return r;
}

function wrongStage(stage: string): AppError {
  return new AppError("invalid", messageKey("villageExit.errors.wrongStage"), { params: { stage }, worded: stageWords(stage) });
}

function alreadyExited(year: number): AppError {
  return new AppError("invalid", messageKey("villageExit.errors.alreadyExited"), { params: { year } });
}

const STAGE_WORDS: Record<string, { zh: string; en: string }> = {
  draft: { zh: "村级填报中", en: "village recording" },
  proposed: { zh: "待乡镇审核", en: "awaiting the township" },
  returned: { zh: "已退回村里", en: "returned to the village" },
  township_reviewed: { zh: "待县审定", en: "awaiting the county" },
  announced: { zh: "已公告退出", en: "exit announced" },
};
function stageWords(stage: string) {
  const w = STAGE_WORDS[stage] ?? { zh: stage, en: stage };
  return {
    zh: `该退出申请现在处于“${w.zh}”环节，不能进行这一步`,
    en: `This village exit is at the stage "${w.en}": this step cannot be taken now`,
  };
}

const recordView = (r: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = v instanceof Date ? v.toISOString() : v instanceof Prisma.Decimal ? Number(v) : v;
  return out;
};

/**
 * Record (or correct) the village's exit record for a year: the village side only, a designated
 * village, while the record is a draft or returned. A first record takes the client's id (a
 * resent form finds it again); an existing one its version. A changed collective income clears the
 * county's judgment of the old figure (pending again). One audit event.
 */
export async function saveVillageExit(viewer: Viewer, input: SaveVillageExitInput) {
  return db().$transaction(async (tx) => {
    if (!(await isVillageSide(tx, viewer, input.villageId)))
      throw new AppError("not_found", "village not on the viewer's side", { villageId: input.villageId });
    const countyId = countyOfRegion(input.villageId)!;
    const village = await tx.region.findFirst({
      where: { id: input.villageId, level: "village", parent: { parentId: countyId } },
      select: { id: true, designatedPoor: true, designatedExitYear: true },
    });
    if (!village) throw new AppError("not_found", "village not found", { villageId: input.villageId });
    if (!village.designatedPoor) throw new AppError("invalid", messageKey("villageExit.errors.notDesignated"));
    // an exited village keeps its history; it is not proposed again
    if (village.designatedExitYear !== null) throw alreadyExited(village.designatedExitYear);
    await tx.$queryRaw`SELECT id FROM village_exit WHERE "villageId" = ${input.villageId} AND year = ${input.year} FOR UPDATE`;
    const before = await tx.villageExit.findUnique({ where: { villageId_year: { villageId: input.villageId, year: input.year } } });
    const data = {
      ...Object.fromEntries(
        VILLAGE_EXIT_FACILITIES.flatMap((f) => [
          [`${f}Ok`, input[`${f}Ok`]],
          [`${f}On`, input[`${f}Ok`] ? day(input[`${f}On`]) : null],
          [`${f}Note`, input[`${f}Note`]],
        ]),
      ),
      collectiveIncome: input.collectiveIncome ?? null,
      updatedById: viewer.id,
    };
    let after;
    if (before) {
      if (input.version === undefined) {
        // the same form sent twice (its first record made): the same answer, nothing written again
        if (before.id === input.id && before.version === 1 && before.updatedById === viewer.id)
          return { id: before.id, version: before.version };
        throw new AppError("conflict", messageKey("villageExit.errors.exists"));
      }
      if (input.version !== before.version) throw new AppError("conflict", "errors.conflict");
      if (before.stage !== "draft" && before.stage !== "returned") throw wrongStage(before.stage);
      // the county's judgment was of the figure it saw: a new figure waits for a new judgment
      const cents = (v: Prisma.Decimal | number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 100));
      const refigured = cents(before.collectiveIncome) !== cents(input.collectiveIncome);
      const cleared = refigured ? { incomeJudgment: null, incomeJudgmentNote: "", incomeJudgedById: null, incomeJudgedAt: null } : {};
      after = await tx.villageExit.update({ where: { id: before.id }, data: { ...data, ...cleared, version: { increment: 1 } } });
    } else {
      if (input.version !== undefined) throw new AppError("conflict", "errors.conflict");
      const taken = await tx.villageExit.findUnique({ where: { id: input.id }, select: { id: true } });
      if (taken) throw new AppError("conflict", "errors.conflict");
      after = await tx.villageExit.create({
        data: { id: input.id, countyId, villageId: input.villageId, year: input.year, ...data },
      });
    }
    await audit(tx, actorOf(viewer), {
      action: before ? "village_exit.updated" : "village_exit.recorded",
      entity: "village_exit",
      entityId: after.id,
      countyId,
      before: before ? recordView(before) : null,
      after: recordView(after),
    });
    return { id: after.id, version: after.version };
  });
}

/**
 * The village proposes its exit: the village side, from a draft or a returned record, and only when
 * every criterion is met on the record and the village's people now (the refusal names each failed
 * criterion). The people counts and the policy's values are frozen on the record.
 */
export async function proposeVillageExit(viewer: Viewer, input: ProposeVillageExitInput) {
  return db().$transaction(async (tx) => {
    const r = await lockRecord(tx, input.exitId);
    if (!(await isVillageSide(tx, viewer, r.villageId))) throw new AppError("not_found", "village exit not in scope", { exitId: r.id });
    if (r.stage !== "draft" && r.stage !== "returned") throw wrongStage(r.stage);
    if (input.version !== r.version) throw new AppError("conflict", "errors.conflict");
    const exited = await tx.region.findUnique({ where: { id: r.villageId }, select: { designatedExitYear: true } });
    if (exited?.designatedExitYear != null) throw alreadyExited(exited.designatedExitYear);
    const [people, policy, zone] = await Promise.all([
      villagePeople(tx, r.countyId, r.villageId),
      villageExitPolicy(tx, r.countyId, r.year),
      zoneOf(tx, r.countyId),
    ]);
    const verdict = judgeVillageExit(criteriaFacts(r, people), zone, policy.values);
    if (!verdict.eligible) {
      const worded = failedCriteriaText(verdict);
      throw new AppError("invalid", worded.zh, { worded, failed: verdict.failed });
    }
    const after = await tx.villageExit.update({
      where: { id: r.id },
      data: {
        stage: "proposed",
        poorPeople: people.poor,
        population: people.people,
        incidenceThreshold: verdict.threshold,
        policyVersion: policy.version,
        proposedAt: new Date(),
        version: { increment: 1 },
        updatedById: viewer.id,
      },
    });
    await tx.villageExitStep.create({
      data: {
        exitId: r.id,
        countyId: r.countyId,
        step: "propose",
        decision: "proposed",
        reason: "",
        actorId: viewer.id,
        actorRole: viewer.role,
      },
    });
    await audit(tx, actorOf(viewer), {
      action: "village_exit.proposed",
      entity: "village_exit",
      entityId: r.id,
      countyId: r.countyId,
      before: { stage: r.stage, version: r.version },
      after: {
        stage: after.stage,
        version: after.version,
        poorPeople: people.poor,
        population: people.people,
        verdict: summary(verdict),
      },
    });
    return { stage: after.stage, version: after.version };
  });
}

const summary = (v: VillageExitVerdict) => ({
  incidence: v.incidence,
  threshold: v.threshold,
  failed: v.failed,
  pending: v.pending,
});

/** The township reviewer of the village's township reviews a proposed exit: approve, or return it to the village. */
export async function reviewVillageExit(viewer: Viewer, input: ReviewVillageExitInput) {
  return db().$transaction(async (tx) => {
    const r = await lockRecord(tx, input.exitId);
    mustReviewTownship(viewer, r.villageId);
    if (r.stage !== "proposed") throw wrongStage(r.stage);
    if (input.version !== r.version) throw new AppError("conflict", "errors.conflict");
    const stage = input.decision === "approve" ? "township_reviewed" : "returned";
    const after = await tx.villageExit.update({ where: { id: r.id }, data: { stage, version: { increment: 1 }, updatedById: viewer.id } });
    await tx.villageExitStep.create({
      data: {
        exitId: r.id,
        countyId: r.countyId,
        step: "township_review",
        decision: input.decision === "approve" ? "approved" : "returned",
        reason: input.reason,
        actorId: viewer.id,
        actorRole: viewer.role,
      },
    });
    await audit(tx, actorOf(viewer), {
      action: input.decision === "approve" ? "village_exit.township_reviewed" : "village_exit.returned",
      entity: "village_exit",
      entityId: r.id,
      countyId: r.countyId,
      reason: input.reason || null,
      before: { stage: r.stage, version: r.version },
      after: { stage: after.stage, version: after.version },
    });
    return { stage: after.stage, version: after.version };
  });
}

/**
 * The county official of the village's county judges the village's collective income (met / not
 * met, with a note) and approves the reviewed exit and announces it (the village leaves the list:
 * its designatedExitYear set, the designation and every record kept) — only with the income judged
 * met — or returns it to the village (the judgment, if given, kept with the figure it judged: a
 * "not met" blocks the next proposal until the village records another figure).
 */
export async function approveVillageExit(viewer: Viewer, input: ApproveVillageExitInput) {
  return db().$transaction(async (tx) => {
    const r = await lockRecord(tx, input.exitId);
    mustApproveCounty(viewer, r.countyId);
    if (r.stage !== "township_reviewed") throw wrongStage(r.stage);
    if (input.version !== r.version) throw new AppError("conflict", "errors.conflict");
    const approve = input.decision === "approve";
    const judgment = input.incomeJudgment ?? null;
    const income = collectiveIncomeCriterion(r.collectiveIncome === null ? null : Number(r.collectiveIncome), judgment);
    // the schema asks for "met" to approve; the record must also hold a figure to judge
    if (approve && income.state !== "met")
      throw new AppError("invalid", messageKey("villageExit.errors.incomeNotMet"), {
        fieldErrors: { incomeJudgment: [messageKey("villageExit.errors.incomeNotMet")] },
      });
    const after = await tx.villageExit.update({
      where: { id: r.id },
      data: {
        stage: approve ? "announced" : "returned",
        ...(approve ? { announcedOn: dateOnly(today()) } : {}),
        ...(judgment
          ? { incomeJudgment: judgment, incomeJudgmentNote: input.incomeNote, incomeJudgedById: viewer.id, incomeJudgedAt: new Date() }
          : {}),
        version: { increment: 1 },
        updatedById: viewer.id,
      },
    });
    await tx.villageExitStep.create({
      data: {
        exitId: r.id,
        countyId: r.countyId,
        step: "county_approval",
        decision: approve ? "approved" : "returned",
        reason: input.reason,
        actorId: viewer.id,
        actorRole: viewer.role,
      },
    });
    await audit(tx, actorOf(viewer), {
      action: approve ? "village_exit.announced" : "village_exit.returned",
      entity: "village_exit",
      entityId: r.id,
      countyId: r.countyId,
      reason: input.reason || null,
      before: { stage: r.stage, version: r.version },
      after: {
        stage: after.stage,
        version: after.version,
        announcedOn: iso(after.announcedOn),
        ...(judgment ? { incomeJudgment: judgment, incomeJudgmentNote: input.incomeNote } : {}),
      },
    });
    if (approve) {
      const region = await tx.region.findUniqueOrThrow({ where: { id: r.villageId }, select: { designatedExitYear: true } });
      await tx.region.update({ where: { id: r.villageId }, data: { designatedExitYear: r.year } });
      await audit(tx, actorOf(viewer), {
        action: "region.designated_exited",
        entity: "region",
        entityId: r.villageId,
        countyId: r.countyId,
        before: { designatedExitYear: region.designatedExitYear },
        after: { designatedExitYear: r.year, villageExitId: r.id },
      });
    }
    return { stage: after.stage, version: after.version };
  });
}

// ───────────────────────── the county's list ─────────────────────────

export interface VillageExitRow {
  id: string;
  name: string;
  townshipId: string;
  townshipName: string;
  exitYear: number | null;
  people: number;
  poorPeople: number;
  exitId: string | null;
  year: number | null;
  stage: VillageExitStage | null;
  verdict: VillageExitVerdict;
}

/**
 * The designated poor villages of the viewer's county (a township reviewer: of its township) with
 * each criterion and the stage of the latest year's record: one query, aggregated in SQL, paginated;
 * `stage` keeps one stage ("none": no record). A township's proposals to review come first.
 */
export async function villageExitList(viewer: Viewer, opts: { page?: number; stage?: string; pageSize?: number } = {}) {
  if (viewer.role !== "county_official" || (viewer.regionLevel !== "county" && viewer.regionLevel !== "township"))
    throw new AppError("not_found");
  const reach = regionReach(viewer.regionId, viewer.regionLevel);
  const countyId = reach.countyId as string;
  const within = viewer.regionId;
  const pageSize = opts.pageSize ?? VILLAGE_EXIT_PAGE_SIZE;
  const page = Math.max(1, opts.page ?? 1);
  const stage =
    opts.stage && (opts.stage === "none" || (VILLAGE_EXIT_STAGES as readonly string[]).includes(opts.stage)) ? opts.stage : null;
  const stageFilter =
    stage === null ? Prisma.empty : stage === "none" ? Prisma.sql`AND e.stage IS NULL` : Prisma.sql`AND e.stage::text = ${stage}`;
  const township = viewer.regionLevel === "township";
  const rows = await readDb().$queryRaw<
    (Omit<VillageExitRow, "verdict"> & {
      roadOk: boolean | null;
      waterOk: boolean | null;
      powerOk: boolean | null;
      clinicOk: boolean | null;
      schoolOk: boolean | null;
      collectiveIncome: number | null;
      incomeJudgment: IncomeJudgment | null;
      total: number;
    })[]
  >`
    WITH agg AS (
      SELECT h."villageId",
        coalesce(sum(h."memberCount"), 0)::int AS people,
        coalesce(sum(h."memberCount") FILTER (WHERE h."registeredStatus" = 'registered_poor'), 0)::int AS "poorPeople"
      FROM household h
      WHERE h."countyId" = ${countyId}
      GROUP BY h."villageId"
    ), latest AS (
      SELECT DISTINCT ON (x."villageId") x.*
      FROM village_exit x
      WHERE x."countyId" = ${countyId}
      ORDER BY x."villageId", x.year DESC
    )
    SELECT v.id, v.name, t.id AS "townshipId", t.name AS "townshipName", v."designatedExitYear" AS "exitYear",
      coalesce(agg.people, 0) AS people, coalesce(agg."poorPeople", 0) AS "poorPeople",
      e.id AS "exitId", e.year, e.stage::text AS stage,
      e."roadOk", e."waterOk", e."powerOk", e."clinicOk", e."schoolOk", e."collectiveIncome"::float8 AS "collectiveIncome",
      e."incomeJudgment"::text AS "incomeJudgment",
      count(*) OVER ()::int AS total
    FROM region v
    JOIN region t ON t.id = v."parentId"
    LEFT JOIN agg ON agg."villageId" = v.id
    LEFT JOIN latest e ON e."villageId" = v.id
    WHERE v.level = 'village' AND v."designatedPoor" AND t."parentId" = ${countyId}
      AND left(v.id, ${within.length}) = ${within} ${stageFilter}
    ORDER BY ${township ? Prisma.sql`(e.stage IS NOT DISTINCT FROM 'proposed') DESC,` : Prisma.empty} t.id, v.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const [policy, zone] = await Promise.all([villageExitPolicy(readDb(), countyId, currentYear()), zoneOf(readDb(), countyId)]);
  return {
    countyId,
    township,
    page,
    pageSize,
    stage,
    total: rows[0]?.total ?? (page > 1 ? await countDesignated(countyId, within) : 0),
    policy: policy.values,
    zone,
    rows: rows.map(({ total: _t, roadOk, waterOk, powerOk, clinicOk, schoolOk, collectiveIncome, incomeJudgment, ...r }) => ({
      ...r,
      stage: (r.stage ?? null) as VillageExitStage | null,
      verdict: judgeVillageExit(
        {
          poorPeople: r.poorPeople,
          population: r.people,
          road: roadOk ?? false,
          water: waterOk ?? false,
          power: powerOk ?? false,
          clinic: clinicOk ?? false,
          school: schoolOk ?? false,
          collectiveIncome: r.exitId ? collectiveIncome : null,
          incomeJudgment: r.exitId ? incomeJudgment : null,
        },
        zone,
        policy.values,
      ),
    })),
  };
}

async function countDesignated(countyId: string, within: string): Promise<number> {
  const [r] = await readDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM region v JOIN region t ON t.id = v."parentId"
    WHERE v.level = 'village' AND v."designatedPoor" AND t."parentId" = ${countyId} AND left(v.id, ${within.length}) = ${within}`;
  return r?.n ?? 0;
}

/** The proposals waiting for this township's review (the township's home page counts them). */
export async function villageExitsToReview(viewer: Viewer): Promise<number> {
  if (viewer.role !== "county_official" || viewer.regionLevel !== "township") return 0;
  return db().villageExit.count({ where: { ...regionReach(viewer.regionId, "township"), stage: "proposed" } });
}

// ───────────────────────── the announcement ─────────────────────────

/**
 * An announced village exit as posted (public, like the household announcements): the place, the
 * date and each criterion with what was found when it was proposed. Null unless announced.
 */
export async function villageExitAnnouncement(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const r = await db().villageExit.findFirst({
    where: { id, stage: "announced" },
    include: { village: { select: { name: true, parent: { select: { name: true, parent: { select: { name: true, hotline: true } } } } } } },
  });
  if (!r || r.poorPeople === null || r.population === null) return null;
  return {
    id: r.id,
    year: r.year,
    village: r.village.name,
    township: r.village.parent?.name ?? "",
    county: r.village.parent?.parent?.name ?? "",
    hotline: r.village.parent?.parent?.hotline ?? "12317",
    announcedOn: iso(r.announcedOn)!,
    poor: r.poorPeople,
    people: r.population,
    incidence: r.population === 0 ? 0 : Math.round((r.poorPeople * 10000) / r.population) / 100,
    threshold: Number(r.incidenceThreshold),
    collectiveIncome: r.collectiveIncome === null ? 0 : Number(r.collectiveIncome),
    incomeNote: r.incomeJudgmentNote,
    facilities: VILLAGE_EXIT_FACILITIES.map((f) => ({ key: f, on: iso(r[`${f}On`]) })),
  };
}
