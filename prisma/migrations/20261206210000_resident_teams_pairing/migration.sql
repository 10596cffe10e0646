-- Resident teams and first secretaries (驻村工作队, 第一书记) with their monthly days in the village, and the
-- sending unit of a pairing (结对帮扶): a unit table, the user's unit, and the unit kept on each assignment row.
-- CreateEnum
CREATE TYPE "ResidentRole" AS ENUM ('first_secretary', 'team_leader', 'team_member');

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "unitId" TEXT;

-- AlterTable
ALTER TABLE "cadre_assignment" ADD COLUMN     "unitId" TEXT;

-- CreateTable
CREATE TABLE "unit" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resident_posting" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "userId" TEXT,
    "personName" TEXT NOT NULL,
    "role" "ResidentRole" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "resident_posting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resident_month" (
    "id" TEXT NOT NULL,
    "postingId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "resident_month_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "unit_countyId_name_key" ON "unit"("countyId", "name");

-- CreateIndex
CREATE INDEX "resident_posting_countyId_villageId_idx" ON "resident_posting"("countyId", "villageId");

-- CreateIndex
CREATE INDEX "resident_month_countyId_month_idx" ON "resident_month"("countyId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "resident_month_postingId_month_key" ON "resident_month"("postingId", "month");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_assignment" ADD CONSTRAINT "cadre_assignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_posting" ADD CONSTRAINT "resident_posting_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_posting" ADD CONSTRAINT "resident_posting_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_posting" ADD CONSTRAINT "resident_posting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resident_month" ADD CONSTRAINT "resident_month_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "resident_posting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

