// A visit's changes that met a newer version of the household: the cadre looks at the
// household as it now stands and either applies them on top of it or lets them go.
import "server-only";
import { db } from "@/lib/db/client";
import { audit, type Actor } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyHouseholdChanges, ConflictError } from "@/lib/data/household-changes";
import { householdChangesSchema } from "@/lib/validation/household-changes";
import { pruneChanges } from "@/lib/validation/visit-facts";
import { currentFacts, factsSelect } from "./facts";

export interface PendingOutcome {
  visitId: string;
  householdId: string;
  decision: "apply" | "discard";
  changed: string[];
  assessedStatus: string | null;
}

export async function settlePending(
  viewer: Viewer,
  input: { visitId: string; baseVersion: number; decision: "apply" | "discard" },
): Promise<PendingOutcome> {
  const actor: Actor = { id: viewer.id, role: viewer.role };
  return db().$transaction(async (tx) => {
    // only the cadre who made the visit, and only while the household is theirs
    const v = await tx.visit.findFirst({
      where: { id: input.visitId, cadreId: viewer.id, household: householdScope(viewer) },
      select: { id: true, householdId: true, countyId: true, state: true, pendingChanges: true, household: { select: factsSelect } },
    });
    if (!v) throw new AppError("not_found", "visit not found", { visitId: input.visitId });
    if (v.state !== "conflict" || v.pendingChanges == null) throw new AppError("closed", "no pending changes");

    let changed: string[] = [];
    if (input.decision === "apply") {
      const parsed = householdChangesSchema.safeParse(v.pendingChanges);
      if (!parsed.success) throw new AppError("invalid", "stored pending changes are not valid");
      const changes = pruneChanges(currentFacts(v.household), parsed.data);
      // the household moved again: this rolls back, the changes stay pending
      try {
        if (changes)
          changed = (
            await applyHouseholdChanges(tx, {
              householdId: v.householdId,
              baseVersion: input.baseVersion,
              changes,
              actor,
              trigger: "visit",
              visitId: v.id,
              reason: "pending visit changes confirmed",
            })
          ).changed;
      } catch (e) {
        if (e instanceof ConflictError) throw new AppError("conflict", e.message, { householdId: v.householdId });
        throw e;
      }
    }
    const settled = await tx.visit.updateMany({
      where: { id: v.id, state: "conflict" },
      data: { state: "accepted", pendingChanges: Prisma.DbNull, stateReason: null },
    });
    if (settled.count === 0) throw new AppError("closed", "no pending changes");
    await audit(tx, actor, {
      action: input.decision === "apply" ? "visit.pending_applied" : "visit.pending_discarded",
      entity: "visit",
      entityId: v.id,
      countyId: v.countyId,
      before: { state: "conflict", pendingChanges: v.pendingChanges },
      after: { state: "accepted", changed, baseVersion: input.baseVersion },
    });
    const h = await tx.household.findUniqueOrThrow({ where: { id: v.householdId }, select: { assessedStatus: true } });
    return { visitId: v.id, householdId: v.householdId, decision: input.decision, changed, assessedStatus: h.assessedStatus };
  });
}
