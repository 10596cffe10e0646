// The audit history is append-only and hash-chained; the verifier names the first broken link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { audit, auditMany } from "@/lib/audit";
import { verifyAudit } from "@/scripts/audit-verify";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("audit chain", () => {
  it("links every event to the previous one, also when appends race", async () => {
    await audit(
      t.prisma,
      { id: null, role: "system" },
      { action: "test.one", entity: "test", after: { n: 1, nested: { b: 2, a: [1, "二"] } } },
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit(
          t.prisma,
          { id: `u${i}`, role: "cadre" },
          { action: "test.race", entity: "test", entityId: String(i), before: { i }, after: { i: i + 1 } },
        ),
      ),
    );
    await t.prisma.$transaction((tx) =>
      auditMany(tx, null, [
        { action: "test.a", entity: "test" },
        { action: "test.b", entity: "test", reason: "理由" },
      ]),
    );
    const r = await verifyAudit(t.prisma, 7);
    expect(r).toMatchObject({ ok: true, checked: 23 });
    const rows = await t.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]!.hash));
  });

  it("the database refuses to update, delete or truncate audit rows", async () => {
    await expect(t.sql(`UPDATE audit_event SET action = 'forged' WHERE action = 'test.one'`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    await expect(t.prisma.auditEvent.deleteMany({})).rejects.toThrow();
  });

  it("a tampered event (by someone who switched the trigger off) is named by the verifier", async () => {
    await t.sql(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
    const victim = (await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "test.race", entityId: "7" } })).id;
    await t.sql(`UPDATE audit_event SET after = '{"i": 999}' WHERE id = $1`, [String(victim)]);
    await t.sql(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    const r = await verifyAudit(t.prisma);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.brokenAt).toBe(String(victim));
  });
});
