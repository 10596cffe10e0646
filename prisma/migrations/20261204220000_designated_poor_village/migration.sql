-- Designated poor villages (贫困村, #14 point 14): a flag on village regions, set by an admin;
-- the frozen evaluation list records it, so the stratified draw (sample v2, decision 0017)
-- re-draws from the list alone.
ALTER TABLE "region" ADD COLUMN "designatedPoor" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "evaluation_list_entry" ADD COLUMN "villageDesignated" BOOLEAN NOT NULL DEFAULT false;
