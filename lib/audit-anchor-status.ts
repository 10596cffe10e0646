// The last anchor of the audit chain's head kept outside the database, for the viewer. Until the
// anchors exist (a signed file written by the audit-head job), there is none.
import "server-only";

export function lastAnchor(): { at: string; eventId: string; events: number } | null {
  return null;
}
