-- AlterTable
ALTER TABLE "household" ALTER COLUMN "waterRoundTripMin" DROP NOT NULL,
ALTER COLUMN "waterRoundTripMin" DROP DEFAULT;
