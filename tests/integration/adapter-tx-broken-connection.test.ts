// P7 (decision 0002): a connection that dies inside an interactive transaction (its server
// killed, as in a failover) must go back to the pool as broken. adapter-pg releases a
// transaction's connection only when the engine commits or rolls back, and the engine does
// neither when the ROLLBACK itself fails on the dead connection: each such transaction kept one
// pool slot forever, until every request timed out waiting for a connection. PostgreSQL only.
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { fixedPgAdapterFactory } from "@/lib/db/adapter-fixes";

const url = process.env.TEST_DATABASE_URL;
const onPostgres = process.env.TEST_DB === "postgres" && !!url;
let prisma: PrismaClient | undefined;
afterAll(async () => {
  await prisma?.$disconnect();
});

describe.skipIf(!onPostgres)("a transaction whose connection dies", () => {
  it("frees its pool slot: after more such transactions than the pool holds, a query still gets a connection", async () => {
    prisma = new PrismaClient({ adapter: fixedPgAdapterFactory(url!, { max: 2, connectionTimeoutMillis: 3000 }) });
    for (let i = 0; i < 3; i++) {
      await expect(
        prisma.$transaction(async (tx) => {
          await tx.$queryRawUnsafe("SELECT 1");
          // the server ends this connection mid-transaction
          await tx.$queryRawUnsafe("SELECT pg_terminate_backend(pg_backend_pid())");
        }),
      ).rejects.toThrow();
    }
    const rows = await prisma.$queryRawUnsafe<{ x: number }[]>("SELECT 1 AS x");
    expect(rows[0]!.x).toBe(1);
  });
});
