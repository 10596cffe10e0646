-- Procedure v2: home verification, the household's exit agreement, the monitoring application's
-- authorisation, and the village's check of an objection.
CREATE TYPE "ExitAgreementOutcome" AS ENUM ('agreed', 'refused');

ALTER TABLE "proposal" ADD COLUMN "authorisationEvidenceId" TEXT;

ALTER TABLE "objection" ADD COLUMN "checkedAt" TIMESTAMP(3),
ADD COLUMN "checkedById" TEXT,
ADD COLUMN "aboutItem" BOOLEAN,
ADD COLUMN "isNew" BOOLEAN,
ADD COLUMN "stands" BOOLEAN,
ADD COLUMN "checkNote" TEXT;

CREATE TABLE "home_verification" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "checkedByName" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "checkedOn" DATE NOT NULL,
    "perCapitaIncome" DECIMAL(12,2) NOT NULL,
    "guarantees" JSONB NOT NULL,
    "findings" TEXT NOT NULL,
    "signatureEvidenceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "home_verification_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "exit_agreement" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "outcome" "ExitAgreementOutcome" NOT NULL,
    "method" TEXT,
    "evidenceId" TEXT,
    "perCapitaIncome" DECIMAL(12,2) NOT NULL,
    "guarantees" JSONB NOT NULL,
    "refusalReason" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exit_agreement_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "home_verification_proposalId_createdAt_idx" ON "home_verification"("proposalId", "createdAt");
CREATE INDEX "exit_agreement_proposalId_createdAt_idx" ON "exit_agreement"("proposalId", "createdAt");

ALTER TABLE "home_verification" ADD CONSTRAINT "home_verification_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "exit_agreement" ADD CONSTRAINT "exit_agreement_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: both records are evidence of the household's own word; never rewritten.
CREATE FUNCTION jz_procedure_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER home_verification_append_only BEFORE UPDATE OR DELETE ON "home_verification"
  FOR EACH ROW EXECUTE FUNCTION jz_procedure_record_append_only();
CREATE TRIGGER exit_agreement_append_only BEFORE UPDATE OR DELETE ON "exit_agreement"
  FOR EACH ROW EXECUTE FUNCTION jz_procedure_record_append_only();
