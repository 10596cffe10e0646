/**
 * runSyncLoad — phones coming back into signal after a week offline, each syncing its outbox.
 *
 *   const r = await runSyncLoad({ baseUrl, databaseUrl, syncActionId, phones: 200, visitsPerPhone: 20 });
 *   // → { visitsPerS, lost, duplicated, … }
 *
 * Every phone is one cadre's (a cadre may have two phones when there are fewer cadres than
 * phones); its backlog is `visitsPerPhone` visits of that cadre's households (dated today: the
 * bench's cadres were assigned yesterday, and a visit may not predate the assignment), sent as the outbox sends them: syncVisits with up to 50 visits a request (each visit its
 * own transaction, idempotent by its id). All phones start at once. A request that fails on
 * the way (network, timeout, HTTP ≥ 500, "internal") is sent again whole: the visits it had
 * stored answer as replays. visits/s = visits stored ÷ the wall time from the first request to
 * the last answer. Afterwards the SQL reconciliation (stored = sent, 0 duplicates, 0
 * acknowledged-but-lost) and the integrity checks with the audit chain (checks.ts).
 */
import type http from "node:http";
import crypto from "node:crypto";
import { callAction, HttpError, keepAliveAgent, signIn } from "./client";
import { integrity, reconcile, takeBaseline, type Integrity, type Reconciliation } from "./checks";
import { chinaToday, discoverCadres, DEMO_PASSWORD, type CadreAccount } from "./visit-load";
import { summarize } from "./stats";
import { query } from "./db";
import { SYNC_MAX_VISITS } from "../../lib/validation/sync-limits";

export interface SyncLoadOptions {
  baseUrl: string;
  databaseUrl: string;
  /** the syncVisits action id of the build (client.actionIdFor(distDir, SYNC_ACTION_FILE, "syncVisits")) */
  syncActionId: string;
  phones?: number;
  visitsPerPhone?: number;
  cadres?: CadreAccount[];
  password?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  log?: (m: string) => void;
}

export interface SyncLoadResult {
  ok: boolean;
  phones: number;
  cadres: number;
  visitsPerPhone: number;
  /** visits stored per second of wall time */
  visitsPerS: number;
  /** sent but not stored, or acknowledged but not stored */
  lost: number;
  /** stored more than once */
  duplicated: number;
  requests: number;
  failedRequests: number;
  durationS: number;
  /** per request (one phone's batch of up to 50 visits) */
  p50: number;
  p99: number;
  reconciliation: Reconciliation;
  integrity: Integrity;
}

export const SYNC_ACTION_FILE = "lib/actions/visits/sync-visits.ts";
const INITIAL_STATE = { ok: true };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function runSyncLoad(o: SyncLoadOptions): Promise<SyncLoadResult> {
  const log = o.log ?? ((m: string) => console.log(`[sync-load] ${m}`));
  const phones = o.phones ?? 200;
  const perPhone = o.visitsPerPhone ?? 20;
  const maxAttempts = o.maxAttempts ?? 8;
  const runTag = crypto.randomBytes(4).toString("hex");
  const accounts = (o.cadres ?? (await discoverCadres(o.databaseUrl, phones))).filter((c) => c.householdIds.length);
  if (!accounts.length) throw new Error("no cadre with a current assignment in the database");
  const agent: http.Agent = keepAliveAgent(phones + 8);
  const cookies = new Map<string, string>();
  for (let i = 0; i < accounts.length; i += 4) {
    await Promise.all(
      accounts
        .slice(i, i + 4)
        .map(async (c) => cookies.set(c.username, await signIn(o.baseUrl, c.username, c.password ?? o.password ?? DEMO_PASSWORD, agent))),
    );
  }
  const today = chinaToday();
  const versions = new Map<string, number>();
  for (const r of await query<{ id: string; version: number }>(
    o.databaseUrl,
    `SELECT id, version FROM household WHERE id = ANY($1::text[])`,
    [[...new Set(accounts.flatMap((a) => a.householdIds))]],
  ))
    versions.set(r.id, r.version);
  const baseline = await takeBaseline(o.databaseUrl, [...versions.keys()]);

  // each phone's backlog: a week of visits, oldest first, plain visits (10% with a follow-up)
  const sentIds: string[] = [];
  const followUpsSent = new Map<string, number>();
  const backlogs = Array.from({ length: phones }, (_, p) => {
    const cadre = accounts[p % accounts.length]!;
    return {
      cadre,
      visits: Array.from({ length: perPhone }, (_, k) => {
        const householdId = cadre.householdIds[(k + Math.floor(p / accounts.length)) % cadre.householdIds.length]!;
        const id = crypto.randomUUID();
        sentIds.push(id);
        const v: Record<string, unknown> = {
          clientVisitId: id,
          householdId,
          baseVersion: versions.get(householdId) ?? 1,
          date: today,
          mode: (["home", "phone", "wechat"] as const)[k % 3],
          findings: `bench ${runTag} phone ${p} #${k}: 粮食够吃，衣被齐全，饮水安全。`,
          problems: "",
          actionsTaken: "",
          confirmation: "read_back",
        };
        if (k % 10 === 0) {
          v.followUps = [{ description: "协助办理医保续保", dueDate: addDays(today, 14) }];
          followUpsSent.set(id, 1);
        }
        return v;
      }),
    };
  });
  log(`${phones} phones (${accounts.length} cadres) × ${perPhone} visits, in requests of up to ${SYNC_MAX_VISITS}; run ${runTag}`);

  const acked = new Set<string>();
  const latencies: number[] = [];
  let requests = 0,
    failed = 0;
  const t0 = performance.now();
  await Promise.all(
    backlogs.map(async ({ cadre, visits }) => {
      for (let i = 0; i < visits.length; i += SYNC_MAX_VISITS) {
        const batch = visits.slice(i, i + SYNC_MAX_VISITS);
        for (let attempt = 1; ; attempt++) {
          requests++;
          const t = performance.now();
          try {
            const a = await callAction({
              baseUrl: o.baseUrl,
              pagePath: "/outbox",
              actionId: o.syncActionId,
              cookie: cookies.get(cadre.username)!,
              args: [INITIAL_STATE, { visits: batch }],
              agent,
              timeoutMs: o.requestTimeoutMs ?? 120_000,
            });
            const r = a.result as {
              ok: boolean;
              code?: string;
              data?: { results: { id: string; result: { ok: boolean; code?: string } }[] };
            };
            if (!r.ok) throw new HttpError(`action:${r.code}`, `batch refused: ${r.code}`);
            latencies.push(performance.now() - t);
            const again = batch.filter((v) => {
              const answer = r.data!.results.find((x) => x.id === v.clientVisitId)?.result;
              if (answer && (answer.ok || answer.code === "conflict")) acked.add(String(v.clientVisitId));
              return !answer || answer.code === "internal";
            });
            if (!again.length) break;
            batch.splice(0, batch.length, ...again);
          } catch (e) {
            failed++;
            if (attempt >= maxAttempts) {
              log(`a phone gave up after ${attempt} attempts: ${(e as Error).message.slice(0, 120)}`);
              break;
            }
          }
          await sleep(Math.min(4000, 200 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
        }
      }
    }),
  );
  const durationS = (performance.now() - t0) / 1000;
  agent.destroy();
  const reconciliation = await reconcile(o.databaseUrl, { runTag, sentIds, ackedIds: acked, followUpsSent });
  const integ = await integrity(o.databaseUrl, baseline, sentIds, { chain: true });
  const lat = summarize(latencies);
  const lost = reconciliation.notStored + reconciliation.lostAcknowledged;
  return {
    ok: reconciliation.ok && integ.ok,
    phones,
    cadres: accounts.length,
    visitsPerPhone: perPhone,
    visitsPerS: reconciliation.stored / durationS,
    lost,
    duplicated: reconciliation.duplicates,
    requests,
    failedRequests: failed,
    durationS,
    p50: lat.p50,
    p99: lat.p99,
    reconciliation,
    integrity: integ,
  };
}
