-- AlterTable
ALTER TABLE "household" ADD COLUMN     "memberCount" INTEGER NOT NULL DEFAULT 0;
