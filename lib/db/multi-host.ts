// Several database hosts in one connection string, as libpq takes them and as pg_auto_failover
// hands them out (`pg_autoctl show uri --formation default`):
//
//   postgresql://user@db1:5432,db2:5432/jingzhun?target_session_attrs=read-write
//
// node-postgres (`pg`) reads only one host, so this module does what libpq does (decision 0043):
// each new connection goes to the host that last answered as wanted, and when that fails (the
// host is down, or it is a standby now) the hosts are tried in order until one answers as the
// target asks: `read-write` (the primary: writes and the reads inside them), `prefer-standby`
// (reads that may lag: a standby if one answers, else the primary) or `any`. A connection is
// checked once, when it is made: a pooled connection to a server that goes away fails its
// query and is dropped by the pool, and the next one finds the new primary. Nothing restarts.
import pg from "pg";

export type TargetSessionAttrs = "any" | "read-write" | "prefer-standby";

export interface HostPort {
  host: string;
  port: number;
}

export interface HostList {
  /** the same URL with only the first host, for everything that reads one (user, database, options) */
  url: string;
  hosts: HostPort[];
  target: TargetSessionAttrs;
}

const TARGETS: readonly string[] = ["any", "read-write", "prefer-standby"];

/**
 * Splits a connection string's host list. A URL with one host and no target_session_attrs
 * comes back with one host and target "any", and the URL unchanged.
 */
export function splitHosts(url: string): HostList {
  const m = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/.exec(url);
  if (!m) return { url, hosts: [], target: "any" };
  const [, scheme, auth = "", hostPart, rest] = m as unknown as [string, string, string | undefined, string, string];
  const hosts = hostPart
    .split(",")
    .filter(Boolean)
    .map((h): HostPort => {
      const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(h);
      if (v6) return { host: v6[1]!, port: v6[2] ? Number(v6[2]) : 5432 };
      const i = h.lastIndexOf(":");
      return i > 0 ? { host: h.slice(0, i), port: Number(h.slice(i + 1)) } : { host: h, port: 5432 };
    });
  const q = rest.indexOf("?");
  const params = new URLSearchParams(q >= 0 ? rest.slice(q + 1) : "");
  const raw = params.get("target_session_attrs") ?? "any";
  if (!TARGETS.includes(raw)) {
    throw new Error(`target_session_attrs=${raw} is not supported (one of ${TARGETS.join(", ")})`);
  }
  params.delete("target_session_attrs");
  const query = params.toString();
  const path = q >= 0 ? rest.slice(0, q) : rest;
  const first = hosts[0];
  const firstHost = first ? (first.host.includes(":") ? `[${first.host}]:${first.port}` : `${first.host}:${first.port}`) : hostPart;
  return {
    url: hosts.length > 1 || raw !== "any" ? `${scheme}${auth}${firstHost}${path}${query ? `?${query}` : ""}` : url,
    hosts,
    target: raw as TargetSessionAttrs,
  };
}

/** Whether a connection string needs this module (several hosts, or a session target). */
export function isMultiHost(url: string): boolean {
  const l = splitHosts(url);
  return l.hosts.length > 1 || l.target !== "any";
}

type Role = "primary" | "standby";

/** What a connected server is: a standby (in recovery) or read-only session counts as standby. */
async function roleOf(client: pg.Client): Promise<Role> {
  const r = await client.query<{ recovery: boolean; ro: string }>(
    "SELECT pg_is_in_recovery() AS recovery, current_setting('transaction_read_only') AS ro",
  );
  const row = r.rows[0]!;
  return row.recovery || row.ro === "on" ? "standby" : "primary";
}

const accepts = (target: TargetSessionAttrs, role: Role, pass: 1 | 2) =>
  target === "any" || (target === "read-write" ? role === "primary" : pass === 2 || role === "standby");

/**
 * A `pg.Client` class for a pool (`new pg.Pool({ ...config, Client })`) that connects to the
 * first of `hosts` answering as `target` asks, starting with the one that answered last time.
 */
export function multiHostClient(hosts: HostPort[], target: TargetSessionAttrs, log: (m: string) => void = () => {}) {
  if (hosts.length === 0) throw new Error("no database host in the connection string");
  // shared by every connection of the pool: the host that last answered as wanted
  let preferred = 0;

  return class MultiHostClient extends pg.Client {
    connect(): Promise<pg.Client>;
    connect(callback: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): void;
    connect(callback?: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): Promise<pg.Client> | void {
      const done = this.connectToTarget().then(() => this as pg.Client);
      if (callback) {
        const cb = callback as (err: Error | null, c?: pg.Client) => void;
        done.then(
          (c) => cb(null, c),
          (e: Error) => cb(e),
        );
        return;
      }
      return done;
    }

    private async connectToTarget(): Promise<void> {
      const options = (this as unknown as { connectionParameters: pg.ClientConfig }).connectionParameters;
      const errors: string[] = [];
      // the whole attempt keeps to the connection timeout (a pool's), each probe to at most 2 s of it
      const deadline = Date.now() + (options.connectionTimeoutMillis || 10_000);
      // pass 1: a host answering exactly as wanted; pass 2 (prefer-standby only): the primary will do
      for (const pass of target === "prefer-standby" ? ([1, 2] as const) : ([1] as const)) {
        for (let k = 0; k < hosts.length; k++) {
          const i = (preferred + k) % hosts.length;
          const { host, port } = hosts[i]!;
          const left = deadline - Date.now();
          if (left <= 0) {
            errors.push("out of time");
            break;
          }
          // (the password is not enumerable on pg's parameters: copied by name)
          const probe = new pg.Client({
            user: options.user,
            password: options.password,
            database: options.database,
            ssl: options.ssl,
            host,
            port,
            connectionTimeoutMillis: Math.min(2000, left),
          });
          probe.on("error", () => {});
          try {
            await probe.connect();
            const role = await roleOf(probe);
            if (!accepts(target, role, pass)) {
              errors.push(`${host}:${port} is a ${role}`);
              continue;
            }
          } catch (e) {
            errors.push(`${host}:${port}: ${(e as Error).message}`);
            continue;
          } finally {
            await probe.end().catch(() => {});
          }
          // a pool that gave up on this connection meanwhile has destroyed its socket: say so
          // (the pool's callback must run, or the pool would count this connection forever)
          const stream = (this as unknown as { connection?: { stream?: { destroyed?: boolean } } }).connection?.stream;
          if (stream?.destroyed) throw new Error("the connection attempt was ended (timeout) before the host was chosen");
          if (i !== preferred) log(`[db] ${target}: now ${host}:${port}`);
          preferred = i;
          const self = this as unknown as { host: string; port: number; connectionParameters: { host: string; port: number } };
          self.host = self.connectionParameters.host = host;
          self.port = self.connectionParameters.port = port;
          await new Promise<void>((resolve, reject) =>
            pg.Client.prototype.connect.call(this, (err: Error | null) => (err ? reject(err) : resolve())),
          );
          return;
        }
      }
      throw Object.assign(new Error(`no database host answered as ${target}: ${errors.join("; ")}`), { code: "ECONNREFUSED" });
    }
  };
}

/** The same connection string (every host, every parameter) naming another database. */
export function withDatabase(url: string, database: string): string {
  const m = /^(postgres(?:ql)?:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/.exec(url);
  if (!m) throw new Error("not a postgresql:// connection string");
  return `${m[1]}/${encodeURIComponent(database)}${m[3] ?? ""}`;
}

/** A client for one connection (not pooled) that honours the host list and its target. */
export function clientFor(url: string, config: Omit<pg.ClientConfig, "connectionString"> = {}): pg.Client {
  const list = splitHosts(url);
  const base: pg.ClientConfig = { connectionString: list.url, ...config };
  if (list.hosts.length <= 1 && list.target === "any") return new pg.Client(base);
  const C = multiHostClient(list.hosts, list.target);
  return new C(base);
}
