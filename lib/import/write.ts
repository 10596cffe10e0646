/**
 * The write, inside the caller's transaction: new regions, new households (with their income
 * and indicator rows or the defaults, and the assessed columns staged by lib/import/assess.ts),
 * the members of the new households and their assessment rows — each one set-based
 * INSERT … SELECT from the staging tables. What already exists is left as it is (the checks
 * made sure it agrees with the files).
 */
import "server-only";
import type { Runner, Stage } from "./stage";

/**
 * A new household's facts from staging rows s (households.csv), i (income.csv) and
 * x (indicators.csv), with the contract's defaults where a row or a cell is absent:
 * [column, expression, cast for the INSERT, read as text by the assessment (decimals)].
 * One list for the write and for the assessment, so both see the same household.
 */
export const HOUSEHOLD_FACTS: [string, string, string, boolean][] = [
  ["registeredStatus", "s.status", `"RegisteredStatus"`, true],
  ["incomeWages", "coalesce(i.wages, 0)", "numeric", true],
  ["incomeBusiness", "coalesce(i.business, 0)", "numeric", true],
  ["incomeBusinessCosts", "coalesce(i.business_costs, 0)", "numeric", true],
  ["incomeProperty", "coalesce(i.property, 0)", "numeric", true],
  ["incomeTransfers", "coalesce(i.transfers, 0)", "numeric", true],
  ["rigidExpenditure", "coalesce(i.rigid_expenditure, 0)", "numeric", true],
  ["previousYearIncome", "i.previous_year_income", "numeric", true],
  ["food", "coalesce(x.food, true)", "boolean", false],
  ["clothing", "coalesce(x.clothing, true)", "boolean", false],
  ["housingGrade", "coalesce(x.housing_grade, 'A')", `"HousingGrade"`, true],
  ["electricity", "coalesce(x.electricity, true)", "boolean", false],
  ["waterLitres", "coalesce(x.water_litres, 40)", "numeric", true],
  ["waterScarceArea", "coalesce(x.water_scarce_area, false)", "boolean", false],
  ["waterPiped", "coalesce(x.water_piped, true)", "boolean", false],
  ["waterRoundTripMin", "x.water_round_trip_min", "int", false],
  ["waterHorizontalM", "x.water_horizontal_m", "int", false],
  ["waterVerticalM", "x.water_vertical_m", "int", false],
  ["waterQualitySafe", "coalesce(x.water_quality_safe, true)", "boolean", false],
  ["waterOutageDays", "coalesce(x.water_outage_days, 0)", "int", false],
];

/** A staged household (alias s) that the register does not hold yet. */
export const NEW_HOUSEHOLD = `NOT EXISTS (SELECT 1 FROM household e WHERE e."villageId" = s.village AND e.number = s.number)`;

export interface Written {
  regions: number;
  households: number;
  members: number;
  assessments: number;
}

export type WriteStep = "regions" | "households" | "members" | "assessments";

export async function writeRows(
  tx: Runner,
  stage: Stage,
  opts: { now: Date; year: number; asOf: string; actorId: string | null },
  onStep?: (step: WriteStep) => void,
): Promise<Written> {
  const R = stage.tables["regions.csv"];
  const H = stage.tables["households.csv"];
  const M = stage.tables["members.csv"];
  const I = stage.tables["income.csv"];
  const X = stage.tables["indicators.csv"];
  const A = stage.assessments;
  const ts = opts.now.toISOString();

  onStep?.("regions");
  // one statement: a child's foreign key is checked at its end, so parents and children go together
  const regions = await tx.$executeRawUnsafe(
    `INSERT INTO region (id, "parentId", level, name, "nameEn", zone, "createdAt", "updatedAt")
     SELECT s.code, s.parent_code, s.level::"RegionLevel", s.name, s.name_en,
            (SELECT p.zone FROM region p WHERE p.id = left(s.code, 2)), $1::timestamptz, $1::timestamptz
       FROM ${R} s
      WHERE NOT EXISTS (SELECT 1 FROM region g WHERE g.id = s.code)
      ORDER BY length(s.code), s.code`,
    ts,
  );

  onStep?.("households");
  const facts = HOUSEHOLD_FACTS.map(([column]) => `"${column}"`).join(", ");
  // The joins first (materialised: every staged household, one row each), the "not in the
  // register yet" test last. Planned together, the anti-join's estimate (one row: village and
  // number look correlated to the planner) turned the joins into nested loops — 20,000 rows
  // took minutes on PGlite.
  const households = await tx.$executeRawUnsafe(
    `WITH staged AS MATERIALIZED (
       SELECT s.*, ${HOUSEHOLD_FACTS.map(([column, expr, cast]) => `(${expr})::${cast} AS "${column}"`).join(", ")},
              (SELECT count(*)::int FROM ${M} m WHERE m.village = s.village AND m.number = s.number) AS member_count,
              a.status AS a_status, a.candidate AS a_candidate, a.category AS a_category, a.pci AS a_pci,
              a.counted AS a_counted, a.unmet AS a_unmet, a.id AS a_id
         FROM ${H} s
         LEFT JOIN ${I} i ON i.village = s.village AND i.number = s.number
         LEFT JOIN ${X} x ON x.village = s.village AND x.number = s.number
         LEFT JOIN ${A} a ON a.id = s.id)
     INSERT INTO household (
        id, "countyId", "villageId", number, "headName", address, phone, "registeredAt", "liftedAt", "mainCause",
        "secondaryCauses", ${facts}, "memberCount",
        "assessedStatus", candidate, "candidateCategory", "perCapitaIncome", "countedMembers", "unmetIndicators", "assessedAt",
        version, "createdAt", "updatedAt")
     SELECT s.id, left(s.village, 6), s.village, s.number, s.head_name, s.address, s.phone, s.registered_at, s.lifted_at,
            s.main_cause::"PovertyCause", '{}', ${facts
              .split(", ")
              .map((c) => `s.${c}`)
              .join(", ")}, s.member_count,
            s.a_status::"AssessedStatus", s.a_candidate::"CandidateKind", s.a_category::"MonitoringCategory", s.a_pci,
            coalesce(s.a_counted, 0), coalesce(s.a_unmet, '{}'), CASE WHEN s.a_id IS NULL THEN NULL ELSE $1::timestamptz END,
            1, $1::timestamptz, $1::timestamptz
       FROM staged s
      WHERE ${NEW_HOUSEHOLD}`,
    ts,
  );

  onStep?.("members");
  // only members of the households just inserted (they carry the staging row's id)
  const members = await tx.$executeRawUnsafe(
    `INSERT INTO member (
        id, "householdId", "countyId", name, "nationalId", sex, "birthDate", relation, education,
        "schoolStatus", health, "laborCapacity", "workStatus", "medicalInsurance", pension,
        "subsistenceAllowance", counted, active, "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, e.id, e."countyId", s.name, s.national_id, s.sex::"Sex", s.birth_date,
            s.relation::"Relation", s.education::"Education", s.school_status::"SchoolStatus", s.health::"Health",
            s.labor_capacity::"LaborCapacity", s.work_status::"WorkStatus", s.medical_insurance, s.pension,
            s.subsistence_allowance, s.counted, true, $1::timestamptz, $1::timestamptz
       FROM ${M} s
       JOIN ${H} h ON h.village = s.village AND h.number = s.number
       JOIN household e ON e.id = h.id`,
    ts,
  );

  onStep?.("assessments");
  const assessments = await tx.$executeRawUnsafe(
    `INSERT INTO assessment (
        id, "householdId", "countyId", year, "asOf", status, candidate, "monitoringCategory", "perCapitaIncome",
        "countedMembers", "policyVersion", input, trigger, "createdById", "createdAt")
     SELECT gen_random_uuid()::text, a.id, a.county, $2::int, $3::date, a.status::"AssessedStatus",
            a.candidate::"CandidateKind", a.category::"MonitoringCategory", a.pci, a.counted, a.policy_version,
            a.input, 'import', $4, $1::timestamptz
       FROM ${A} a JOIN household e ON e.id = a.id`,
    ts,
    opts.year,
    opts.asOf,
    opts.actorId,
  );
  return { regions, households, members, assessments };
}
