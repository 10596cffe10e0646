-- A roll-call vote corrected or withdrawn while the meeting is open (procedure v2): the history.
CREATE TABLE "vote_correction" (
    "id" TEXT NOT NULL,
    "voteId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "fromChoice" "VoteChoice" NOT NULL,
    "toChoice" "VoteChoice",
    "reason" TEXT,
    "correctedById" TEXT,
    "correctedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vote_correction_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "vote_correction_meetingId_correctedAt_idx" ON "vote_correction"("meetingId", "correctedAt");

-- Written by hand: frozen with its meeting (as votes are), and never rewritten.
CREATE TRIGGER vote_correction_frozen BEFORE INSERT OR UPDATE OR DELETE ON "vote_correction"
  FOR EACH ROW EXECUTE FUNCTION jz_refuse_closed_meeting_rows();

CREATE FUNCTION jz_vote_correction_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'vote corrections are append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END $$;

CREATE TRIGGER vote_correction_append_only BEFORE UPDATE OR DELETE ON "vote_correction"
  FOR EACH ROW EXECUTE FUNCTION jz_vote_correction_append_only();
