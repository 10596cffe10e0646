// The Prisma 6.19 adapter defects (decision 0002, P1–P5) and their fixes in lib/db/adapter-fixes.ts.
// A test named "upstream still broken" failing means the upstream bug is fixed: delete the fix.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import {
  createFixedPool,
  fixedPgAdapterFactory,
  fixedPgliteAdapterFactory,
  mapPostgresError,
  poolConfigFromUrl,
  unrefLongTimers,
} from "@/lib/db/adapter-fixes";
import { migrationSql } from "../support/migrations";

const pgUrl = process.env.TEST_DATABASE_URL;
const catalogQuery = { sql: `SELECT 'region'::name AS n, 'r'::"char" AS c, 1::int AS i`, args: [], argTypes: [] };

describe.skipIf(!pgUrl)("P1/P2 adapter-pg on PostgreSQL", () => {
  it("upstream still broken: adapter-pg cannot type a `name` column", async () => {
    const adapter = await new PrismaPg(poolConfigFromUrl(pgUrl!)).connect();
    await expect(adapter.queryRaw(catalogQuery)).rejects.toThrow();
    await adapter.dispose();
  });

  it('P1: the fixed adapter reads name as text and "char" as a character, also in transactions', async () => {
    const adapter = await fixedPgAdapterFactory(pgUrl!, { max: 2 }).connect();
    const result = await adapter.queryRaw(catalogQuery);
    expect(result.columnTypes).toEqual([ColumnTypeEnum.Text, ColumnTypeEnum.Character, ColumnTypeEnum.Int32]);
    expect(result.rows[0]).toEqual(["region", "r", 1]);
    const tx = await adapter.startTransaction();
    const inTx = await tx.queryRaw(catalogQuery);
    expect(inTx.columnTypes[1]).toBe(ColumnTypeEnum.Character);
    await tx.commit();
    // concurrent queries keep their own column types
    const many = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        adapter.queryRaw(i % 2 ? catalogQuery : { sql: "SELECT 'x'::text AS a, 'y'::\"char\" AS b", args: [], argTypes: [] }),
      ),
    );
    many.forEach((r, i) => expect(r.columnTypes[1]).toBe(i % 2 ? ColumnTypeEnum.Character : ColumnTypeEnum.Character));
    many.forEach((r) => expect(r.columnTypes[0]).toBe(ColumnTypeEnum.Text));
    await adapter.dispose();
  });

  it("P1b: a migration script with a dollar-quoted function body runs whole (upstream splits it on ';')", async () => {
    const script = `CREATE OR REPLACE FUNCTION pg_temp.jz_twice(x int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN x * 2; END $$; SELECT 1;`;
    const upstream = await new PrismaPg(poolConfigFromUrl(pgUrl!)).connect();
    await expect(upstream.executeScript(script)).rejects.toThrow();
    await upstream.dispose();
    const adapter = await fixedPgAdapterFactory(pgUrl!, { max: 1 }).connect();
    await adapter.executeScript(script);
    await adapter.dispose();
  });

  it("P2: the shadow database is its own database and is dropped afterwards", async () => {
    const factory = fixedPgAdapterFactory(pgUrl!, { max: 2 });
    const shadow = await factory.connectToShadowDb();
    const [name] = (await shadow.queryRaw({ sql: "SELECT current_database()::text AS d", args: [], argTypes: [] })).rows[0] as [string];
    expect(name).toMatch(/^prisma_shadow_/);
    expect(name).not.toBe(poolConfigFromUrl(pgUrl!).database);
    await shadow.dispose();
    const check = new pg.Client(poolConfigFromUrl(pgUrl!));
    await check.connect();
    const { rowCount } = await check.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    await check.end();
    expect(rowCount).toBe(0);
  });
});

describe.skipIf(!pgUrl)("the pool on PostgreSQL", () => {
  it("an idle connection ended by the server is dropped with a warning, not an uncaught exception", async () => {
    const pool = createFixedPool({ ...poolConfigFromUrl(pgUrl!), max: 2 });
    const pid = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid; // now idle in the pool
    const errors: unknown[] = [];
    const count = (e: unknown) => errors.push(e);
    process.on("uncaughtException", count);
    try {
      const admin = new pg.Client(poolConfigFromUrl(pgUrl!));
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 300));
      expect(errors).toEqual([]);
      expect(pool.listenerCount("error")).toBeGreaterThan(0);
      // and the pool answers on a new connection
      expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one).toBe(1);
    } finally {
      process.off("uncaughtException", count);
      await pool.end();
    }
  });
});

describe("P3 pglite-prisma-adapter", () => {
  it("upstream still broken: executeScript is not awaited and multi-command raw SQL fails", async () => {
    const lite = new PGlite();
    const adapter = await new PrismaPGlite(lite).connect();
    await expect(adapter.executeRaw({ sql: "CREATE TABLE a(x int); CREATE TABLE b(y int)", args: [], argTypes: [] })).rejects.toThrow(
      /multiple commands/,
    );
    await lite.close();
  });

  it("(a) runs several parameterless commands and awaits scripts", async () => {
    const lite = new PGlite();
    const adapter = await fixedPgliteAdapterFactory(lite).connect();
    await adapter.executeRaw({ sql: "CREATE TABLE a(x int); CREATE TABLE b(y int)", args: [], argTypes: [] });
    await adapter.executeScript("INSERT INTO a VALUES (1); INSERT INTO b VALUES (2);");
    // awaited: the rows are there the moment executeScript resolves
    expect((await lite.query("SELECT (SELECT count(*) FROM a) + (SELECT count(*) FROM b) AS n")).rows).toEqual([{ n: 2 }]);
    await lite.close();
  });

  it("(b) dispose closes a PGlite the adapter owns", async () => {
    const lite = new PGlite();
    const adapter = await fixedPgliteAdapterFactory(lite, { closeOnDispose: true }).connect();
    await adapter.dispose();
    expect(lite.closed).toBe(true);
  });

  it("(c) a unique violation becomes Prisma's P2002, in and out of transactions", async () => {
    const lite = new PGlite();
    for (const sql of migrationSql()) await lite.exec(sql);
    const prisma = new PrismaClient({ adapter: fixedPgliteAdapterFactory(lite) });
    await prisma.region.create({ data: { id: "52", level: "province", name: "贵州省" } });
    const dup = prisma.region.create({ data: { id: "52", level: "province", name: "again" } });
    await expect(dup).rejects.toMatchObject({ code: "P2002" });
    const inTx = prisma.$transaction(async (tx) => tx.region.create({ data: { id: "52", level: "province", name: "again" } }));
    await expect(inTx).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await prisma.$disconnect();
    await lite.close();
  });

  it("maps the PostgreSQL codes Prisma knows", () => {
    expect(mapPostgresError({ code: "23505", detail: "Key (id)=(52) already exists.", message: "" })).toEqual({
      kind: "UniqueConstraintViolation",
      constraint: { fields: ["id"] },
    });
    expect(mapPostgresError({ code: "23503", column: "x", message: "" })?.kind).toBe("ForeignKeyConstraintViolation");
    expect(mapPostgresError({ code: "40001", message: "" })?.kind).toBe("TransactionWriteConflict");
    expect(mapPostgresError({ code: "XX000", message: "" })).toBeUndefined();
  });
});

describe("P5 CLI timers", () => {
  it("unrefs long timers only", () => {
    unrefLongTimers(5_000);
    const long = setTimeout(() => {}, 60_000);
    const short = setTimeout(() => {}, 10);
    expect(long.hasRef()).toBe(false);
    expect(short.hasRef()).toBe(true);
    clearTimeout(long);
    clearTimeout(short);
  });
});

describe("schema", () => {
  it("a national ID is unique among active members only (partial unique index)", async () => {
    const lite = new PGlite();
    for (const sql of migrationSql()) await lite.exec(sql);
    await lite.exec(`
      INSERT INTO region (id, level, name, "updatedAt") VALUES ('520603201200', 'village', '丹阳村', now());
      INSERT INTO household (id, "countyId", "villageId", number, "headName", "updatedAt") VALUES ('h1', '520603', '520603201200', '1', '甲', now());
      INSERT INTO member (id, "householdId", "countyId", name, "nationalId", sex, "birthDate", relation, active, "updatedAt")
        VALUES ('m1', 'h1', '520603', '甲', '11010519491231002X', 'male', '1949-12-31', 'head', false, now());
      INSERT INTO member (id, "householdId", "countyId", name, "nationalId", sex, "birthDate", relation, active, "updatedAt")
        VALUES ('m2', 'h1', '520603', '甲', '11010519491231002X', 'male', '1949-12-31', 'head', true, now());`);
    await expect(
      lite.exec(`INSERT INTO member (id, "householdId", "countyId", name, "nationalId", sex, "birthDate", relation, active, "updatedAt")
        VALUES ('m3', 'h1', '520603', '乙', '11010519491231002X', 'male', '1949-12-31', 'spouse', true, now())`),
    ).rejects.toThrow(/member_national_id_active_key/);
    await lite.close();
  });
});

export const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "jz-"));
