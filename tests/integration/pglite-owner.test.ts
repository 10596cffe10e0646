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
import net from "node:net";
import { poolConfigFromUrl } from "@/lib/db/adapter-fixes";

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jz-owner-")), "pglite");

describe("PGlite folder ownership", () => {
  it("a second owner is refused while the first lives, naming its pid", () => {
    const dir = tmp();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
    // another process, too
    const child = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import("${path.resolve("lib/db/pglite-owner.ts")}").then(m => { try { m.lockDataDir(${JSON.stringify(dir)}); process.exit(0) } catch (e) { console.log(e.message); process.exit(3) } })`,
      ],
      { encoding: "utf8" },
    );
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
        prisma.$transaction(
          async (tx) => {
            const row = await tx.$queryRaw<{ failures: number }[]>`SELECT failures FROM login_throttle WHERE key = 'counter' FOR UPDATE`;
            await tx.loginThrottle.update({ where: { key: "counter" }, data: { failures: row[0]!.failures + 1 } });
          },
          { maxWait: 60_000, timeout: 60_000 },
        ),
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

  it("P6: a connection in the middle of an exchange (Parse … Sync) keeps PGlite until its Sync", async () => {
    const dir = tmp();
    const server = await servePglite(dir);
    const raw = await rawConnection(server.port);
    const other = new pg.Client(poolConfigFromUrl(server.url));
    await other.connect();
    try {
      // A: Parse an unnamed two-parameter statement, then pause before Bind
      raw.send(msg("P", Buffer.concat([cstr(""), cstr("SELECT $1::int + $2::int AS v"), int16(0)])));
      await raw.until((b) => b.includes(0x31)); // ParseComplete ('1')
      // B: a three-parameter query on another connection, sent while A's exchange is open.
      // Unfixed, it runs now and replaces A's unnamed statement; fixed, it waits for A's Sync.
      const b = other.query("SELECT $1::text || $2::text || $3::text AS v", ["a", "b", "c"]);
      await new Promise((r) => setTimeout(r, 300));
      // A: Bind two parameters, Execute, Sync
      const params = Buffer.concat([int16(0), int16(2), int32(1), Buffer.from("2"), int32(1), Buffer.from("3"), int16(0)]);
      raw.send(
        Buffer.concat([
          msg("B", Buffer.concat([cstr(""), cstr(""), params])),
          msg("E", Buffer.concat([cstr(""), int32(0)])),
          msg("S", Buffer.alloc(0)),
        ]),
      );
      const reply = await raw.until((buf) => buf.includes(0x5a) && buf.lastIndexOf(0x5a) > buf.indexOf(0x32)); // … ReadyForQuery ('Z')
      expect(reply.toString("latin1")).not.toContain("bind message supplies");
      expect(reply.includes(0x44)).toBe(true); // a DataRow ('D'): 2 + 3
      expect(reply.toString("latin1")).toContain("5");
      expect((await b).rows[0].v).toBe("abc");
    } finally {
      raw.close();
      await other.end();
      await server.stop();
    }
  }, 60_000);
});

// ─── a bare wire-protocol client, to pause between the messages of one exchange ───
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const cstr = (s: string) => Buffer.from(`${s}\0`, "utf8");
const msg = (type: string, body: Buffer) => Buffer.concat([Buffer.from(type, "latin1"), int32(body.length + 4), body]);

async function rawConnection(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("error", reject);
  });
  let received = Buffer.alloc(0);
  let waiter: (() => void) | null = null;
  socket.on("data", (d) => {
    received = Buffer.concat([received, d]);
    waiter?.();
  });
  const until = async (done: (b: Buffer) => boolean): Promise<Buffer> => {
    const deadline = Date.now() + 20_000;
    while (!done(received)) {
      if (Date.now() > deadline) throw new Error(`no reply: ${received.toString("latin1")}`);
      await new Promise<void>((r) => {
        waiter = r;
        setTimeout(r, 50);
      });
    }
    const out = received;
    received = Buffer.alloc(0);
    return out;
  };
  const startup = Buffer.concat([int32(196608), cstr("user"), cstr("postgres"), cstr("database"), cstr("postgres"), Buffer.from([0])]);
  socket.write(Buffer.concat([int32(startup.length + 4), startup]));
  await until((b) => b.includes(0x5a)); // ReadyForQuery
  return { send: (b: Buffer) => socket.write(b), until, close: () => socket.destroy() };
}
