// An evidence file a viewer asks for: found only under the viewer's household scope and only when
// the viewer sees the file's field on the page (lib/domain/masking.ts: medical files with health,
// bank statements with income, signatures with full IDs). Anything else answers null, and the
// refusal is recorded (access.denied); a file served is a sensitive read.
import "server-only";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/roles";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { currentAssignment } from "@/lib/auth/scope/viewer";
import { canSeeEvidence, evidenceField } from "@/lib/domain/masking";
import { auditAccessDenied } from "./access-denied";
import { auditSensitiveRead } from "./sensitive-reads";

export interface EvidenceFile {
  storageKey: string;
  mimeType: string;
  fileName: string;
}

/** The evidence file's record if the viewer may open it (recorded as a sensitive read), else null (recorded as a refusal). */
export async function evidenceForViewer(viewer: Viewer, id: string, now = new Date()): Promise<EvidenceFile | null> {
  const found = can(viewer.role, "household.read")
    ? await db().evidence.findFirst({
        where: { id, household: householdScope(viewer, now) },
        select: {
          storageKey: true,
          mimeType: true,
          fileName: true,
          kind: true,
          indicator: true,
          householdId: true,
          countyId: true,
          household: {
            select: { assignments: { where: { cadreId: viewer.id, ...currentAssignment(now) }, select: { id: true }, take: 1 } },
          },
        },
      })
    : null;
  const assigned = (found?.household.assignments.length ?? 0) > 0;
  const evidence = found && canSeeEvidence(viewer, assigned, found) ? found : null;
  if (!evidence) {
    await auditAccessDenied(
      viewer,
      "evidence",
      id,
      { code: "not_found", ...(found ? { field: evidenceField(found) } : {}) },
      found?.countyId ?? null,
    ).catch(() => {});
    return null;
  }
  // every download is a sensitive read, whatever the file (a failed record serves nothing)
  const field = evidenceField(evidence);
  await auditSensitiveRead(viewer, {
    entity: "household",
    entityId: evidence.householdId,
    countyId: evidence.countyId,
    via: `evidence:${id.slice(0, 64)}`,
    fields: field && field !== "nationalId" ? [field] : [],
    nationalIds: field === "nationalId" ? "full" : "none",
  });
  return { storageKey: evidence.storageKey, mimeType: evidence.mimeType, fileName: evidence.fileName };
}
