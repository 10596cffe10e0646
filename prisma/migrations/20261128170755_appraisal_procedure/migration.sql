-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('identify', 'exit', 'monitor', 'eliminate_risk');

-- CreateEnum
CREATE TYPE "ProposalSource" AS ENUM ('cadre', 'application', 'engine', 'department');

-- CreateEnum
CREATE TYPE "ProposalStage" AS ENUM ('proposed', 'comparison_explained', 'on_agenda', 'voted', 'first_notice', 'township_review', 'second_notice', 'county_approval', 'announced', 'reverify', 'failed', 'withdrawn');

-- CreateEnum
CREATE TYPE "MeetingState" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "BallotKind" AS ENUM ('roll_call', 'secret');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('yes', 'no', 'abstain');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('first', 'second', 'announcement');

-- CreateEnum
CREATE TYPE "ObjectionSource" AS ENUM ('village', 'card', 'official');

-- CreateTable
CREATE TABLE "proposal" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "monitoringCategory" "MonitoringCategory",
    "source" "ProposalSource" NOT NULL,
    "reason" TEXT NOT NULL,
    "raisedById" TEXT,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assessmentId" TEXT,
    "householdVersion" INTEGER NOT NULL,
    "flags" JSONB NOT NULL DEFAULT '[]',
    "flagExplanation" TEXT,
    "stage" "ProposalStage" NOT NULL DEFAULT 'proposed',
    "householdAgreedAt" TIMESTAMP(3),
    "agreementEvidenceId" TEXT,
    "homeCheckAt" TIMESTAMP(3),
    "homeCheckById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure_step" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "stage" "ProposalStage" NOT NULL,
    "decision" TEXT,
    "reason" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "representative" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "representative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "facilitatorId" TEXT NOT NULL,
    "state" "MeetingState" NOT NULL DEFAULT 'draft',
    "rosterSize" INTEGER NOT NULL DEFAULT 0,
    "quorumMet" BOOLEAN,
    "minutes" TEXT,
    "minutesKey" TEXT,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_attendance" (
    "meetingId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_attendance_pkey" PRIMARY KEY ("meetingId","representativeId")
);

-- CreateTable
CREATE TABLE "agenda_item" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "ballot" "BallotKind" NOT NULL DEFAULT 'roll_call',
    "yes" INTEGER,
    "no" INTEGER,
    "abstain" INTEGER,
    "passed" BOOLEAN,

    CONSTRAINT "agenda_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice" (
    "id" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "meetingId" TEXT,
    "startDate" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "endDate" DATE NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_item" (
    "noticeId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,

    CONSTRAINT "notice_item_pkey" PRIMARY KEY ("noticeId","proposalId")
);

-- CreateTable
CREATE TABLE "objection" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "noticeId" TEXT,
    "source" "ObjectionSource" NOT NULL,
    "byName" TEXT,
    "contact" TEXT,
    "text" TEXT NOT NULL,
    "lodgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,

    CONSTRAINT "objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monitoring_period" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "category" "MonitoringCategory" NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE,
    "proposalId" TEXT,
    "endProposalId" TEXT,

    CONSTRAINT "monitoring_period_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "proposal_countyId_stage_idx" ON "proposal"("countyId", "stage");

-- CreateIndex
CREATE INDEX "proposal_villageId_stage_idx" ON "proposal"("villageId", "stage");

-- CreateIndex
CREATE INDEX "proposal_householdId_idx" ON "proposal"("householdId");

-- CreateIndex
CREATE INDEX "procedure_step_proposalId_at_idx" ON "procedure_step"("proposalId", "at");

-- CreateIndex
CREATE INDEX "representative_villageId_active_idx" ON "representative"("villageId", "active");

-- CreateIndex
CREATE INDEX "meeting_villageId_date_idx" ON "meeting"("villageId", "date");

-- CreateIndex
CREATE INDEX "meeting_countyId_state_idx" ON "meeting"("countyId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_item_meetingId_proposalId_key" ON "agenda_item"("meetingId", "proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "vote_agendaItemId_representativeId_key" ON "vote"("agendaItemId", "representativeId");

-- CreateIndex
CREATE INDEX "notice_villageId_startDate_idx" ON "notice"("villageId", "startDate");

-- CreateIndex
CREATE INDEX "objection_proposalId_idx" ON "objection"("proposalId");

-- CreateIndex
CREATE INDEX "monitoring_period_householdId_idx" ON "monitoring_period"("householdId");

-- AddForeignKey
ALTER TABLE "procedure_step" ADD CONSTRAINT "procedure_step_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "representative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote" ADD CONSTRAINT "vote_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "agenda_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote" ADD CONSTRAINT "vote_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "representative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_item" ADD CONSTRAINT "notice_item_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "notice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_item" ADD CONSTRAINT "notice_item_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "objection" ADD CONSTRAINT "objection_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: a closed meeting is frozen in the database, whatever the application does.
-- Attendance, agenda items and votes of a closed meeting cannot be inserted, changed or deleted,
-- and a closed meeting itself cannot be changed or reopened.
CREATE FUNCTION jz_meeting_is_closed(mid text) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT EXISTS (SELECT 1 FROM "meeting" WHERE id = mid AND state = 'closed') $$;

CREATE FUNCTION jz_refuse_closed_meeting_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE mid text;
BEGIN
  IF TG_TABLE_NAME = 'vote' THEN
    SELECT "meetingId" INTO mid FROM "agenda_item" WHERE id = COALESCE(NEW."agendaItemId", OLD."agendaItemId");
  ELSE
    mid := COALESCE(NEW."meetingId", OLD."meetingId");
  END IF;
  IF jz_meeting_is_closed(mid) THEN
    RAISE EXCEPTION 'meeting % is closed: % on % refused', mid, TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001', HINT = 'meeting_closed';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

CREATE TRIGGER vote_frozen BEFORE INSERT OR UPDATE OR DELETE ON "vote"
  FOR EACH ROW EXECUTE FUNCTION jz_refuse_closed_meeting_rows();
CREATE TRIGGER attendance_frozen BEFORE INSERT OR UPDATE OR DELETE ON "meeting_attendance"
  FOR EACH ROW EXECUTE FUNCTION jz_refuse_closed_meeting_rows();
CREATE TRIGGER agenda_frozen BEFORE INSERT OR UPDATE OR DELETE ON "agenda_item"
  FOR EACH ROW EXECUTE FUNCTION jz_refuse_closed_meeting_rows();

CREATE FUNCTION jz_refuse_closed_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'closed' THEN
    RAISE EXCEPTION 'meeting % is closed and cannot change', OLD.id USING ERRCODE = 'P0001', HINT = 'meeting_closed';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

CREATE TRIGGER meeting_frozen BEFORE UPDATE OR DELETE ON "meeting"
  FOR EACH ROW EXECUTE FUNCTION jz_refuse_closed_meeting();
