// A national ID may belong to one active member in the whole registry. When a new member's ID is
// already taken, the caller learns that only if the holder is inside the caller's own region;
// for a holder elsewhere (another county, another township) the answer is the same "cannot be
// registered here" whatever the reason, and the attempt is audited for the county to resolve
// (#16.8: registering with another county's ID used to answer "belongs to another member").
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { householdsUnderRegion, type ScopedViewer } from "@/lib/auth/scope";

export interface TakenIds {
  /** held by an active member in the caller's region: say so */
  inScope: Set<string>;
  /** held outside it: "cannot be registered here", nothing more */
  outside: Set<string>;
}

export interface Denial {
  memberId: string;
  countyId: string;
  via: string;
}

/**
 * Which of `ids` active members hold, split by the caller's region. Attempts on IDs held outside
 * are pushed to `denials`: the caller's transaction is about to be refused and rolled back, so
 * they are written after it, by recordDenials (PGlite has one connection: not from inside).
 */
export async function takenNationalIds(tx: Tx, viewer: ScopedViewer, ids: string[], via: string, denials: Denial[]): Promise<TakenIds> {
  const out: TakenIds = { inScope: new Set(), outside: new Set() };
  const wanted = [...new Set(ids.filter(Boolean))];
  if (!wanted.length) return out;
  const taken = await tx.member.findMany({
    where: { active: true, nationalId: { in: wanted } },
    select: { id: true, nationalId: true, householdId: true, countyId: true },
  });
  if (!taken.length) return out;
  const visible = await tx.household.findMany({
    where: { AND: [{ id: { in: taken.map((m) => m.householdId) } }, householdsUnderRegion(viewer.regionId, viewer.regionLevel)] },
    select: { id: true },
  });
  const seen = new Set(visible.map((h) => h.id));
  for (const m of taken) {
    if (seen.has(m.householdId)) out.inScope.add(m.nationalId!);
    else {
      out.outside.add(m.nationalId!);
      denials.push({ memberId: m.id, countyId: m.countyId, via });
    }
  }
  return out;
}

/** Audit the attempts on IDs held outside the caller's region (after the refused transaction). */
export async function recordDenials(viewer: ScopedViewer, denials: Denial[]): Promise<void> {
  for (const d of denials.splice(0)) {
    await audit(
      db(),
      { id: viewer.id, role: viewer.role },
      {
        action: "national_id.denied",
        entity: "member",
        entityId: d.memberId,
        countyId: d.countyId,
        after: { via: d.via, callerRegion: viewer.regionId, holderCounty: d.countyId },
      },
    );
  }
}
