// The township reviewer's view (a county official whose scope is a township): its villages with
// the county's aggregates, what waits on it and what is late. Everything is read inside the
// township (region ids are prefixes of the ids beneath them).
import "server-only";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { today } from "@/lib/clock";
import { overdueBefore } from "./county-households";
import { regionReach, reviewTownshipId, type ReviewTownshipId } from "@/lib/auth/scope";

export function isTownshipScope(viewer: Pick<Viewer, "role" | "regionLevel">): boolean {
  return viewer.role === "county_official" && viewer.regionLevel === "township";
}

/** The reviewer's township and the county it lies in, or not found. */
export async function reviewTownship(viewer: Viewer) {
  if (!isTownshipScope(viewer)) throw new AppError("not_found");
  const township = await db().region.findFirst({
    where: { id: viewer.regionId, level: "township" },
    select: { id: true, name: true, parent: { select: { id: true, name: true, zone: true, level: true } } },
  });
  if (!township?.parent || township.parent.level !== "county") throw new AppError("not_found");
  const { level: _level, ...parent } = township.parent;
  const ids = reviewTownshipId(viewer);
  return { township: { id: ids.township, name: township.name }, county: { ...parent, id: ids.county } };
}

/** Late work in the township: help reports past their answer deadline, households whose monthly visit is overdue (per village). */
export async function townshipLate(townshipId: ReviewTownshipId, now = new Date()) {
  const day = new Date(`${today(now)}T00:00:00Z`);
  const before = overdueBefore(today(now));
  const [leads, visits] = await Promise.all([
    db().helpRequest.count({ where: { ...regionReach(townshipId, "township"), state: "open", deadline: { lt: day } } }),
    db().$queryRaw<{ villageId: string; n: number }[]>`
      SELECT h."villageId", count(*)::int AS n
      FROM household h
      WHERE h."countyId" = ${townshipId.slice(0, 6)} AND h."villageId" LIKE ${`${townshipId}%`}
        AND EXISTS (SELECT 1 FROM cadre_assignment a WHERE a."householdId" = h.id AND a."validFrom" <= ${now} AND (a."validTo" IS NULL OR a."validTo" > ${now}))
        AND (h."lastVisitAt" < ${before} OR (h."lastVisitAt" IS NULL AND h."createdAt" < ${before}))
      GROUP BY h."villageId"`,
  ]);
  return { leads, visitsByVillage: new Map(visits.map((v) => [v.villageId, v.n])), visits: visits.reduce((n, v) => n + v.n, 0) };
}
