-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('industry', 'microcredit', 'employment', 'public_welfare_job', 'relocation', 'ecological', 'ecological_job', 'ecological_compensation', 'education', 'yulu_plan', 'two_exemptions', 'health', 'family_doctor', 'serious_illness', 'medical_assistance', 'housing_renovation', 'social_assistance', 'dibao', 'tekun', 'temporary_relief');

-- CreateEnum
CREATE TYPE "MeasureRisk" AS ENUM ('low_income', 'income_drop', 'medical_expense', 'disaster_loss', 'unsafe_housing', 'unsafe_water', 'dropout', 'uninsured');

-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('current', 'repaid', 'overdue');

-- AlterEnum
ALTER TYPE "MeasureCategory" ADD VALUE 'housing';

-- AlterTable
ALTER TABLE "assistance_measure" ADD COLUMN     "bank" TEXT,
ADD COLUMN     "cause" "PovertyCause",
ADD COLUMN     "interestSubsidy" DECIMAL(12,2),
ADD COLUMN     "kind" "MeasureKind",
ADD COLUMN     "loanStatus" "LoanStatus",
ADD COLUMN     "monthlyPay" DECIMAL(10,2),
ADD COLUMN     "overdueSince" DATE,
ADD COLUMN     "post" TEXT,
ADD COLUMN     "repaidOn" DATE,
ADD COLUMN     "risk" "MeasureRisk",
ADD COLUMN     "termMonths" INTEGER;

-- Every measure recorded before the kinds existed takes its category's general kind (the kind of
-- the same name): its category, description, amount and dates read as before (decision 0047).
UPDATE "assistance_measure" SET "kind" = "category"::text::"MeasureKind";
ALTER TABLE "assistance_measure" ALTER COLUMN "kind" SET NOT NULL;

-- A loan's fields only on a microcredit, a status only with its date; a measure answers a cause or
-- a risk, never both.
ALTER TABLE "assistance_measure" ADD CONSTRAINT "assistance_measure_loan_check" CHECK (
  ("kind" = 'microcredit') = ("loanStatus" IS NOT NULL)
  AND ("loanStatus" IS DISTINCT FROM 'repaid' OR "repaidOn" IS NOT NULL)
  AND ("loanStatus" IS DISTINCT FROM 'overdue' OR "overdueSince" IS NOT NULL)
);
ALTER TABLE "assistance_measure" ADD CONSTRAINT "assistance_measure_answers_check" CHECK ("cause" IS NULL OR "risk" IS NULL);

-- CreateTable
CREATE TABLE "household_plan" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "mainCause" "PovertyCause",
    "secondaryCauses" "PovertyCause"[],
    "expectedIncome" DECIMAL(12,2) NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "household_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_measure" (
    "planId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,

    CONSTRAINT "plan_measure_pkey" PRIMARY KEY ("planId","measureId")
);

-- CreateTable
CREATE TABLE "plan_item" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "measureId" TEXT,
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,
    "doneVisitId" TEXT,

    CONSTRAINT "plan_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "household_plan_countyId_year_idx" ON "household_plan"("countyId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "household_plan_householdId_year_key" ON "household_plan"("householdId", "year");

-- CreateIndex
CREATE INDEX "plan_measure_measureId_idx" ON "plan_measure"("measureId");

-- CreateIndex
CREATE INDEX "plan_item_planId_position_idx" ON "plan_item"("planId", "position");

-- CreateIndex
CREATE INDEX "plan_item_householdId_idx" ON "plan_item"("householdId");

-- CreateIndex
CREATE INDEX "assistance_measure_countyId_kind_idx" ON "assistance_measure"("countyId", "kind");

-- CreateIndex
CREATE INDEX "assistance_measure_countyId_loanStatus_overdueSince_idx" ON "assistance_measure"("countyId", "loanStatus", "overdueSince");

-- AddForeignKey
ALTER TABLE "household_plan" ADD CONSTRAINT "household_plan_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_measure" ADD CONSTRAINT "plan_measure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "household_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_measure" ADD CONSTRAINT "plan_measure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "assistance_measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_planId_fkey" FOREIGN KEY ("planId") REFERENCES "household_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "assistance_measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

