// Decisions waiting on a county-side reviewer. A proposal's stage names the step it has reached,
// so what waits on someone is the step that comes next:
//   township reviewer  — township review (first notice posted), second notice (reviewed identification)
//   county official    — county approval (reviewed, or second notice posted), announcement (approved)
// Each row carries whether the step can be taken today and, if not, why (canTake's reasons).
import "server-only";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";
import { canTake, decisionDeadline, nextSteps, TIME_LIMITED_KINDS, type ProcedureStep } from "@/lib/domain/procedure";
import { addDays } from "@/lib/domain/working-days";
import { OPEN_STAGES } from "@/lib/domain/eligibility";
import { noticeEnd } from "@/lib/domain/notice";
import type { Prisma } from "@/lib/generated/prisma/client";
import { today } from "@/lib/clock";
import { isCountyOfficial, isTownshipReviewer, regionReach } from "@/lib/auth/scope";
import { proposalSelect, procedurePolicy, stateOf, stepContext, type LoadedProposal } from "./state";
import { chinaDay } from "@/lib/domain/china-time";
import type { MonitoringCategory, ProposalKind } from "@/lib/generated/prisma/enums";

export interface QueueRow {
  proposalId: string;
  householdId: string;
  headName: string;
  villageName: string;
  kind: ProposalKind;
  category: MonitoringCategory | null;
  stage: string;
  next: ProcedureStep;
  noticeEnd: string | null;
  openObjections: number;
  ready: boolean;
  missing: string[];
  missingEn: string[];
  /** the decision time limit (monitoring): the day it is due and how many days late */
  due: string | null;
  daysLate: number;
}

const LIMIT = 200;

export async function approvalQueue(viewer: Viewer): Promise<{ role: "township" | "county" | null; rows: QueueRow[] }> {
  let where: Prisma.ProposalWhereInput;
  let role: "township" | "county" | null;
  if (isTownshipReviewer(viewer)) {
    role = "township";
    where = {
      ...regionReach(viewer.regionId, "township"),
      OR: [{ stage: "first_notice" }, { stage: "township_review", kind: "identify" }],
    };
  } else if (isCountyOfficial(viewer)) {
    role = "county";
    where = {
      countyId: viewer.regionId,
      OR: [{ stage: "township_review", kind: { not: "identify" } }, { stage: "second_notice" }, { stage: "county_approval" }],
    };
  } else {
    return { role: null, rows: [] };
  }
  const proposals = await db().proposal.findMany({
    where,
    orderBy: [{ stage: "desc" }, { raisedAt: "asc" }],
    take: LIMIT,
    select: proposalSelect,
  });
  if (proposals.length === 0) return { role, rows: [] };
  const [households, villages, objections] = await Promise.all([
    db().household.findMany({ where: { id: { in: proposals.map((p) => p.householdId) } }, select: { id: true, headName: true } }),
    db().region.findMany({ where: { id: { in: [...new Set(proposals.map((p) => p.villageId))] } }, select: { id: true, name: true } }),
    db().objection.groupBy({
      by: ["proposalId"],
      where: { proposalId: { in: proposals.map((p) => p.id) }, resolvedAt: null },
      _count: { _all: true },
    }),
  ]);
  const now = today();
  const policies = new Map<string, Awaited<ReturnType<typeof procedurePolicy>>>();
  const rows: QueueRow[] = [];
  for (const p of proposals) {
    const policy = policies.get(p.countyId) ?? (await procedurePolicy(db(), p.countyId, now));
    policies.set(p.countyId, policy);
    const row = await rowOf(p, policy, now);
    if (!row) continue;
    rows.push({
      ...row,
      headName: households.find((h) => h.id === p.householdId)?.headName ?? "—",
      villageName: villages.find((v) => v.id === p.villageId)?.name ?? p.villageId,
      openObjections: objections.find((o) => o.proposalId === p.id)?._count._all ?? 0,
    });
  }
  // overdue first (the latest first), then ready, then the order above
  rows.sort((a, b) => b.daysLate - a.daysLate || Number(b.ready) - Number(a.ready));
  return { role, rows };
}

async function rowOf(p: LoadedProposal, policy: Awaited<ReturnType<typeof procedurePolicy>>, now: string) {
  const state = stateOf(p, now);
  const next = nextSteps(state).find((s) => s !== "reverify");
  if (!next) return null;
  const ctx = await stepContext(db(), p, { today: now, policy, ...(next === "second_notice" ? { noticeStart: now } : {}) });
  const check = canTake(state, next, ctx);
  return {
    proposalId: p.id,
    householdId: p.householdId,
    kind: p.kind,
    category: p.monitoringCategory,
    stage: p.stage,
    next,
    noticeEnd: state.notice ? noticeEnd(state.notice.start, state.notice.days) : null,
    ...deadlineOf(p, policy, now),
    ready: check.ok,
    missing: check.ok ? [] : check.missing,
    missingEn: check.ok ? [] : check.missingEn,
  };
}

function deadlineOf(p: Pick<LoadedProposal, "kind" | "raisedAt">, policy: Awaited<ReturnType<typeof procedurePolicy>>, now: string) {
  const d = decisionDeadline(p.kind, chinaDay(p.raisedAt), now, policy);
  return { due: d?.due ?? null, daysLate: d?.daysLate ?? 0 };
}

export interface OverdueRow {
  proposalId: string;
  headName: string;
  villageName: string;
  kind: ProposalKind;
  category: MonitoringCategory | null;
  stage: string;
  raisedOn: string;
  due: string;
  daysLate: number;
}

/**
 * Monitoring proposals of the township (or county) still open past their decision time limit
 * (raised + decisionDays calendar days, a policy setting), the latest first, with how late.
 */
export async function overdueProposals(viewer: Viewer): Promise<OverdueRow[]> {
  let where: Prisma.ProposalWhereInput;
  let countyId: string;
  if (isTownshipReviewer(viewer)) {
    where = regionReach(viewer.regionId, "township");
    countyId = viewer.regionId.slice(0, 6);
  } else if (isCountyOfficial(viewer)) {
    where = { countyId: viewer.regionId };
    countyId = viewer.regionId;
  } else return [];
  const now = today();
  const policy = await procedurePolicy(db(), countyId, now);
  // raised on or before today − (limit + 1) in China: midnight of the next day there, as a moment
  const cutoff = new Date(`${addDays(now, -policy.decisionDays)}T00:00:00+08:00`);
  const rows = await db().proposal.findMany({
    where: { AND: [where, { kind: { in: [...TIME_LIMITED_KINDS] }, stage: { in: [...OPEN_STAGES] }, raisedAt: { lt: cutoff } }] },
    orderBy: { raisedAt: "asc" },
    take: LIMIT,
    select: { id: true, householdId: true, villageId: true, kind: true, monitoringCategory: true, stage: true, raisedAt: true },
  });
  if (rows.length === 0) return [];
  const [households, villages] = await Promise.all([
    db().household.findMany({ where: { id: { in: rows.map((r) => r.householdId) } }, select: { id: true, headName: true } }),
    db().region.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.villageId))] } }, select: { id: true, name: true } }),
  ]);
  return rows
    .map((r) => {
      const d = decisionDeadline(r.kind, chinaDay(r.raisedAt), now, policy)!;
      return {
        proposalId: r.id,
        headName: households.find((h) => h.id === r.householdId)?.headName ?? "—",
        villageName: villages.find((v) => v.id === r.villageId)?.name ?? r.villageId,
        kind: r.kind,
        category: r.monitoringCategory,
        stage: r.stage,
        raisedOn: chinaDay(r.raisedAt),
        due: d.due,
        daysLate: d.daysLate,
      };
    })
    .filter((r) => r.daysLate > 0)
    .sort((a, b) => b.daysLate - a.daysLate);
}
