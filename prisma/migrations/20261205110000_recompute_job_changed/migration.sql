-- A recompute writes only the households whose result changed (decision 0042); the job counts them.
ALTER TABLE "recompute_job" ADD COLUMN "changed" INTEGER NOT NULL DEFAULT 0;
