// Backup and restore of both databases: the restored copy is complete and its audit chain verifies.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { fixedPgAdapterFactory, fixedPgliteAdapterFactory, poolConfigFromUrl } from "@/lib/db/adapter-fixes";
import { lockDataDir, openPglite } from "@/lib/db/pglite-owner";
import { audit } from "@/lib/audit";
import { migrationSql } from "../support/migrations";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "jz-backup-"));
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", path.resolve("scripts/backup.ts"), ...args], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });

async function fill(prisma: PrismaClient) {
  await prisma.region.create({ data: { id: "52", level: "province", name: "贵州省", zone: "west" } });
  for (let i = 0; i < 5; i++) await audit(prisma, { id: null, role: "system" }, { action: "test.backup", entity: "test", entityId: String(i), after: { i } });
}

describe("backup and restore", () => {
  it("PGlite: a data folder round-trips through a backup file, audit chain intact", async () => {
    const root = tmp();
    const dataRoot = path.join(root, "a");
    const dir = path.join(dataRoot, "pglite");
    const lock = lockDataDir(dir);
    const lite = await openPglite(dir);
    for (const sql of migrationSql()) await lite.exec(sql);
    const prisma = new PrismaClient({ adapter: fixedPgliteAdapterFactory(lite) });
    await fill(prisma);
    await prisma.$disconnect();
    await lite.close();
    lock.release();

    const file = path.join(root, "backup.tar.gz");
    const b = run(["backup", file], { DATABASE_URL: "", JINGZHUN_DATA_DIR: dataRoot });
    expect(b.stderr).toBe("");
    expect(b.status).toBe(0);
    const r = run(["restore", file], { DATABASE_URL: "", JINGZHUN_DATA_DIR: path.join(root, "b") });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("审计链完整");
    expect(r.stdout).toContain("5 events");
    // restoring over existing data is refused unless forced
    const again = run(["restore", file], { DATABASE_URL: "", JINGZHUN_DATA_DIR: path.join(root, "b") });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("--force");
  }, 120_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL: pg_dump / pg_restore into an empty database, audit chain intact", async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const admin = new pg.Client(poolConfigFromUrl(base));
    await admin.connect();
    const [a, b] = [`jz_bk_a_${process.pid}`, `jz_bk_b_${process.pid}`];
    for (const d of [a, b]) {
      await admin.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${d}"`);
    }
    const urlOf = (d: string) => { const u = new URL(base); u.pathname = `/${d}`; return u.toString(); };
    const c = new pg.Client(poolConfigFromUrl(urlOf(a)));
    await c.connect();
    for (const sql of migrationSql()) await c.query(sql);
    await c.end();
    const prisma = new PrismaClient({ adapter: fixedPgAdapterFactory(urlOf(a), { max: 2 }) });
    await fill(prisma);
    await prisma.$disconnect();
    const file = path.join(tmp(), "pg.dump");
    expect(run(["backup", file], { DATABASE_URL: urlOf(a) }).status).toBe(0);
    const r = run(["restore", file], { DATABASE_URL: urlOf(b) });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("5 events");
    const refused = run(["restore", file], { DATABASE_URL: urlOf(b) });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("not empty");
    for (const d of [a, b]) await admin.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
    await admin.end();
  }, 120_000);
});
