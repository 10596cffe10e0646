// A pg_auto_failover formation on local ports, in a folder of its own: a monitor, a primary and
// a secondary with synchronous replication (pg_auto_failover's default with one standby:
// synchronous_standby_names = 'ANY 1 (…)', so a commit is acknowledged only once the standby has
// it). Processes stand in for machines. PostgreSQL refuses to run as root: when this process is
// root, every pg_autoctl runs as the `postgres` user (runuser). Debian's package
// postgresql-15-auto-failover provides pg_autoctl; `ensureAutoFailover` installs it if missing.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const PG_BIN = "/usr/lib/postgresql/15/bin";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Node {
  name: string;
  port: number;
  pgdata: string;
  keeper: ChildProcess;
}

export interface Formation {
  dir: string;
  monitorPort: number;
  nodes: Node[];
  /** the app's connection string: every node, read-write target */
  url(database: string, target?: "read-write" | "prefer-standby"): string;
  /** node name → state as the monitor reports it */
  states(): Promise<Record<string, { reported: string; assigned: string }>>;
  /** the node whose postgres answers read-write, or null */
  primary(): Promise<Node | null>;
  /** SIGKILL a node's keeper and its postgres (the machine dies); returns when both are gone */
  killNode(node: Node): Promise<void>;
  stop(): Promise<void>;
}

export function ensureAutoFailover(log: (m: string) => void): void {
  const missing = [
    ["/usr/bin/pg_autoctl", "postgresql-15-auto-failover"],
    ["/usr/sbin/haproxy", "haproxy"],
  ]
    .filter(([bin]) => !fs.existsSync(bin!))
    .map(([, pkg]) => pkg!);
  if (!missing.length) return;
  log(`installing Debian's ${missing.join(" and ")}`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

/**
 * pg_autoctl keeps each node's configuration and state under XDG_CONFIG_HOME / XDG_DATA_HOME
 * (by default in the user's home, keyed by the data folder's path): kept inside the formation's
 * folder, a new formation in the same place starts clean instead of "continuing" an old one.
 */
function autoctl(dir: string, args: string[], logFile: string): ChildProcess {
  const fd = fs.openSync(logFile, "a");
  const vars = [
    `PATH=${PG_BIN}:${process.env.PATH}`,
    `XDG_CONFIG_HOME=${path.join(dir, "xdg-config")}`,
    `XDG_DATA_HOME=${path.join(dir, "xdg-data")}`,
  ];
  const env = { ...process.env, ...Object.fromEntries(vars.map((v) => v.split(/=(.*)/s).slice(0, 2))) };
  const cmd = asRoot ? "runuser" : "pg_autoctl";
  const argv = asRoot ? ["-u", "postgres", "--", "env", ...vars, "pg_autoctl", ...args] : args;
  const child = spawn(cmd, argv, { env, stdio: ["ignore", fd, fd], detached: true });
  fs.closeSync(fd);
  return child;
}

async function sql<R extends pg.QueryResultRow>(port: number, text: string, database = "postgres"): Promise<R[]> {
  const c = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database, connectionTimeoutMillis: 2000 });
  c.on("error", () => {});
  try {
    await c.connect();
    return (await c.query<R>(text)).rows;
  } finally {
    await c.end().catch(() => {});
  }
}

async function until<T>(what: string, seconds: number, probe: () => Promise<T | null | undefined | false>, every = 500): Promise<T> {
  const end = Date.now() + seconds * 1000;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${seconds} s waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`);
    await sleep(every);
  }
}

/**
 * Creates and runs the formation. `demoteTimeoutS`: how long the monitor waits for an
 * unreachable primary to demote itself before the standby is allowed to accept writes
 * (pgautofailover.primary_demote_timeout, 30 s by default; decision 0043).
 */
export async function startFormation(opts: {
  dir: string;
  basePort: number;
  log: (m: string) => void;
  demoteTimeoutS?: number;
}): Promise<Formation> {
  const { dir, basePort, log } = opts;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const monitorPort = basePort;
  const common = ["--auth", "trust", "--no-ssl", "--hostname", "127.0.0.1"];
  const monitor = autoctl(
    dir,
    ["create", "monitor", "--pgdata", path.join(dir, "monitor"), "--pgport", String(monitorPort), ...common, "--run"],
    path.join(dir, "monitor.log"),
  );
  const keepers: ChildProcess[] = [monitor];
  const nodes: Node[] = [];
  const stop = async () => {
    for (const k of keepers) {
      try {
        process.kill(-k.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    // postgres children of a killed keeper: stop them by their data folders
    for (const sub of ["monitor", "node1", "node2"]) {
      const pid = postmasterPid(path.join(dir, sub));
      if (pid) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          /* gone */
        }
      }
    }
  };
  try {
    await until("the monitor", 60, async () => (await sql(monitorPort, "SELECT 1", "pg_auto_failover")).length === 1);
    // how fast the monitor notices a lost node: a health check every second (1 s timeout, one
    // retry), unhealthy once its keeper has not reported for 5 s (defaults: 5 s, 5 s, 2 retries, 20 s)
    const settings: Record<string, string> = {
      "pgautofailover.health_check_period": "1000",
      "pgautofailover.health_check_timeout": "1000",
      "pgautofailover.health_check_max_retries": "1",
      "pgautofailover.health_check_retry_delay": "500",
      "pgautofailover.node_considered_unhealthy_timeout": "5000",
    };
    if (opts.demoteTimeoutS !== undefined) settings["pgautofailover.primary_demote_timeout"] = `${opts.demoteTimeoutS * 1000}`;
    for (const [k, v] of Object.entries(settings)) await sql(monitorPort, `ALTER SYSTEM SET ${k} = '${v}'`);
    await sql(monitorPort, "SELECT pg_reload_conf()");
    const monitorUrl = `postgres://autoctl_node@127.0.0.1:${monitorPort}/pg_auto_failover?sslmode=disable`;
    const addNode = (name: string, port: number) => {
      const pgdata = path.join(dir, name);
      const keeper = autoctl(
        dir,
        [
          "create",
          "postgres",
          "--pgdata",
          pgdata,
          "--pgport",
          String(port),
          "--name",
          name,
          "--monitor",
          monitorUrl,
          "--dbname",
          "jingzhun",
          ...common,
          "--run",
        ],
        path.join(dir, `${name}.log`),
      );
      keepers.push(keeper);
      const node = { name, port, pgdata, keeper };
      nodes.push(node);
      return node;
    };
    const n1 = addNode("node1", basePort + 1);
    await until(
      "node1 to accept writes",
      120,
      async () => (await sql<{ r: boolean }>(n1.port, "SELECT pg_is_in_recovery() AS r"))[0]?.r === false,
    );
    addNode("node2", basePort + 2);
    // pg_basebackup waits for a checkpoint on the primary: ask for one instead of waiting minutes
    await until(
      "node2 to become a synchronous secondary",
      180,
      async () => {
        await sql(n1.port, "CHECKPOINT").catch(() => {});
        const s = await states(monitorPort);
        return s.node1?.reported === "primary" && s.node2?.reported === "secondary";
      },
      2000,
    );
    const [sync] = await sql<{ s: string }>(n1.port, "SELECT current_setting('synchronous_standby_names') AS s");
    log(
      `formation up: monitor :${monitorPort}, node1 :${n1.port} primary, node2 :${basePort + 2} secondary (synchronous_standby_names ${sync?.s})`,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    dir,
    monitorPort,
    nodes,
    url: (database, target = "read-write") =>
      `postgresql://postgres@${nodes.map((n) => `127.0.0.1:${n.port}`).join(",")}/${database}?target_session_attrs=${target}`,
    states: () => states(monitorPort),
    async primary() {
      for (const n of nodes) {
        const r = await sql<{ r: boolean; ro: string }>(
          n.port,
          "SELECT pg_is_in_recovery() AS r, current_setting('transaction_read_only') AS ro",
        ).catch(() => []);
        if (r[0] && !r[0].r && r[0].ro === "off") return n;
      }
      return null;
    },
    async killNode(node) {
      const pm = postmasterPid(node.pgdata);
      try {
        process.kill(-node.keeper.pid!, "SIGKILL"); // the keeper and everything it started
      } catch {
        /* gone */
      }
      if (pm) {
        try {
          process.kill(pm, "SIGKILL");
        } catch {
          /* gone */
        }
      }
      await until(
        `${node.name} to stop answering`,
        20,
        async () =>
          (await sql(node.port, "SELECT 1").then(
            () => false,
            () => true,
          )) || null,
        200,
      );
    },
    stop,
  };
}

function postmasterPid(pgdata: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(pgdata, "postmaster.pid"), "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}

async function states(monitorPort: number): Promise<Record<string, { reported: string; assigned: string }>> {
  const rows = await sql<{ nodename: string; reportedstate: string; goalstate: string }>(
    monitorPort,
    "SELECT nodename, reportedstate::text, goalstate::text FROM pgautofailover.node",
    "pg_auto_failover",
  );
  return Object.fromEntries(rows.map((r) => [r.nodename, { reported: r.reportedstate, assigned: r.goalstate }]));
}
