-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('province', 'city', 'county', 'township', 'village');

-- CreateEnum
CREATE TYPE "Zone" AS ENUM ('east', 'central', 'west');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'county_official', 'cadre', 'facilitator', 'evaluator');

-- CreateEnum
CREATE TYPE "RegisteredStatus" AS ENUM ('not_registered', 'registered_poor', 'lifted');

-- CreateEnum
CREATE TYPE "AssessedStatus" AS ENUM ('below_standard', 'at_risk', 'secure');

-- CreateEnum
CREATE TYPE "CandidateKind" AS ENUM ('identify', 'exit', 'monitor');

-- CreateEnum
CREATE TYPE "MonitoringCategory" AS ENUM ('unstable_lifted', 'marginal', 'sudden_hardship');

-- CreateEnum
CREATE TYPE "PovertyCause" AS ENUM ('illness', 'disability', 'schooling', 'disaster', 'lack_of_land', 'lack_of_water', 'lack_of_skills', 'lack_of_labour', 'lack_of_capital', 'poor_transport', 'lack_of_drive', 'other');

-- CreateEnum
CREATE TYPE "HousingGrade" AS ENUM ('A', 'B', 'C', 'D');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('male', 'female');

-- CreateEnum
CREATE TYPE "Relation" AS ENUM ('head', 'spouse', 'child', 'child_in_law', 'grandchild', 'parent', 'grandparent', 'sibling', 'other');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college');

-- CreateEnum
CREATE TYPE "SchoolStatus" AS ENUM ('enrolled', 'home_taught', 'graduated', 'dropped_out', 'not_applicable');

-- CreateEnum
CREATE TYPE "Health" AS ENUM ('healthy', 'chronic', 'serious_illness', 'disabled');

-- CreateEnum
CREATE TYPE "LaborCapacity" AS ENUM ('full', 'partial', 'none');

-- CreateEnum
CREATE TYPE "WorkStatus" AS ENUM ('local_farming', 'local_work', 'migrant_work', 'student', 'unemployed', 'retired', 'none');

-- CreateEnum
CREATE TYPE "NotCountedReason" AS ENUM ('deceased', 'imprisoned', 'missing', 'not_sharing', 'moved_out');

-- CreateEnum
CREATE TYPE "MeasureCategory" AS ENUM ('industry', 'employment', 'relocation', 'ecological', 'education', 'health', 'social_assistance');

-- CreateEnum
CREATE TYPE "IndicatorKey" AS ENUM ('income', 'food', 'clothing', 'medical', 'housing', 'water', 'education');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('bank_statement', 'housing_certificate', 'water_test', 'photo', 'signed_form', 'signature', 'other');

-- CreateEnum
CREATE TYPE "VisitMode" AS ENUM ('home', 'phone', 'wechat');

-- CreateEnum
CREATE TYPE "VisitConfirmation" AS ENUM ('signature', 'read_back', 'none');

-- CreateEnum
CREATE TYPE "VisitState" AS ENUM ('accepted', 'conflict', 'rejected');

-- CreateEnum
CREATE TYPE "AssessmentTrigger" AS ENUM ('seed', 'edit', 'visit', 'policy', 'import', 'member');

-- CreateTable
CREATE TABLE "region" (
    "id" TEXT NOT NULL,
    "parentId" TEXT,
    "level" "RegionLevel" NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "zone" "Zone",
    "hotline" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_row" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "provinceId" TEXT,
    "values" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "policy_row_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "regionId" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "headName" TEXT NOT NULL,
    "address" TEXT,
    "phone" TEXT,
    "registeredStatus" "RegisteredStatus" NOT NULL DEFAULT 'not_registered',
    "registeredAt" DATE,
    "liftedAt" DATE,
    "monitoringCategory" "MonitoringCategory",
    "monitoringSince" DATE,
    "mainCause" "PovertyCause",
    "secondaryCauses" "PovertyCause"[],
    "incomeWages" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "incomeBusiness" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "incomeBusinessCosts" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "incomeProperty" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "incomeTransfers" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "rigidExpenditure" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "previousYearIncome" DECIMAL(12,2),
    "food" BOOLEAN NOT NULL DEFAULT true,
    "clothing" BOOLEAN NOT NULL DEFAULT true,
    "housingGrade" "HousingGrade" NOT NULL DEFAULT 'A',
    "electricity" BOOLEAN NOT NULL DEFAULT true,
    "waterLitres" DECIMAL(8,2) NOT NULL DEFAULT 40,
    "waterScarceArea" BOOLEAN NOT NULL DEFAULT false,
    "waterPiped" BOOLEAN NOT NULL DEFAULT true,
    "waterRoundTripMin" INTEGER NOT NULL DEFAULT 0,
    "waterHorizontalM" INTEGER,
    "waterVerticalM" INTEGER,
    "waterQualitySafe" BOOLEAN NOT NULL DEFAULT true,
    "waterOutageDays" INTEGER NOT NULL DEFAULT 0,
    "vehicleValue" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "commercialHousing" BOOLEAN NOT NULL DEFAULT false,
    "registeredBusiness" BOOLEAN NOT NULL DEFAULT false,
    "splitFromId" TEXT,
    "splitAt" DATE,
    "assessedStatus" "AssessedStatus",
    "candidate" "CandidateKind",
    "candidateCategory" "MonitoringCategory",
    "perCapitaIncome" DECIMAL(12,2),
    "countedMembers" INTEGER NOT NULL DEFAULT 0,
    "unmetIndicators" TEXT[],
    "assessedAt" TIMESTAMP(3),
    "lastVisitAt" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nationalId" TEXT,
    "sex" "Sex" NOT NULL,
    "birthDate" DATE NOT NULL,
    "relation" "Relation" NOT NULL,
    "ethnicity" TEXT NOT NULL DEFAULT '汉族',
    "education" "Education" NOT NULL DEFAULT 'none',
    "schoolStatus" "SchoolStatus" NOT NULL DEFAULT 'not_applicable',
    "dropoutMedicalExemption" BOOLEAN NOT NULL DEFAULT false,
    "health" "Health" NOT NULL DEFAULT 'healthy',
    "disability" TEXT,
    "laborCapacity" "LaborCapacity" NOT NULL DEFAULT 'full',
    "workStatus" "WorkStatus" NOT NULL DEFAULT 'local_farming',
    "medicalInsurance" BOOLEAN NOT NULL DEFAULT true,
    "pension" BOOLEAN NOT NULL DEFAULT false,
    "subsistenceAllowance" BOOLEAN NOT NULL DEFAULT false,
    "counted" BOOLEAN NOT NULL DEFAULT true,
    "notCountedReason" "NotCountedReason",
    "active" BOOLEAN NOT NULL DEFAULT true,
    "villageCommittee" BOOLEAN NOT NULL DEFAULT false,
    "publicEmployee" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assistance_measure" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "category" "MeasureCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assistance_measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "visitId" TEXT,
    "indicator" "IndicatorKey",
    "kind" "EvidenceKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "capturedAt" TIMESTAMP(3),
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cadre_assignment" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "cadreId" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),
    "reason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cadre_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "cadreId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "mode" "VisitMode" NOT NULL,
    "findings" TEXT NOT NULL,
    "problems" TEXT NOT NULL DEFAULT '',
    "actionsTaken" TEXT NOT NULL DEFAULT '',
    "locationConsent" BOOLEAN NOT NULL DEFAULT false,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "accuracyM" DOUBLE PRECISION,
    "locatedAt" TIMESTAMP(3),
    "confirmation" "VisitConfirmation" NOT NULL DEFAULT 'none',
    "state" "VisitState" NOT NULL DEFAULT 'accepted',
    "stateReason" TEXT,
    "baseVersion" INTEGER,
    "pendingChanges" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "status" "AssessedStatus" NOT NULL,
    "candidate" "CandidateKind",
    "monitoringCategory" "MonitoringCategory",
    "perCapitaIncome" DECIMAL(12,2) NOT NULL,
    "countedMembers" INTEGER NOT NULL,
    "policyVersion" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "trigger" "AssessmentTrigger" NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registration_change" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "fromStatus" "RegisteredStatus" NOT NULL,
    "toStatus" "RegisteredStatus" NOT NULL,
    "effective" DATE NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registration_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "countyId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "region_parentId_idx" ON "region"("parentId");

-- CreateIndex
CREATE INDEX "region_level_idx" ON "region"("level");

-- CreateIndex
CREATE INDEX "policy_row_year_provinceId_active_idx" ON "policy_row"("year", "provinceId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "app_user_role_regionId_idx" ON "app_user"("role", "regionId");

-- CreateIndex
CREATE INDEX "household_countyId_villageId_idx" ON "household"("countyId", "villageId");

-- CreateIndex
CREATE INDEX "household_villageId_registeredStatus_idx" ON "household"("villageId", "registeredStatus");

-- CreateIndex
CREATE INDEX "household_countyId_registeredStatus_idx" ON "household"("countyId", "registeredStatus");

-- CreateIndex
CREATE UNIQUE INDEX "household_villageId_number_key" ON "household"("villageId", "number");

-- CreateIndex
CREATE INDEX "member_householdId_idx" ON "member"("householdId");

-- CreateIndex
CREATE INDEX "member_countyId_idx" ON "member"("countyId");

-- CreateIndex
CREATE INDEX "member_nationalId_idx" ON "member"("nationalId");

-- CreateIndex
CREATE INDEX "assistance_measure_householdId_idx" ON "assistance_measure"("householdId");

-- CreateIndex
CREATE INDEX "assistance_measure_countyId_idx" ON "assistance_measure"("countyId");

-- CreateIndex
CREATE INDEX "evidence_householdId_idx" ON "evidence"("householdId");

-- CreateIndex
CREATE INDEX "evidence_countyId_idx" ON "evidence"("countyId");

-- CreateIndex
CREATE INDEX "cadre_assignment_cadreId_validTo_idx" ON "cadre_assignment"("cadreId", "validTo");

-- CreateIndex
CREATE INDEX "cadre_assignment_householdId_validTo_idx" ON "cadre_assignment"("householdId", "validTo");

-- CreateIndex
CREATE INDEX "cadre_assignment_countyId_idx" ON "cadre_assignment"("countyId");

-- CreateIndex
CREATE INDEX "visit_householdId_date_idx" ON "visit"("householdId", "date");

-- CreateIndex
CREATE INDEX "visit_cadreId_date_idx" ON "visit"("cadreId", "date");

-- CreateIndex
CREATE INDEX "visit_countyId_date_idx" ON "visit"("countyId", "date");

-- CreateIndex
CREATE INDEX "follow_up_householdId_idx" ON "follow_up"("householdId");

-- CreateIndex
CREATE INDEX "follow_up_countyId_resolvedAt_idx" ON "follow_up"("countyId", "resolvedAt");

-- CreateIndex
CREATE INDEX "assessment_householdId_createdAt_idx" ON "assessment"("householdId", "createdAt");

-- CreateIndex
CREATE INDEX "assessment_countyId_createdAt_idx" ON "assessment"("countyId", "createdAt");

-- CreateIndex
CREATE INDEX "registration_change_countyId_effective_idx" ON "registration_change"("countyId", "effective");

-- CreateIndex
CREATE INDEX "registration_change_householdId_idx" ON "registration_change"("householdId");

-- CreateIndex
CREATE INDEX "audit_event_entity_entityId_idx" ON "audit_event"("entity", "entityId");

-- CreateIndex
CREATE INDEX "audit_event_countyId_at_idx" ON "audit_event"("countyId", "at");

-- CreateIndex
CREATE INDEX "audit_event_actorId_at_idx" ON "audit_event"("actorId", "at");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assistance_measure" ADD CONSTRAINT "assistance_measure_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_assignment" ADD CONSTRAINT "cadre_assignment_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_assignment" ADD CONSTRAINT "cadre_assignment_cadreId_fkey" FOREIGN KEY ("cadreId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit" ADD CONSTRAINT "visit_cadreId_fkey" FOREIGN KEY ("cadreId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "visit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma cannot express a partial unique index): a national ID is unique
-- among active members. Inactive members (moved out, deceased) keep theirs for history.
CREATE UNIQUE INDEX "member_national_id_active_key" ON "member"("nationalId") WHERE "active" AND "nationalId" IS NOT NULL;
