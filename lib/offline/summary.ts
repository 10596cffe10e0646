// Counts for the outbox bar. Pure and tiny: loaded on every cadre page.
import type { OutboxItem } from "./queue";

export interface OutboxSummary {
  waiting: number;
  sending: number;
  sent: number;
  needsConfirm: number;
  rejected: number;
  total: number;
  /** conflicts and refusals the cadre has not yet seen on the outbox page */
  unseenConfirm: number;
  unseenRejected: number;
}

export function summarize(items: Pick<OutboxItem, "state" | "seenAt">[]): OutboxSummary {
  const s: OutboxSummary = {
    waiting: 0,
    sending: 0,
    sent: 0,
    needsConfirm: 0,
    rejected: 0,
    total: items.length,
    unseenConfirm: 0,
    unseenRejected: 0,
  };
  for (const i of items) {
    if (i.state === "waiting") s.waiting++;
    else if (i.state === "sending") s.sending++;
    else if (i.state === "sent") s.sent++;
    else if (i.state === "conflict") {
      s.needsConfirm++;
      if (!i.seenAt) s.unseenConfirm++;
    } else {
      s.rejected++;
      if (!i.seenAt) s.unseenRejected++;
    }
  }
  return s;
}
