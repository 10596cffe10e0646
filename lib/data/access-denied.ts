// A page's refusal, audited: a record out of the viewer's scope reads as not found, and the attempt
// is an access.denied event (the pages call this, then notFound()).
import "server-only";
import { db } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";

export async function auditAccessDenied(
  viewer: { id: string; role: string },
  entity: string,
  entityId: string,
  after: Record<string, unknown>,
): Promise<void> {
  await audit(db(), actorOf(viewer), { action: "access.denied", entity, entityId, after });
}
