/**
 * runVisitLoad — many cadres logging visits at once, through the real server action over HTTP.
 *
 *   import { runVisitLoad } from "./lib/visit-load";
 *   const r = await runVisitLoad({ baseUrl: "http://127.0.0.1:3411", databaseUrl });
 *   // → { rps, p50, p95, p99, errors, sent, stored, ok, … }   (latencies in ms)
 *
 * Stable signature: runVisitLoad(options: VisitLoadOptions): Promise<VisitLoadResult>. Only
 * `baseUrl` (a running `next start`) and `databaseUrl` (the database that app uses) are required;
 * the cadres must be able to sign in with `password` (default the demo password) or be given
 * as `cadres` with their own. The app must be a build that has the logVisit action (its id is
 * read from `distDir`'s manifest unless `actionId` is given).
 *
 * What it does:
 *  1. finds the cadres with current assignments and their households by SQL (or takes
 *     `cadres`), signs each in once (next-auth credentials flow, 4 at a time) and shares the
 *     session cookie among that cadre's connections;
 *  2. runs `connections` workers (one keep-alive agent, maxSockets = connections); worker w acts
 *     as cadre w mod #cadres and visits only that cadre's households; every job is one visit
 *     with a new clientVisitId, posted to /households/<id>/visit with `Next-Action` (logVisit);
 *     `updateRate` of them carry an indicator change (version bump, new assessment, household
 *     audit; sent one at a time per household, with the version the client last saw);
 *     `followUpRate` carry a follow-up;
 *  3. `retryRate` of the visits are deliberately sent again with the same id: half of them twice
 *     at the same moment (a double tap), half after the worker's next visit (a resend); both
 *     must be answered as the one stored visit;
 *  4. a failed request (network error, timeout, HTTP ≥ 500, result code "internal") is retried
 *     with the same id, up to `maxAttempts` with exponential backoff and jitter; every failed
 *     attempt counts in `errors`;
 *  5. `events` run side effects (restart PostgreSQL, kill the app …) when a fraction of the
 *     visits has started; the load keeps going meanwhile;
 *  6. reconciles by SQL: stored = distinct ids sent, 0 duplicates, 0 acknowledged-but-lost,
 *     and checks for partial rows and orphans (checks.ts). `ok` is true when both hold.
 *
 * rps counts every answered request (resends included) over the load phase's wall time;
 * percentiles are over answered requests (HTTP 200 with an action result).
 */
import type http from "node:http";
import crypto from "node:crypto";
import { actionIdFor, callAction, HttpError, keepAliveAgent, signIn } from "./client";
import { query } from "./db";
import { DEFAULT_DIST_DIR } from "./app";
import { Tally, summarize } from "./stats";
import { startSampler, type SamplerSummary } from "./sampler";
import { integrity, reconcile, takeBaseline, type Baseline, type Integrity, type Reconciliation } from "./checks";

export const DEMO_PASSWORD = "Jingzhun@2026";
/** what useActionState passes as the previous state on a form's first submit (lib/actions/result.ts) */
const INITIAL_STATE = { ok: true };

export interface CadreAccount {
  username: string;
  password?: string;
  householdIds: string[];
}

export interface LoadContext {
  /** requests on the wire now */
  inFlight(): number;
  /** visit ids with a request on the wire now */
  inFlightIds(): string[];
  /** visits started so far */
  started(): number;
  /** every visit id sent so far */
  sentIds(): string[];
  /** the database before the load (null with skipChecks) */
  baseline: Baseline | null;
  /** ms since the load began (the clock of `timeline`) */
  now(): number;
  log(m: string): void;
}

export interface LoadEvent {
  /** fraction (0–1) of the visits started when the event fires */
  at: number;
  /** fire only once at least this many requests are in flight (waits up to 5 s for it) */
  minInFlight?: number;
  name: string;
  run(ctx: LoadContext): Promise<unknown>;
}

export interface VisitLoadOptions {
  baseUrl: string;
  databaseUrl: string;
  /** distinct visits (clientVisitIds) to send; default 10,000 */
  visits?: number;
  /** concurrent connections/workers; default 200 */
  connections?: number;
  /** share of visits sent again with the same id; default 0.05 */
  retryRate?: number;
  /** share of visits carrying an indicator change; default 0.2 */
  updateRate?: number;
  /** share of visits carrying a follow-up; default 0.1 */
  followUpRate?: number;
  /** the accounts to use; default: every cadre with a current assignment, up to maxCadres */
  cadres?: CadreAccount[];
  maxCadres?: number;
  password?: string;
  /** the logVisit action id; default: read from `${distDir}/server/server-reference-manifest.json` */
  actionId?: string;
  distDir?: string;
  /** no new visits after this many seconds; default 600 */
  maxSeconds?: number;
  /** attempts per request (first + retries on failure); default 8 */
  maxAttempts?: number;
  backoffMs?: number;
  backoffMaxMs?: number;
  /** per request; default 60 s (with hundreds of connections on a slow server, queueing is long) */
  requestTimeoutMs?: number;
  events?: LoadEvent[];
  /** skip the SQL reconciliation and integrity checks (stored = NaN) */
  skipChecks?: boolean;
  /** walk the whole audit hash chain after the run (default true; slow on a very large history) */
  auditChain?: boolean;
  log?: (m: string) => void;
  progressEveryMs?: number;
  /** the app server's pid (may change, e.g. after a restart): its CPU is sampled each second */
  appPid?: () => number;
}

export interface VisitLoadResult {
  ok: boolean;
  /** answered requests per second over the load phase */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** failed request attempts (each retry that failed counts) */
  errors: number;
  errorKinds: Record<string, number>;
  /** distinct visit ids sent */
  sent: number;
  /** of those, stored (SQL) */
  stored: number;
  requests: number;
  answered: number;
  deliberateResends: number;
  retriesAfterFailure: number;
  /** answers saying "already stored" */
  replays: number;
  /** a deliberate resend answered as a NEW visit: would be a duplicate (must be 0) */
  resendStoredAgain: number;
  /** visits kept with state "conflict" (their base version was stale) */
  conflicts: number;
  /** visits never acknowledged after all attempts */
  gaveUp: number;
  durationS: number;
  signInS: number;
  cadres: number;
  households: number;
  bytesPerAnswer: number;
  reconciliation: Reconciliation | null;
  integrity: Integrity | null;
  events: { name: string; firedAtS: number; result?: unknown; error?: string }[];
  /** what limited the run: app CPU, load average, the app's database sessions by state */
  limits: SamplerSummary;
  /** every attempt as [sent, finished] ms since the load began (failures with their kind) */
  timeline: { answered: [number, number][]; failed: [number, number, string][] };
}

interface Household {
  id: string;
  version: number;
  outage: number;
  lock: Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const chinaToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** picks round(n * rate) of 0..n-1, spread evenly */
const every = (rate: number) => (j: number) => rate > 0 && Math.floor((j + 1) * rate) > Math.floor(j * rate);

export async function discoverCadres(databaseUrl: string, max: number): Promise<CadreAccount[]> {
  const rows = await query<{ username: string; hs: string[] }>(
    databaseUrl,
    `SELECT u.username, array_agg(DISTINCT a."householdId" ORDER BY a."householdId") AS hs
       FROM app_user u JOIN cadre_assignment a ON a."cadreId" = u.id
      WHERE u.role = 'cadre' AND NOT u.disabled AND a."validFrom" <= now() AND (a."validTo" IS NULL OR a."validTo" > now())
      GROUP BY u.username ORDER BY u.username LIMIT $1`,
    [max],
  );
  return rows.map((r) => ({ username: r.username, householdIds: r.hs }));
}

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

type Answer = { kind: "ok"; replay: boolean; changed: number; state: string } | { kind: "conflict" } | { kind: "failed"; why: string };

export async function runVisitLoad(o: VisitLoadOptions): Promise<VisitLoadResult> {
  const log = o.log ?? ((m: string) => console.log(`[visit-load] ${m}`));
  const visits = o.visits ?? 10_000;
  const connections = o.connections ?? 200;
  const maxAttempts = o.maxAttempts ?? 8;
  const backoffMs = o.backoffMs ?? 200;
  const backoffMaxMs = o.backoffMaxMs ?? 4000;
  const timeoutMs = o.requestTimeoutMs ?? 60_000;
  const isResend = every(o.retryRate ?? 0.05);
  const isUpdate = every(o.updateRate ?? 0.2);
  const hasFollowUp = every(o.followUpRate ?? 0.1);
  const actionId = o.actionId ?? actionIdFor(o.distDir ?? DEFAULT_DIST_DIR);
  const runTag = crypto.randomBytes(4).toString("hex");

  // ─── accounts and households ───
  const accounts = (o.cadres ?? (await discoverCadres(o.databaseUrl, o.maxCadres ?? 200)))
    .filter((c) => c.householdIds.length)
    .slice(0, connections); // no more accounts than connections
  if (!accounts.length) throw new Error("no cadre with a current assignment in the database");
  const allHouseholdIds = [...new Set(accounts.flatMap((c) => c.householdIds))];
  const households = new Map<string, Household>();
  for (const r of await query<{ id: string; version: number; outage: number }>(
    o.databaseUrl,
    `SELECT id, version, "waterOutageDays" AS outage FROM household WHERE id = ANY($1::text[])`,
    [allHouseholdIds],
  )) {
    households.set(r.id, { id: r.id, version: r.version, outage: r.outage, lock: Promise.resolve() });
  }
  const baseline = o.skipChecks ? null : await takeBaseline(o.databaseUrl, allHouseholdIds);

  const agent: http.Agent = keepAliveAgent(connections + 8);
  const t0SignIn = Date.now();
  const cookies = new Map<string, string>();
  await pool(accounts, 4, async (c) => {
    cookies.set(c.username, await signIn(o.baseUrl, c.username, c.password ?? o.password ?? DEMO_PASSWORD, agent));
  });
  const cadres = accounts;
  const signInS = (Date.now() - t0SignIn) / 1000;
  log(
    `${cadres.length} cadres signed in (${signInS.toFixed(1)} s), ${allHouseholdIds.length} households; ${visits} visits over ${connections} connections, run ${runTag}`,
  );

  // ─── counters ───
  const latencies: number[] = [];
  const errorKinds = new Tally();
  let requests = 0,
    answered = 0,
    bytes = 0,
    replays = 0,
    conflicts = 0,
    retriesAfterFailure = 0,
    deliberateResends = 0,
    resendStoredAgain = 0,
    gaveUp = 0;
  const sentIds: string[] = [];
  const ackedIds = new Set<string>();
  const followUpsSent = new Map<string, number>();
  const inFlight = new Map<string, number>();
  let started = 0;
  let nextJob = 0;
  const today = chinaToday();
  const t0 = Date.now();
  const p0 = performance.now();
  const timeline: VisitLoadResult["timeline"] = { answered: [], failed: [] };
  const deadline = t0 + (o.maxSeconds ?? 600) * 1000;
  const ctx: LoadContext = {
    inFlight: () => [...inFlight.values()].reduce((a, b) => a + b, 0),
    inFlightIds: () => [...inFlight.keys()],
    started: () => started,
    sentIds: () => [...sentIds],
    baseline,
    now: () => performance.now() - p0,
    log,
  };

  async function refreshHousehold(h: Household) {
    const [r] = await query<{ version: number; outage: number }>(
      o.databaseUrl,
      `SELECT version, "waterOutageDays" AS outage FROM household WHERE id = $1`,
      [h.id],
      20,
    );
    if (r) Object.assign(h, { version: r.version, outage: r.outage });
  }

  /** one logical send (with retries on failure) */
  async function send(cookie: string, householdId: string, payload: Record<string, unknown>): Promise<Answer> {
    const id = payload.clientVisitId as string;
    for (let attempt = 1; ; attempt++) {
      requests++;
      inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
      const t = performance.now();
      let why: string;
      let retryable = true;
      try {
        const a = await callAction({
          baseUrl: o.baseUrl,
          pagePath: `/households/${householdId}/visit`,
          actionId,
          cookie,
          args: [INITIAL_STATE, payload],
          agent,
          timeoutMs,
        });
        const r = a.result as {
          ok: boolean;
          code?: string;
          message?: string;
          data?: { replay: boolean; changed: string[]; state: string };
        };
        latencies.push(performance.now() - t);
        timeline.answered.push([t - p0, performance.now() - p0]);
        answered++;
        bytes += a.bytes;
        if (r.ok && r.data) {
          ackedIds.add(id);
          if (r.data.replay) replays++;
          return { kind: "ok", replay: r.data.replay, changed: r.data.changed.length, state: r.data.state };
        }
        if (r.code === "conflict") {
          ackedIds.add(id);
          conflicts++;
          return { kind: "conflict" };
        }
        why = `action:${r.code ?? "?"}`;
        retryable = r.code === "internal";
        if (!retryable && errorKinds.counts.get(why) === undefined) log(`non-retryable answer ${why}: ${r.message ?? ""}`);
      } catch (e) {
        why = e instanceof HttpError ? e.kind : `throw:${(e as Error).message.slice(0, 40)}`;
      } finally {
        const left = (inFlight.get(id) ?? 1) - 1;
        if (left > 0) inFlight.set(id, left);
        else inFlight.delete(id);
      }
      errorKinds.add(why);
      timeline.failed.push([t - p0, performance.now() - p0, why]);
      if (!retryable || attempt >= maxAttempts) {
        gaveUp++;
        return { kind: "failed", why };
      }
      retriesAfterFailure++;
      const wait = Math.min(backoffMaxMs, backoffMs * 2 ** (attempt - 1));
      await sleep(wait / 2 + Math.random() * (wait / 2));
    }
  }

  function makePayload(j: number, householdId: string, h: Household): Record<string, unknown> {
    const mode = (["home", "phone", "wechat"] as const)[j % 3];
    const payload: Record<string, unknown> = {
      clientVisitId: crypto.randomUUID(),
      householdId,
      baseVersion: h.version,
      date: today,
      mode,
      findings: `bench ${runTag} #${j}: 粮食够吃，衣被齐全，饮水安全。`,
      problems: j % 4 === 0 ? "屋顶局部漏雨" : "",
      actionsTaken: "",
      confirmation: "read_back",
    };
    if (hasFollowUp(j)) payload.followUps = [{ description: "协助办理医保续保", dueDate: addDays(today, 14) }];
    if (isUpdate(j)) payload.updates = { indicators: { waterOutageDays: (h.outage + 1) % 30 } };
    return payload;
  }

  let resendCount = 0;
  async function job(j: number, cookie: string, householdId: string, pendingResends: (() => Promise<void>)[]) {
    const h = households.get(householdId)!;
    const update = isUpdate(j);
    let release = () => {};
    if (update) {
      // changes to one household go one at a time, on the version the client last saw
      const prev = h.lock;
      h.lock = new Promise<void>((r) => (release = r));
      await prev;
    }
    try {
      const payload = makePayload(j, householdId, h);
      const id = payload.clientVisitId as string;
      sentIds.push(id);
      if (payload.followUps) followUpsSent.set(id, 1);
      started++;
      const resend = isResend(j);
      const double = resend && ++resendCount % 2 === 1;
      let answers: Answer[];
      if (double) {
        deliberateResends++;
        answers = await Promise.all([send(cookie, householdId, payload), send(cookie, householdId, payload)]);
        if (answers.every((a) => a.kind === "ok" && !a.replay)) resendStoredAgain++;
      } else answers = [await send(cookie, householdId, payload)];
      const fresh = answers.find((a) => a.kind === "ok" && !a.replay) as Extract<Answer, { kind: "ok" }> | undefined;
      if (update) {
        if (fresh && fresh.changed > 0) {
          h.version++;
          h.outage = (h.outage + 1) % 30;
        } else if (!fresh) await refreshHousehold(h); // conflict, replay after a lost answer, or failure: ask the database
      }
      if (resend && !double) {
        pendingResends.push(async () => {
          deliberateResends++;
          const a = await send(cookie, householdId, payload);
          if (a.kind === "ok" && !a.replay && ackedIds.has(id) && fresh) resendStoredAgain++;
        });
      }
    } finally {
      release();
    }
  }

  // ─── events ───
  const eventLog: VisitLoadResult["events"] = [];
  const eventRuns: Promise<void>[] = [];
  const pendingEvents = [...(o.events ?? [])].sort((a, b) => a.at - b.at);
  function fireEvents() {
    while (pendingEvents.length && started >= pendingEvents[0]!.at * visits) {
      const ev = pendingEvents.shift()!;
      eventRuns.push(
        (async () => {
          const waitUntil = Date.now() + 5000;
          while (ev.minInFlight && ctx.inFlight() < ev.minInFlight && Date.now() < waitUntil) await sleep(5);
          const entry: VisitLoadResult["events"][number] = { name: ev.name, firedAtS: (Date.now() - t0) / 1000 };
          eventLog.push(entry);
          log(`▶ ${ev.name} at ${entry.firedAtS.toFixed(1)} s (${started}/${visits} visits started, ${ctx.inFlight()} requests in flight)`);
          try {
            entry.result = await ev.run(ctx);
          } catch (e) {
            entry.error = (e as Error).message;
            log(`✖ ${ev.name}: ${entry.error}`);
          }
        })(),
      );
    }
  }

  // ─── progress ───
  let lastAnswered = 0;
  let lastT = Date.now();
  const progress = setInterval(() => {
    const now = Date.now();
    const rate = ((answered - lastAnswered) * 1000) / (now - lastT);
    lastAnswered = answered;
    lastT = now;
    log(
      `${((now - t0) / 1000).toFixed(0)} s: ${started}/${visits} visits started, ${answered} answers (${rate.toFixed(0)}/s now), ${ctx.inFlight()} in flight, ${errorKinds.total} errors`,
    );
  }, o.progressEveryMs ?? 5000);

  // ─── workers ───
  const sampler = startSampler({ databaseUrl: o.databaseUrl, pid: o.appPid ?? (() => -1) });
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      const cadre = cadres[w % cadres.length]!;
      const cookie = cookies.get(cadre.username)!;
      let k = Math.floor(w / cadres.length);
      const resends: (() => Promise<void>)[] = [];
      for (;;) {
        if (Date.now() > deadline) break;
        const j = nextJob++;
        if (j >= visits) break;
        const householdId = cadre.householdIds[k++ % cadre.householdIds.length]!;
        const due = resends.splice(0);
        await job(j, cookie, householdId, resends);
        fireEvents();
        for (const r of due) await r();
      }
      for (const r of resends.splice(0)) await r();
    }),
  );
  const durationS = (Date.now() - t0) / 1000;
  const limits = sampler.stop();
  clearInterval(progress);
  await Promise.all(eventRuns);
  agent.destroy();

  const lat = summarize(latencies);
  let reconciliation: Reconciliation | null = null;
  let integ: Integrity | null = null;
  if (!o.skipChecks) {
    reconciliation = await reconcile(o.databaseUrl, { runTag, sentIds, ackedIds, followUpsSent });
    integ = await integrity(o.databaseUrl, baseline!, sentIds, { chain: o.auditChain ?? true });
  }
  return {
    ok: (reconciliation?.ok ?? true) && (integ?.ok ?? true) && resendStoredAgain === 0,
    rps: answered / durationS,
    p50: lat.p50,
    p95: lat.p95,
    p99: lat.p99,
    max: lat.max,
    mean: lat.mean,
    errors: errorKinds.total,
    errorKinds: errorKinds.toJSON(),
    sent: sentIds.length,
    stored: reconciliation?.stored ?? Number.NaN,
    requests,
    answered,
    deliberateResends,
    retriesAfterFailure,
    replays,
    resendStoredAgain,
    conflicts,
    gaveUp,
    durationS,
    signInS,
    cadres: cadres.length,
    households: allHouseholdIds.length,
    bytesPerAnswer: answered ? bytes / answered : 0,
    reconciliation,
    integrity: integ,
    events: eventLog,
    limits,
    timeline,
  };
}

/** One new visit by `username` on one of their households, then its row by SQL: is the app answering? */
export async function probeVisit(o: {
  baseUrl: string;
  databaseUrl: string;
  actionId: string;
  username?: string;
  password?: string;
  timeoutMs?: number;
}): Promise<{ ok: boolean; ms: number; detail: string }> {
  const t = performance.now();
  const username = o.username ?? "cadre";
  try {
    const [row] = await query<{ id: string; version: number }>(
      o.databaseUrl,
      `SELECT h.id, h.version FROM household h JOIN cadre_assignment a ON a."householdId" = h.id JOIN app_user u ON u.id = a."cadreId"
        WHERE u.username = $1 AND a."validFrom" <= now() AND (a."validTo" IS NULL OR a."validTo" > now()) ORDER BY h.id LIMIT 1`,
      [username],
    );
    if (!row) return { ok: false, ms: 0, detail: `${username} has no household` };
    const cookie = await signIn(o.baseUrl, username, o.password ?? DEMO_PASSWORD);
    const id = crypto.randomUUID();
    const payload = {
      clientVisitId: id,
      householdId: row.id,
      baseVersion: row.version,
      date: chinaToday(),
      mode: "phone",
      findings: "probe: 电话回访",
      confirmation: "read_back",
    };
    const a = await callAction({
      baseUrl: o.baseUrl,
      pagePath: `/households/${row.id}/visit`,
      actionId: o.actionId,
      cookie,
      args: [INITIAL_STATE, payload],
      timeoutMs: o.timeoutMs ?? 15_000,
    });
    const r = a.result as { ok: boolean; code?: string; data?: { replay: boolean } };
    const [stored] = await query<{ n: string }>(o.databaseUrl, `SELECT count(*)::text AS n FROM visit WHERE id = $1`, [id]);
    const ok = r.ok && r.data?.replay === false && stored!.n === "1";
    return {
      ok,
      ms: performance.now() - t,
      detail: ok ? `visit ${id} stored` : `answer ${JSON.stringify(r).slice(0, 160)}, rows ${stored!.n}`,
    };
  } catch (e) {
    return { ok: false, ms: performance.now() - t, detail: (e as Error).message.slice(0, 200) };
  }
}
