-- Department data feeds (issue #19, docs/department-feeds.md): the feeds, their matched rows (deleted after
-- retention) and what they produced (flags, leads, facts: kept).

-- AlterEnum
ALTER TYPE "AssessmentTrigger" ADD VALUE 'department';

-- CreateEnum
CREATE TYPE "Department" AS ENUM ('public_security', 'housing', 'market_regulation', 'civil_affairs', 'education', 'medical_insurance', 'human_resources');

-- CreateEnum
CREATE TYPE "FeedFindingKind" AS ENUM ('flag', 'lead', 'fact');


-- CreateTable
CREATE TABLE "department_feed" (
    "id" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "department" "Department" NOT NULL,
    "asOf" DATE NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL DEFAULT 0,
    "unmatched" INTEGER NOT NULL DEFAULT 0,
    "flags" INTEGER NOT NULL DEFAULT 0,
    "leads" INTEGER NOT NULL DEFAULT 0,
    "facts" INTEGER NOT NULL DEFAULT 0,
    "loadedById" TEXT,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgedAt" TIMESTAMP(3),

    CONSTRAINT "department_feed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department_feed_row" (
    "feedId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "nationalId" TEXT NOT NULL,
    "fact" TEXT NOT NULL,
    "factDate" DATE,
    "value" DECIMAL(14,2),
    "memberId" TEXT,
    "householdId" TEXT,
    "countyId" TEXT,
    "active" BOOLEAN,

    CONSTRAINT "department_feed_row_pkey" PRIMARY KEY ("feedId","line")
);

-- CreateTable
CREATE TABLE "department_finding" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "memberId" TEXT,
    "feedId" TEXT NOT NULL,
    "department" "Department" NOT NULL,
    "asOf" DATE NOT NULL,
    "kind" "FeedFindingKind" NOT NULL,
    "code" TEXT NOT NULL,
    "factDate" DATE,
    "value" DECIMAL(14,2),
    "helpRequestId" TEXT,
    "factKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "department_finding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "department_feed_scopeId_department_asOf_idx" ON "department_feed"("scopeId", "department", "asOf");

-- CreateIndex
CREATE INDEX "department_feed_loadedAt_idx" ON "department_feed"("loadedAt");

-- CreateIndex
CREATE UNIQUE INDEX "department_feed_scopeId_department_sha256_key" ON "department_feed"("scopeId", "department", "sha256");

-- CreateIndex
CREATE INDEX "department_feed_row_countyId_householdId_idx" ON "department_feed_row"("countyId", "householdId");

-- CreateIndex
CREATE INDEX "department_finding_householdId_kind_idx" ON "department_finding"("householdId", "kind");

-- CreateIndex
CREATE INDEX "department_finding_feedId_kind_idx" ON "department_finding"("feedId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "department_finding_countyId_factKey_key" ON "department_finding"("countyId", "factKey");


-- Policy (the national 2014 row carries every default; databases seeded before get them here):
-- an out-of-pocket medical bill from the medical insurance feed at or above 20,000 yuan opens a lead;
-- a department not loaded for 3 months is stale on the county's feeds page; feed rows are kept 24 months.
UPDATE "policy_row"
   SET "values" = "values" || '{"feedLargeMedicalBill": 20000, "feedStaleMonths": 3, "feedRetentionMonths": 24}'::jsonb
 WHERE "id" = 'national-2014' AND "provinceId" IS NULL
   AND NOT ("values" ? 'feedLargeMedicalBill');
