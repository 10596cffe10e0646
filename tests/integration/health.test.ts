// GET /api/health for a load balancer (issue #23, point 6): 200 when the database answers, every
// migration is applied, the upload folder is writable and the audit chain's head was verified
// recently; 503 with the failing check named otherwise — the database down above all. No
// personal data in the answer.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { fixedPgAdapterFactory } from "@/lib/db/adapter-fixes";
import { setDb } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { GET } from "@/app/api/health/route";
import { migrationsDir } from "@/lib/ops/health";
import { AUDIT_JOB } from "@/lib/jobs/audit-head";
import { createTestDb, type TestDb } from "./helpers";
import { createHousehold, seedRegions } from "../factories";

let t: TestDb;
let uploads: string;

async function get() {
  const res = await GET();
  return {
    status: res.status,
    body: (await res.json()) as { status: string; checks: Record<string, Record<string, unknown>> },
    cache: res.headers.get("cache-control"),
  };
}

beforeAll(async () => {
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), "jz-health-"));
  process.env.UPLOAD_DIR = uploads;
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createHousehold(t.prisma, { villageId: "520603201200", number: "0001", headName: "王大山" });
  for (let i = 0; i < 3; i++)
    await audit(t.prisma, { id: null, role: "system" }, { action: "test.event", entity: "test", entityId: String(i), after: { i } });
  // what `prisma migrate deploy` leaves behind: a row per migration folder
  await t.sql(`CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL,
    logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
  const folders = fs
    .readdirSync(migrationsDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const name of folders)
    await t.sql(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name) VALUES (gen_random_uuid()::text, 'x', now(), $1)`,
      [name],
    );
  if (t.kind === "postgres") await t.sql(`GRANT SELECT ON _prisma_migrations TO jingzhun_app`); // as lib/db/roles.ts grants after a deploy
});

afterAll(async () => {
  setDb(t.prisma);
  await t?.close();
  fs.rmSync(uploads, { recursive: true, force: true });
});

describe("healthy", () => {
  it("200, every check ok, the audit chain's head verified just now; nothing about anyone", async () => {
    const r = await get();
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.cache).toBe("no-store");
    expect(r.body.status).toBe("ok");
    expect(Object.keys(r.body.checks).sort()).toEqual(["audit", "database", "migrations", "uploads"]);
    expect(r.body.checks.migrations).toMatchObject({ ok: true, pending: 0, failed: 0 });
    expect(r.body.checks.audit).toMatchObject({ ok: true, events: 3 });
    expect(Number(r.body.checks.audit!.ageSeconds)).toBeLessThan(5);
    const text = JSON.stringify(r.body);
    for (const bad of ["王大山", "520603", uploads, "postgres", "127.0.0.1"]) expect(text).not.toContain(bad);
    // no probe file left behind
    expect(fs.readdirSync(uploads)).toEqual([]);
  });
});

describe("unhealthy: 503 naming the check", () => {
  it("the database down: 503, database unreachable, and the checks that need it say so", async () => {
    const down = new PrismaClient({ adapter: fixedPgAdapterFactory("postgresql://nobody@127.0.0.1:1/none", { max: 1 }) });
    setDb(down);
    try {
      const r = await get();
      expect(r.status).toBe(503);
      expect(r.body.status).toBe("fail");
      expect(r.body.checks.database).toMatchObject({ ok: false, error: "unreachable" });
      expect(r.body.checks.migrations).toMatchObject({ ok: false, error: "database" });
      expect(r.body.checks.audit).toMatchObject({ ok: false, error: "database" });
      expect(r.body.checks.uploads).toMatchObject({ ok: true });
      expect(JSON.stringify(r.body)).not.toContain("nobody");
    } finally {
      await down.$disconnect().catch(() => {});
      setDb(t.prisma);
    }
    expect((await get()).status).toBe(200);
  });

  it("a migration not applied", async () => {
    const [last] = await t.sql<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`,
    );
    await t.sql(`DELETE FROM _prisma_migrations WHERE migration_name = $1`, [last!.migration_name]);
    try {
      const r = await get();
      expect(r.status).toBe(503);
      expect(r.body.checks.migrations).toMatchObject({ ok: false, pending: 1 });
    } finally {
      await t.sql(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name) VALUES (gen_random_uuid()::text, 'x', now(), $1)`,
        [last!.migration_name],
      );
    }
  });

  it("the upload folder not writable", async () => {
    const file = path.join(uploads, "not-a-folder");
    fs.writeFileSync(file, "x");
    process.env.UPLOAD_DIR = file;
    try {
      const r = await get();
      expect(r.status).toBe(503);
      expect(r.body.checks.uploads).toEqual({ ok: false, error: "not_writable" });
    } finally {
      process.env.UPLOAD_DIR = uploads;
      fs.rmSync(file);
    }
  });

  it("the audit chain rewritten: the head check finds it", async () => {
    // as the tables' owner could: triggers off, one event's content changed
    await t.sql(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    await t.sql(`UPDATE audit_event SET after = '{"i": 99}' WHERE "entityId" = '1' AND action = 'test.event'`);
    await t.sql(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    // the last check is a minute old: health checks again
    await t.sql(
      `UPDATE ops_job SET "lastRunAt" = now() - interval '2 minutes', state = jsonb_set(state, '{fullAt}', '"2000-01-01T00:00:00.000Z"') WHERE name = $1`,
      [AUDIT_JOB],
    );
    const r = await get();
    expect(r.status).toBe(503);
    expect(r.body.checks.audit).toMatchObject({ ok: false, error: "chain_broken" });
  });

  it("the audit check too old (another server holds the check and never finished)", async () => {
    await t.sql(
      `UPDATE ops_job SET holder = 'elsewhere', "leaseUntil" = now() + interval '1 hour', "lastRunAt" = now() - interval '2 hours',
              state = jsonb_set(jsonb_set(state, '{ok}', 'true'), '{verifiedAt}', to_jsonb((now() - interval '2 hours')::text)) WHERE name = $1`,
      [AUDIT_JOB],
    );
    const r = await get();
    expect(r.status).toBe(503);
    expect(r.body.checks.audit).toMatchObject({ ok: false, error: "stale" });
    expect(Number(r.body.checks.audit!.ageSeconds)).toBeGreaterThan(7000);
  });
});
