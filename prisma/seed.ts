/**
 * Loads the demo data set (lib/seed): `npm run db:seed` or `npx prisma db seed`.
 * Idempotent: a second run writes nothing. Needs DATABASE_URL (PostgreSQL, or the PGlite
 * that `npm run dev` serves).
 */
import "dotenv/config";
import { db } from "@/lib/db/client";
import { seed } from "@/lib/seed";

async function main(): Promise<number> {
  const started = Date.now();
  let prisma: ReturnType<typeof db> | undefined;
  try {
    prisma = db();
    const r = await seed(prisma, { log: (m) => process.stderr.write(`${m}\n`) });
    const s = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      r.created
        ? `种子数据已写入 (seeded): ${r.households} households, ${r.members} members in ${s}s`
        : `种子数据已存在，未写入 (already seeded, nothing written): ${r.households} households, ${r.members} members`,
    );
    return 0;
  } catch (e) {
    // Prisma's messages end with the cause, after a code excerpt: keep the last line
    const lines = (e instanceof Error ? e.message : String(e))
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const msg = lines[lines.length - 1] ?? "unknown error";
    console.error(`种子数据写入失败 (seed failed): ${msg}`);
    return 1;
  } finally {
    await prisma?.$disconnect().catch(() => {});
  }
}

process.exitCode = await main();
