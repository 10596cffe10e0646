/**
 * Runs the status engine over every seeded household (2026, the policy of province 52) and
 * stores the result; Danyang's formerly poor households also get a reconstructed 2018
 * assessment, so their timeline has two entries.
 */
import { householdInputFromRecord, type MemberRecord } from "@/lib/domain/input-from-record";
import { assess, type Assessment } from "@/lib/domain/assess";
import type { HouseholdInput } from "@/lib/domain/household";
import { INDICATOR_KEYS } from "@/lib/domain/indicator";
import { resolvePolicy } from "@/lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ageOn } from "@/lib/domain/dates";
import { chinaTime, DANYANG_ID, day, PROVINCE_ID, SEED_AS_OF, SEED_YEAR } from "./constants";
import type { HouseholdPlan } from "./households";
import { Rng } from "./random";

const HISTORY_YEAR = 2018;
const HISTORY_AS_OF = "2018-12-31";

export interface Denormalised {
  assessedStatus: Assessment["status"];
  candidate: Assessment["candidate"];
  candidateCategory: Assessment["monitoringCategory"];
  perCapitaIncome: number;
  countedMembers: number;
  memberCount: number;
  unmetIndicators: string[];
  assessedAt: Date;
}

export interface AssessmentSet {
  rows: Prisma.AssessmentCreateManyInput[];
  /** by household id */
  latest: Map<string, { assessment: Assessment; household: Denormalised }>;
}

function memberRecords(p: HouseholdPlan): MemberRecord[] {
  return p.people.map((m) => ({
    birthDate: day(m.birthDate),
    counted: m.counted,
    active: m.active,
    medicalInsurance: m.medicalInsurance,
    schoolStatus: m.schoolStatus,
    dropoutMedicalExemption: m.dropoutMedicalExemption,
    laborCapacity: m.laborCapacity,
  }));
}

function row(rng: Rng, p: HouseholdPlan, a: Assessment, createdAt: Date): Prisma.AssessmentCreateManyInput {
  return {
    id: rng.uuid(),
    householdId: p.row.id,
    countyId: p.row.countyId,
    year: a.year,
    asOf: day(a.asOf),
    status: a.status,
    candidate: a.candidate,
    monitoringCategory: a.monitoringCategory,
    perCapitaIncome: a.perCapitaIncome,
    countedMembers: a.countedMembers,
    policyVersion: a.policyVersion,
    result: a as unknown as Prisma.InputJsonValue,
    trigger: "seed",
    createdAt,
  };
}

/**
 * The household at the end of 2018 as the registry would have recorded it: the members
 * born by then (all counted, insured, children of school age in school), the housing and
 * water guarantees met, and a per-capita income that lifted households had and the last
 * five (lifted in 2019) had not.
 */
function input2018(rng: Rng, p: HouseholdPlan): HouseholdInput {
  const members = p.people
    .filter((m) => m.birthDate <= HISTORY_AS_OF)
    .map((m) => {
      const age = ageOn(m.birthDate, HISTORY_AS_OF);
      return {
        birthDate: m.birthDate,
        counted: true,
        medicalInsurance: true,
        schoolStatus: age >= 6 && age <= 15 ? ("enrolled" as const) : ("not_applicable" as const),
        dropoutMedicalExemption: false,
        laborCapacity: age < 16 ? ("none" as const) : age >= 70 ? ("partial" as const) : m.laborCapacity,
      };
    });
  const liftedBy2018 = p.liftedYear !== null && p.liftedYear <= HISTORY_YEAR;
  const perCapita = liftedBy2018 ? rng.int(4_600, 7_800) : rng.int(2_200, 2_900);
  const total = perCapita * members.length;
  const transfers = Math.min(total, Math.round(total * (0.15 + rng.float() * 0.25)));
  return {
    year: HISTORY_YEAR,
    asOf: HISTORY_AS_OF,
    registeredStatus: liftedBy2018 ? "lifted" : "registered_poor",
    monitored: false, // monitoring began in 2021
    members,
    income: { wages: total - transfers, business: 0, businessCosts: 0, property: 0, transfers },
    food: true,
    clothing: true,
    housing: { grade: "B", electricity: true },
    water: {
      litresPerPersonDay: 40,
      waterScarceArea: false,
      piped: true,
      roundTripMinutes: 0,
      horizontalMetres: null,
      verticalMetres: null,
      qualitySafe: true,
      outageDaysPerYear: 5,
    },
    rigidExpenditure: 0,
    previousYearIncome: null,
  };
}

export function buildAssessments(plans: readonly HouseholdPlan[], assessedAt: Date): AssessmentSet {
  const rng = new Rng("assessments");
  const policy = resolvePolicy(DEFAULT_POLICY_ROWS, SEED_YEAR, PROVINCE_ID);
  const policy2018 = resolvePolicy(DEFAULT_POLICY_ROWS, HISTORY_YEAR, PROVINCE_ID);
  const rows: Prisma.AssessmentCreateManyInput[] = [];
  const latest: AssessmentSet["latest"] = new Map();

  for (const p of plans) {
    if (p.village.id === DANYANG_ID && p.registeredYear !== null) {
      const old = assess(input2018(rng, p), policy2018);
      rows.push(row(rng, p, old, chinaTime("2018-12-31", 10)));
    }
    const input = householdInputFromRecord(p.row, memberRecords(p), SEED_YEAR, SEED_AS_OF);
    const a = assess(input, policy);
    rows.push(row(rng, p, a, assessedAt));
    latest.set(p.row.id, {
      assessment: a,
      household: {
        assessedStatus: a.status,
        candidate: a.candidate,
        candidateCategory: a.monitoringCategory,
        perCapitaIncome: a.perCapitaIncome,
        countedMembers: a.countedMembers,
        memberCount: p.people.filter((m) => m.active).length,
        unmetIndicators: INDICATOR_KEYS.filter((k) => !a.indicators[k].met),
        assessedAt,
      },
    });
  }
  return { rows, latest };
}
