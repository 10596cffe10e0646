/*
  Warnings:

  - You are about to drop the column `failedLogins` on the `app_user` table. All the data in the column will be lost.
  - You are about to drop the column `lockedUntil` on the `app_user` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "app_user" DROP COLUMN "failedLogins",
DROP COLUMN "lockedUntil";

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);
