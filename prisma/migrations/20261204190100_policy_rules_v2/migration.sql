-- Rules v2 (#14): policy data to match the corrected rules (docs/rules.md), for databases seeded before.
-- 1. New settings on the national 2014 row (the row that carries every default):
--    income-drop share of a shock (0.5), the compulsory-school entry cut-off (31 August), and the
--    comparison rules that were literals in code (a vehicle of 30,000 yuan, a split within three
--    years; no flag a red line nationally).
UPDATE "policy_row"
   SET "values" = "values" || '{"incomeDropShare": 0.5, "schoolEntryCutoffMonth": 8, "schoolEntryCutoffDay": 31, "comparisonVehicleValue": 30000, "comparisonSplitYears": 3, "redLinePublicEmployee": 0, "redLineVillageCommittee": 0, "redLineVehicle": 0, "redLineCommercialHousing": 0, "redLineBusiness": 0, "redLineRecentSplit": 0, "redLineDuplicateId": 0}'::jsonb
 WHERE "id" = 'national-2014' AND "provinceId" IS NULL
   AND NOT ("values" ? 'incomeDropShare');

-- 2. There was no monitoring threshold before 2020: drop the 1.5 x line values the old seed stored
--    on the national rows of 2014-2019 (2020's 6,000 stays).
UPDATE "policy_row"
   SET "values" = "values" - 'monitoringThreshold'
 WHERE "provinceId" IS NULL AND "year" < 2020 AND "id" LIKE 'national-%';

-- 3. 2023: 6,900 (as reported; confirm against the province's notice).
INSERT INTO "policy_row" ("id", "year", "provinceId", "values", "note")
SELECT 'national-2023', 2023, NULL, '{"monitoringThreshold": 6900}'::jsonb, 'as reported; confirm against the province''s notice'
 WHERE EXISTS (SELECT 1 FROM "policy_row" WHERE "id" = 'national-2014')
   AND NOT EXISTS (SELECT 1 FROM "policy_row" WHERE "id" = 'national-2023');
