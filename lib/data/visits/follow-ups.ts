// Follow-ups (跟踪督办): problems raised at visits, tracked until resolved.
import "server-only";
import { db } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { dateOnly, today } from "@/lib/clock";

/** Open and overdue follow-ups over the viewer's households: two counts in SQL. */
export async function followUpCounts(viewer: Viewer): Promise<{ open: number; overdue: number }> {
  const where = { resolvedAt: null, household: householdScope(viewer) };
  const [open, overdue] = await Promise.all([
    db().followUp.count({ where }),
    db().followUp.count({ where: { ...where, dueDate: { lt: dateOnly(today()) } } }),
  ]);
  return { open, overdue };
}

/** Mark a follow-up resolved with a note; once resolved it stays so. */
export async function resolveFollowUp(viewer: Viewer, input: { followUpId: string; resolution: string }) {
  return db().$transaction(async (tx) => {
    const f = await tx.followUp.findFirst({
      where: { id: input.followUpId, household: householdScope(viewer) },
      select: { id: true, householdId: true, countyId: true, description: true, resolvedAt: true },
    });
    if (!f) throw new AppError("not_found", "follow-up not found", { followUpId: input.followUpId });
    const resolvedAt = new Date();
    const done = await tx.followUp.updateMany({
      where: { id: f.id, resolvedAt: null },
      data: { resolvedAt, resolution: input.resolution },
    });
    if (done.count === 0) throw new AppError("closed", "already resolved");
    await audit(
      tx,
      { id: viewer.id, role: viewer.role },
      {
        action: "followup.resolve",
        entity: "follow_up",
        entityId: f.id,
        countyId: f.countyId,
        before: { resolvedAt: null },
        after: { householdId: f.householdId, description: f.description, resolvedAt, resolution: input.resolution },
      },
    );
    return { id: f.id, householdId: f.householdId };
  });
}
