// The one place that decides which database the process talks to.
//
//  - DATABASE_URL set           → that PostgreSQL server (or a PGlite served over the wire
//                                  by scripts/run.ts, which sets DATABASE_URL for its children).
//  - DATABASE_URL not set       → the embedded PGlite data folder (JINGZHUN_DATA_DIR, default
//                                  ./data/pglite), owned by exactly one process at a time.
import path from "node:path";

export type DatabaseChoice = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function databaseChoice(env: NodeJS.ProcessEnv = process.env): DatabaseChoice {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL 必须以 postgresql:// 开头 (DATABASE_URL must start with postgresql://), got "${redactUrl(url)}"`);
    }
    return { kind: "postgres", url };
  }
  return { kind: "pglite", dataDir: pgliteDataDir(env) };
}

export function pgliteDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.JINGZHUN_DATA_DIR?.trim() || "data", "pglite");
}

/** Hide the password of a connection string before it reaches a log or a message. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
