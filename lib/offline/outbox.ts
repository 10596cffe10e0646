// The outbox as the pages use it: one per browser profile, IndexedDB underneath, the visit and
// report server actions for sending. Sends when the page loads, when the network comes back,
// and when the cadre taps "send now"; every open page (and tab) sees the same counts.
// Browser-only: imported by client components.
import { logVisit } from "@/lib/actions/visits/log-visit";
import { reportRejectedVisit } from "@/lib/actions/visits/report-rejected-visit";
import { syncVisits } from "@/lib/actions/visits/sync-visits";
import { IdbStore, idbAvailable } from "./idb-store";
import { outboxUser } from "./current-user";
import {
  MemoryStore,
  enqueue,
  flush,
  markSeen,
  memoryLock,
  pruneSent,
  type BatchResult,
  type FlushReport,
  type OutboxItem,
  type OutboxStore,
  type SendResult,
} from "./queue";

let store: OutboxStore | null = null;
const getStore = () => (store ??= idbAvailable() ? new IdbStore() : new MemoryStore());

export { setOutboxUser, labelFor } from "./current-user";

// ───────────── change notifications, across tabs too ─────────────

const listeners = new Set<() => void>();
let channel: BroadcastChannel | null = null;
function bus() {
  if (!channel && typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel("jingzhun-outbox");
    channel.onmessage = () => listeners.forEach((l) => l());
  }
  return channel;
}
function notify(broadcast = true) {
  listeners.forEach((l) => l());
  if (broadcast) bus()?.postMessage("changed");
}
export function subscribe(listener: () => void): () => void {
  bus();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// ───────────── reading and queueing ─────────────

export async function listMine(): Promise<OutboxItem[]> {
  const userId = outboxUser();
  if (!userId) return [];
  return getStore().list(userId);
}

/** The cadre has seen these outcomes (the outbox page): the bar stops counting them. */
export async function seen(ids: string[]): Promise<void> {
  if (!ids.length) return;
  await markSeen(getStore(), ids);
  notify();
}

/** Keeps the visit on the phone until it can be sent. Answers the stored item (the first one, for a visit queued twice). */
export async function queueVisit(payload: Record<string, unknown>, label: string): Promise<OutboxItem> {
  const userId = outboxUser();
  if (!userId) throw new Error("no signed-in user for the outbox");
  const { item } = await enqueue(getStore(), { userId, label, payload });
  notify();
  // ask the browser not to evict what is waiting (photos among it) when storage runs low
  void navigator.storage?.persist?.().catch(() => false);
  return item;
}

// ───────────── sending ─────────────

const localLock = memoryLock();
/** One sender per item: Web Locks across tabs (released if a tab dies), a set within this page. */
async function withLock(id: string, fn: () => Promise<void>): Promise<boolean> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (!locks?.request) return localLock(id, fn);
  const ran: unknown = await locks.request(`jingzhun-outbox:${id}`, { ifAvailable: true }, async (lock) =>
    lock ? localLock(id, fn) : false,
  );
  return ran === true;
}

let running: Promise<FlushReport> | null = null;
let lastReport: FlushReport | null = null;
export const lastFlush = () => lastReport;

/** Sends what is waiting (a flush already under way is joined, not doubled). */
export function sendNow(): Promise<FlushReport | null> {
  const me = outboxUser();
  if (!me) return Promise.resolve(null);
  if (running) return running;
  running = (async () => {
    try {
      const report = await flush({
        store: getStore(),
        userId: me,
        send: (payload) => logVisit(undefined, payload) as Promise<SendResult>,
        // a backlog (a week without signal) in requests of up to 50 visits, not one request each
        sendBatch: (visits) => syncVisits(undefined, { visits }) as Promise<BatchResult>,
        report: (payload) => reportRejectedVisit(undefined, payload) as Promise<SendResult>,
        withLock,
        onChange: () => notify(),
      });
      await pruneSent(getStore(), me).catch(() => 0);
      lastReport = report;
      return report;
    } finally {
      running = null;
      notify();
    }
  })();
  notify(false);
  return running;
}

export const isSending = () => running !== null;
