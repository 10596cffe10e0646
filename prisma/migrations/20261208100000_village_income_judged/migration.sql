-- A designated village's collective income is recorded per village and year and judged by the
-- county when it approves the exit (decision 0051): the judgment (met / not met), its note, who
-- judged and when, on the exit record. No national figure decides it any more.
-- CreateEnum
CREATE TYPE "VillageIncomeJudgment" AS ENUM ('met', 'not_met');

-- AlterTable
ALTER TABLE "village_exit" ADD COLUMN "incomeJudgment" "VillageIncomeJudgment",
ADD COLUMN "incomeJudgmentNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN "incomeJudgedById" TEXT,
ADD COLUMN "incomeJudgedAt" TIMESTAMP(3);

-- An exit the county has already announced was approved with the income held to the former
-- national minimum (frozen on the record): that is kept as the county's judgment, saying so.
UPDATE "village_exit"
   SET "incomeJudgment" = 'met',
       "incomeJudgmentNote" = '按原政策值（不低于 ' || coalesce("collectiveIncomeMin"::text, '—') || ' 元）审定',
       "incomeJudgedAt" = coalesce("announcedOn"::timestamp, "updatedAt")
 WHERE "stage" = 'announced' AND "incomeJudgment" IS NULL;

-- The invented national minimum leaves the policy: the places row that carried it is retired (a
-- policy row is never edited in place or deleted: stored assessments name it, decision 0054) and
-- a row with the same values less that one takes its place. The seed writes the same new row.
INSERT INTO "policy_row" ("id", "year", "provinceId", "values", "note")
SELECT 'national-2014-places-v2', "year", "provinceId", "values" - 'villageCollectiveIncomeMin', "note"
  FROM "policy_row"
 WHERE "id" = 'national-2014-places' AND "active" AND ("values" ? 'villageCollectiveIncomeMin')
ON CONFLICT ("id") DO NOTHING;

UPDATE "policy_row"
   SET "active" = false, "retiredAt" = CURRENT_TIMESTAMP
 WHERE "id" = 'national-2014-places' AND "active"
   AND EXISTS (SELECT 1 FROM "policy_row" WHERE "id" = 'national-2014-places-v2');
