// One evaluation as its team sees it: plan, draw, release, the sample by village with each
// household's check, and the discrepancies found. Team only (else not found, audited).
// Once closed, the sample list keeps household numbers and villages but no longer names heads:
// access to household data ends with the evaluation.
import "server-only";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";
import { teamEvaluation, type EvaluationRow } from "./access";
import { sampleWhere, teamWhere } from "@/lib/auth/scope";
import { readPlan, type StoredPlan } from "@/lib/domain/evaluation-plan";
import type { VillageDraw } from "@/lib/domain/sampling";
import type { VillageDrawV2 } from "@/lib/domain/sampling-v2";

export interface SampleRow {
  householdId: string;
  number: string;
  /** null once the evaluation is closed */
  headName: string | null;
  villageId: string;
  exited: boolean;
  registeredStatus: "not_registered" | "registered_poor" | "lifted";
  checkedAt: Date | null;
  approval: string | null;
  discrepancies: string[];
}

export interface VillageGroup {
  villageId: string;
  villageName: string;
  townshipName: string | null;
  /** v1 draws: ordinary households and how many were drawn */
  ordinary: number | null;
  ordinaryDrawn: number | null;
  exited: number | null;
  /** v2 (stratified) draws: the village's stratum and the register/outside halves; null for v1 */
  strata: VillageDrawV2 | null;
  households: SampleRow[];
}

export interface DiscrepancyRow {
  id: string;
  householdId: string;
  number: string;
  villageName: string;
  kind: string;
  detail: { zh?: string; en?: string } & Record<string, unknown>;
  evidence: string | null;
  state: "open" | "resolved";
  resolution: string | null;
  createdAt: Date;
}

export interface EvaluationDetail {
  evaluation: EvaluationRow;
  plan: StoredPlan;
  county: { id: string; name: string; zone: string | null };
  team: { id: string; name: string; username: string }[];
  createdByName: string | null;
  frozenCount: number;
  groups: VillageGroup[];
  sampled: number;
  checked: number;
  discrepancies: DiscrepancyRow[];
}

export async function evaluationDetail(viewer: Viewer, evaluationId: string): Promise<EvaluationDetail> {
  const e = await teamEvaluation(viewer, evaluationId);
  const open = e.state !== "closed";
  const [county, team, creator, frozenCount, sample, questionnaires, discrepancies] = await Promise.all([
    db().region.findUniqueOrThrow({ where: { id: e.countyId }, select: { id: true, name: true, zone: true } }),
    db().evaluationMember.findMany({ where: { evaluationId: e.id }, select: { userId: true } }),
    db().user.findUnique({ where: { id: e.createdById }, select: { name: true } }),
    db().evaluationListEntry.count({ where: { evaluationId: e.id } }),
    db().sampleHousehold.findMany({
      where: { AND: [sampleWhere(viewer, new Date()), { evaluationId: e.id }] },
      select: { householdId: true, villageId: true, exited: true },
    }),
    db().questionnaire.findMany({
      where: { evaluationId: e.id, evaluation: teamWhere(viewer) },
      select: { householdId: true, submittedAt: true, approval: true },
    }),
    db().discrepancy.findMany({
      where: { evaluationId: e.id, evaluation: teamWhere(viewer) },
      orderBy: [{ createdAt: "asc" }],
      select: { id: true, householdId: true, kind: true, detail: true, evidence: true, state: true, resolution: true, createdAt: true },
    }),
  ]);
  const ids = sample.map((s) => s.householdId);
  const [households, frozen, users] = await Promise.all([
    db().household.findMany({ where: { id: { in: ids }, countyId: e.countyId }, select: { id: true, number: true, headName: true } }),
    db().evaluationListEntry.findMany({
      where: { evaluationId: e.id, householdId: { in: ids } },
      select: { householdId: true, registeredStatus: true },
    }),
    db().user.findMany({
      where: { id: { in: team.map((m) => m.userId) } },
      select: { id: true, name: true, username: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const villageIds = [...new Set(sample.map((s) => s.villageId))];
  const plan = readPlan(e.plan);
  const allVillageIds = [...new Set([...villageIds, ...(plan.drawn?.villages ?? [])])];
  const villages = await db().region.findMany({
    where: { id: { in: allVillageIds } },
    select: { id: true, name: true, parent: { select: { name: true } } },
  });

  const hh = new Map(households.map((h) => [h.id, h]));
  const status = new Map(frozen.map((f) => [f.householdId, f.registeredStatus]));
  const q = new Map(questionnaires.map((x) => [x.householdId, x]));
  const dByHousehold = new Map<string, string[]>();
  for (const d of discrepancies) dByHousehold.set(d.householdId, [...(dByHousehold.get(d.householdId) ?? []), d.kind]);
  const village = new Map(villages.map((v) => [v.id, v]));
  const perVillage = new Map((plan.drawn?.perVillage ?? []).map((p) => [p.villageId, p]));

  const groups: VillageGroup[] = allVillageIds.sort().map((vid) => {
    const v = village.get(vid);
    const pv = perVillage.get(vid);
    const rows: SampleRow[] = sample
      .filter((s) => s.villageId === vid)
      .map((s) => {
        const h = hh.get(s.householdId);
        const qq = q.get(s.householdId);
        return {
          householdId: s.householdId,
          number: h?.number ?? "—",
          headName: open ? (h?.headName ?? null) : null,
          villageId: vid,
          exited: s.exited,
          registeredStatus: status.get(s.householdId) ?? "not_registered",
          checkedAt: qq?.submittedAt ?? null,
          approval: qq?.approval ?? null,
          discrepancies: dByHousehold.get(s.householdId) ?? [],
        };
      })
      .sort((a, b) => a.number.localeCompare(b.number));
    const v1 = pv && "ordinary" in pv ? (pv as VillageDraw) : null;
    const v2 = pv && "designated" in pv ? (pv as VillageDrawV2) : null;
    return {
      villageId: vid,
      villageName: v?.name ?? vid,
      townshipName: v?.parent?.name ?? null,
      ordinary: v1?.ordinary ?? null,
      ordinaryDrawn: v1?.ordinaryDrawn ?? null,
      exited: v1?.exited ?? v2?.exited ?? null,
      strata: v2,
      households: rows,
    };
  });

  const numberOf = (id: string) => hh.get(id)?.number ?? "—";
  const villageOf = new Map(sample.map((s) => [s.householdId, village.get(s.villageId)?.name ?? s.villageId]));
  return {
    evaluation: e,
    plan,
    county,
    team: users,
    createdByName: creator?.name ?? null,
    frozenCount,
    groups,
    sampled: sample.length,
    checked: questionnaires.length,
    discrepancies: discrepancies.map((d) => ({
      id: d.id,
      householdId: d.householdId,
      number: numberOf(d.householdId),
      villageName: villageOf.get(d.householdId) ?? "",
      kind: d.kind,
      detail: (d.detail ?? {}) as DiscrepancyRow["detail"],
      evidence: d.evidence,
      state: d.state,
      resolution: d.resolution,
      createdAt: d.createdAt,
    })),
  };
}
