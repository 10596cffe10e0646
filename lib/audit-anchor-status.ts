// The last anchor of the audit chain's head kept outside the database (lib/audit-key.ts: a file
// of HMAC-sealed lines written by the audit-head job), for the viewer; a file that fails its
// check says so instead of showing an anchor.
import "server-only";
import { readAnchors } from "@/lib/audit-key";

export type AnchorStatus = { at: string; eventId: string; events: number } | { broken: string } | null;

export function lastAnchor(): AnchorStatus {
  const r = readAnchors();
  if (!r.ok) return { broken: `line ${r.line}: ${r.why}` };
  return r.last ? { at: r.last.at, eventId: r.last.id, events: r.last.events } : null;
}
