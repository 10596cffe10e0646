// The county official's two read paths, through the app's own data functions and Prisma client:
// the village list of the county with the most households against the bare aggregate (as in
// bench/county.ts), and one village's first page of households, sorted and filtered.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Viewer } from "../../lib/auth/session";
import { exitThreshold, villageList } from "../../lib/data/county";
import { villageHouseholds } from "../../lib/data/county-households";
import { timeRuns, type Timing } from "../lib/stats";
import type { ReviewCountyId } from "../../lib/auth/scope";

export type { Timing } from "../lib/stats";

/** p50/p95 of `runs` calls after `warmup` (at least 5 even past the deadline). */
function measure(fn: () => Promise<unknown>, runs: number, warmup = 3, deadline = Infinity): Promise<Timing> {
  return timeRuns(fn, { runs, warmup, deadline, minRuns: 5 });
}

export interface ReadSubjects {
  county: { id: string; name: string; zone: string | null; households: number };
  village: { id: string; households: number };
}

/** The county with the most households, and its largest village. */
export async function pickSubjects(prisma: PrismaClient): Promise<ReadSubjects> {
  const [c] = await prisma.$queryRaw<{ id: string; n: number }[]>`
    SELECT "countyId" AS id, count(*)::int AS n FROM household GROUP BY "countyId" ORDER BY n DESC, id LIMIT 1`;
  if (!c) throw new Error("no households to read");
  const region = await prisma.region.findUniqueOrThrow({ where: { id: c.id }, select: { name: true, zone: true } });
  const [v] = await prisma.$queryRaw<{ id: string; n: number }[]>`
    SELECT "villageId" AS id, count(*)::int AS n FROM household WHERE "countyId" = ${c.id} GROUP BY "villageId" ORDER BY n DESC, id LIMIT 1`;
  return { county: { id: c.id, name: region.name, zone: region.zone, households: c.n }, village: { id: v!.id, households: v!.n } };
}

export interface ReadResults {
  listBaseline: Timing;
  listOurs: Timing;
  listFiltered: Timing;
  pageDefault: Timing;
  pageFiltered: Timing;
  pageBaseline: Timing;
}

export async function measureReads(prisma: PrismaClient, s: ReadSubjects, runs: number, deadline: number): Promise<ReadResults> {
  const countyId = s.county.id as ReviewCountyId; // as its county official reads it
  const villageId = s.village.id;
  const threshold = await exitThreshold(countyId, s.county.zone);
  const viewer: Viewer = {
    id: "bench",
    name: "bench",
    username: "bench",
    role: "county_official",
    regionId: countyId,
    regionLevel: "county",
    regionName: s.county.name,
  };
  const listBaseline = await measure(
    () =>
      prisma.$queryRaw`SELECT "villageId", count(*)::int AS households, sum("memberCount")::int AS people FROM household WHERE "countyId" = ${countyId} GROUP BY "villageId"`,
    runs,
    3,
    deadline,
  );
  const listOurs = await measure(() => villageList(countyId, threshold, {}), runs, 3, deadline);
  const listFiltered = await measure(
    () => villageList(countyId, threshold, { inc: "above", missedMin: 1, sort: "incidence", dir: "desc" }),
    runs,
    3,
    deadline,
  );
  const pageBaseline = await measure(
    () =>
      Promise.all([
        prisma.$queryRaw`SELECT id, number, "headName", "memberCount", "registeredStatus", "assessedStatus", "lastVisitAt" FROM household WHERE "villageId" = ${villageId} AND candidate IS NOT NULL ORDER BY "lastVisitAt" NULLS FIRST, number LIMIT 50`,
        prisma.$queryRaw`SELECT count(*)::int AS n FROM household WHERE "villageId" = ${villageId} AND candidate IS NOT NULL`,
      ]),
    runs,
    3,
    deadline,
  );
  const pageDefault = await measure(() => villageHouseholds(viewer, countyId, villageId, {}), runs, 3, deadline);
  const pageFiltered = await measure(
    () => villageHouseholds(viewer, countyId, villageId, { mismatch: "any", sort: "lastVisit", dir: "asc" }),
    runs,
    3,
    deadline,
  );
  return { listBaseline, listOurs, listFiltered, pageDefault, pageFiltered, pageBaseline };
}
