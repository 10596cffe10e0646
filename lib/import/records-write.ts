/**
 * The optional county-record files' write, inside the import's transaction and after the five
 * files' (lib/import/write.ts): each one set-based INSERT … SELECT from its staging table, joined
 * to the register's household (new households were inserted just before). Only adds: a record
 * that already exists is left as it is (the checks made sure it agrees with the file).
 */
import "server-only";
import type { Runner, Stage } from "./stage";
import { INCOME_RECORD_ITEMS, VILLAGE_EXIT_FACILITY_COLUMNS } from "./records-spec";
import { EMPTY_RECORD_COUNTS, MEASURE_KEY, POSTING_KEY, type RecordCounts } from "./records-checks";

export interface RecordWriteOptions {
  now: Date;
  /** the importer: recordedById, updatedById */
  actorId: string | null;
}

export type RecordWritten = { [K in keyof RecordCounts]: number };

/** The register's household of staged row s. */
const household = `JOIN household e ON e."villageId" = s.village AND e.number = s.number`;

export async function writeRecords(
  tx: Runner,
  stage: Stage,
  opts: RecordWriteOptions,
  onStep?: (step: string) => void,
): Promise<RecordWritten> {
  const T = stage.tables;
  const ts = opts.now.toISOString();
  const actor = opts.actorId;
  const written: RecordWritten = Object.fromEntries(Object.keys(EMPTY_RECORD_COUNTS).map((k) => [k, 0])) as RecordWritten;

  onStep?.("household_types");
  written.householdTypes = await tx.$executeRawUnsafe(
    `INSERT INTO household_type_record (id, "householdId", "countyId", type, since, basis, current, "recordedById", "createdAt")
     SELECT gen_random_uuid()::text, e.id, e."countyId", s.type::"HouseholdType", s.since, s.basis, true, $2, $1::timestamptz
       FROM ${T["household_types.csv"]} s ${household}
      WHERE NOT EXISTS (SELECT 1 FROM household_type_record c WHERE c."householdId" = e.id AND c.current)`,
    ts,
    actor,
  );

  onStep?.("income_records");
  const items = INCOME_RECORD_ITEMS.map(([, , c]) => `"${c}"`).join(", ");
  written.incomeRecords = await tx.$executeRawUnsafe(
    `INSERT INTO income_record (id, "householdId", "countyId", year, revision, current, ${items},
        "countedMembers", "householdNetIncome", "perCapitaIncome", "recordedById", "createdAt",
        "signedAt", "signMethod", "signedRecordedById")
     SELECT gen_random_uuid()::text, e.id, e."countyId", s.year, 1, true, ${INCOME_RECORD_ITEMS.map(([k]) => `s.${k}`).join(", ")},
            s.counted, s.net, s.pci, coalesce($2, 'import'), $1::timestamptz,
            CASE WHEN s.signed_on IS NULL THEN NULL ELSE (s.signed_on::timestamp AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC' END,
            s.sign_method::"IncomeSignMethod", CASE WHEN s.signed_on IS NULL THEN NULL ELSE $2 END
       FROM ${T["income_records.csv"]} s ${household}
      WHERE NOT EXISTS (SELECT 1 FROM income_record c WHERE c."householdId" = e.id AND c.year = s.year AND c.current)`,
    ts,
    actor,
  );

  onStep?.("relocation");
  const L = T["relocation.csv"];
  await tx.$executeRawUnsafe(
    `INSERT INTO settlement (id, "countyId", "regionId", name, "createdAt")
     SELECT gen_random_uuid()::text, left(d.settlement, 6), d.settlement, d.site_name, $1::timestamptz
       FROM (SELECT DISTINCT s.settlement, s.site_name FROM ${L} s) d
     ON CONFLICT ("regionId", name) DO NOTHING`,
    ts,
  );
  // the origin stays on the household (decision 0046): set where it is not yet, the version bumped
  await tx.$executeRawUnsafe(
    `UPDATE household e SET "relocatedFromName" = s.origin_name, "relocatedFromId" = s.origin_code,
            "relocatedYear" = extract(year FROM s.moved_on)::int, version = e.version + 1, "updatedAt" = $1::timestamptz
       FROM ${L} s
      WHERE e."villageId" = s.village AND e.number = s.number AND e."relocatedFromName" IS NULL
        AND NOT EXISTS (SELECT 1 FROM relocation c WHERE c."householdId" = e.id)`,
    ts,
  );
  written.relocations = await tx.$executeRawUnsafe(
    `INSERT INTO relocation (id, "householdId", "countyId", "settlementId", mode, "floorArea", contribution, "movedOn",
        "demolishedOn", "reclaimedOn", "supportJob", "supportSchool", "supportCommunity", version, "updatedById", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, e.id, e."countyId", st.id, s.mode::"RelocationMode", s.floor_area, s.contribution, s.moved_on,
            s.demolished_on, s.reclaimed_on, s.support_job, s.support_school, s.support_community, 1, $2, $1::timestamptz, $1::timestamptz
       FROM ${L} s ${household}
       JOIN settlement st ON st."regionId" = s.settlement AND st.name = s.site_name
      WHERE NOT EXISTS (SELECT 1 FROM relocation c WHERE c."householdId" = e.id)`,
    ts,
    actor,
  );

  onStep?.("plans");
  const P = T["plans.csv"];
  // a new plan takes the id made for its staging row (its steps and measures join it by that)
  written.plans = await tx.$executeRawUnsafe(
    `INSERT INTO household_plan (id, "householdId", "countyId", year, "mainCause", "secondaryCauses", "expectedIncome", note,
        version, "updatedById", "createdAt", "updatedAt")
     SELECT s.id, e.id, e."countyId", s.year, s.main_cause::"PovertyCause", s.secondary_causes::"PovertyCause"[], s.expected_income,
            s.note, 1, $2, $1::timestamptz, $1::timestamptz
       FROM ${P} s ${household}
      WHERE NOT EXISTS (SELECT 1 FROM household_plan c WHERE c."householdId" = e.id AND c.year = s.year)`,
    ts,
    actor,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO plan_item (id, "planId", "householdId", "countyId", position, text)
     SELECT gen_random_uuid()::text, c.id, c."householdId", c."countyId", st.n::int, st.text
       FROM ${P} s JOIN household_plan c ON c.id = s.id
       CROSS JOIN LATERAL unnest(s.steps) WITH ORDINALITY AS st(text, n)`,
  );

  onStep?.("measures");
  const S = T["measures.csv"];
  written.measures = await tx.$executeRawUnsafe(
    `INSERT INTO assistance_measure (id, "householdId", "countyId", category, kind, cause, risk, description, amount, "startDate",
        "endDate", bank, "termMonths", "interestSubsidy", "loanStatus", "repaidOn", "overdueSince", post, "monthlyPay",
        "createdById", "createdAt")
     SELECT s.id, e.id, e."countyId", s.category::"MeasureCategory", s.kind::"MeasureKind", s.cause::"PovertyCause",
            s.risk::"MeasureRisk", s.description, s.amount, s.start_date, s.end_date, s.bank, s.term_months, s.interest_subsidy,
            s.loan_status::"LoanStatus", s.repaid_on, s.overdue_since, s.post, s.monthly_pay, $2, $1::timestamptz
       FROM ${S} s ${household}
      WHERE NOT EXISTS (SELECT 1 FROM assistance_measure c WHERE c."householdId" = e.id AND ${MEASURE_KEY})`,
    ts,
    actor,
  );
  // a new measure naming a plan year joins that plan
  await tx.$executeRawUnsafe(
    `INSERT INTO plan_measure ("planId", "measureId", "countyId")
     SELECT c.id, m.id, m."countyId"
       FROM ${S} s JOIN assistance_measure m ON m.id = s.id
       JOIN household_plan c ON c."householdId" = m."householdId" AND c.year = s.plan_year
      WHERE s.plan_year IS NOT NULL
     ON CONFLICT DO NOTHING`,
  );

  onStep?.("village_exits");
  const V = T["village_exits.csv"];
  // a village new in this import with an exit record is a designated poor village (the checks
  // refused an existing village that is not one)
  await tx.$executeRawUnsafe(
    `UPDATE region g SET "designatedPoor" = true, "updatedAt" = $1::timestamptz
       FROM (SELECT DISTINCT village FROM ${V}) s
      WHERE g.id = s.village AND g.level = 'village' AND NOT g."designatedPoor"`,
    ts,
  );
  const facilities = VILLAGE_EXIT_FACILITY_COLUMNS.flatMap(([, , c]) => [`"${c}Ok"`, `"${c}On"`, `"${c}Note"`]).join(", ");
  const staged = VILLAGE_EXIT_FACILITY_COLUMNS.flatMap(([k]) => [`s.${k}_ok`, `s.${k}_on`, `s.${k}_note`]).join(", ");
  written.villageExits = await tx.$executeRawUnsafe(
    `INSERT INTO village_exit (id, "countyId", "villageId", year, stage, ${facilities}, "collectiveIncome",
        version, "updatedById", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, left(s.village, 6), s.village, s.year, 'draft', ${staged}, s.collective_income,
            1, $2, $1::timestamptz, $1::timestamptz
       FROM ${V} s
      WHERE NOT EXISTS (SELECT 1 FROM village_exit c WHERE c."villageId" = s.village AND c.year = s.year)`,
    ts,
    actor,
  );

  onStep?.("postings");
  const W = T["postings.csv"];
  // the sending units by name in the village's county (found or made, as the posting form does)
  await tx.$executeRawUnsafe(
    `INSERT INTO unit (id, "countyId", name, "createdAt")
     SELECT gen_random_uuid()::text, u.county, u.name, $1::timestamptz
       FROM (SELECT DISTINCT left(village, 6) AS county, unit AS name FROM ${W}) u
     ON CONFLICT ("countyId", name) DO NOTHING`,
    ts,
  );
  written.postings = await tx.$executeRawUnsafe(
    `INSERT INTO resident_posting (id, "countyId", "villageId", "unitId", "personName", role, "validFrom", "validTo",
        version, "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, left(s.village, 6), s.village, u.id, s.name, s.role::"ResidentRole", s.valid_from, s.valid_to,
            1, $1::timestamptz, $1::timestamptz
       FROM ${W} s JOIN unit u ON u."countyId" = left(s.village, 6) AND u.name = s.unit
      WHERE NOT EXISTS (SELECT 1 FROM resident_posting c WHERE ${POSTING_KEY})`,
    ts,
  );
  return written;
}
