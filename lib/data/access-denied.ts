// What a page or route handler records in the audit history itself: a refusal (a record out of
// the viewer's scope reads as not found, and the attempt is an access.denied event), a look at the
// history, an export. Pages and routes call these; none of them holds a database client.
import "server-only";
import { db } from "@/lib/db/client";
import { audit, actorOf, type AuditEntry } from "@/lib/audit";

/** An event a page or route records for the viewer, attributed, in the chain. */
export async function auditPageEvent(viewer: { id: string; role: string }, entry: AuditEntry): Promise<void> {
  await audit(db(), actorOf(viewer), entry);
}

/** A refusal, recorded: the record is out of scope (or does not exist), and the page says not found. */
export async function auditAccessDenied(
  viewer: { id: string; role: string },
  entity: string,
  entityId: string,
  after: Record<string, unknown>,
  countyId: string | null = null,
): Promise<void> {
  await auditPageEvent(viewer, { action: "access.denied", entity, entityId: entityId.slice(0, 64), countyId, after });
}
