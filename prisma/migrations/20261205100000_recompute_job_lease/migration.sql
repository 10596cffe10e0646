-- A recompute job is worked by one app process at a time (decision 0042): the process holding
-- the lease renews it with every chunk; a job whose holder stopped is taken over when it runs out.
ALTER TABLE "recompute_job"
  ADD COLUMN "holder" TEXT,
  ADD COLUMN "leaseUntil" TIMESTAMP(3);
