// The audit chain's state as the viewer shows it: the background check's last verdict (the
// audit-head job, lib/jobs/audit-head.ts) and the last anchor of the head kept outside the
// database (lib/audit-key.ts: HMAC-sealed lines written by that job), or why that file fails.
import "server-only";
import { db } from "@/lib/db/client";
import { jobState } from "@/lib/jobs/lease";
import { AUDIT_JOB, type AuditHeadState } from "@/lib/jobs/audit-head";
import { readAnchors } from "@/lib/audit-key";

export type AnchorStatus = { at: string; eventId: string; events: number } | { broken: string } | null;

export interface ChainStatus {
  check: AuditHeadState | null;
  anchor: AnchorStatus;
}

function lastAnchor(): AnchorStatus {
  const r = readAnchors();
  if (!r.ok) return { broken: `line ${r.line}: ${r.why}` };
  return r.last ? { at: r.last.at, eventId: r.last.id, events: r.last.events } : null;
}

export async function chainStatus(): Promise<ChainStatus> {
  const job = await jobState<AuditHeadState>(db(), AUDIT_JOB);
  return { check: job?.state ?? null, anchor: lastAnchor() };
}
