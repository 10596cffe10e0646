// A backlog goes to the server in batches (syncVisits): one request for many visits, each visit
// answered on its own; what a batch cannot carry goes alone; nothing is sent twice or lost.
import { describe, expect, it } from "vitest";
import {
  MemoryStore,
  BATCH_MAX_BYTES,
  BATCH_MAX_VISITS,
  batchesOf,
  enqueue,
  flush,
  memoryLock,
  type BatchResult,
  type FlushDeps,
  type OutboxItem,
  type SendResult,
} from "@/lib/offline/queue";

const USER = "11111111-1111-4111-8111-111111111111";
const HH = "22222222-2222-4222-8222-222222222222";
const vid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function payload(n: number, bytes = 3): Record<string, unknown> {
  return {
    clientVisitId: vid(n),
    householdId: HH,
    baseVersion: 3,
    date: "2026-03-02",
    mode: "home",
    findings: `visit ${n}`,
    confirmation: "read_back",
    evidence: bytes ? [{ file: new File([new Uint8Array(bytes)], "p.jpg", { type: "image/jpeg" }), indicator: "housing" }] : [],
  };
}

async function queued(store: MemoryStore, n: number, bytes = 3) {
  for (let i = 1; i <= n; i++) await enqueue(store, { userId: USER, label: `h${i}`, payload: payload(i, bytes) }, i);
}

const okResult = (id: string): { id: string; result: SendResult } => ({
  id,
  result: { ok: true, data: { state: "accepted", replay: false }, message: "saved" },
});

function deps(store: MemoryStore, over: Partial<FlushDeps>): FlushDeps {
  return {
    store,
    userId: USER,
    withLock: memoryLock(),
    now: () => 1_000,
    send: async () => {
      throw new Error("single send not expected");
    },
    report: async () => ({ ok: true }),
    ...over,
  };
}

const states = (store: MemoryStore) => [...store.items.values()].sort((a, b) => a.createdAt - b.createdAt).map((i) => i.state);

describe("batchesOf", () => {
  const item = (n: number, bytes: number) =>
    ({
      id: vid(n),
      files: {
        signature: null,
        evidence: [{ blob: new Blob([new Uint8Array(bytes)]), name: "p", type: "image/jpeg", indicator: "general" }],
      },
    }) as unknown as OutboxItem;

  it("at most BATCH_MAX_VISITS visits a batch, oldest first", () => {
    const items = Array.from({ length: BATCH_MAX_VISITS + 3 }, (_, i) => item(i, 1));
    const b = batchesOf(items);
    expect(b.map((x) => x.length)).toEqual([BATCH_MAX_VISITS, 3]);
    expect(b[0]![0]!.id).toBe(vid(0));
  });

  it("at most BATCH_MAX_BYTES of files a batch: exactly the limit fits, one byte more starts another", () => {
    const half = BATCH_MAX_BYTES / 2;
    expect(batchesOf([item(1, half), item(2, half), item(3, 1), item(4, 1)]).map((x) => x.map((i) => i.id))).toEqual([
      [vid(1), vid(2)],
      [vid(3), vid(4)],
    ]);
    expect(batchesOf([item(1, half), item(2, half + 1), item(3, 1)]).map((x) => x.map((i) => i.id))).toEqual([[vid(2), vid(3)]]); // vid(1) alone: a batch of one is not a batch
  });

  it("a visit whose files alone exceed the limit is left out (it goes on its own)", () => {
    expect(batchesOf([item(1, BATCH_MAX_BYTES + 1), item(2, 1), item(3, 1)]).map((x) => x.map((i) => i.id))).toEqual([[vid(2), vid(3)]]);
  });
});

describe("flush with sendBatch", () => {
  it("sends a backlog in one request and applies each visit's own answer", async () => {
    const store = new MemoryStore();
    await queued(store, 4);
    const calls: Record<string, unknown>[][] = [];
    const sendBatch = async (visits: Record<string, unknown>[]): Promise<BatchResult> => {
      calls.push(visits);
      return {
        ok: true,
        data: {
          results: [
            okResult(vid(1)),
            { id: vid(2), result: { ok: false, code: "not_found", message: "moved" } },
            { id: vid(3), result: { ok: false, code: "invalid", message: "fix", fieldErrors: { findings: ["必填"] } } },
            { id: vid(4), result: { ok: false, code: "conflict", message: "kept, confirm" } },
          ],
        },
      };
    };
    const reported: unknown[] = [];
    const r = await flush(deps(store, { sendBatch, report: async (p) => (reported.push(p), { ok: true }) }));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((v) => v.clientVisitId)).toEqual([vid(1), vid(2), vid(3), vid(4)]);
    expect((calls[0]![0]!.evidence as { file: File }[])[0]!.file).toBeInstanceOf(File); // files rebuilt
    expect(r).toMatchObject({ sent: 1, rejected: 2, conflicts: 1, reported: 1, stopped: null });
    expect(states(store)).toEqual(["sent", "reported", "rejected", "conflict"]);
    expect(reported).toHaveLength(1);
  });

  it("no network: every visit of the batch waits again, the flush stops, nothing is sent alone", async () => {
    const store = new MemoryStore();
    await queued(store, 3);
    const r = await flush(
      deps(store, {
        sendBatch: async () => {
          throw new TypeError("Failed to fetch");
        },
      }),
    );
    expect(r.stopped).toBe("offline");
    expect(states(store)).toEqual(["waiting", "waiting", "waiting"]);
    expect([...store.items.values()].every((i) => i.attempts === 1 && i.lastError === "network")).toBe(true);
  });

  it("an answer missing for a visit leaves it waiting (sent again later, stored once by its id)", async () => {
    const store = new MemoryStore();
    await queued(store, 2);
    await flush(deps(store, { sendBatch: async () => ({ ok: true, data: { results: [okResult(vid(1))] } }) }));
    expect(states(store)).toEqual(["sent", "waiting"]);
  });

  it("a batch refused as a whole for its shape: each visit is then sent on its own", async () => {
    const store = new MemoryStore();
    await queued(store, 2);
    const singles: string[] = [];
    const r = await flush(
      deps(store, {
        sendBatch: async () => ({ ok: false, code: "invalid", message: "batch too large", fieldErrors: { visits: ["x"] } }),
        send: async (p) => (singles.push(String(p.clientVisitId)), { ok: true, data: { state: "accepted" } }),
      }),
    );
    expect(singles).toEqual([vid(1), vid(2)]);
    expect(r.sent).toBe(2);
    expect(states(store)).toEqual(["sent", "sent"]);
  });

  it("the server busy (internal, rate limited): all wait, none is retried alone in the same flush", async () => {
    const store = new MemoryStore();
    await queued(store, 3);
    const r = await flush(deps(store, { sendBatch: async () => ({ ok: false, code: "internal", message: "ref abc" }) }));
    expect(r).toMatchObject({ sent: 0, stopped: null });
    expect(states(store)).toEqual(["waiting", "waiting", "waiting"]);
  });

  it("signed out: the batch waits and the flush stops", async () => {
    const store = new MemoryStore();
    await queued(store, 2);
    const r = await flush(deps(store, { sendBatch: async () => ({ ok: false, code: "unauthenticated", message: "sign in" }) }));
    expect(r.stopped).toBe("signin");
    expect(states(store)).toEqual(["waiting", "waiting"]);
  });

  it("a visit too large for a batch goes alone, the rest in one request", async () => {
    const store = new MemoryStore();
    await queued(store, 2);
    await enqueue(store, { userId: USER, label: "big", payload: payload(3, BATCH_MAX_BYTES + 1) }, 3);
    const batches: string[][] = [];
    const singles: string[] = [];
    await flush(
      deps(store, {
        sendBatch: async (v) => (
          batches.push(v.map((x) => String(x.clientVisitId))),
          { ok: true, data: { results: v.map((x) => okResult(String(x.clientVisitId))) } }
        ),
        send: async (p) => (singles.push(String(p.clientVisitId)), { ok: true, data: { state: "accepted" } }),
      }),
    );
    expect(batches).toEqual([[vid(1), vid(2)]]);
    expect(singles).toEqual([vid(3)]);
    expect(states(store)).toEqual(["sent", "sent", "sent"]);
  });

  it("one waiting visit is sent alone (logVisit), not as a batch", async () => {
    const store = new MemoryStore();
    await queued(store, 1);
    const singles: string[] = [];
    await flush(
      deps(store, {
        sendBatch: async () => {
          throw new Error("no batch for one");
        },
        send: async (p) => (singles.push(String(p.clientVisitId)), { ok: true, data: { state: "accepted" } }),
      }),
    );
    expect(singles).toEqual([vid(1)]);
  });

  it("two flushes at once send each visit exactly once", async () => {
    const store = new MemoryStore();
    await queued(store, 5);
    const seen: string[] = [];
    const sendBatch = async (v: Record<string, unknown>[]): Promise<BatchResult> => {
      await new Promise((r) => setTimeout(r, 5));
      v.forEach((x) => seen.push(String(x.clientVisitId)));
      return { ok: true, data: { results: v.map((x) => okResult(String(x.clientVisitId))) } };
    };
    const lock = memoryLock();
    await Promise.all([flush(deps(store, { sendBatch, withLock: lock })), flush(deps(store, { sendBatch, withLock: lock }))]);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5].map(vid));
    expect(states(store)).toEqual(["sent", "sent", "sent", "sent", "sent"]);
  });
});
