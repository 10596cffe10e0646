// Help leads (求助) a viewer follows. Reads a cadre's current assignments, so it takes the database.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/auth/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { currentAssignment, regionReach, type ScopedViewer } from "./viewer";

/**
 * The leads a viewer follows. County officials: every lead under their region. Cadres: leads of
 * the households assigned to them now, and in the villages where they serve, leads without a
 * household or whose household has no cadre now (so an unmatched report reaches someone).
 */
export async function leadScope(viewer: ScopedViewer, now = new Date()): Promise<Prisma.HelpRequestWhereInput> {
  if (viewer.role === "county_official") return regionReach(viewer.regionId, viewer.regionLevel);
  if (viewer.role !== "cadre") throw new AppError("forbidden");
  const mine = await db().cadreAssignment.findMany({
    where: { cadreId: viewer.id, ...currentAssignment(now) },
    select: { householdId: true, household: { select: { villageId: true } } },
  });
  const households = mine.map((a) => a.householdId);
  const villages = [...new Set(mine.map((a) => a.household.villageId))];
  // households with leads in those villages that nobody serves now (a short list: leads only)
  const leadHouseholds = await db().helpRequest.findMany({
    where: { villageId: { in: villages }, householdId: { not: null } },
    distinct: ["householdId"],
    select: { householdId: true },
  });
  const ids = leadHouseholds.map((l) => l.householdId!).filter((id) => !households.includes(id));
  const served = ids.length
    ? await db().cadreAssignment.findMany({ where: { householdId: { in: ids }, ...currentAssignment(now) }, select: { householdId: true } })
    : [];
  const servedSet = new Set(served.map((s) => s.householdId));
  const orphans = ids.filter((id) => !servedSet.has(id));
  return {
    OR: [
      { householdId: { in: households } },
      { villageId: { in: villages }, householdId: null },
      ...(orphans.length ? [{ householdId: { in: orphans } }] : []),
    ],
  };
}
