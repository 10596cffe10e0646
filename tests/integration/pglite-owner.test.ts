// One process owns a PGlite folder; everyone else connects over the wire.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DataDirBusyError, lockDataDir, servePglite } from "@/lib/db/pglite-owner";
import { fixedPgAdapterFactory } from "@/lib/db/adapter-fixes";
import { migrationSql } from "../support/migrations";
import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db/adapter-fixes";

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jz-owner-")), "pglite");

describe("PGlite folder ownership", () => {
  it("a second owner is refused while the first lives, naming its pid", () => {
    const dir = tmp();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
    // another process, too
    const child = spawnSync(process.execPath, ["--import", "tsx", "-e",
      `import("${path.resolve("lib/db/pglite-owner.ts")}").then(m => { try { m.lockDataDir(${JSON.stringify(dir)}); process.exit(0) } catch (e) { console.log(e.message); process.exit(3) } })`,
    ], { encoding: "utf8" });
    expect(child.status).toBe(3);
    expect(child.stdout).toContain(String(process.pid));
    lock.release();
    lockDataDir(dir).release();
  });

  it("a stale lock (its owner died) is taken over", () => {
    const dir = tmp();
    fs.writeFileSync(`${dir}.lock`, "999999"); // no such process
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("serves many connections over the wire with correct concurrent transactions, and keeps data across restarts", async () => {
    const dir = tmp();
    let server = await servePglite(dir);
    const c = new pg.Client(poolConfigFromUrl(server.url));
    await c.connect();
    for (const sql of migrationSql()) await c.query(sql);
    await c.end();
    let prisma = new PrismaClient({ adapter: fixedPgAdapterFactory(server.url, { max: 8 }) });
    await prisma.loginThrottle.create({ data: { key: "counter", failures: 0 } });
    // 100 concurrent read-modify-write transactions from 8 connections: none may be lost
    await Promise.all(
      Array.from({ length: 100 }, () =>
        prisma.$transaction(async (tx) => {
          const row = await tx.$queryRaw<{ failures: number }[]>`SELECT failures FROM login_throttle WHERE key = 'counter' FOR UPDATE`;
          await tx.loginThrottle.update({ where: { key: "counter" }, data: { failures: row[0]!.failures + 1 } });
        }, { maxWait: 60_000, timeout: 60_000 }),
      ),
    );
    expect((await prisma.loginThrottle.findUniqueOrThrow({ where: { key: "counter" } })).failures).toBe(100);
    await prisma.$disconnect();
    await server.stop();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);

    server = await servePglite(dir);
    prisma = new PrismaClient({ adapter: fixedPgAdapterFactory(server.url, { max: 2 }) });
    expect((await prisma.loginThrottle.findUniqueOrThrow({ where: { key: "counter" } })).failures).toBe(100);
    await prisma.$disconnect();
    await server.stop();
  }, 120_000);
});
