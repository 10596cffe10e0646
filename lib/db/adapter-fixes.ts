// Workarounds for defects of Prisma 6.19's two PostgreSQL driver adapters.
// Each fix names the defect (P1–P6 in docs/decisions/0002-prisma-adapter-fixes.md).
// Delete a fix when its upstream bug is fixed; the tests in
// tests/integration/adapter-fixes.test.ts say which ones still matter.
import { multiHostClient, splitHosts } from "./multi-host";
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PGlite } from "@electric-sql/pglite";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";

const OID_CHAR = 18; // "char": pg_catalog flags such as relkind, contype
const OID_NAME = 19; // name: identifiers in pg_catalog
const OID_TEXT = 25;
/** ≥ FIRST_NORMAL_OBJECT_ID (16384), so adapter-pg types it as text instead of throwing */
const OID_CHAR_STANDIN = 2_000_000_018;

// ─── P1: adapter-pg cannot read `name` and `"char"` columns ─────────────────────────
// prisma/prisma#26786-style failure: "Column type 'name' could not be deserialized".
// The schema engine's introspection reads both. We rewrite the field oids that pg reports
// (name → text; "char" → a stand-in oid) and, after the adapter typed the columns, turn
// the stand-in columns into Character. An AsyncLocalStorage carries the original oids
// from the pg result to the adapter's answer, so concurrent queries cannot mix them up.
const charColumns = new AsyncLocalStorage<{ indexes: number[] }>();

function rewriteFields(result: pg.QueryResult): pg.QueryResult {
  const store = charColumns.getStore();
  result.fields?.forEach((field, i) => {
    if (field.dataTypeID === OID_NAME) field.dataTypeID = OID_TEXT;
    else if (field.dataTypeID === OID_CHAR) {
      field.dataTypeID = OID_CHAR_STANDIN;
      store?.indexes.push(i);
    }
  });
  return result;
}

const PATCHED = Symbol("jingzhun.patchedQuery");
type Queryish = { query: (...args: unknown[]) => unknown; [PATCHED]?: true };

function patchQuery<T extends Queryish>(target: T): T {
  if (target[PATCHED]) return target;
  const original = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const out = original(...args);
    // adapter-pg only uses the promise form; callback forms pass through untouched
    if (typeof args[args.length - 1] === "function") return out;
    return (out as Promise<pg.QueryResult>).then(rewriteFields);
  };
  target[PATCHED] = true;
  return target;
}

/** A pg.Pool whose clients report `name` as text and `"char"` as a stand-in oid. */
export function createFixedPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  // An idle pooled connection that the server ends (a restart, DROP DATABASE … WITH (FORCE),
  // an administrator's pg_terminate_backend) is emitted on the pool; without a listener Node
  // treats it as an uncaught exception. pg has already dropped that client: say so and go on.
  pool.on("error", (e: Error & { code?: string }) => {
    console.warn(`[db] an idle connection was closed by the server${e.code ? ` (${e.code})` : ""}: ${e.message}`);
  });
  patchQuery(pool as unknown as Queryish);
  const connect = pool.connect.bind(pool) as (cb?: unknown) => unknown;
  (pool as unknown as { connect: (cb?: unknown) => unknown }).connect = (cb?: unknown) => {
    if (typeof cb === "function") return connect(cb); // used by pool.query internally
    return (connect() as Promise<pg.PoolClient>).then((client) => patchQuery(client as unknown as Queryish) as unknown as pg.PoolClient);
  };
  return pool;
}

function withCharColumns<Q extends { queryRaw(q: SqlQuery): Promise<SqlResultSet> }>(q: Q): Q {
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query: SqlQuery) => {
    const store = { indexes: [] as number[] };
    const result = await charColumns.run(store, () => queryRaw(query));
    for (const i of store.indexes) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return q;
}

function fixPgAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  withCharColumns(adapter);
  // P1b: adapter-pg's executeScript splits a migration on every ";", which breaks
  // dollar-quoted function bodies (triggers in our migrations). Send the script whole:
  // a parameterless query uses PostgreSQL's simple protocol, which runs several commands.
  const pool = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (e) {
      throw toDriverError(e);
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => releaseBrokenConnection(withCharColumns(await startTransaction(isolationLevel)));
  return adapter;
}

/**
 * P7: adapter-pg gives a transaction's connection back to the pool only in commit() and
 * rollback(), and the engine calls neither when its ROLLBACK fails on a connection that died
 * (a server killed or failed over): each such transaction kept a pool slot forever, and once the
 * pool was full every request waited out the connection timeout. A query of the transaction
 * that fails on a broken connection now releases it at once, as broken (the pool drops it);
 * commit and rollback release at most once.
 */
function releaseBrokenConnection<T extends object>(tx: T): T {
  const t = tx as unknown as {
    client: pg.PoolClient & { _ended?: boolean; _queryable?: boolean };
    cleanup?: () => void;
    commit(): Promise<void>;
    rollback(): Promise<void>;
    queryRaw(q: SqlQuery): Promise<SqlResultSet>;
    executeRaw(q: SqlQuery): Promise<number>;
  };
  const conn = t.client;
  if (!conn || typeof conn.release !== "function") return tx;
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    t.cleanup?.();
    conn.release(err);
  };
  const broken = () => conn._ended === true || conn._queryable === false;
  for (const name of ["queryRaw", "executeRaw"] as const) {
    const run = t[name].bind(tx) as (q: SqlQuery) => Promise<never>;
    (t as unknown as Record<string, (q: SqlQuery) => Promise<unknown>>)[name] = async (q: SqlQuery) => {
      try {
        return await run(q);
      } catch (e) {
        if (broken()) release(e instanceof Error ? e : new Error(String(e)));
        throw e;
      }
    };
  }
  t.commit = async () => release();
  t.rollback = async () => release(broken() ? new Error("connection broken") : undefined);
  return tx;
}

/** Discrete connection settings (P2: a connectionString hides the shadow database). */
export function poolConfigFromUrl(url: string): pg.PoolConfig {
  // several hosts (a failover formation) or a session target: a pool's connections find the
  // host that answers as wanted (lib/db/multi-host.ts, decision 0043)
  const list = splitHosts(url);
  if (list.hosts.length > 1 || list.target !== "any") {
    return { ...poolConfigFromUrl(list.url), Client: multiHostClient(list.hosts, list.target, (m) => console.warn(m)) };
  }
  const u = new URL(url);
  const config: pg.PoolConfig = {
    host: decodeURIComponent(u.hostname) || undefined,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
  };
  const host = u.searchParams.get("host"); // unix-socket form: postgresql:///db?host=/run/postgresql
  if (host) config.host = host;
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode && sslmode !== "disable") config.ssl = { rejectUnauthorized: sslmode === "verify-full" };
  return config;
}

export interface FixedPgOptions {
  max?: number;
  /** P5: let a CLI process exit instead of idling 10 s on open connections */
  allowExitOnIdle?: boolean;
  /** for the Prisma CLI against a pglite-socket server, whose every database name is one database */
  shadow?: "create-database" | "in-memory-pglite";
  connectionTimeoutMillis?: number;
}

/** adapter-pg, with the P1, P2 and P5 fixes. */
export function fixedPgAdapterFactory(url: string, options: FixedPgOptions = {}): SqlMigrationAwareDriverAdapterFactory {
  const config: pg.PoolConfig = {
    ...poolConfigFromUrl(url),
    max: options.max ?? 10,
    allowExitOnIdle: options.allowExitOnIdle ?? false,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
  };
  const makeFactory = (cfg: pg.PoolConfig) => new PrismaPg(createFixedPool(cfg), { disposeExternalPool: true });
  const base = makeFactory(config);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => remember(factory, fixPgAdapter(await base.connect())),
    // P2: adapter-pg's own shadow handling reuses the main database and drops the shadow
    // before closing its pool. Create it, use it on its own pool, close, then force-drop.
    connectToShadowDb: async () => {
      if (options.shadow === "in-memory-pglite") {
        return fixedPgliteAdapterFactory(new PGlite(), { closeOnDispose: true }).connect();
      }
      const admin = new pg.Client(config);
      await admin.connect();
      const name = `prisma_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const shadow = makeFactory({ ...config, database: name, max: 2 });
      const adapter = fixPgAdapter(await shadow.connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(config);
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      };
      return adapter;
    },
  };
  return factory;
}

// ─── The connected adapter of a factory (lib/db/raw.ts) ─────────────────────────────────
// A statement sent through the adapter itself skips Prisma's query compiler, which runs on the
// event loop for every query, raw ones too (decision 0055). The client connects its factory
// lazily; the adapter it got is remembered here, by factory.
const connectedAdapters = new WeakMap<object, SqlDriverAdapter>();

function remember(factory: object, adapter: SqlDriverAdapter): SqlDriverAdapter {
  connectedAdapters.set(factory, adapter);
  return adapter;
}

/** The adapter a fixed factory last connected (null: not connected yet, or not one of ours). */
export function connectedAdapter(factory: unknown): SqlDriverAdapter | null {
  if (!factory || typeof factory !== "object") return null;
  return connectedAdapters.get(factory) ?? null;
}

// ─── P3: pglite-prisma-adapter 0.6.1 ──────────────────────────────────────────────────
// (a) executeScript is not awaited and parameterless statements with several commands fail
//     in a prepared statement ("cannot insert multiple commands into a prepared statement"):
//     route them through PGlite.exec();
// (b) dispose() does nothing: close the PGlite when we own it;
// (c) errors surface as kind "postgres" instead of Prisma's codes (23505 → P2002, ...).

/** The driver error kinds that Prisma maps to its P20xx codes, from a PostgreSQL error. */
export function mapPostgresError(error: { code?: string; detail?: string; column?: string; message: string }) {
  const fields = error.detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(", ");
  switch (error.code) {
    case "23505":
      return { kind: "UniqueConstraintViolation" as const, constraint: fields ? { fields } : undefined };
    case "23502":
      return { kind: "NullConstraintViolation" as const, constraint: fields ? { fields } : undefined };
    case "23503":
      return {
        kind: "ForeignKeyConstraintViolation" as const,
        constraint: error.column ? { fields: [error.column] } : undefined,
      };
    case "22001":
      return { kind: "LengthMismatch" as const, column: error.column };
    case "22003":
      return { kind: "ValueOutOfRange" as const, cause: error.message };
    case "40001":
      return { kind: "TransactionWriteConflict" as const };
    default:
      return undefined;
  }
}

function remapErrors<T extends object>(target: T, names: (keyof T)[]): T {
  for (const name of names) {
    const fn = target[name];
    if (typeof fn !== "function") continue;
    const bound = (fn as (...a: unknown[]) => Promise<unknown>).bind(target);
    (target as Record<keyof T, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await bound(...args);
      } catch (e) {
        if (e instanceof DriverAdapterError && e.cause.kind === "postgres") {
          const mapped = mapPostgresError({
            code: e.cause.code,
            detail: e.cause.detail,
            column: e.cause.column,
            message: e.cause.message,
          });
          if (mapped) {
            throw new DriverAdapterError({
              ...mapped,
              originalCode: e.cause.code,
              originalMessage: e.cause.message,
            } as ConstructorParameters<typeof DriverAdapterError>[0]);
          }
        }
        throw e;
      }
    };
  }
  return target;
}

export function fixedPgliteAdapterFactory(db: PGlite, options: { closeOnDispose?: boolean } = {}): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPGlite(db);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => remember(factory, fixPgliteAdapter(await base.connect(), db, options.closeOnDispose ?? false)),
    // migrate dev replays every migration into the shadow: a fresh in-memory PGlite
    connectToShadowDb: async () => {
      const shadow = new PGlite();
      return fixPgliteAdapter(await new PrismaPGlite(shadow).connect(), shadow, true);
    },
  };
  return factory;
}

function fixPgliteAdapter(adapter: SqlDriverAdapter, db: PGlite, owned: boolean): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  // (a) parameterless statements may hold several commands: PGlite.exec, not a prepared statement
  adapter.executeRaw = async (query: SqlQuery) => {
    if (query.args.length > 0) return executeRaw(query);
    const results = await db.exec(query.sql).catch((e: unknown) => {
      throw toDriverError(e);
    });
    return results.reduce((n, r) => n + (r.affectedRows ?? 0), 0);
  };
  // (a) and awaited
  adapter.executeScript = async (script: string) => {
    await db.exec(script).catch((e: unknown) => {
      throw toDriverError(e);
    });
  };
  // (b)
  adapter.dispose = async () => {
    if (owned && !db.closed) await db.close();
  };
  // (c)
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (level) =>
    remapErrors(await startTransaction(level), ["queryRaw", "executeRaw", "commit", "rollback"] as (keyof Transaction)[]);
  return remapErrors(adapter, ["queryRaw", "executeRaw", "executeScript"]);
}

function toDriverError(e: unknown): unknown {
  const err = e as { code?: string; message?: string; severity?: string; detail?: string; column?: string; hint?: string };
  if (err && typeof err === "object" && typeof err.code === "string") {
    return new DriverAdapterError({
      kind: "postgres",
      code: err.code,
      severity: err.severity ?? "ERROR",
      message: err.message ?? "",
      detail: err.detail,
      column: err.column,
      hint: err.hint,
    });
  }
  return e;
}

// ─── P5: Prisma CLI commands hang after their work is done ───────────────────────────
// The wasm schema engine leaves 10 s and 60 s timers behind, and pg idles 10 s on open
// connections (allowExitOnIdle above). In the CLI process only, timers of 5 s or more are
// unref'd, so they no longer keep a finished command alive (migrate: ~2 s instead of ~65 s).
export function unrefLongTimers(thresholdMs = 5_000): void {
  const g = globalThis as typeof globalThis & { __jzTimersUnref?: true };
  if (g.__jzTimersUnref) return;
  g.__jzTimersUnref = true;
  const original = g.setTimeout;
  const patched = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    const timer = original(handler as () => void, timeout, ...args);
    if ((timeout ?? 0) >= thresholdMs) (timer as unknown as NodeJS.Timeout).unref?.();
    return timer;
  }) as typeof setTimeout;
  g.setTimeout = Object.assign(patched, original);
}

// ─── P6: pglite-socket interleaves the extended-protocol messages of different connections ───
// PGLiteSocketServer (0.2.17) queues each protocol message on its own and, outside a
// transaction, takes the next message from whichever connection sent one. node-postgres sends a
// query as Parse/Bind/Describe/Execute/Sync; when two connections' queries interleave, one's
// Bind meets the other's unnamed statement ("bind message supplies 7 parameters, but prepared
// statement \"\" requires 6"), or runs it with the wrong parameters and returns rows of another
// shape (Prisma: "Missing data field"). Seen in e2e under concurrent page renders.
// Fix: a connection that has begun an extended-protocol exchange keeps PGlite until its Sync,
// exactly as the server already does for a connection inside a transaction.

/** The parts of pglite-socket's (unexported) query queue this fix drives. */
interface QueueEntry {
  handlerId: number;
  message: Uint8Array;
  resolve(n: number): void;
  reject(e: unknown): void;
  onData(d: Uint8Array): void;
}
interface QueryQueue {
  queue: QueueEntry[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(m: Uint8Array, o: { onRawData(d: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Message types after which the sender's exchange is still open (Parse, Bind, Describe, Execute, Close, Flush, CopyData). */
const OPENS_EXCHANGE = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48, 0x64]);

export function serializePgliteExchanges(server: { queryQueue?: unknown }): void {
  const q = server.queryQueue as QueryQueue | undefined;
  if (!q || typeof q.processQueue !== "function" || !Array.isArray(q.queue)) {
    throw new Error("pglite-socket internals changed: re-check P6 (docs/decisions/0002-prisma-adapter-fixes.md)");
  }
  let owner: number | null = null; // the connection in the middle of an exchange

  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let entry: QueueEntry | undefined;
        if (sticky !== null) {
          const at = this.queue.findIndex((e) => e.handlerId === sticky);
          if (at === -1) break; // wait for that connection's next message
          entry = this.queue.splice(at, 1)[0];
        } else entry = this.queue.shift();
        if (!entry) break;
        let bytes = 0;
        const current = entry;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (d) => {
                bytes += d.length;
                current.onData(d);
              },
            }),
          );
        } catch (e) {
          owner = null;
          current.reject(e);
          continue;
        }
        owner = OPENS_EXCHANGE.has(current.message[0] ?? 0) ? current.handlerId : null;
        this.lastHandlerId = current.handlerId;
        current.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // a connection that goes away mid-exchange must not hold everyone else's queries forever
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (owner === handlerId) {
      owner = null;
      void q.processQueue();
    }
  };
}
