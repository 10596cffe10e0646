// For pages under /households/[id]: the household as the viewer may see it, or a 404 whose
// denial is audited (out of scope reads as not found, and is recorded).
import "server-only";
import { notFound } from "next/navigation";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/session";
import { getHousehold, type HouseholdDetail } from "./households";
import { auditSensitiveRead } from "./sensitive-reads";

/** `idsMasked`: the page shows national IDs masked (each revealed on a tap, audited on its own). */
export async function householdOr404(
  viewer: Viewer,
  id: string,
  page: string,
  opts: { idsMasked?: boolean } = {},
): Promise<HouseholdDetail> {
  const h = await getHousehold(viewer, id);
  if (!h) {
    await audit(
      db(),
      { id: viewer.id, role: viewer.role },
      { action: "access.denied", entity: "household", entityId: id.slice(0, 64), after: { code: "not_found", page } },
    );
    notFound();
  }
  // the page shows members' IDs (full or masked), health (when not withheld) and the income items: recorded
  await auditSensitiveRead(viewer, {
    entity: "household",
    entityId: h.id,
    countyId: h.countyId,
    via: page,
    fields: h.healthShown ? ["nationalId", "health", "income"] : ["nationalId", "income"],
    nationalIds: opts.idsMasked ? "masked" : h.nationalIdsShown,
  });
  return h;
}

/**
 * For the cadre's forms (edit, visit), which start from every fact of the household: a record
 * whose health details were withheld from this viewer (lib/domain/masking.ts) is not theirs to edit.
 */
export function withAllFacts(h: HouseholdDetail) {
  const members = h.members.map((m) => (m.health === null ? null : { ...m, health: m.health }));
  if (members.some((m) => m === null)) notFound();
  return { ...h, members: members as NonNullable<(typeof members)[number]>[] };
}
