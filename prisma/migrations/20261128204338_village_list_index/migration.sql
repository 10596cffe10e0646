-- The county village list (lib/data/county.ts) aggregates every household of a county by village:
-- covering it makes that an index-only scan of the county's entries instead of a scan of the
-- whole table. It replaces (countyId, villageId), its prefix. docs/decisions/0010-village-list-index.md

-- DropIndex
DROP INDEX "household_countyId_villageId_idx";

-- CreateIndex
CREATE INDEX "household_village_list_idx" ON "household"("countyId", "villageId", "id", "memberCount", "registeredStatus", "monitoringCategory", "assessedStatus", "lastVisitAt");
