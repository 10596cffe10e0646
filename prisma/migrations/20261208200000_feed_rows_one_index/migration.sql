-- Department feed rows keep only their primary key (feedId, line): every read of them is by feed
-- (the township's counts, the unmatched lines, the retention), and the (countyId, householdId)
-- index, read by nothing, doubled the cost of writing a feed's rows (bench/RESULTS.md).
DROP INDEX IF EXISTS "department_feed_row_countyId_householdId_idx";
