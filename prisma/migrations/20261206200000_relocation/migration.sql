-- Relocation (易地扶贫搬迁, issue #18): destinations (settlement) and each household's record (relocation).
-- The origin stays on the household (relocatedFromId/Name/Year, migration 20261204210000).
-- CreateEnum
CREATE TYPE "RelocationMode" AS ENUM ('centralised', 'scattered');

-- CreateTable
CREATE TABLE "settlement" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "relocation" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "settlementId" TEXT NOT NULL,
    "mode" "RelocationMode" NOT NULL,
    "floorArea" DECIMAL(8,2) NOT NULL,
    "contribution" DECIMAL(10,2) NOT NULL,
    "movedOn" DATE NOT NULL,
    "demolishedOn" DATE,
    "reclaimedOn" DATE,
    "supportJob" BOOLEAN NOT NULL DEFAULT false,
    "supportSchool" BOOLEAN NOT NULL DEFAULT false,
    "supportCommunity" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "relocation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "settlement_countyId_idx" ON "settlement"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_regionId_name_key" ON "settlement"("regionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "relocation_householdId_key" ON "relocation"("householdId");

-- CreateIndex
CREATE INDEX "relocation_countyId_settlementId_idx" ON "relocation"("countyId", "settlementId");

-- AddForeignKey
ALTER TABLE "settlement" ADD CONSTRAINT "settlement_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "relocation" ADD CONSTRAINT "relocation_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "relocation" ADD CONSTRAINT "relocation_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "settlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "relocation" ADD CONSTRAINT "relocation_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The policy values the relocation record is checked against (decision 0046): a national row of
-- their own, so no existing row is edited in place. The seed writes the same row (skipDuplicates).
INSERT INTO "policy_row" ("id", "year", "provinceId", "values", "note")
VALUES ('national-2014-places', 2014, NULL, '{"relocationContributionCap": 3000, "relocationAreaPerPerson": 20, "residentDaysPerMonth": 20}'::jsonb, '默认值（易地扶贫搬迁、驻村）')
ON CONFLICT ("id") DO NOTHING;
