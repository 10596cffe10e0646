-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "recompute_job" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" "JobState" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "recompute_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recompute_job_state_idx" ON "recompute_job"("state");
