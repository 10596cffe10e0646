// The outbox in IndexedDB (idb): one object store keyed by the visit id, indexed by user.
// Photos and the signature are kept as Blobs (IndexedDB stores them natively). Browser-only.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OutboxItem, OutboxStore } from "./queue";

interface OutboxDB extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { byUser: string } };
}

const DB_NAME = "jingzhun-offline";
const DB_VERSION = 1;

let opened: Promise<IDBPDatabase<OutboxDB>> | null = null;

function database(): Promise<IDBPDatabase<OutboxDB>> {
  opened ??= openDB<OutboxDB>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      const store = db.createObjectStore("outbox", { keyPath: "id" });
      store.createIndex("byUser", "userId");
    },
    blocking() {
      // a newer version elsewhere wants the database: let it go, reopen on next use
      void opened?.then((d) => d.close());
      opened = null;
    },
  });
  opened.catch(() => {
    opened = null;
  });
  return opened;
}

export const idbAvailable = () => typeof indexedDB !== "undefined";

export class IdbStore implements OutboxStore {
  async get(id: string) {
    return (await database()).get("outbox", id);
  }

  async update(id: string, fn: (current: OutboxItem | undefined) => OutboxItem | undefined) {
    const db = await database();
    // one readwrite transaction: IndexedDB runs overlapping ones one after another, across tabs too
    const tx = db.transaction("outbox", "readwrite");
    const current = await tx.store.get(id);
    const next = fn(current);
    if (next) await tx.store.put(next);
    await tx.done;
    return { item: next ?? current, written: !!next };
  }

  async list(userId: string) {
    const all = await (await database()).getAllFromIndex("outbox", "byUser", userId);
    return all.sort((a, b) => a.createdAt - b.createdAt);
  }

  async remove(id: string) {
    await (await database()).delete("outbox", id);
  }
}
