-- The SHA-256 of a meeting's minutes scan and of a help report's photo, kept with the row as the
-- evidence table already keeps its files' (a restore checks every stored file against it).
-- Rows from before keep NULL: a restore can only check that their file is there.

-- AlterTable
ALTER TABLE "help_request" ADD COLUMN     "photoSha256" TEXT;

-- AlterTable
ALTER TABLE "meeting" ADD COLUMN     "minutesSha256" TEXT;
