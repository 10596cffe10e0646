// `npm run audit:verify`: walk the audit hash chain in order and name the first broken link.
// With the audit key (lib/audit-key.ts) it also checks every event's seal and every anchor of
// the head kept outside the database, so a rewrite made by the database's owner (trigger off,
// rows edited or deleted, hashes recomputed) is found. `--anchor` appends an anchor of the
// verified head afterwards. Uses DATABASE_URL, or the PGlite folder when nothing else has it open.
// Exit 0 intact, 1 broken.
import "dotenv/config";
import { PrismaClient } from "../lib/generated/prisma/client";
import { databaseChoice } from "../lib/db/config";
import { createPrisma } from "../lib/db/client";
import { fixedPgliteAdapterFactory } from "../lib/db/adapter-fixes";
import { lockDataDir, openPglite } from "../lib/db/pglite-owner";
import { GENESIS, verifyChain, type ChainCheck } from "../lib/audit-chain";
import { anchorsFile, auditKey, readAnchors, writeAnchor } from "../lib/audit-key";

export interface VerifyAuditOptions {
  /** the audit key (default: none, only the SHA-256 links are checked) */
  key?: Buffer | null;
  /** anchors to check (readAnchors().anchors) */
  anchors?: Map<string, { hash: string; events: number }>;
}

export type AuditVerdict = (ChainCheck & { ok: true; sealed: boolean }) | (ChainCheck & { ok: false });

export async function verifyAudit(prisma: PrismaClient, batch = 5000, opts: VerifyAuditOptions = {}): Promise<AuditVerdict> {
  let prev = GENESIS;
  let checked = 0;
  let keyed = false;
  let lastId: string | null = null;
  let after: bigint = -1n;
  const met = new Set<string>();
  for (;;) {
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: batch });
    if (rows.length === 0) break;
    const r = verifyChain(rows, prev, checked, { key: opts.key, keyed, anchors: opts.anchors, met });
    if (!r.ok) return r;
    prev = r.lastHash;
    checked = r.checked;
    keyed = r.keyed;
    lastId = r.lastId ?? lastId;
    after = rows[rows.length - 1]!.id;
  }
  for (const [id, a] of opts.anchors ?? []) {
    if (!met.has(id))
      return { ok: false, checked, brokenAt: id, why: `the event anchored outside the database (event ${id}, ${a.events} events) is gone` };
  }
  return { ok: true, checked, lastHash: prev, keyed, lastId, sealed: keyed };
}

async function main() {
  const choice = databaseChoice();
  let prisma: PrismaClient;
  if (choice.kind === "postgres") prisma = createPrisma(choice.url, { max: 2 });
  else {
    lockDataDir(choice.dataDir);
    prisma = new PrismaClient({ adapter: fixedPgliteAdapterFactory(await openPglite(choice.dataDir), { closeOnDispose: true }) });
  }
  const key = auditKey();
  const read = readAnchors(key);
  if (!read.ok) {
    await prisma.$disconnect();
    console.error(`审计锚点文件无效 (audit anchors file invalid) ${anchorsFile()} line ${read.line}: ${read.why}`);
    process.exit(1);
  }
  const r = await verifyAudit(prisma, 5000, { key, anchors: read.anchors });
  await prisma.$disconnect();
  if (r.ok) {
    const notes = [
      key
        ? r.sealed
          ? "seals checked"
          : "no sealed events yet"
        : "NO AUDIT KEY: seals not checked (set JINGZHUN_AUDIT_KEY or data/audit-key)",
      `${read.count} anchors checked (${anchorsFile()})`,
    ];
    if (process.argv.includes("--anchor") && r.lastId) {
      const a = writeAnchor({ id: r.lastId, hash: r.lastHash, events: r.checked }, key);
      notes.push(a ? `anchored event ${a.id}` : "not anchored (no key)");
    }
    console.log(`审计链完整 (audit chain intact): ${r.checked} events, last hash ${r.lastHash}; ${notes.join("; ")}`);
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
