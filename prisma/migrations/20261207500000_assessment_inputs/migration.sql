-- Decision 0054: an assessment stores the engine's input and its policy version; the result
-- (reasons in two languages, ~2.6 kB) is rendered when read. Rows written before keep their
-- stored result (no backfill); every row has one or the other.
ALTER TABLE "assessment" ALTER COLUMN "result" DROP NOT NULL;
ALTER TABLE "assessment" ADD COLUMN "input" JSONB;
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_result_or_input" CHECK ("result" IS NOT NULL OR "input" IS NOT NULL);
