// Who changed a household last, when, and which facts: for a conflict message a cadre can act
// on ("changed by 李兵强 at 11-29 09:18: transfer income"), read from the audit history.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { INCOME_FIELDS, INDICATOR_FIELDS } from "@/lib/validation/visit-facts";

export interface ConflictInfo {
  at: Date;
  by: string;
  /** fact keys (indicator and income fields), and "members" when people changed */
  fields: string[];
}

const FACTS = new Set<string>([...INDICATOR_FIELDS, ...INCOME_FIELDS]);

export async function describeConflict(client: Db | Tx, householdId: string): Promise<ConflictInfo | null> {
  const ev = await client.auditEvent.findFirst({
    where: { entity: "household", entityId: householdId },
    orderBy: { id: "desc" },
    select: { at: true, actorId: true, after: true },
  });
  if (!ev) return null;
  const who = ev.actorId ? await client.user.findUnique({ where: { id: ev.actorId }, select: { name: true } }) : null;
  const after = (ev.after ?? {}) as Record<string, unknown>;
  const fields = Object.keys(after).filter((k) => FACTS.has(k));
  const people = Object.keys((after.members as object | null) ?? {}).length + ((after.addedMembers as unknown[] | undefined)?.length ?? 0);
  if (people) fields.push("members");
  return { at: ev.at, by: who?.name ?? "", fields };
}
