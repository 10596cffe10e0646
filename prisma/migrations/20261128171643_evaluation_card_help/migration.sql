/*
  Warnings:

  - A unique constraint covering the columns `[cardTokenHash]` on the table `household` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "EvaluationState" AS ENUM ('draft', 'drawn', 'closed');

-- CreateEnum
CREATE TYPE "ApprovalAnswer" AS ENUM ('approve', 'disapprove', 'unsure');

-- CreateEnum
CREATE TYPE "DiscrepancyKind" AS ENUM ('income_overstated', 'income_understated', 'indicator_wrong', 'wrongly_lifted', 'missed', 'paper_exit');

-- CreateEnum
CREATE TYPE "FollowUpState" AS ENUM ('open', 'resolved');

-- CreateEnum
CREATE TYPE "HelpCategory" AS ENUM ('illness', 'accident', 'disaster', 'job_loss', 'school', 'housing', 'water', 'other');

-- CreateEnum
CREATE TYPE "HelpSource" AS ENUM ('card', 'village_form', 'hotline', 'department');

-- CreateEnum
CREATE TYPE "HelpState" AS ENUM ('open', 'visited', 'proposed', 'no_action');

-- AlterTable
ALTER TABLE "household" ADD COLUMN     "cardIssuedAt" TIMESTAMP(3),
ADD COLUMN     "cardTokenHash" TEXT,
ADD COLUMN     "cardViews" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "evaluation" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "state" "EvaluationState" NOT NULL DEFAULT 'draft',
    "plan" JSONB NOT NULL,
    "seed" TEXT,
    "listHash" TEXT,
    "algorithm" TEXT,
    "frozenAt" TIMESTAMP(3),
    "releaseAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_member" (
    "evaluationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "evaluation_member_pkey" PRIMARY KEY ("evaluationId","userId")
);

-- CreateTable
CREATE TABLE "evaluation_list_entry" (
    "evaluationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "exitedThisYear" BOOLEAN NOT NULL,
    "registeredStatus" "RegisteredStatus" NOT NULL,

    CONSTRAINT "evaluation_list_entry_pkey" PRIMARY KEY ("evaluationId","householdId")
);

-- CreateTable
CREATE TABLE "sample_household" (
    "evaluationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "exited" BOOLEAN NOT NULL,

    CONSTRAINT "sample_household_pkey" PRIMARY KEY ("evaluationId","householdId")
);

-- CreateTable
CREATE TABLE "questionnaire" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "income" JSONB NOT NULL,
    "indicators" JSONB NOT NULL,
    "approval" "ApprovalAnswer" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discrepancy" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "kind" "DiscrepancyKind" NOT NULL,
    "detail" JSONB NOT NULL,
    "evidence" TEXT,
    "state" "FollowUpState" NOT NULL DEFAULT 'open',
    "resolution" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "discrepancy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "help_request" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "householdId" TEXT,
    "source" "HelpSource" NOT NULL,
    "category" "HelpCategory" NOT NULL,
    "text" TEXT NOT NULL,
    "contact" TEXT,
    "photoKey" TEXT,
    "deadline" DATE NOT NULL,
    "state" "HelpState" NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "handledById" TEXT,
    "handledAt" TIMESTAMP(3),
    "statusTokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "help_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_counter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_counter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "evaluation_countyId_year_idx" ON "evaluation"("countyId", "year");

-- CreateIndex
CREATE INDEX "sample_household_householdId_idx" ON "sample_household"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_evaluationId_householdId_key" ON "questionnaire"("evaluationId", "householdId");

-- CreateIndex
CREATE INDEX "discrepancy_countyId_state_idx" ON "discrepancy"("countyId", "state");

-- CreateIndex
CREATE INDEX "discrepancy_evaluationId_idx" ON "discrepancy"("evaluationId");

-- CreateIndex
CREATE UNIQUE INDEX "help_request_statusTokenHash_key" ON "help_request"("statusTokenHash");

-- CreateIndex
CREATE INDEX "help_request_countyId_state_deadline_idx" ON "help_request"("countyId", "state", "deadline");

-- CreateIndex
CREATE INDEX "help_request_villageId_state_idx" ON "help_request"("villageId", "state");

-- CreateIndex
CREATE INDEX "help_request_householdId_idx" ON "help_request"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "household_cardTokenHash_key" ON "household"("cardTokenHash");

-- AddForeignKey
ALTER TABLE "evaluation_member" ADD CONSTRAINT "evaluation_member_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_list_entry" ADD CONSTRAINT "evaluation_list_entry_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sample_household" ADD CONSTRAINT "sample_household_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy" ADD CONSTRAINT "discrepancy_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
