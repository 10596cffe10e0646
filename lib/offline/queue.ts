// The outbox of visits logged without a signal: pure queue logic, no browser APIs, so it runs
// (and is tested) against an in-memory store as well as against IndexedDB (idb-store.ts).
//
// An item is keyed by the visit id the form made on the device (clientVisitId): enqueueing the
// same visit twice keeps the first. Sending goes through the SAME server action as the online
// form, which is idempotent on that id; on top of that an item is sent by one flush at a time
// (a per-item lock, then an atomic claim in the store), so a retry, a double tap or a second
// tab never uploads it twice at once. A backlog of several visits goes in batches (syncVisits:
// up to 50 visits and 8 MB of files a request, each visit stored and answered on its own); a
// visit too large for a batch, or a batch refused as a whole, is sent alone. Nothing is ever deleted automatically except the files
// of a visit the server has stored (the record of it stays).
//
//   waiting ──claim──▶ sending ──ok──────────▶ sent
//      ▲                  │ ──conflict──────▶ conflict   (kept by the server, needs confirming)
//      └──network/5xx─────┘ ──not_found─────▶ rejected ──report──▶ reported (kept for the county)
//                           ──invalid etc.──▶ rejected   (kept, with the server's message)

export type OutboxState = "waiting" | "sending" | "sent" | "conflict" | "rejected" | "reported";

export interface OutboxFiles {
  signature: Blob | null;
  evidence: { blob: Blob; name: string; type: string; indicator: string }[];
}

export interface OutboxItem {
  /** the visit id made on the device (clientVisitId) */
  id: string;
  /** whose visit: only this user's session ever lists or sends it */
  userId: string;
  householdId: string;
  /** the household as the cadre knows it (head · village), kept for when it is out of reach */
  label: string;
  visitDate: string;
  createdAt: number;
  updatedAt: number;
  state: OutboxState;
  attempts: number;
  /** why the last attempt did not get through (a waiting item) */
  lastError: string | null;
  /** the server's answer once stored */
  result: { visitState: "accepted" | "conflict"; message: string; replay: boolean; at: number } | null;
  /** the server's refusal */
  rejection: {
    code: string;
    message: string;
    reassigned: boolean;
    at: number;
    reportedAt: number | null;
    reportError: string | null;
  } | null;
  /** when the cadre saw its outcome on the outbox page (the bar stops counting it then) */
  seenAt?: number | null;
  /** the visit as the form sent it, without its files (plain, structured-cloneable) */
  fields: Record<string, unknown>;
  files: OutboxFiles;
}

/** What a server action answers (lib/actions/result.ts). */
export type SendResult =
  | { ok: true; data?: { state?: string; replay?: boolean } | unknown; message?: string }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/** What syncVisits answers: the batch refused as a whole, or each visit's own answer. */
export type BatchResult =
  | { ok: true; data?: { results?: { id: string | null; result: SendResult }[] } | unknown; message?: string }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/** The limits of one syncVisits request, as the server holds them. */
export { SYNC_MAX_VISITS as BATCH_MAX_VISITS, SYNC_MAX_BYTES as BATCH_MAX_BYTES } from "@/lib/validation/sync-limits";
import { SYNC_MAX_VISITS as BATCH_MAX_VISITS, SYNC_MAX_BYTES as BATCH_MAX_BYTES } from "@/lib/validation/sync-limits";

export interface OutboxStore {
  get(id: string): Promise<OutboxItem | undefined>;
  /** Atomically: read the item, let `fn` decide (synchronously) what it becomes; undefined leaves it. Answers what is stored after. */
  update(
    id: string,
    fn: (current: OutboxItem | undefined) => OutboxItem | undefined,
  ): Promise<{ item: OutboxItem | undefined; written: boolean }>;
  /** This user's items, oldest first. */
  list(userId: string): Promise<OutboxItem[]>;
  remove(id: string): Promise<void>;
}

// ───────────────────────── payload ⇄ stored form ─────────────────────────

const isBlob = (v: unknown): v is Blob => typeof Blob !== "undefined" && v instanceof Blob;

/** The form's payload → fields (plain) + files (Blobs), as IndexedDB keeps them. */
export function splitPayload(payload: Record<string, unknown>): { fields: Record<string, unknown>; files: OutboxFiles } {
  const { signature, evidence, ...rest } = payload;
  const files: OutboxFiles = { signature: isBlob(signature) ? signature : null, evidence: [] };
  if (Array.isArray(evidence)) {
    for (const e of evidence as { file?: unknown; indicator?: unknown }[]) {
      if (!isBlob(e?.file)) continue;
      const name = typeof (e.file as File).name === "string" ? (e.file as File).name : "file";
      files.evidence.push({ blob: e.file, name, type: e.file.type, indicator: typeof e.indicator === "string" ? e.indicator : "general" });
    }
  }
  // drop undefined values: they mean "absent" to the schema and structured clone keeps them anyway
  const fields = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  return { fields, files };
}

/** The stored item → the same payload the form sends to logVisit (files as File objects again). */
export function rebuildPayload(item: Pick<OutboxItem, "fields" | "files">): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item.fields };
  if (item.files.signature) out.signature = item.files.signature;
  out.evidence = item.files.evidence.map((e) => ({
    file: typeof File === "function" ? new File([e.blob], e.name, { type: e.type }) : e.blob,
    indicator: e.indicator,
  }));
  return out;
}

/** What the county keeps of a refused visit: its content, never its files (only their count). */
export function reportPayload(item: OutboxItem): Record<string, unknown> {
  const f = item.fields;
  return {
    clientVisitId: item.id,
    householdId: item.householdId,
    baseVersion: f.baseVersion,
    date: f.date,
    mode: f.mode,
    findings: f.findings ?? "",
    problems: f.problems ?? "",
    actionsTaken: f.actionsTaken ?? "",
    followUps: Array.isArray(f.followUps) ? f.followUps : [],
    locationConsent: f.locationConsent === true,
    location: f.location ?? null,
    confirmation: f.confirmation ?? null,
    updates: f.updates ?? null,
    files: { signature: item.files.signature ? 1 : 0, evidence: item.files.evidence.length },
    loggedAt: new Date(item.createdAt).toISOString(),
  };
}

// ───────────────────────── enqueue ─────────────────────────

export interface EnqueueInput {
  userId: string;
  label: string;
  payload: Record<string, unknown>;
}

/** Puts the visit in the outbox once: a second enqueue of the same visit id keeps the first. */
export async function enqueue(store: OutboxStore, input: EnqueueInput, now = Date.now()): Promise<{ item: OutboxItem; created: boolean }> {
  const id = String(input.payload.clientVisitId ?? "");
  const householdId = String(input.payload.householdId ?? "");
  if (!id || !householdId) throw new Error("a queued visit needs its clientVisitId and householdId");
  const { fields, files } = splitPayload(input.payload);
  const fresh: OutboxItem = {
    id,
    userId: input.userId,
    householdId,
    label: input.label,
    visitDate: String(fields.date ?? ""),
    createdAt: now,
    updatedAt: now,
    state: "waiting",
    attempts: 0,
    lastError: null,
    result: null,
    rejection: null,
    fields,
    files,
  };
  const { item, written } = await store.update(id, (cur) => (cur ? undefined : fresh));
  return { item: item ?? fresh, created: written };
}

// ───────────────────────── the answer → the next state ─────────────────────────

/** Server codes that mean "try again later" (the visit stays waiting). */
const TRANSIENT = new Set(["internal", "rate_limited", "network"]);

export type Outcome =
  | { kind: "stored"; item: OutboxItem }
  | { kind: "retry"; item: OutboxItem }
  | { kind: "signin"; item: OutboxItem }
  | { kind: "rejected"; item: OutboxItem };

/** Pure: an item being sent + the server's answer → the item as it should be stored now. */
export function applyResult(item: OutboxItem, res: SendResult, now: number): Outcome {
  const base = { ...item, updatedAt: now };
  if (res.ok) {
    const data = (res.data ?? {}) as { state?: string; replay?: boolean };
    const visitState = data.state === "conflict" ? "conflict" : "accepted";
    return {
      kind: "stored",
      item: {
        ...base,
        state: visitState === "conflict" ? "conflict" : "sent",
        lastError: null,
        result: { visitState, message: res.message ?? "", replay: data.replay === true, at: now },
        files: { signature: null, evidence: [] }, // the server has them now: free the phone's storage
      },
    };
  }
  if (res.code === "conflict") {
    // stored server-side with its changes pending: the cadre confirms them on the household page
    return {
      kind: "stored",
      item: {
        ...base,
        state: "conflict",
        lastError: null,
        result: { visitState: "conflict", message: res.message, replay: false, at: now },
        files: { signature: null, evidence: [] },
      },
    };
  }
  if (res.code === "unauthenticated") return { kind: "signin", item: { ...base, state: "waiting", lastError: res.message } };
  if (TRANSIENT.has(res.code)) return { kind: "retry", item: { ...base, state: "waiting", lastError: res.message } };
  const detail = res.fieldErrors ? Object.values(res.fieldErrors).flat().join(" ") : "";
  return {
    kind: "rejected",
    item: {
      ...base,
      state: "rejected",
      lastError: null,
      rejection: {
        code: res.code,
        message: detail ? `${res.message} ${detail}` : res.message,
        // out of the cadre's scope now (moved to another cadre): kept, and handed to the county
        reassigned: res.code === "not_found",
        at: now,
        reportedAt: null,
        reportError: null,
      },
    },
  };
}

/** An item this flush may try to send (a "sending" one whose sender is gone is taken over under the lock). */
export const sendable = (i: OutboxItem) => i.state === "waiting" || i.state === "sending";
/** A refused visit still to be handed to the county. */
export const reportable = (i: OutboxItem) => i.state === "rejected" && !!i.rejection?.reassigned && !i.rejection.reportedAt;

// ───────────────────────── flush ─────────────────────────

export interface FlushDeps {
  store: OutboxStore;
  userId: string;
  /** calls logVisit with the rebuilt payload; throws when the network fails */
  send: (payload: Record<string, unknown>) => Promise<SendResult>;
  /**
   * calls syncVisits with several rebuilt payloads (a backlog in one request); throws when the
   * network fails. Without it every item is sent on its own.
   */
  sendBatch?: (payloads: Record<string, unknown>[]) => Promise<BatchResult>;
  /** calls reportRejectedVisit; throws when the network fails */
  report: (payload: Record<string, unknown>) => Promise<SendResult>;
  /** runs fn holding the item's lock; answers false at once (without running fn) when someone else holds it */
  withLock: (id: string, fn: () => Promise<void>) => Promise<boolean>;
  now?: () => number;
  /** told after every change of an item */
  onChange?: (item: OutboxItem) => void;
}

export interface FlushReport {
  sent: number;
  conflicts: number;
  rejected: number;
  reported: number;
  /** why the flush stopped early: the network is down, or the session has ended */
  stopped: "offline" | "signin" | null;
}

/** Sends every waiting item of this user once, oldest first, then hands refused ones to the county. */
export async function flush(deps: FlushDeps): Promise<FlushReport> {
  const now = deps.now ?? Date.now;
  const out: FlushReport = { sent: 0, conflicts: 0, rejected: 0, reported: 0, stopped: null };
  const changed = (item: OutboxItem | undefined) => item && deps.onChange?.(item);

  const listed0 = await deps.store.list(deps.userId);
  // a backlog goes in batches (one request for up to BATCH_MAX_VISITS visits); what a batch could
  // not carry (a visit with large files, a batch refused as a whole) is sent on its own below
  const tried = new Set<string>();
  if (deps.sendBatch && listed0.filter(sendable).length > 1) {
    for (const batch of batchesOf(listed0.filter(sendable))) {
      if (out.stopped) break;
      await sendOneBatch(deps, batch, out, tried, now, changed);
    }
  }

  for (const listed of listed0) {
    if (out.stopped) break;
    if (!sendable(listed) && !reportable(listed)) continue;
    await deps.withLock(listed.id, async () => {
      // sending: claim it (another flush may have sent it since the list was read)
      if (sendable(listed) && !tried.has(listed.id)) {
        const claim = await deps.store.update(listed.id, (cur) =>
          cur && cur.userId === deps.userId && sendable(cur)
            ? { ...cur, state: "sending", attempts: cur.attempts + 1, updatedAt: now() }
            : undefined,
        );
        if (!claim.written || !claim.item) return;
        changed(claim.item);
        let res: SendResult;
        try {
          res = await deps.send(rebuildPayload(claim.item));
        } catch (e) {
          const back = await deps.store.update(listed.id, (cur) =>
            cur ? { ...cur, state: "waiting", lastError: "network", updatedAt: now() } : undefined,
          );
          changed(back.item);
          out.stopped = "offline";
          return void e;
        }
        const next = applyResult(claim.item, res, now());
        const saved = await deps.store.update(listed.id, (cur) => (cur ? { ...next.item, attempts: cur.attempts } : undefined));
        changed(saved.item);
        if (next.kind === "signin") out.stopped = "signin";
        if (next.kind === "stored") {
          if (next.item.state === "conflict") out.conflicts++;
          else out.sent++;
        }
        if (next.kind === "rejected") out.rejected++;
      }
      // a refused visit for a household now someone else's: keep it, and give the county its content
      const current = await deps.store.get(listed.id);
      if (current && reportable(current)) {
        let res: SendResult;
        try {
          res = await deps.report(reportPayload(current));
        } catch {
          out.stopped = "offline";
          return;
        }
        const saved = await deps.store.update(listed.id, (cur) => {
          if (!cur?.rejection) return undefined;
          if (res.ok)
            return { ...cur, state: "reported", updatedAt: now(), rejection: { ...cur.rejection, reportedAt: now(), reportError: null } };
          return { ...cur, updatedAt: now(), rejection: { ...cur.rejection, reportError: res.message } };
        });
        changed(saved.item);
        if (res.ok) out.reported++;
        else if (res.code === "unauthenticated") out.stopped = "signin";
      }
    });
  }
  return out;
}

/** The bytes of an item's files (what a batch request carries besides its fields). */
export const itemBytes = (i: Pick<OutboxItem, "files">) =>
  (i.files.signature?.size ?? 0) + i.files.evidence.reduce((n, e) => n + e.blob.size, 0);

/** Oldest first, in batches of at most BATCH_MAX_VISITS visits and BATCH_MAX_BYTES of files; a visit too large for any batch is left out (sent alone). */
export function batchesOf(items: OutboxItem[]): OutboxItem[][] {
  const out: OutboxItem[][] = [];
  let cur: OutboxItem[] = [];
  let bytes = 0;
  for (const i of items) {
    const b = itemBytes(i);
    if (b > BATCH_MAX_BYTES) continue;
    if (cur.length === BATCH_MAX_VISITS || bytes + b > BATCH_MAX_BYTES) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(i);
    bytes += b;
  }
  if (cur.length) out.push(cur);
  return out.filter((b) => b.length > 1);
}

/** Holds the lock of each id it can get (others are skipped), then runs fn with those held. */
async function withLocks(lock: FlushDeps["withLock"], ids: string[], fn: (held: string[]) => Promise<void>): Promise<void> {
  const held: string[] = [];
  const step = async (k: number): Promise<void> => {
    if (k === ids.length) return fn(held);
    const ran = await lock(ids[k]!, async () => {
      held.push(ids[k]!);
      await step(k + 1);
    });
    if (!ran) await step(k + 1);
  };
  await step(0);
}

/** Batch codes after which each visit is better sent on its own (the batch as a whole was refused). */
const BATCH_FALLBACK = new Set(["invalid", "forbidden", "not_found"]);

async function sendOneBatch(
  deps: FlushDeps,
  batch: OutboxItem[],
  out: FlushReport,
  tried: Set<string>,
  now: () => number,
  changed: (i: OutboxItem | undefined) => void,
) {
  await withLocks(
    deps.withLock,
    batch.map((i) => i.id),
    async (held) => {
      const claimed: OutboxItem[] = [];
      for (const id of held) {
        const claim = await deps.store.update(id, (cur) =>
          cur && cur.userId === deps.userId && sendable(cur)
            ? { ...cur, state: "sending", attempts: cur.attempts + 1, updatedAt: now() }
            : undefined,
        );
        if (claim.written && claim.item) {
          claimed.push(claim.item);
          changed(claim.item);
        }
      }
      if (!claimed.length) return;
      const back = async (why: string) => {
        for (const i of claimed)
          changed(
            (await deps.store.update(i.id, (cur) => (cur ? { ...cur, state: "waiting", lastError: why, updatedAt: now() } : undefined)))
              .item,
          );
      };
      let res: BatchResult;
      try {
        res = await deps.sendBatch!(claimed.map(rebuildPayload));
      } catch {
        await back("network");
        out.stopped = "offline";
        return;
      }
      if (!res.ok) {
        if (BATCH_FALLBACK.has(res.code)) return void (await back(res.message)); // each goes alone below
        for (const i of claimed) tried.add(i.id);
        const applied = applyResult(claimed[0]!, res, now());
        await back(res.message);
        if (applied.kind === "signin") out.stopped = "signin";
        return;
      }
      const answers = new Map<string, SendResult>();
      const results = (res.data as { results?: { id: string | null; result: SendResult }[] } | undefined)?.results ?? [];
      for (const r of results) if (r?.id && !answers.has(r.id)) answers.set(r.id, r.result);
      for (const item of claimed) {
        tried.add(item.id);
        const answer = answers.get(item.id);
        if (!answer) {
          changed(
            (
              await deps.store.update(item.id, (cur) =>
                cur ? { ...cur, state: "waiting", lastError: "network", updatedAt: now() } : undefined,
              )
            ).item,
          );
          continue;
        }
        const next = applyResult(item, answer, now());
        const saved = await deps.store.update(item.id, (cur) => (cur ? { ...next.item, attempts: cur.attempts } : undefined));
        changed(saved.item);
        if (next.kind === "signin") out.stopped = "signin";
        if (next.kind === "stored") {
          if (next.item.state === "conflict") out.conflicts++;
          else out.sent++;
        }
        if (next.kind === "rejected") out.rejected++;
      }
    },
  );
}

// ───────────────────────── what the cadre sees ─────────────────────────

export { summarize, type OutboxSummary } from "./summary";

/** Sent visits older than this lose their record on the phone (never waiting, conflicting or refused ones). */
export const SENT_KEPT_MS = 30 * 86_400_000;

/** The outcomes the cadre has now seen on the outbox page. */
export async function markSeen(store: OutboxStore, ids: string[], now = Date.now()): Promise<void> {
  for (const id of ids)
    await store.update(id, (cur) =>
      cur && !cur.seenAt && cur.state !== "waiting" && cur.state !== "sending" ? { ...cur, seenAt: now } : undefined,
    );
}

export async function pruneSent(store: OutboxStore, userId: string, now = Date.now()): Promise<number> {
  let n = 0;
  for (const i of await store.list(userId)) {
    if (i.state === "sent" && now - (i.result?.at ?? i.updatedAt) > SENT_KEPT_MS) {
      await store.remove(i.id);
      n++;
    }
  }
  return n;
}

// ───────────────────────── an in-memory store and lock (tests, and browsers without IndexedDB) ─────────────────────────

export class MemoryStore implements OutboxStore {
  readonly items = new Map<string, OutboxItem>();
  async get(id: string) {
    return this.items.get(id);
  }
  async update(id: string, fn: (current: OutboxItem | undefined) => OutboxItem | undefined) {
    const next = fn(this.items.get(id)); // synchronous: nothing else runs between the read and the write
    if (next) this.items.set(id, next);
    return { item: this.items.get(id), written: !!next };
  }
  async list(userId: string) {
    return [...this.items.values()].filter((i) => i.userId === userId).sort((a, b) => a.createdAt - b.createdAt);
  }
  async remove(id: string) {
    this.items.delete(id);
  }
}

/** A lock per item id within one page (the browser's Web Locks extend it across tabs). */
export function memoryLock() {
  const held = new Set<string>();
  return async (id: string, fn: () => Promise<void>): Promise<boolean> => {
    if (held.has(id)) return false;
    held.add(id);
    try {
      await fn();
    } finally {
      held.delete(id);
    }
    return true;
  };
}
