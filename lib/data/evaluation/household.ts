// A sampled household's record, as an evaluator on the team reads it for the field check:
// only while the evaluation is open (drawn, not closed), only households in its sample. Every
// read is audited with its reason; a read outside the sample, after the close, or off the team
// is refused as not found and audited too.
// The audit rows name the evaluation (entity "evaluation"), never the household as entity and
// never the county: the household's own history (shown to cadres, e.g. in conflict messages)
// and the county's audit view must not reveal the sample.
import "server-only";
import { signedIncomeRecord } from "@/lib/data/income-records";
import { chinaDay } from "@/lib/domain/china-time";
import { db } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { maskNationalId } from "@/lib/domain/masking";
import { loadPolicyRows } from "@/lib/data/assessment";
import { STORED_ASSESSMENT_SELECT, withResults } from "@/lib/data/assessment-read";
import { resolvePolicy } from "@/lib/domain/policy";
import { evaluationSelect, refuse, type EvaluationRow } from "./access";
import { sampleWhere, teamWhere } from "@/lib/auth/scope";

/** The fixed reason of a field-check read; the evaluator may add their own words. */
export const SPOT_CHECK_REASON = "抽样核查 (spot check)";

const num = (v: unknown) => Number(String(v ?? 0));

export async function sampledHousehold(viewer: Viewer, evaluationId: string, householdId: string, reason?: string) {
  const why = reason?.trim() ? `${SPOT_CHECK_REASON}: ${reason.trim().slice(0, 200)}` : SPOT_CHECK_REASON;
  const e: EvaluationRow | null = await db().evaluation.findFirst({
    where: { AND: [{ id: evaluationId }, teamWhere(viewer)] },
    select: evaluationSelect,
  });
  if (!e) return refuse(viewer, "evaluation.household", householdId, { evaluationId, reason: "not on the team" });
  if (e.state !== "drawn")
    return refuse(viewer, "evaluation.household", householdId, {
      evaluationId,
      reason: e.state === "closed" ? "evaluation closed" : "not drawn",
    });
  const inSample = await db().sampleHousehold.findFirst({
    where: { AND: [sampleWhere(viewer, new Date()), { evaluationId: e.id, householdId }] },
    select: { exited: true, villageId: true },
  });
  if (!inSample) return refuse(viewer, "evaluation.household", householdId, { evaluationId, reason: "outside the sample" });

  const [h, frozen, questionnaire, policyRows] = await Promise.all([
    db().household.findFirst({
      where: { id: householdId, countyId: e.countyId },
      select: {
        id: true,
        number: true,
        headName: true,
        address: true,
        phone: true,
        registeredStatus: true,
        monitoringCategory: true,
        mainCause: true,
        secondaryCauses: true,
        assessedStatus: true,
        perCapitaIncome: true,
        countedMembers: true,
        memberCount: true,
        incomeWages: true,
        incomeBusiness: true,
        incomeBusinessCosts: true,
        incomeProperty: true,
        incomeTransfers: true,
        rigidExpenditure: true,
        liftedAt: true,
        registeredAt: true,
        village: { select: { name: true, parent: { select: { name: true } } } },
        members: {
          where: { active: true },
          orderBy: [{ birthDate: "asc" }],
          select: {
            id: true,
            name: true,
            nationalId: true,
            sex: true,
            birthDate: true,
            relation: true,
            health: true,
            laborCapacity: true,
            medicalInsurance: true,
            schoolStatus: true,
            counted: true,
            notCountedReason: true,
          },
        },
        measures: {
          orderBy: { startDate: "desc" },
          take: 30,
          select: { id: true, category: true, description: true, amount: true, startDate: true, endDate: true },
        },
        visits: {
          orderBy: [{ date: "desc" }],
          take: 12,
          select: { id: true, date: true, mode: true, findings: true, problems: true, cadre: { select: { name: true } } },
        },
        evidence: {
          orderBy: { createdAt: "desc" },
          take: 30,
          select: { id: true, kind: true, indicator: true, fileName: true, createdAt: true },
        },
        assessments: { orderBy: { createdAt: "desc" }, take: 1, select: STORED_ASSESSMENT_SELECT },
      },
    }),
    db().evaluationListEntry.findUnique({
      where: { evaluationId_householdId: { evaluationId: e.id, householdId } },
      select: { registeredStatus: true, exitedThisYear: true },
    }),
    db().questionnaire.findUnique({ where: { evaluationId_householdId: { evaluationId: e.id, householdId } } }),
    loadPolicyRows(db()),
  ]);
  if (!h) return refuse(viewer, "evaluation.household", householdId, { evaluationId, reason: "household gone" });

  await audit(db(), actorOf(viewer), {
    action: "evaluation.household.read",
    entity: "evaluation",
    entityId: e.id,
    reason: why,
    // the masking table (lib/domain/masking.ts) lets an evaluator see health and income only as an audited read: named here
    after: {
      householdId,
      fields: ["head", "members (national IDs masked)", "health", "indicators", "income", "measures", "visits", "evidence list"],
      sensitive: ["health", "income"],
    },
  });

  // the household's own signed income record of the evaluation year (收入核算), shown beside the record's figure
  const signedIncome = await signedIncomeRecord(h.id, e.year);
  return {
    evaluation: { id: e.id, name: e.name, state: e.state, year: e.year, countyId: e.countyId },
    signedIncome: signedIncome && {
      perCapitaIncome: signedIncome.perCapitaIncome,
      signedOn: chinaDay(signedIncome.signedAt),
      year: signedIncome.year,
    },
    /** the evaluation year's line, for the form's live per-capita hint (the server decides) */
    povertyLine: resolvePolicy(policyRows, e.year, e.countyId.slice(0, 2)).values.povertyLine,
    household: {
      id: h.id,
      number: h.number,
      headName: h.headName,
      address: h.address,
      phone: h.phone,
      villageName: h.village.name,
      townshipName: h.village.parent?.name ?? null,
      registeredStatus: h.registeredStatus,
      frozenStatus: frozen?.registeredStatus ?? h.registeredStatus,
      exitedThisYear: frozen?.exitedThisYear ?? inSample.exited,
      monitoringCategory: h.monitoringCategory,
      mainCause: h.mainCause,
      secondaryCauses: h.secondaryCauses,
      assessedStatus: h.assessedStatus,
      perCapitaIncome: h.perCapitaIncome === null ? null : num(h.perCapitaIncome),
      countedMembers: h.countedMembers,
      income: {
        wages: num(h.incomeWages),
        business: num(h.incomeBusiness),
        businessCosts: num(h.incomeBusinessCosts),
        property: num(h.incomeProperty),
        transfers: num(h.incomeTransfers),
      },
      rigidExpenditure: num(h.rigidExpenditure),
      registeredAt: h.registeredAt,
      liftedAt: h.liftedAt,
      // an evaluator never needs a full national ID for the check: always masked
      members: h.members.map((m) => ({ ...m, nationalId: maskNationalId(m.nationalId) })),
      measures: h.measures.map((m) => ({ ...m, amount: num(m.amount) })),
      visits: h.visits.map((v) => ({
        id: v.id,
        date: v.date,
        mode: v.mode,
        findings: v.findings,
        problems: v.problems,
        cadreName: v.cadre.name,
      })),
      evidence: h.evidence,
      assessment: (await withResults(db(), h.assessments))[0]?.result ?? null,
    },
    questionnaire: questionnaire
      ? {
          id: questionnaire.id,
          income: questionnaire.income as Record<string, number>,
          indicators: questionnaire.indicators as Record<string, { met?: boolean; evidence: string[] }>,
          approval: questionnaire.approval,
          notes: questionnaire.notes,
          submittedAt: questionnaire.submittedAt,
        }
      : null,
    reason: why,
  };
}

export type SampledHousehold = Awaited<ReturnType<typeof sampledHousehold>>;
