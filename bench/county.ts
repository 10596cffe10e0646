/**
 * County benchmark: the village list and the village page on a county of 100,000 households,
 * against a bare aggregate baseline measured in the same run.
 *
 *   npm run bench:county      (tsx --conditions=react-server bench/county.ts)
 *
 * BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/jingzhun_bench) names a
 * database this script creates (dropping any old one), migrates, fills with set-based SQL
 * (generate_series) and drops again at the end (BENCH_KEEP=1 keeps it). The queries run
 * through the app's own data functions and Prisma client, 30 times each after 3 warm-ups;
 * p50/p95 are printed with their ratio to the baseline. Bounded: it stops measuring after
 * BENCH_MAX_SECONDS (default 150).
 */
import pg from "pg";
import { migrationSql } from "../tests/support/migrations";
import { createPrisma, setDb } from "../lib/db/client";
import { poolConfigFromUrl } from "../lib/db/adapter-fixes";
import type { Viewer } from "../lib/auth/session";
import { countyTotals, villageList, villageSummary } from "../lib/data/county";
import { villageCadres, villageHouseholds } from "../lib/data/county-households";
import { timeRuns } from "./lib/stats";
import type { ReviewCountyId } from "../lib/auth/scope";

const URL_ = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/jingzhun_bench";
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const TOWNSHIPS = 12;
const VILLAGES_PER_TOWNSHIP = 25; // 300 villages, about 333 households each
const CADRES_PER_VILLAGE = 17;
// the bench reads as the county's own official would: the id its scope check gives
const COUNTY = "520699" as ReviewCountyId;
const THRESHOLD = 3;
const deadline = Date.now() + Number(process.env.BENCH_MAX_SECONDS ?? 150) * 1000;
const log = (m: string) => console.log(`[bench:county] ${m}`);

function dbName(url: string) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
function adminUrl(url: string) {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

async function admin(sql: string) {
  const c = new pg.Client(poolConfigFromUrl(adminUrl(URL_)));
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The county, set-based: regions, cadres, households with a realistic mix, assignments. */
const GENERATE = (n: number) => `
SELECT setseed(0.2026);
INSERT INTO region (id, "parentId", level, name, zone, "updatedAt") VALUES
  ('52', NULL, 'province', '贵州省', 'west', now()),
  ('5206', '52', 'city', '铜仁市', 'west', now()),
  ('${COUNTY}', '5206', 'county', '基准县', 'west', now());
INSERT INTO region (id, "parentId", level, name, zone, "updatedAt")
  SELECT '${COUNTY}' || (100 + t)::text, '${COUNTY}', 'township', '乡镇' || t, 'west', now() FROM generate_series(1, ${TOWNSHIPS}) t;
INSERT INTO region (id, "parentId", level, name, zone, "updatedAt")
  SELECT '${COUNTY}' || (100 + t)::text || (200 + v)::text, '${COUNTY}' || (100 + t)::text, 'village', '村' || t || '-' || v, 'west', now()
  FROM generate_series(1, ${TOWNSHIPS}) t, generate_series(1, ${VILLAGES_PER_TOWNSHIP}) v;

CREATE TEMP TABLE vil AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id FROM region WHERE level = 'village' AND id LIKE '${COUNTY}%';

INSERT INTO app_user (id, username, name, "passwordHash", role, "regionId", "updatedAt")
  SELECT 'cadre-' || vil.idx || '-' || k, 'bc' || vil.idx || '_' || k, '干部' || vil.idx || '-' || k, 'x', 'cadre', vil.id, now()
  FROM vil, generate_series(0, ${CADRES_PER_VILLAGE - 1}) k;

CREATE TEMP TABLE draw AS
  SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5 FROM generate_series(0, ${n - 1}) i;

INSERT INTO household (id, "countyId", "villageId", number, "headName", "registeredStatus", "monitoringCategory", "assessedStatus",
    "memberCount", "countedMembers", "mainCause", "unmetIndicators", "lastVisitAt", "updatedAt")
SELECT 'h-' || d.i, '${COUNTY}', vil.id, lpad((d.i / 300 + 1)::text, 4, '0'), '户主' || d.i, s.reg::"RegisteredStatus",
  s.mon::"MonitoringCategory", s.ass::"AssessedStatus", s.members, s.members,
  CASE WHEN s.reg <> 'not_registered' OR s.mon IS NOT NULL
    THEN (ARRAY['illness','disability','schooling','disaster','lack_of_land','lack_of_water','lack_of_skills','lack_of_labour','lack_of_capital','poor_transport','lack_of_drive','other'])[1 + floor(d.r5 * 12)::int]::"PovertyCause" END,
  CASE WHEN s.ass = 'below_standard' THEN ARRAY[(ARRAY['income','water','housing','medical','education','food','clothing'])[1 + floor(d.r5 * 7)::int]] ELSE ARRAY[]::text[] END,
  CASE WHEN s.reg <> 'not_registered' OR s.mon IS NOT NULL OR s.ass <> 'secure' THEN current_date - floor(d.r4 * 75)::int END,
  now()
FROM draw d
JOIN vil ON vil.idx = d.i % 300
CROSS JOIN LATERAL (
  SELECT reg, ass, members,
    CASE WHEN reg = 'lifted' AND d.r2 < 0.08 THEN 'unstable_lifted'
         WHEN reg = 'not_registered' AND d.r2 < 0.01 THEN 'marginal'
         WHEN d.r2 > 0.995 THEN 'sudden_hardship' END AS mon
  FROM (SELECT
    CASE WHEN d.r1 < 0.02 THEN 'registered_poor' WHEN d.r1 < 0.17 THEN 'lifted' ELSE 'not_registered' END AS reg,
    CASE WHEN d.r3 < 0.04 THEN 'below_standard' WHEN d.r3 < 0.10 THEN 'at_risk' ELSE 'secure' END AS ass,
    1 + floor(d.r4 * 5.8)::int AS members) x
) s;

-- candidates, by the domain's rules (from 2021: monitor instead of identify)
UPDATE household SET candidate = CASE
    WHEN "registeredStatus" = 'registered_poor' AND "assessedStatus" IN ('at_risk', 'secure') THEN 'exit'
    WHEN "registeredStatus" <> 'registered_poor' AND "monitoringCategory" IS NULL AND "assessedStatus" IN ('below_standard', 'at_risk') THEN 'monitor'
  END::"CandidateKind",
  "candidateCategory" = CASE
    WHEN "registeredStatus" <> 'registered_poor' AND "monitoringCategory" IS NULL AND "assessedStatus" IN ('below_standard', 'at_risk')
    THEN (CASE WHEN "registeredStatus" = 'lifted' THEN 'unstable_lifted' ELSE 'marginal' END)::"MonitoringCategory" END
WHERE "countyId" = '${COUNTY}';

-- households of interest get a cadre of their village; one in twenty had an earlier cadre
INSERT INTO cadre_assignment (id, "householdId", "countyId", "cadreId", "validFrom", "validTo", reason)
SELECT 'a-' || d.i, 'h-' || d.i, '${COUNTY}', 'cadre-' || (d.i % 300) || '-' || (d.i / 300 % ${CADRES_PER_VILLAGE}), '2024-03-01', NULL, '结对帮扶'
FROM draw d JOIN household h ON h.id = 'h-' || d.i
WHERE h."registeredStatus" <> 'not_registered' OR h."monitoringCategory" IS NOT NULL OR h."assessedStatus" <> 'secure';
INSERT INTO cadre_assignment (id, "householdId", "countyId", "cadreId", "validFrom", "validTo", reason)
SELECT 'old-' || a.id, a."householdId", a."countyId", 'cadre-' || (substr(a."householdId", 3)::int % 300) || '-' || ((substr(a."householdId", 3)::int / 300 + 1) % ${CADRES_PER_VILLAGE}),
  '2022-03-01', '2024-03-01', '干部调整'
FROM cadre_assignment a WHERE a."countyId" = '${COUNTY}' AND substr(a."householdId", 3)::int % 20 = 0;
ANALYZE;
`;

interface Result {
  name: string;
  p50: number;
  p95: number;
  runs: number;
}

async function measure(name: string, fn: () => Promise<unknown>): Promise<Result> {
  return { name, ...(await timeRuns(fn, { runs: RUNS, warmup: WARMUP, deadline })) };
}

async function main() {
  const started = Date.now();
  const name = dbName(URL_);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing an unusual database name: ${name}`);
  log(`database ${name} (dropped and recreated)`);
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const direct = new pg.Client(poolConfigFromUrl(URL_));
  await direct.connect();
  const prisma = createPrisma(URL_, { max: 10 });
  try {
    for (const sql of migrationSql()) await direct.query(sql);
    const t0 = Date.now();
    await direct.query(GENERATE(HOUSEHOLDS));
    const counts = (
      await direct.query(`SELECT
        (SELECT count(*) FROM household)::int AS households, (SELECT sum("memberCount") FROM household)::int AS people,
        (SELECT count(*) FROM region WHERE level = 'village')::int AS villages, (SELECT count(*) FROM app_user)::int AS cadres,
        (SELECT count(*) FROM cadre_assignment WHERE "validTo" IS NULL)::int AS current,
        (SELECT count(*) FROM household WHERE candidate IS NOT NULL)::int AS candidates`)
    ).rows[0];
    log(`generated in ${Date.now() - t0} ms: ${JSON.stringify(counts)}`);

    setDb(prisma);
    const viewer: Viewer = {
      id: "bench",
      name: "bench",
      username: "bench",
      role: "county_official",
      regionId: COUNTY,
      regionLevel: "county",
      regionName: "基准县",
    };
    const village = `${COUNTY}101201`;

    const baselineList = () =>
      prisma.$queryRaw`SELECT "villageId", count(*)::int AS households, sum("memberCount")::int AS people FROM household WHERE "countyId" = ${COUNTY} GROUP BY "villageId"`;
    const baselinePage = () =>
      Promise.all([
        prisma.$queryRaw`SELECT id, number, "headName", "memberCount", "registeredStatus", "assessedStatus", "lastVisitAt" FROM household WHERE "villageId" = ${village} ORDER BY number LIMIT 50`,
        prisma.$queryRaw`SELECT count(*)::int AS n FROM household WHERE "villageId" = ${village}`,
      ]);

    const results: { group: string; baseline: Result; ours: Result[] }[] = [];
    const listBase = await measure("baseline: GROUP BY villageId count/sum", baselineList);
    results.push({
      group: "village list (/county)",
      baseline: listBase,
      ours: [
        await measure("villageList, default (township order, page 1 of 100)", () => villageList(COUNTY, THRESHOLD, {})),
        await measure("villageList, filtered + sorted (inc=above, missed≥1, incidence desc)", () =>
          villageList(COUNTY, THRESHOLD, { inc: "above", missedMin: 1, sort: "incidence", dir: "desc" }),
        ),
        await measure("countyTotals (township rollup)", () => countyTotals(COUNTY, THRESHOLD)),
      ],
    });
    const pageBase = await measure("baseline: one page + count by villageId", baselinePage);
    results.push({
      group: `village page (/county/villages/${village}, ~${Math.round(HOUSEHOLDS / 300)} households)`,
      baseline: pageBase,
      ours: [
        await measure("villageHouseholds, default", () => villageHouseholds(viewer, COUNTY, village, {})),
        await measure("villageHouseholds, mismatch=any, lastVisit asc", () =>
          villageHouseholds(viewer, COUNTY, village, { mismatch: "any", sort: "lastVisit", dir: "asc" }),
        ),
        await measure("whole page data (summary + list + cadres)", () =>
          Promise.all([
            villageSummary(COUNTY, village, THRESHOLD),
            villageHouseholds(viewer, COUNTY, village, {}),
            villageCadres(COUNTY, village),
          ]),
        ),
      ],
    });

    const f = (n: number) => n.toFixed(1).padStart(8);
    console.log("");
    console.log(`county of ${HOUSEHOLDS.toLocaleString("en")} households, ${RUNS} runs each (ms)`);
    for (const g of results) {
      console.log(`\n${g.group}`);
      console.log(`  ${"query".padEnd(72)}${"p50".padStart(8)}${"p95".padStart(8)}   ×p50   ×p95`);
      for (const r of [g.baseline, ...g.ours]) {
        const ratio =
          r === g.baseline
            ? ""
            : `  ${(r.p50 / g.baseline.p50).toFixed(2).padStart(5)}  ${(r.p95 / g.baseline.p95).toFixed(2).padStart(5)}`;
        console.log(`  ${r.name.padEnd(72)}${f(r.p50)}${f(r.p95)}${ratio}${r.runs < RUNS ? `  (${r.runs} runs: time limit)` : ""}`);
      }
    }
    console.log(`\ntotal ${(Date.now() - started) / 1000} s`);
  } finally {
    setDb(undefined);
    await prisma.$disconnect();
    await direct.end();
    if (process.env.BENCH_KEEP !== "1") await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
