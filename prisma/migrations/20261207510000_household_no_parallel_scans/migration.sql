-- Decision 0054 (amending 0010): no parallel workers for scans of household. The county village
-- list's aggregate is an index-only scan of the county's entries; for a county of tens of
-- thousands of households the planner made it parallel, and on a busy two-core server starting
-- and gathering the workers cost several times the aggregate itself (p95 107 ms against 20 ms
-- for the bare GROUP BY, which stays serial). The app's reads of household are per county or per
-- village, many at once from the connection pool: serial scans serve them better.
ALTER TABLE "household" SET (parallel_workers = 0);
