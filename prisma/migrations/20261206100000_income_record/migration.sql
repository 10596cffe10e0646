-- County records (income): the annual income record (收入核算) and household type (户属性), decision 0045.
-- CreateEnum
CREATE TYPE "IncomeSignMethod" AS ENUM ('signature', 'thumbprint_form');

-- CreateEnum
CREATE TYPE "HouseholdType" AS ENUM ('ordinary', 'subsistence', 'extreme_hardship');

-- CreateTable
CREATE TABLE "income_record" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "supersedesId" TEXT,
    "correctionReason" TEXT,
    "incomeWages" DECIMAL(12,2) NOT NULL,
    "incomeBusiness" DECIMAL(12,2) NOT NULL,
    "incomeBusinessCosts" DECIMAL(12,2) NOT NULL,
    "incomeProperty" DECIMAL(12,2) NOT NULL,
    "incomeTransfers" DECIMAL(12,2) NOT NULL,
    "transferSubsistence" DECIMAL(12,2) NOT NULL,
    "transferExtremeHardship" DECIMAL(12,2) NOT NULL,
    "transferPension" DECIMAL(12,2) NOT NULL,
    "transferEcological" DECIMAL(12,2) NOT NULL,
    "transferFamilyPlanning" DECIMAL(12,2) NOT NULL,
    "transferSupport" DECIMAL(12,2) NOT NULL,
    "excludedMedical" DECIMAL(12,2) NOT NULL,
    "excludedTemporaryRelief" DECIMAL(12,2) NOT NULL,
    "excludedHousingSubsidy" DECIMAL(12,2) NOT NULL,
    "excludedRelocationSubsidy" DECIMAL(12,2) NOT NULL,
    "excludedGifts" DECIMAL(12,2) NOT NULL,
    "countedMembers" INTEGER NOT NULL,
    "householdNetIncome" DECIMAL(12,2) NOT NULL,
    "perCapitaIncome" DECIMAL(12,2) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedAt" TIMESTAMP(3),
    "signMethod" "IncomeSignMethod",
    "signatureEvidenceId" TEXT,
    "signedRecordedById" TEXT,

    CONSTRAINT "income_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household_type_record" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "type" "HouseholdType" NOT NULL,
    "since" DATE NOT NULL,
    "basis" TEXT NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_type_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "income_record_supersedesId_key" ON "income_record"("supersedesId");

-- CreateIndex
CREATE INDEX "income_record_countyId_year_current_idx" ON "income_record"("countyId", "year", "current");

-- CreateIndex
CREATE UNIQUE INDEX "income_record_householdId_year_revision_key" ON "income_record"("householdId", "year", "revision");

-- CreateIndex
CREATE INDEX "household_type_record_householdId_createdAt_idx" ON "household_type_record"("householdId", "createdAt");

-- CreateIndex
CREATE INDEX "household_type_record_countyId_current_type_idx" ON "household_type_record"("countyId", "current", "type");

-- AddForeignKey
ALTER TABLE "income_record" ADD CONSTRAINT "income_record_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "income_record" ADD CONSTRAINT "income_record_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "income_record"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_type_record" ADD CONSTRAINT "household_type_record_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One current revision per household and year (a correction supersedes the last).
CREATE UNIQUE INDEX "income_record_current_key" ON "income_record"("householdId", "year") WHERE "current";
-- One current type per household.
CREATE UNIQUE INDEX "household_type_record_current_key" ON "household_type_record"("householdId") WHERE "current";

-- A signed income record is never changed nor deleted: only its "current" flag may turn false
-- when a correction supersedes it. Enforced here, whatever the application does.
CREATE FUNCTION income_record_signed_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."signedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'a signed income record cannot be deleted' USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."signedAt" IS NOT NULL AND (to_jsonb(NEW) - 'current') IS DISTINCT FROM (to_jsonb(OLD) - 'current') THEN
    RAISE EXCEPTION 'a signed income record cannot be changed' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER income_record_signed_immutable BEFORE UPDATE OR DELETE ON "income_record"
  FOR EACH ROW EXECUTE FUNCTION income_record_signed_immutable();
