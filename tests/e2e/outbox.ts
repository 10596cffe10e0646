// The phone's outbox (IndexedDB), filled as the visit form fills it offline: for the specs of the
// queue and its sync.
import type { Page } from "@playwright/test";

export interface QueuedVisit {
  householdId: string;
  date: string;
  findings: string;
  label?: string;
}

/** Puts visits straight into the phone's outbox (IndexedDB), as the form queues them offline; answers their ids. */
export async function queueInOutbox(page: Page, userId: string, visits: QueuedVisit[]): Promise<string[]> {
  return page.evaluate(
    async ({ userId, visits }) => {
      const req = indexedDB.open("jingzhun-offline", 1);
      const db: IDBDatabase = await new Promise((ok, no) => ((req.onsuccess = () => ok(req.result)), (req.onerror = () => no(req.error))));
      const ids: string[] = [];
      for (const [n, v] of visits.entries()) {
        const id = crypto.randomUUID();
        ids.push(id);
        const now = Date.now() + n;
        const fields = {
          clientVisitId: id,
          householdId: v.householdId,
          baseVersion: 1,
          date: v.date,
          mode: "home",
          findings: v.findings,
          problems: "",
          actionsTaken: "",
          followUps: [],
          locationConsent: false,
          location: null,
          confirmation: "read_back",
        };
        await new Promise((ok) => {
          const tx = db.transaction("outbox", "readwrite");
          tx.objectStore("outbox").put({
            id,
            userId,
            householdId: v.householdId,
            label: v.label ?? "离线记录的走访",
            visitDate: v.date,
            createdAt: now,
            updatedAt: now,
            state: "waiting",
            attempts: 0,
            lastError: null,
            result: null,
            rejection: null,
            fields,
            files: { signature: null, evidence: [] },
          });
          tx.oncomplete = ok;
        });
      }
      return ids;
    },
    { userId, visits },
  );
}
