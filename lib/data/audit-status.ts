// The audit chain's state as the viewer shows it: the background check's last verdict (the
// audit-head job, lib/jobs/audit-head.ts) and the last anchor of the head kept outside the database.
import "server-only";
import { db } from "@/lib/db/client";
import { jobState } from "@/lib/jobs/lease";
import { AUDIT_JOB, type AuditHeadState } from "@/lib/jobs/audit-head";
import { lastAnchor, type AnchorStatus } from "@/lib/audit-anchor-status";

export interface ChainStatus {
  check: AuditHeadState | null;
  anchor: AnchorStatus;
}

export async function chainStatus(): Promise<ChainStatus> {
  const job = await jobState<AuditHeadState>(db(), AUDIT_JOB);
  return { check: job?.state ?? null, anchor: lastAnchor() };
}
