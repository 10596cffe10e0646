// `npm run audit:verify`: walk the audit hash chain in order and name the first broken link.
// Uses DATABASE_URL, or the PGlite folder when nothing else has it open. Exit 0 intact, 1 broken.
import "dotenv/config";
import { PrismaClient } from "../lib/generated/prisma/client";
import { databaseChoice } from "../lib/db/config";
import { createPrisma } from "../lib/db/client";
import { fixedPgliteAdapterFactory } from "../lib/db/adapter-fixes";
import { lockDataDir, openPglite } from "../lib/db/pglite-owner";
import { GENESIS, verifyChain } from "../lib/audit-chain";

export async function verifyAudit(prisma: PrismaClient, batch = 5000) {
  let prev = GENESIS;
  let checked = 0;
  let after: bigint = -1n;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: batch });
    if (rows.length === 0) return { ok: true as const, checked, lastHash: prev };
    const r = verifyChain(rows, prev, checked);
    if (!r.ok) return r;
    prev = r.lastHash;
    checked = r.checked;
    after = rows[rows.length - 1]!.id;
  }
}

async function main() {
  const choice = databaseChoice();
  let prisma: PrismaClient;
  if (choice.kind === "postgres") prisma = createPrisma(choice.url, { max: 2 });
  else {
    lockDataDir(choice.dataDir);
    prisma = new PrismaClient({ adapter: fixedPgliteAdapterFactory(await openPglite(choice.dataDir), { closeOnDispose: true }) });
  }
  const r = await verifyAudit(prisma);
  await prisma.$disconnect();
  if (r.ok) {
    console.log(`审计链完整 (audit chain intact): ${r.checked} events, last hash ${r.lastHash}`);
    process.exit(0);
  }
  console.error(`审计链断裂 (audit chain broken) at event ${r.brokenAt} after ${r.checked} intact events: ${r.why}`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`[audit:verify] ✖ ${(e as Error).message}`);
    process.exit(2);
  });
}
