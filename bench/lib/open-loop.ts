/**
 * runOpenLoop — single visits sent on a fixed schedule, whatever the server answers.
 *
 *   const r = await runOpenLoop({ baseUrl, databaseUrl, actionId, rate: 30, seconds: 120 });
 *   // → { rate, p50, p99, errors, sent, answered, … }   (latencies in ms)
 *
 * Request i leaves at t0 + i/rate (an open loop: no request waits for another's answer), so a
 * server that falls behind shows it as latency instead of slowing the sender down; latency is
 * measured from the SCHEDULED time (a request the client itself sent late still counts from
 * when it should have left). Each request is one new plain visit (10% with a follow-up) by a
 * cadre on one of their households, through logVisit as the online form sends it. No retries:
 * a failed request (network, timeout, HTTP ≥ 500, a result other than ok) is an error.
 *
 * findMaxRate climbs a ladder of rates, `stepSeconds` each, and answers the highest whose p99
 * stayed under `p99LimitMs` with no error (0 when even the first failed).
 */
import type http from "node:http";
import crypto from "node:crypto";
import { callAction, keepAliveAgent, signIn } from "./client";
import { chinaToday, discoverCadres, DEMO_PASSWORD, type CadreAccount } from "./visit-load";
import { query } from "./db";
import { summarize } from "./stats";

export interface OpenLoopOptions {
  baseUrl: string;
  databaseUrl: string;
  /** the logVisit action id of the build */
  actionId: string;
  /** requests per second */
  rate: number;
  seconds: number;
  cadres?: CadreAccount[];
  maxCadres?: number;
  password?: string;
  requestTimeoutMs?: number;
  log?: (m: string) => void;
}

export interface OpenLoopResult {
  rate: number;
  seconds: number;
  sent: number;
  answered: number;
  errors: number;
  errorKinds: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** how late the sender itself was, at worst (a busy client would hide queueing otherwise) */
  maxSendLagMs: number;
  /** distinct visits stored (SQL) */
  stored: number;
}

interface Signed {
  cadres: CadreAccount[];
  cookies: Map<string, string>;
  versions: Map<string, number>;
  agent: http.Agent;
}

const INITIAL_STATE = { ok: true };
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function signAll(o: Omit<OpenLoopOptions, "rate" | "seconds">, log: (m: string) => void): Promise<Signed> {
  const cadres = (o.cadres ?? (await discoverCadres(o.databaseUrl, o.maxCadres ?? 50))).filter((c) => c.householdIds.length);
  if (!cadres.length) throw new Error("no cadre with a current assignment in the database");
  const agent = keepAliveAgent(2000);
  const cookies = new Map<string, string>();
  for (let i = 0; i < cadres.length; i += 4) {
    await Promise.all(
      cadres
        .slice(i, i + 4)
        .map(async (c) => cookies.set(c.username, await signIn(o.baseUrl, c.username, c.password ?? o.password ?? DEMO_PASSWORD, agent))),
    );
  }
  const versions = new Map<string, number>();
  for (const r of await query<{ id: string; version: number }>(
    o.databaseUrl,
    `SELECT id, version FROM household WHERE id = ANY($1::text[])`,
    [[...new Set(cadres.flatMap((c) => c.householdIds))]],
  )) {
    versions.set(r.id, r.version);
  }
  log(`open loop: ${cadres.length} cadres signed in`);
  return { cadres, cookies, versions, agent };
}

async function oneRun(o: OpenLoopOptions, s: Signed): Promise<OpenLoopResult> {
  const total = Math.max(1, Math.round(o.rate * o.seconds));
  const today = chinaToday();
  const runTag = crypto.randomBytes(4).toString("hex");
  const latencies: number[] = [];
  const kinds = new Map<string, number>();
  const ids: string[] = [];
  let answered = 0,
    maxLag = 0;
  const pending: Promise<void>[] = [];
  const t0 = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const at = t0 + (i * 1000) / o.rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    maxLag = Math.max(maxLag, performance.now() - at);
    const cadre = s.cadres[i % s.cadres.length]!;
    const householdId = cadre.householdIds[Math.floor(i / s.cadres.length) % cadre.householdIds.length]!;
    const id = crypto.randomUUID();
    ids.push(id);
    const payload: Record<string, unknown> = {
      clientVisitId: id,
      householdId,
      baseVersion: s.versions.get(householdId) ?? 1,
      date: today,
      mode: (["home", "phone", "wechat"] as const)[i % 3],
      findings: `bench ${runTag} open #${i}: 粮食够吃，衣被齐全，饮水安全。`,
      problems: "",
      actionsTaken: "",
      confirmation: "read_back",
      ...(i % 10 === 0 ? { followUps: [{ description: "协助办理医保续保", dueDate: addDays(today, 14) }] } : {}),
    };
    pending.push(
      callAction({
        baseUrl: o.baseUrl,
        pagePath: `/households/${householdId}/visit`,
        actionId: o.actionId,
        cookie: s.cookies.get(cadre.username)!,
        args: [INITIAL_STATE, payload],
        agent: s.agent,
        timeoutMs: o.requestTimeoutMs ?? 30_000,
      })
        .then((a) => {
          const r = a.result as { ok: boolean; code?: string };
          if (!r.ok) throw Object.assign(new Error(r.code), { kind: `action:${r.code}` });
          answered++;
          latencies.push(performance.now() - at);
        })
        .catch((e: { kind?: string; message?: string }) => {
          const k = e.kind ?? `throw:${String(e.message).slice(0, 40)}`;
          kinds.set(k, (kinds.get(k) ?? 0) + 1);
        }),
    );
  }
  await Promise.all(pending);
  const [row] = await query<{ n: string }>(o.databaseUrl, `SELECT count(*)::text AS n FROM visit WHERE id = ANY($1::text[])`, [ids], 10);
  const lat = summarize(latencies);
  const errors = [...kinds.values()].reduce((a, b) => a + b, 0);
  return {
    rate: o.rate,
    seconds: o.seconds,
    sent: total,
    answered,
    errors,
    errorKinds: Object.fromEntries(kinds),
    p50: lat.p50,
    p95: lat.p95,
    p99: lat.p99,
    max: lat.max,
    maxSendLagMs: maxLag,
    stored: Number(row!.n),
  };
}

/** One open-loop run at `rate` for `seconds`. */
export async function runOpenLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const log = o.log ?? ((m: string) => console.log(`[open-loop] ${m}`));
  const s = await signAll(o, log);
  try {
    const r = await oneRun(o, s);
    log(
      `open loop ${o.rate}/s for ${o.seconds} s: p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, ${r.errors} errors, ${r.stored}/${r.sent} stored`,
    );
    return r;
  } finally {
    s.agent.destroy();
  }
}

/** The highest rate of the ladder at which p99 < p99LimitMs with 0 errors (steps of `stepSeconds`). */
export async function findMaxRate(
  o: Omit<OpenLoopOptions, "rate" | "seconds"> & { rates?: number[]; stepSeconds?: number; p99LimitMs?: number },
): Promise<{ maxRate: number; steps: OpenLoopResult[] }> {
  const log = o.log ?? ((m: string) => console.log(`[open-loop] ${m}`));
  const rates = o.rates ?? [30, 45, 60, 90, 120, 160, 200, 250, 300, 400];
  const limit = o.p99LimitMs ?? 1000;
  const s = await signAll(o, log);
  const steps: OpenLoopResult[] = [];
  let maxRate = 0;
  try {
    for (const rate of rates) {
      const r = await oneRun({ ...o, rate, seconds: o.stepSeconds ?? 15 }, s);
      steps.push(r);
      const ok = r.p99 < limit && r.errors === 0;
      log(`max-rate ladder ${rate}/s: p99 ${r.p99.toFixed(0)} ms, ${r.errors} errors → ${ok ? "under" : "OVER"} ${limit} ms`);
      if (!ok) {
        // the first rate already over: step down until one holds (a busy machine)
        if (steps.length === 1 && !o.rates)
          for (const lower of [20, 10, 5]) {
            const d = await oneRun({ ...o, rate: lower, seconds: o.stepSeconds ?? 15 }, s);
            steps.push(d);
            const held = d.p99 < limit && d.errors === 0;
            log(`max-rate ladder ${lower}/s: p99 ${d.p99.toFixed(0)} ms, ${d.errors} errors → ${held ? "under" : "OVER"} ${limit} ms`);
            await new Promise((res) => setTimeout(res, 2000));
            if (held) {
              maxRate = lower;
              break;
            }
          }
        break;
      }
      maxRate = rate;
      await new Promise((res) => setTimeout(res, 2000)); // let the queue drain between steps
    }
  } finally {
    s.agent.destroy();
  }
  return { maxRate, steps };
}
