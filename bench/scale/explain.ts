// The query plans behind the read measures, on a database a scale run kept (--keep):
// EXPLAIN (ANALYZE, BUFFERS) of the statements villageList and villageHouseholds send (captured
// from Prisma's query events), and of the baselines.
//
//   node --conditions=react-server --import tsx bench/scale/explain.ts [URL] [--summary]
import pg from "pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { fixedPgAdapterFactory, poolConfigFromUrl } from "../../lib/db/adapter-fixes";
import { setDb } from "../../lib/db/client";
import type { Viewer } from "../../lib/auth/session";
import { exitThreshold, villageList } from "../../lib/data/county";
import { villageHouseholds } from "../../lib/data/county-households";
import { pickSubjects } from "./reads";
import { DEFAULT_SCALE_URL } from "./target";
import type { ReviewCountyId } from "../../lib/auth/scope";

async function main() {
  const url = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? DEFAULT_SCALE_URL;
  const summary = process.argv.includes("--summary");
  const prisma = new PrismaClient({ adapter: fixedPgAdapterFactory(url, { max: 2 }), log: [{ emit: "event", level: "query" }] });
  const captured: { query: string; params: string }[] = [];
  let capturing = false;
  prisma.$on("query", (e) => {
    if (capturing) captured.push({ query: e.query, params: e.params });
  });
  setDb(prisma);
  const c = new pg.Client(poolConfigFromUrl(url));
  await c.connect();
  try {
    const s = await pickSubjects(prisma);
    const threshold = await exitThreshold(s.county.id, s.county.zone);
    const viewer: Viewer = {
      id: "bench",
      name: "bench",
      username: "bench",
      role: "county_official",
      regionId: s.county.id,
      regionLevel: "county",
      regionName: s.county.name,
    };
    const explain = async (title: string, sql: string, params: unknown[]) => {
      const plan = (await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r: Record<string, string>) => r["QUERY PLAN"]);
      console.log(`\n── ${title}`);
      if (summary) console.log(plan.filter((l) => /Execution Time|Planning Time/.test(l!)).join("\n"));
      else console.log(plan.join("\n"));
    };
    const run = async (title: string, fn: () => Promise<unknown>) => {
      await fn(); // warm
      captured.length = 0;
      capturing = true;
      await fn();
      capturing = false;
      for (const [i, q] of captured.entries()) {
        if (/^(BEGIN|COMMIT|SELECT 1)/.test(q.query)) continue;
        const params = JSON.parse(q.params) as unknown[];
        await explain(
          `${title} [${i + 1}/${captured.length}]`,
          q.query,
          params.map((p) => (p !== null && typeof p === "object" ? JSON.stringify(p) : p)),
        );
      }
    };
    console.log(`county ${s.county.id} (${s.county.households} households), village ${s.village.id} (${s.village.households})`);
    await explain(
      "village list baseline",
      `SELECT "villageId", count(*)::int AS households, sum("memberCount")::int AS people FROM household WHERE "countyId" = $1 GROUP BY "villageId"`,
      [s.county.id],
    );
    await run("villageList (default)", () => villageList(s.county.id as ReviewCountyId, threshold, {}));
    await run("villageHouseholds (mismatch=any, lastVisit asc)", () =>
      villageHouseholds(viewer, s.county.id as ReviewCountyId, s.village.id, { mismatch: "any", sort: "lastVisit", dir: "asc" }),
    );
    await run("villageHouseholds (default)", () => villageHouseholds(viewer, s.county.id as ReviewCountyId, s.village.id, {}));
  } finally {
    setDb(undefined);
    await c.end();
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
