"use server";
// A visit logged offline for a household that has since moved to another cadre: logVisit
// refuses it (not found: the household is out of the cadre's scope), and the device hands its
// content over here, so the county keeps it. It is written to the audit log only
// ("visit.rejected_reassigned", entity household), never as a visit and never applied; the
// household itself is not read: only its county is looked up, to file the event there. The
// cadre must have been assigned to the household at some time, so nobody can file events
// against households they never had. Idempotent on the visit id.
import { defineAction } from "@/lib/actions/safe-action";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/auth/errors";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { rejectedVisitSchema, type RejectedVisit } from "@/lib/offline/report-schema";

const REJECTED_ACTION = "visit.rejected_reassigned";

async function handle(input: RejectedVisit, viewer: Viewer): Promise<{ kept: true; replay: boolean }> {
  const [household, everAssigned] = await Promise.all([
    db().household.findUnique({ where: { id: input.householdId }, select: { countyId: true } }),
    db().cadreAssignment.count({ where: { householdId: input.householdId, cadreId: viewer.id } }),
  ]);
  if (!household || everAssigned === 0) throw new AppError("not_found", "household not found", { householdId: input.householdId });

  return db().$transaction(async (tx) => {
    // the same refused visit handed over twice (two tabs, a retry) is filed once
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rejected:${input.clientVisitId}`}))`;
    const earlier = await tx.auditEvent.findMany({
      where: { entity: "household", entityId: input.householdId, action: REJECTED_ACTION, actorId: viewer.id },
      select: { after: true },
      take: 500,
    });
    if (earlier.some((e) => (e.after as { clientVisitId?: string } | null)?.clientVisitId === input.clientVisitId))
      return { kept: true as const, replay: true };
    await audit(
      tx,
      { id: viewer.id, role: viewer.role },
      {
        action: REJECTED_ACTION,
        entity: "household",
        entityId: input.householdId,
        countyId: household.countyId,
        before: null,
        after: input,
        reason: "household no longer assigned to this cadre",
      },
    );
    return { kept: true as const, replay: false };
  });
}

/** Hand a refused offline visit's content to the county (audit log). */
export const reportRejectedVisit = defineAction({
  name: REJECTED_ACTION,
  permission: "visit.create",
  schema: rejectedVisitSchema,
  handler: handle,
});
