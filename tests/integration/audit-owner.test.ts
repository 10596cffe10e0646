// Issue #16.5: the audit history cannot be rewritten unseen by someone who holds the database.
// The attack: as the table's owner, switch the append-only trigger off, edit or delete rows,
// recompute every SHA-256 link after them, switch the trigger back on. The plain chain check then
// says "intact" (shown below). The seals (HMAC under a key that is not in the database) and the
// head anchored outside the database catch it, in the function and in `npm run audit:verify`.
// On PostgreSQL the app's own role cannot even start the attack: it owns nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { audit } from "@/lib/audit";
import { GENESIS, eventHash, type StoredEvent } from "@/lib/audit-chain";
import { auditKey, readAnchors, writeAnchor } from "@/lib/audit-key";
import { verifyAudit } from "@/scripts/audit-verify";
import { poolConfigFromUrl } from "@/lib/db/adapter-fixes";

let t: TestDb;
/** Runs SQL as the database's owner (PGlite: its one role). */
let asOwner: (sql: string, params?: unknown[]) => Promise<unknown[]>;
let ownerClient: pg.Client | undefined;

beforeAll(async () => {
  t = await createTestDb();
  if (t.kind === "postgres") {
    ownerClient = new pg.Client(poolConfigFromUrl(t.ownerUrl!));
    await ownerClient.connect();
    asOwner = async (sql, params = []) => (await ownerClient!.query(sql, params)).rows;
  } else asOwner = (sql, params) => t.sql(sql, params);
});
afterAll(async () => {
  await ownerClient?.end();
  await t?.close();
});

const key = () => auditKey()!;
const anchors = () => {
  const r = readAnchors();
  if (!r.ok) throw new Error(r.why);
  return r.anchors;
};

/** The owner's rewrite: trigger off, `change` applied, every link recomputed, trigger on. */
async function rewriteAsOwner(change: string, params: unknown[] = []) {
  await asOwner(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
  await asOwner(change, params);
  const rows = (await asOwner(`SELECT * FROM audit_event ORDER BY id`)) as (StoredEvent & { at: Date | string })[];
  let prev = GENESIS;
  for (const r of rows) {
    const h = eventHash(prev, { ...r, at: new Date(r.at) });
    await asOwner(`UPDATE audit_event SET "prevHash" = $1, "hash" = $2 WHERE id = $3`, [prev, h, String(r.id)]);
    prev = h;
  }
  await asOwner(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
}

async function appendSome(n: number, tag: string) {
  for (let i = 0; i < n; i++)
    await audit(t.prisma, { id: `u${i}`, role: "cadre" }, { action: `test.${tag}`, entity: "test", entityId: String(i), after: { i } });
}

describe("a rewrite of the audit history made as the database owner", () => {
  it("every event is sealed with the key, which the database never sees", async () => {
    await appendSome(6, "first");
    const rows = await t.prisma.auditEvent.findMany();
    expect(rows.every((r) => typeof r.mac === "string" && r.mac.length === 64)).toBe(true);
    const all = JSON.stringify(await asOwner(`SELECT * FROM audit_event`));
    expect(all).not.toContain(process.env.JINGZHUN_AUDIT_KEY);
    const v = await verifyAudit(t.prisma, 5000, { key: key(), anchors: anchors() });
    expect(v).toMatchObject({ ok: true, checked: 6, sealed: true });
    writeAnchor({ id: v.ok ? v.lastId! : "", hash: v.ok ? v.lastHash : "", events: v.checked });
    await appendSome(3, "after-anchor");
  });

  it("an edited event with its links recomputed: the plain chain says intact, the seal does not", async () => {
    const victim = (await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "test.first", entityId: "2" } })).id;
    await rewriteAsOwner(`UPDATE audit_event SET after = '{"i": 999}' WHERE id = $1`, [String(victim)]);
    expect(await verifyAudit(t.prisma)).toMatchObject({ ok: true }); // what audit:verify used to say
    const caught = await verifyAudit(t.prisma, 5000, { key: key(), anchors: anchors() });
    expect(caught).toMatchObject({ ok: false, brokenAt: String(victim) });
  });

  it("deleted events with their links recomputed: the anchor outside the database catches it", async () => {
    // restore a clean state: a fresh table with only sealed, well-linked events
    await asOwner(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    await asOwner(`DELETE FROM audit_event`);
    await asOwner(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    fs.writeFileSync(process.env.JINGZHUN_AUDIT_ANCHORS!, "");
    await appendSome(5, "second");
    const v = await verifyAudit(t.prisma, 5000, { key: key(), anchors: anchors() });
    expect(v.ok).toBe(true);
    if (v.ok) writeAnchor({ id: v.lastId!, hash: v.lastHash, events: v.checked });
    const victim = (await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "test.second", entityId: "1" } })).id;
    await rewriteAsOwner(`DELETE FROM audit_event WHERE id = $1`, [String(victim)]);
    expect(await verifyAudit(t.prisma, 5000, { key: key() })).toMatchObject({ ok: true }); // every remaining seal is genuine
    const caught = await verifyAudit(t.prisma, 5000, { key: key(), anchors: anchors() });
    expect(caught.ok).toBe(false);
  });

  it("an event forged by the owner (no key) is caught", async () => {
    await asOwner(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    await asOwner(`DELETE FROM audit_event`);
    await asOwner(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    fs.writeFileSync(process.env.JINGZHUN_AUDIT_ANCHORS!, "");
    await appendSome(2, "third");
    await asOwner(`SELECT jz_audit_append($1::jsonb)`, [
      JSON.stringify([
        {
          at: new Date().toISOString(),
          actorId: null,
          actorRole: "system",
          action: "forged",
          entity: "test",
          entityId: null,
          countyId: null,
          before: null,
          after: null,
          reason: null,
          content: "x",
          mac: null,
        },
      ]),
    ]);
    expect((await verifyAudit(t.prisma, 5000, { key: key() })).ok).toBe(false);
  });

  it("an edited anchors file is refused", () => {
    const file = process.env.JINGZHUN_AUDIT_ANCHORS!;
    writeAnchor({ id: "1", hash: "a".repeat(64), events: 1 });
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(`"events":1`, `"events":2`));
    expect(readAnchors()).toMatchObject({ ok: false });
  });
});

describe.runIf(process.env.TEST_DB === "postgres")("PostgreSQL: two roles", () => {
  it("the app's role appends audit events but cannot switch the trigger off, alter, delete or truncate", async () => {
    await audit(t.prisma, null, { action: "test.role", entity: "test" });
    for (const sql of [
      `ALTER TABLE audit_event DISABLE TRIGGER USER`,
      `ALTER TABLE audit_event DROP COLUMN mac`,
      `DROP TRIGGER audit_event_no_update ON audit_event`,
      `DELETE FROM audit_event`,
      `TRUNCATE audit_event`,
      `CREATE OR REPLACE FUNCTION jz_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    ]) {
      await expect(t.prisma.$executeRawUnsafe(sql), sql).rejects.toThrow(/must be owner|permission denied/);
    }
    const who = (await t.prisma.$queryRawUnsafe<{ u: string }[]>(`SELECT current_user AS u`))[0]!.u;
    expect(who).toBe("jingzhun_app");
  });

  it("`npm run audit:verify` (the CLI) finds a rewrite made as the owner", async () => {
    await asOwner(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    await asOwner(`DELETE FROM audit_event`);
    await asOwner(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jz-verify-"));
    const env = { ...process.env, DATABASE_URL: t.ownerUrl!, JINGZHUN_AUDIT_ANCHORS: path.join(dir, "anchors.jsonl") };
    await appendSome(4, "cli");
    const cli = () =>
      spawnSync(process.execPath, ["--import", "tsx", path.resolve("scripts/audit-verify.ts"), "--anchor"], {
        env,
        encoding: "utf8",
        timeout: 60_000,
      });
    const first = cli();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("anchored event");
    const victim = (await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "test.cli", entityId: "1" } })).id;
    await rewriteAsOwner(`UPDATE audit_event SET reason = '改过' WHERE id = $1`, [String(victim)]);
    const second = cli();
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`at event ${victim}`);
  });
});
