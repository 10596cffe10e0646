// The outbox's queue logic against an in-memory store: enqueue once per visit id, the states a
// visit goes through, one send per item however many flushes run, refused visits kept.
import { describe, expect, it } from "vitest";
import {
  MemoryStore,
  applyResult,
  enqueue,
  flush,
  markSeen,
  memoryLock,
  pruneSent,
  rebuildPayload,
  reportPayload,
  splitPayload,
  summarize,
  SENT_KEPT_MS,
  type FlushDeps,
  type OutboxItem,
  type SendResult,
} from "@/lib/offline/queue";
import { rejectedVisitSchema } from "@/lib/offline/report-schema";

const USER = "11111111-1111-4111-8111-111111111111";
const HH = "22222222-2222-4222-8222-222222222222";
const vid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function payload(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clientVisitId: vid(n),
    householdId: HH,
    baseVersion: 3,
    date: "2026-03-02",
    mode: "home",
    findings: `visit ${n}`,
    problems: "",
    actionsTaken: "",
    followUps: [{ description: "follow", dueDate: "2026-03-09" }],
    locationConsent: false,
    location: null,
    confirmation: "signature",
    signature: new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }),
    updates: undefined,
    evidence: [{ file: new File([new Uint8Array([255, 216, 255])], "house.jpg", { type: "image/jpeg" }), indicator: "housing" }],
    ...extra,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 1));

function deps(store: MemoryStore, send: FlushDeps["send"], report?: FlushDeps["report"], lock = memoryLock()): FlushDeps {
  return { store, userId: USER, send, report: report ?? (async () => ({ ok: true })), withLock: lock, now: () => 1_000 };
}

describe("splitPayload / rebuildPayload", () => {
  it("keeps the files as Blobs apart from the plain fields, and rebuilds the same payload", async () => {
    const p = payload(1);
    const { fields, files } = splitPayload(p);
    expect(fields).not.toHaveProperty("signature");
    expect(fields).not.toHaveProperty("evidence");
    expect(fields).not.toHaveProperty("updates"); // undefined is absent
    expect(files.signature).toBeInstanceOf(Blob);
    expect(files.evidence).toEqual([{ blob: expect.any(Blob), name: "house.jpg", type: "image/jpeg", indicator: "housing" }]);
    structuredClone({ fields, files }); // storable as it is

    const back = rebuildPayload({ fields, files });
    expect(back.findings).toBe("visit 1");
    expect(back.signature).toBe(files.signature);
    const ev = back.evidence as { file: File; indicator: string }[];
    expect(ev[0]!.file).toBeInstanceOf(File);
    expect(ev[0]!.file.name).toBe("house.jpg");
    expect(ev[0]!.file.type).toBe("image/jpeg");
    expect(new Uint8Array(await ev[0]!.file.arrayBuffer())).toEqual(new Uint8Array([255, 216, 255]));
    expect(ev[0]!.indicator).toBe("housing");
  });
});

describe("enqueue", () => {
  it("stores a waiting item under the device's visit id", async () => {
    const store = new MemoryStore();
    const { item, created } = await enqueue(store, { userId: USER, label: "王家 · 一村 001", payload: payload(1) }, 500);
    expect(created).toBe(true);
    expect(item).toMatchObject({
      id: vid(1),
      userId: USER,
      householdId: HH,
      state: "waiting",
      attempts: 0,
      visitDate: "2026-03-02",
      createdAt: 500,
    });
    expect(store.items.size).toBe(1);
  });

  it("a second enqueue of the same visit (double tap, retry) keeps the first", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: USER, label: "a", payload: payload(1) }, 1);
    const again = await enqueue(store, { userId: USER, label: "b", payload: payload(1, { findings: "changed" }) }, 2);
    expect(again.created).toBe(false);
    expect(again.item.label).toBe("a");
    expect(again.item.fields.findings).toBe("visit 1");
    expect(store.items.size).toBe(1);
  });

  it("refuses a payload without its ids", async () => {
    await expect(enqueue(new MemoryStore(), { userId: USER, label: "", payload: { householdId: HH } })).rejects.toThrow();
  });

  it("lists only the signed-in user's items", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: USER, label: "", payload: payload(1) });
    await enqueue(store, { userId: "someone-else", label: "", payload: payload(2) });
    expect((await store.list(USER)).map((i) => i.id)).toEqual([vid(1)]);
  });
});

describe("applyResult: the server's answer → the state", () => {
  const base = async () => (await enqueue(new MemoryStore(), { userId: USER, label: "", payload: payload(1) })).item;

  it("stored → sent, the files freed", async () => {
    const next = applyResult(await base(), { ok: true, data: { state: "accepted", replay: false }, message: "走访已保存" }, 9);
    expect(next.kind).toBe("stored");
    expect(next.item.state).toBe("sent");
    expect(next.item.result).toEqual({ visitState: "accepted", message: "走访已保存", replay: false, at: 9 });
    expect(next.item.files).toEqual({ signature: null, evidence: [] });
  });

  it("a replay (the server had it) is sent too", async () => {
    const next = applyResult(await base(), { ok: true, data: { state: "accepted", replay: true } }, 9);
    expect(next.item.state).toBe("sent");
    expect(next.item.result?.replay).toBe(true);
  });

  it("conflict → kept by the server, needs confirming", async () => {
    const next = applyResult(await base(), { ok: false, code: "conflict", message: "已保存，待确认" }, 9);
    expect(next.kind).toBe("stored");
    expect(next.item.state).toBe("conflict");
    expect(next.item.result?.visitState).toBe("conflict");
  });

  it("not_found (moved to another cadre) → rejected, reassigned, kept", async () => {
    const next = applyResult(await base(), { ok: false, code: "not_found", message: "未找到" }, 9);
    expect(next.kind).toBe("rejected");
    expect(next.item.state).toBe("rejected");
    expect(next.item.rejection).toMatchObject({ code: "not_found", reassigned: true, reportedAt: null });
    expect(next.item.files.signature).not.toBeNull(); // the photos stay on the phone
  });

  it("invalid → rejected with the field messages", async () => {
    const next = applyResult(
      await base(),
      { ok: false, code: "invalid", message: "输入有误", fieldErrors: { date: ["早于帮扶开始日"] } },
      9,
    );
    expect(next.item.state).toBe("rejected");
    expect(next.item.rejection?.message).toBe("输入有误 早于帮扶开始日");
    expect(next.item.rejection?.reassigned).toBe(false);
  });

  it("internal / rate limited → waiting again; unauthenticated → waiting, stop", async () => {
    expect(applyResult(await base(), { ok: false, code: "internal", message: "x" }, 9)).toMatchObject({
      kind: "retry",
      item: { state: "waiting", lastError: "x" },
    });
    expect(applyResult(await base(), { ok: false, code: "rate_limited", message: "y" }, 9).item.state).toBe("waiting");
    expect(applyResult(await base(), { ok: false, code: "unauthenticated", message: "z" }, 9)).toMatchObject({
      kind: "signin",
      item: { state: "waiting" },
    });
  });
});

describe("flush", () => {
  it("sends each waiting item with its files rebuilt, oldest first", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: USER, label: "", payload: payload(2) }, 20);
    await enqueue(store, { userId: USER, label: "", payload: payload(1) }, 10);
    const sent: Record<string, unknown>[] = [];
    const report = await flush(deps(store, async (p) => (sent.push(p), { ok: true, data: { state: "accepted" } })));
    expect(sent.map((p) => p.clientVisitId)).toEqual([vid(1), vid(2)]);
    expect((sent[0]!.evidence as { file: File }[])[0]!.file).toBeInstanceOf(File);
    expect(report).toMatchObject({ sent: 2, stopped: null });
    expect([...store.items.values()].map((i) => i.state)).toEqual(["sent", "sent"]);
    expect(store.items.get(vid(1))!.attempts).toBe(1);
  });

  it("two flushes at once (a double tap, the online event and page load) send each item exactly once", async () => {
    const store = new MemoryStore();
    for (let n = 1; n <= 5; n++) await enqueue(store, { userId: USER, label: "", payload: payload(n) }, n);
    const calls = new Map<string, number>();
    const send = async (p: Record<string, unknown>): Promise<SendResult> => {
      calls.set(String(p.clientVisitId), (calls.get(String(p.clientVisitId)) ?? 0) + 1);
      await tick();
      await tick();
      return { ok: true, data: { state: "accepted" } };
    };
    const lock = memoryLock();
    const reports = await Promise.all([
      flush(deps(store, send, undefined, lock)),
      flush(deps(store, send, undefined, lock)),
      flush(deps(store, send, undefined, lock)),
    ]);
    expect([...calls.values()]).toEqual([1, 1, 1, 1, 1]);
    expect(reports.reduce((s, r) => s + r.sent, 0)).toBe(5);
    expect([...store.items.values()].every((i) => i.state === "sent" && i.attempts === 1)).toBe(true);
  });

  it("without a shared lock (two tabs, no Web Locks) a second sender may take over a sending item (the server answers a replay), but a sent item never goes again", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: USER, label: "", payload: payload(1) });
    let calls = 0;
    const send = async (): Promise<SendResult> => (calls++, await tick(), { ok: true, data: { state: "accepted" } });
    await Promise.all([flush(deps(store, send, undefined, memoryLock())), flush(deps(store, send, undefined, memoryLock()))]);
    // both may claim only a waiting/sending item; the second saw "sending" and took it over, or saw "sent"
    expect(calls).toBeLessThanOrEqual(2);
    await flush(deps(store, send));
    expect(store.items.get(vid(1))!.state).toBe("sent");
    const before = calls;
    await flush(deps(store, send));
    expect(calls).toBe(before); // a sent item is never sent again
  });

  it("no network: the item stays waiting, the flush stops, a later flush sends it", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: USER, label: "", payload: payload(1) }, 1);
    await enqueue(store, { userId: USER, label: "", payload: payload(2) }, 2);
    let online = false;
    const seen: string[] = [];
    const send = async (p: Record<string, unknown>): Promise<SendResult> => {
      seen.push(String(p.clientVisitId));
      if (!online) throw new TypeError("Failed to fetch");
      return { ok: true, data: { state: "accepted" } };
    };
    const first = await flush(deps(store, send));
    expect(first.stopped).toBe("offline");
    expect(seen).toEqual([vid(1)]); // it did not hammer the rest
    expect(store.items.get(vid(1))).toMatchObject({ state: "waiting", lastError: "network", attempts: 1 });
    expect(summarize(await store.list(USER))).toMatchObject({ waiting: 2, sent: 0 });

    online = true;
    const second = await flush(deps(store, send));
    expect(second).toMatchObject({ sent: 2, stopped: null });
    expect(store.items.get(vid(1))!.attempts).toBe(2);
    expect(summarize(await store.list(USER))).toMatchObject({ waiting: 0, sent: 2 });
  });

  it("an item left 'sending' by a closed page is taken over; one held by another sender is not", async () => {
    const store = new MemoryStore();
    const { item } = await enqueue(store, { userId: USER, label: "", payload: payload(1) });
    store.items.set(item.id, { ...item, state: "sending", attempts: 1 });
    let calls = 0;
    const busyLock = async () => false; // someone else holds it
    await flush(deps(store, async () => (calls++, { ok: true }), undefined, busyLock));
    expect(calls).toBe(0);
    expect(store.items.get(item.id)!.state).toBe("sending");
    await flush(deps(store, async () => (calls++, { ok: true, data: { state: "accepted" } })));
    expect(calls).toBe(1);
    expect(store.items.get(item.id)!.state).toBe("sent");
  });

  it("a session that has ended stops the flush and keeps everything waiting", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: USER, label: "", payload: payload(1) }, 1);
    await enqueue(store, { userId: USER, label: "", payload: payload(2) }, 2);
    let calls = 0;
    const r = await flush(deps(store, async () => (calls++, { ok: false, code: "unauthenticated", message: "请先登录" })));
    expect(r.stopped).toBe("signin");
    expect(calls).toBe(1);
    expect([...store.items.values()].map((i) => i.state)).toEqual(["waiting", "waiting"]);
  });

  it("another user's items are never sent in this session", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: "someone-else", label: "", payload: payload(1) });
    let calls = 0;
    await flush(deps(store, async () => (calls++, { ok: true })));
    expect(calls).toBe(0);
    expect(store.items.get(vid(1))!.state).toBe("waiting");
  });

  it("a conflict is kept as 'needs confirming' and not sent again", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: USER, label: "", payload: payload(1) });
    let calls = 0;
    const r = await flush(deps(store, async () => (calls++, { ok: false, code: "conflict", message: "该户已被他人修改" })));
    expect(r.conflicts).toBe(1);
    expect(store.items.get(vid(1))!.state).toBe("conflict");
    await flush(deps(store, async () => (calls++, { ok: true })));
    expect(calls).toBe(1);
  });

  it("refused because the household moved: kept, its content handed to the county once, never deleted", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: USER, label: "李家", payload: payload(1) });
    const reports: Record<string, unknown>[] = [];
    let reportOk = false;
    const report = async (p: Record<string, unknown>): Promise<SendResult> => {
      reports.push(p);
      return reportOk ? { ok: true } : { ok: false, code: "internal", message: "稍后再试" };
    };
    const first = await flush(deps(store, async () => ({ ok: false, code: "not_found", message: "未找到" }), report));
    expect(first.rejected).toBe(1);
    const kept = store.items.get(vid(1))!;
    expect(kept.state).toBe("rejected");
    expect(kept.rejection).toMatchObject({ reassigned: true, reportedAt: null, reportError: "稍后再试" });

    // the hand-over is what is retried, never the visit
    let visitCalls = 0;
    reportOk = true;
    const second = await flush(deps(store, async () => (visitCalls++, { ok: true }), report));
    expect(visitCalls).toBe(0);
    expect(second.reported).toBe(1);
    expect(store.items.get(vid(1))).toMatchObject({
      state: "reported",
      rejection: { reassigned: true, reportedAt: 1_000, reportError: null },
    });

    await flush(deps(store, async () => (visitCalls++, { ok: true }), report));
    expect(reports).toHaveLength(2); // not handed over again once kept
    expect(store.items.size).toBe(1);
    expect(store.items.get(vid(1))!.fields.findings).toBe("visit 1");

    // what the county is given: the visit's content, no files, and it passes the server's schema
    const sentToCounty = reports[1]!;
    expect(sentToCounty).not.toHaveProperty("signature");
    expect(sentToCounty).not.toHaveProperty("evidence");
    expect(sentToCounty.files).toEqual({ signature: 1, evidence: 1 });
    expect(rejectedVisitSchema.safeParse(sentToCounty).success).toBe(true);
  });

  it("other refusals (invalid) are kept with their message and not handed to the county", async () => {
    const store = new MemoryStore();
    await enqueue(store, { userId: USER, label: "", payload: payload(1) });
    let reported = 0;
    await flush(
      deps(
        store,
        async () => ({ ok: false, code: "invalid", message: "输入有误" }),
        async () => (reported++, { ok: true }),
      ),
    );
    expect(store.items.get(vid(1))).toMatchObject({ state: "rejected", rejection: { reassigned: false, message: "输入有误" } });
    expect(reported).toBe(0);
  });
});

describe("pruneSent and summarize", () => {
  it("forgets only sent items older than the keep time", async () => {
    const store = new MemoryStore();
    const mk = async (n: number, state: OutboxItem["state"], at: number) => {
      const { item } = await enqueue(store, { userId: USER, label: "", payload: payload(n) }, at);
      store.items.set(item.id, {
        ...item,
        state,
        updatedAt: at,
        result: state === "sent" ? { visitState: "accepted", message: "", replay: false, at } : null,
      });
    };
    const now = SENT_KEPT_MS * 3;
    await mk(1, "sent", 0);
    await mk(2, "sent", now - 1000);
    await mk(3, "rejected", 0);
    await mk(4, "reported", 0);
    await mk(5, "conflict", 0);
    await mk(6, "waiting", 0);
    expect(await pruneSent(store, USER, now)).toBe(1);
    expect([...store.items.keys()].sort()).toEqual([vid(2), vid(3), vid(4), vid(5), vid(6)]);
    expect(summarize(await store.list(USER))).toEqual({
      waiting: 1,
      sending: 0,
      sent: 1,
      needsConfirm: 1,
      rejected: 2,
      total: 5,
      unseenConfirm: 1,
      unseenRejected: 2,
    });
    // seen on the outbox page: the bar stops counting them; a waiting item is never "seen"
    await markSeen(store, [vid(3), vid(5), vid(6)], now);
    expect(summarize(await store.list(USER))).toMatchObject({ needsConfirm: 1, rejected: 2, unseenConfirm: 0, unseenRejected: 1 });
    expect(store.items.get(vid(6))!.seenAt).toBeUndefined();
  });

  it("reportPayload carries the content only", async () => {
    const { item } = await enqueue(
      new MemoryStore(),
      { userId: USER, label: "", payload: payload(7, { updates: { indicators: { housingGrade: "C" } } }) },
      Date.UTC(2026, 2, 2),
    );
    const r = reportPayload(item);
    expect(r).toMatchObject({
      clientVisitId: vid(7),
      householdId: HH,
      findings: "visit 7",
      updates: { indicators: { housingGrade: "C" } },
      loggedAt: "2026-03-02T00:00:00.000Z",
    });
    expect(rejectedVisitSchema.safeParse(r).success).toBe(true);
  });
});
