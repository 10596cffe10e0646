-- Designated poor villages (贫困村): each village's exit record per year and the steps of its procedure
-- (village proposes, township reviews, county approves and announces; decision 0051), and the year a
-- designated village exited on the region.
-- CreateEnum
CREATE TYPE "VillageExitStage" AS ENUM ('draft', 'proposed', 'returned', 'township_reviewed', 'announced');

-- CreateEnum
CREATE TYPE "VillageExitStepKind" AS ENUM ('propose', 'township_review', 'county_approval');

-- CreateEnum
CREATE TYPE "VillageExitDecision" AS ENUM ('proposed', 'approved', 'returned');

-- AlterTable
ALTER TABLE "region" ADD COLUMN     "designatedExitYear" INTEGER;

-- CreateTable
CREATE TABLE "village_exit" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "stage" "VillageExitStage" NOT NULL DEFAULT 'draft',
    "roadOk" BOOLEAN NOT NULL DEFAULT false,
    "roadOn" DATE,
    "roadNote" TEXT NOT NULL DEFAULT '',
    "waterOk" BOOLEAN NOT NULL DEFAULT false,
    "waterOn" DATE,
    "waterNote" TEXT NOT NULL DEFAULT '',
    "powerOk" BOOLEAN NOT NULL DEFAULT false,
    "powerOn" DATE,
    "powerNote" TEXT NOT NULL DEFAULT '',
    "clinicOk" BOOLEAN NOT NULL DEFAULT false,
    "clinicOn" DATE,
    "clinicNote" TEXT NOT NULL DEFAULT '',
    "schoolOk" BOOLEAN NOT NULL DEFAULT false,
    "schoolOn" DATE,
    "schoolNote" TEXT NOT NULL DEFAULT '',
    "collectiveIncome" DECIMAL(12,2),
    "poorPeople" INTEGER,
    "population" INTEGER,
    "incidenceThreshold" DECIMAL(6,3),
    "collectiveIncomeMin" DECIMAL(12,2),
    "policyVersion" TEXT,
    "proposedAt" TIMESTAMP(3),
    "announcedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "village_exit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "village_exit_step" (
    "id" TEXT NOT NULL,
    "exitId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "step" "VillageExitStepKind" NOT NULL,
    "decision" "VillageExitDecision" NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "village_exit_step_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "village_exit_countyId_stage_idx" ON "village_exit"("countyId", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "village_exit_villageId_year_key" ON "village_exit"("villageId", "year");

-- CreateIndex
CREATE INDEX "village_exit_step_exitId_at_idx" ON "village_exit_step"("exitId", "at");

-- AddForeignKey
ALTER TABLE "village_exit" ADD CONSTRAINT "village_exit_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_exit_step" ADD CONSTRAINT "village_exit_step_exitId_fkey" FOREIGN KEY ("exitId") REFERENCES "village_exit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The collective income a village's exit is held to (decision 0051): added to the places row of
-- the national defaults, as the feeds' values were added to theirs (the seed writes the same row).
UPDATE "policy_row"
   SET "values" = "values" || '{"villageCollectiveIncomeMin": 50000}'::jsonb
 WHERE "id" = 'national-2014-places'
   AND NOT ("values" ? 'villageCollectiveIncomeMin');
