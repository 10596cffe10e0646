// A member's national ID in full, on a tap: the household page shows IDs masked; whoever may see
// them in full (the household's cadre, the county's officials) reveals one at a time, and each
// reveal is a `sensitive.read` event naming the member. Out of scope is not found; a role that
// sees IDs masked only is refused.
import "server-only";
import { db } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { canSeeNationalIds } from "@/lib/domain/masking";
import { auditSensitiveRead } from "./sensitive-reads";

export async function revealNationalId(viewer: Viewer, input: { householdId: string; memberId: string }): Promise<string | null> {
  const h = await db().household.findFirst({
    where: { AND: [{ id: input.householdId }, householdScope(viewer)] },
    select: { id: true, countyId: true, assignments: { where: { validTo: null }, select: { cadreId: true } } },
  });
  if (!h) throw new AppError("not_found", "household not in scope", { householdId: input.householdId });
  if (
    !canSeeNationalIds(
      viewer,
      h.assignments.some((a) => a.cadreId === viewer.id),
    )
  ) {
    throw new AppError("forbidden", "national IDs are masked for this role", { householdId: h.id });
  }
  const m = await db().member.findFirst({ where: { id: input.memberId, householdId: h.id }, select: { id: true, nationalId: true } });
  if (!m) throw new AppError("not_found", "member not in this household", { memberId: input.memberId });
  await auditSensitiveRead(viewer, {
    entity: "household",
    entityId: h.id,
    countyId: h.countyId,
    via: "reveal",
    fields: ["nationalId"],
    nationalIds: "full",
    rows: 1,
    filters: { memberId: m.id },
  });
  return m.nationalId;
}
