// Recomputing a household's assessment: the one path every change takes (edit, visit,
// member change, policy edit, import). Same pure function as the CLI (lib/domain/assess.ts).
import type { Db, Tx } from "@/lib/db/client";
import { assess, type Assessment } from "@/lib/domain/assess";
import { resolvePolicy, type PolicyRow } from "@/lib/domain/policy";
import { householdInputFromRecord, ITEM_FIELDS_SELECT } from "@/lib/domain/input-from-record";
import { currentYear, dateOnly, today } from "@/lib/clock";
import type { AssessmentTrigger } from "@/lib/generated/prisma/client";
import { unmetOf } from "./assess-chunk";

export async function loadPolicyRows(client: Db | Tx): Promise<PolicyRow[]> {
  const rows = await client.policyRow.findMany({ where: { active: true }, orderBy: [{ year: "asc" }] });
  return rows.map((r) => ({ id: r.id, year: r.year, provinceCode: r.provinceId, values: r.values as PolicyRow["values"] }));
}

/** What the engine reads of a household and its active members (assess, and the evaluation's re-check). */
export const HOUSEHOLD_FIELDS = {
  id: true,
  countyId: true,
  registeredStatus: true,
  monitoringCategory: true,
  incomeWages: true,
  incomeBusiness: true,
  incomeBusinessCosts: true,
  incomeProperty: true,
  incomeTransfers: true,
  rigidExpenditure: true,
  previousYearIncome: true,
  food: true,
  clothing: true,
  housingGrade: true,
  electricity: true,
  waterLitres: true,
  waterScarceArea: true,
  waterPiped: true,
  waterRoundTripMin: true,
  waterHorizontalM: true,
  waterVerticalM: true,
  waterQualitySafe: true,
  waterOutageDays: true,
  ...ITEM_FIELDS_SELECT,
  members: {
    where: { active: true },
    select: {
      birthDate: true,
      counted: true,
      active: true,
      medicalInsurance: true,
      schoolStatus: true,
      dropoutMedicalExemption: true,
      laborCapacity: true,
    },
  },
} as const;

export interface RecomputeOptions {
  trigger: AssessmentTrigger;
  actorId: string | null;
  year?: number;
  asOf?: string;
  policyRows?: PolicyRow[];
}

/** Unmet indicator keys of an assessment, in checklist order. */
export { unmetOf };

/**
 * Assess the household as it now stands (inside the caller's transaction), store the
 * assessment as its input and policy version (decision 0054), and refresh the household's denormalised status.
 * Returns null when nobody in the household is counted (nothing can be assessed).
 */
export async function recomputeHousehold(tx: Tx, householdId: string, options: RecomputeOptions): Promise<Assessment | null> {
  const h = await tx.household.findUniqueOrThrow({ where: { id: householdId }, select: HOUSEHOLD_FIELDS });
  const asOf = options.asOf ?? today();
  const year = options.year ?? currentYear();
  if (!h.members.some((m) => m.counted)) {
    await tx.household.update({
      where: { id: householdId },
      data: {
        assessedStatus: null,
        candidate: null,
        candidateCategory: null,
        perCapitaIncome: null,
        countedMembers: 0,
        memberCount: h.members.length,
        unmetIndicators: [],
        assessedAt: new Date(),
      },
    });
    return null;
  }
  const rows = options.policyRows ?? (await loadPolicyRows(tx));
  const policy = resolvePolicy(rows, year, h.countyId.slice(0, 2));
  const input = householdInputFromRecord(h, h.members, year, asOf);
  const result = assess(input, policy);
  await tx.assessment.create({
    data: {
      householdId,
      countyId: h.countyId,
      year,
      asOf: dateOnly(asOf),
      status: result.status,
      candidate: result.candidate,
      monitoringCategory: result.monitoringCategory,
      perCapitaIncome: result.perCapitaIncome,
      countedMembers: result.countedMembers,
      policyVersion: result.policyVersion,
      // the input, not the result: the result is rendered when read (decision 0054)
      input: JSON.parse(JSON.stringify(input)),
      trigger: options.trigger,
      createdById: options.actorId,
    },
  });
  await tx.household.update({
    where: { id: householdId },
    data: {
      assessedStatus: result.status,
      candidate: result.candidate,
      candidateCategory: result.monitoringCategory,
      perCapitaIncome: result.perCapitaIncome,
      countedMembers: result.countedMembers,
      memberCount: h.members.length,
      unmetIndicators: unmetOf(result),
      assessedAt: new Date(),
    },
  });
  return result;
}
