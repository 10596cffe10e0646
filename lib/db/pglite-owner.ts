// Exactly one process may open a PGlite data folder: two lose writes silently (decision 0001).
// The owner takes an exclusive lock file beside the folder, opens PGlite, and (for the app)
// serves it over the PostgreSQL wire protocol so that every other process — next dev/start,
// its build workers, the Prisma CLI, scripts, psql — connects instead of opening the folder.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { serializePgliteExchanges } from "./adapter-fixes";

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `PGlite 数据目录 ${dataDir} 正被进程 ${pid} 使用；同一目录只能由一个进程打开。` +
        ` (The PGlite data folder is in use by process ${pid}; only one process may open it. ` +
        `Stop that process, or set DATABASE_URL to connect to the server it runs.)`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** Take the folder's lock, or throw DataDirBusyError naming the live owner. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return { file, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(fs.readFileSync(file, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && (pid === process.pid || isAlive(pid))) {
        throw new DataDirBusyError(dataDir, pid);
      }
      fs.rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

/** Open (creating if needed) the data folder. The caller must hold its lock. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  fs.mkdirSync(dataDir, { recursive: true });
  // P5: on an existing folder PGlite re-arms a start-up progress timer forever unless off
  const options = { dataDir, postgresqlconf: ["log_startup_progress_interval = 0"] };
  const db = await PGlite.create(options as ConstructorParameters<typeof PGlite>[0]);
  await db.waitReady;
  return db;
}

export interface PgliteServer {
  db: PGlite;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Lock, open and serve a data folder on 127.0.0.1. `port` 0 picks a free port. */
export async function servePglite(dataDir: string, port = 0, maxConnections = 32): Promise<PgliteServer> {
  const lock = lockDataDir(dataDir);
  let db: PGlite | undefined;
  try {
    db = await openPglite(dataDir);
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections });
    serializePgliteExchanges(server as unknown as { queryQueue?: unknown }); // P6
    await server.start();
    const actualPort = Number(server.getServerConn().split(":").pop());
    let stopped = false;
    const opened = db;
    return {
      db: opened,
      port: actualPort,
      url: `postgresql://postgres:postgres@127.0.0.1:${actualPort}/postgres?pglite=1`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        if (!opened.closed) await opened.close(); // a clean checkpoint: never kill the owner with -9
        lock.release();
      },
    };
  } catch (e) {
    if (db && !db.closed) await db.close();
    lock.release();
    throw e;
  }
}
