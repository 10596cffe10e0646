// Backup and restore of both databases AND the stored files (issue #23, point 4): the restored
// copy is complete, its audit chain verifies, and every stored file is checked against the hash
// its row holds — a missing or changed file is named, and the restore says it is incomplete.
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
import { createHash, randomUUID } from "node:crypto";
import { migrationSql } from "../support/migrations";
import { createHousehold, seedRegions } from "../factories";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "jz-backup-"));
/** The script as `npm run db:backup` runs it; an upload folder of its own unless one is given. */
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", path.resolve("scripts/backup.ts"), ...args], {
    env: { ...process.env, UPLOAD_DIR: tmp(), ...env },
    encoding: "utf8",
    timeout: 120_000,
  });

async function fill(prisma: PrismaClient) {
  await prisma.region.create({ data: { id: "52", level: "province", name: "贵州省", zone: "west" } });
  for (let i = 0; i < 5; i++)
    await audit(prisma, { id: null, role: "system" }, { action: "test.backup", entity: "test", entityId: String(i), after: { i } });
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Rows of every file store, and their files under `uploads`: a photo and a signature (evidence), a minutes scan, a help photo, a notice PDF. */
async function fillFiles(prisma: PrismaClient, uploads: string) {
  await seedRegions(prisma);
  const h = await createHousehold(prisma, { villageId: "520603201200", number: "0001" });
  const put = (key: string, bytes: Buffer) => {
    fs.mkdirSync(path.dirname(path.join(uploads, key)), { recursive: true });
    fs.writeFileSync(path.join(uploads, key), bytes);
    return { key, sha256: sha(bytes), size: bytes.length };
  };
  const photo = put(`520603/${h.id}/${randomUUID()}.jpg`, Buffer.from("photo bytes"));
  const signature = put(`520603/${h.id}/${randomUUID()}.png`, Buffer.from("signature bytes"));
  const evidence = async (f: typeof photo, kind: "photo" | "signature") =>
    (
      await prisma.evidence.create({
        data: {
          householdId: h.id,
          countyId: "520603",
          kind,
          fileName: `${kind}.bin`,
          mimeType: "image/png",
          sizeBytes: f.size,
          storageKey: f.key,
          sha256: f.sha256,
        },
      })
    ).id;
  const ids = {
    photo: await evidence(photo, "photo"),
    signature: await evidence(signature, "signature"),
    meeting: randomUUID(),
    lead: randomUUID(),
    notice: randomUUID(),
  };
  const scan = put(`520603/meetings/${ids.meeting}/${randomUUID()}.pdf`, Buffer.from("%PDF-1.4 minutes"));
  await prisma.meeting.create({
    data: {
      id: ids.meeting,
      villageId: "520603201200",
      countyId: "520603",
      date: new Date("2026-11-30T00:00:00Z"),
      place: "村委会",
      facilitatorId: randomUUID(),
      minutesKey: scan.key,
      minutesSha256: scan.sha256,
    },
  });
  const help = put(`help/520603/${randomUUID()}.jpg`, Buffer.from("help photo"));
  await prisma.helpRequest.create({
    data: {
      id: ids.lead,
      villageId: "520603201200",
      countyId: "520603",
      source: "village_form",
      category: "other",
      text: "x",
      photoKey: help.key,
      photoSha256: help.sha256,
      deadline: new Date("2026-12-11T00:00:00Z"),
    },
  });
  const pdf = put(`520603/notices/${ids.notice}/${randomUUID()}.pdf`, Buffer.from("%PDF-1.7 notice"));
  await prisma.noticePdf.create({ data: { noticeId: ids.notice, storageKey: pdf.key, sha256: pdf.sha256, sizeBytes: pdf.size } });
  return { ids, keys: { photo: photo.key, signature: signature.key, scan: scan.key, help: help.key, pdf: pdf.key } };
}

/** A migrated PGlite folder under `dataRoot`, filled by `fn`. */
async function pgliteWith<T>(dataRoot: string, fn: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const dir = path.join(dataRoot, "pglite");
  const lock = lockDataDir(dir);
  const lite = await openPglite(dir);
  try {
    for (const sql of migrationSql()) await lite.exec(sql);
    const prisma = new PrismaClient({ adapter: fixedPgliteAdapterFactory(lite) });
    const out = await fn(prisma);
    await prisma.$disconnect();
    return out;
  } finally {
    await lite.close();
    lock.release();
  }
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

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "PostgreSQL: pg_dump / pg_restore into an empty database, audit chain intact",
    async () => {
      const base = process.env.TEST_DATABASE_URL!;
      const admin = new pg.Client(poolConfigFromUrl(base));
      await admin.connect();
      const [a, b] = [`jz_bk_a_${process.pid}`, `jz_bk_b_${process.pid}`];
      for (const d of [a, b]) {
        await admin.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${d}"`);
      }
      const urlOf = (d: string) => {
        const u = new URL(base);
        u.pathname = `/${d}`;
        return u.toString();
      };
      const c = new pg.Client(poolConfigFromUrl(urlOf(a)));
      await c.connect();
      for (const sql of migrationSql()) await c.query(sql);
      await c.end();
      const prisma = new PrismaClient({ adapter: fixedPgAdapterFactory(urlOf(a), { max: 2 }) });
      await fill(prisma);
      const up1 = tmp();
      const { ids, keys } = await fillFiles(prisma, up1);
      await prisma.$disconnect();
      fs.rmSync(path.join(up1, keys.scan)); // lost before the backup
      const file = path.join(tmp(), "pg.tar.gz");
      expect(run(["backup", file], { DATABASE_URL: urlOf(a), UPLOAD_DIR: up1 }).status).toBe(0);
      expect(spawnSync("tar", ["-tzf", file], { encoding: "utf8" }).stdout).toContain("database.dump");
      const up2 = tmp();
      const r = run(["restore", file], { DATABASE_URL: urlOf(b), UPLOAD_DIR: up2 });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain("5 events");
      expect(r.stderr).toContain(`缺少文件 (missing) minutes ${ids.meeting}: ${keys.scan}`);
      expect(fs.readFileSync(path.join(up2, keys.photo), "utf8")).toBe("photo bytes");
      const refused = run(["restore", file], { DATABASE_URL: urlOf(b) });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("not empty");
      for (const d of [a, b]) await admin.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
      await admin.end();
    },
    120_000,
  );

  it("PGlite: the stored files travel with the database; every one checked against its row's SHA-256", async () => {
    const root = tmp();
    const up1 = path.join(root, "uploads-1");
    const { keys } = await pgliteWith(path.join(root, "a"), async (prisma) => {
      await fill(prisma);
      return fillFiles(prisma, up1);
    });
    fs.writeFileSync(path.join(up1, ".health-probe"), "x"); // a health probe left behind is not evidence
    const file = path.join(root, "backup.tar.gz");
    const b = run(["backup", file], { DATABASE_URL: "", JINGZHUN_DATA_DIR: path.join(root, "a"), UPLOAD_DIR: up1 });
    expect(b.stderr).toBe("");
    expect(b.status).toBe(0);
    expect(b.stdout).toContain("5 files");
    const list = spawnSync("tar", ["-tzf", file], { encoding: "utf8" }).stdout.split("\n");
    expect(list).toContain("manifest.json");
    expect(list).toContain("database.tar.gz");
    for (const k of Object.values(keys)) expect(list).toContain(`files/${k}`);
    expect(list.some((l) => l.includes(".health-"))).toBe(false);

    const up2 = path.join(root, "uploads-2");
    const r = run(["restore", file], { DATABASE_URL: "", JINGZHUN_DATA_DIR: path.join(root, "b"), UPLOAD_DIR: up2 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("审计链完整");
    expect(r.stdout).toContain("5 个文件已核对 (files checked)");
    expect(r.stdout).toContain("5 match their recorded SHA-256");
    for (const k of Object.values(keys)) expect(fs.readFileSync(path.join(up2, k))).toEqual(fs.readFileSync(path.join(up1, k)));

    // the upload folder of a restore must be empty (or --force): refused before anything is written
    const again = run(["restore", file], { DATABASE_URL: "", JINGZHUN_DATA_DIR: path.join(root, "c"), UPLOAD_DIR: up2 });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("the upload folder is not empty");
    expect(fs.existsSync(path.join(root, "c", "pglite"))).toBe(false);
  }, 180_000);

  it("PGlite: a restore with a missing file names it, and a changed one; the rest is restored", async () => {
    const root = tmp();
    const up1 = path.join(root, "uploads-1");
    const { ids, keys } = await pgliteWith(path.join(root, "a"), async (prisma) => {
      await fill(prisma);
      return fillFiles(prisma, up1);
    });
    // lost from the disk before the backup was taken; another one overwritten
    fs.rmSync(path.join(up1, keys.help));
    fs.writeFileSync(path.join(up1, keys.signature), "not the signature that was signed");
    const file = path.join(root, "backup.tar.gz");
    expect(run(["backup", file], { DATABASE_URL: "", JINGZHUN_DATA_DIR: path.join(root, "a"), UPLOAD_DIR: up1 }).status).toBe(0);
    const up2 = path.join(root, "uploads-2");
    const r = run(["restore", file], { DATABASE_URL: "", JINGZHUN_DATA_DIR: path.join(root, "b"), UPLOAD_DIR: up2 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("审计链完整");
    expect(r.stderr).toContain(`缺少文件 (missing) help_photo ${ids.lead}: ${keys.help}`);
    expect(r.stderr).toContain(`(changed) evidence ${ids.signature}: ${keys.signature}`);
    expect(r.stderr).toContain("1 missing, 1 changed");
    expect(r.stderr).toContain("restore incomplete");
    // what was there is back
    for (const k of [keys.photo, keys.scan, keys.pdf]) expect(fs.existsSync(path.join(up2, k))).toBe(true);

    // npm run files:verify says the same of the restored copy
    const v = run(["verify"], { DATABASE_URL: "", JINGZHUN_DATA_DIR: path.join(root, "b"), UPLOAD_DIR: up2 });
    expect(v.status).toBe(1);
    expect(v.stderr).toContain(`help_photo ${ids.lead}: ${keys.help}`);
  }, 180_000);
});
