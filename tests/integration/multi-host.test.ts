// A pool on a multi-host connection string finds the host that answers as asked: a host that is
// down is passed over, and a read-write target refuses a server in read-only mode. PostgreSQL
// only (PGlite has no second host); the failover itself: npm run bench:failover, npm test -- ha.
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createFixedPool, poolConfigFromUrl } from "@/lib/db/adapter-fixes";
import { clientFor, withDatabase } from "@/lib/db/multi-host";

const url = process.env.TEST_DATABASE_URL;
const onPostgres = process.env.TEST_DB === "postgres" && !!url;
const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const p of pools) await p.end().catch(() => {});
});

/** The test server's URL with a dead host (a port nobody listens on) put first. */
function withDeadHostFirst(u: string, target: string): string {
  const m = /^(postgres(?:ql)?:\/\/(?:[^@/]*@)?)([^/?]+)([^?]*)(\?.*)?$/.exec(u)!;
  const q = new URLSearchParams((m[4] ?? "").slice(1));
  q.set("target_session_attrs", target);
  return `${m[1]}127.0.0.1:1,${m[2]}${m[3]}?${q}`;
}

describe.skipIf(!onPostgres)("several hosts in DATABASE_URL", () => {
  it("a pool passes over a host that is down and connects to the one that answers as primary", async () => {
    const pool = createFixedPool({ ...poolConfigFromUrl(withDeadHostFirst(url!, "read-write")), max: 2, connectionTimeoutMillis: 3000 });
    pools.push(pool);
    const r = await pool.query<{ recovery: boolean }>("SELECT pg_is_in_recovery() AS recovery");
    expect(r.rows[0]!.recovery).toBe(false);
  });

  it("read-write refuses a server whose sessions are read-only, and says which hosts it tried", async () => {
    // a database of its own whose sessions start read-only (as on a standby or a primary being demoted)
    const dbName = `jz_multihost_${process.pid}`;
    const own = withDatabase(url!, dbName);
    const admin = new pg.Client(poolConfigFromUrl(url!));
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}"`);
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.query(`ALTER DATABASE "${dbName}" SET default_transaction_read_only = on`);
    try {
      const c = clientFor(withDeadHostFirst(own, "read-write"), { connectionTimeoutMillis: 3000 });
      await expect(c.connect()).rejects.toThrow(/no database host answered as read-write: 127\.0\.0\.1:1: .*is a standby/);
      const any = clientFor(withDeadHostFirst(own, "prefer-standby"), { connectionTimeoutMillis: 3000 });
      await any.connect(); // a standby is what prefer-standby wants
      await any.end();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
