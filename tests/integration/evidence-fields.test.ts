// Issue #16.3: evidence files follow the page's field rules (lib/domain/masking.ts, one table):
// a medical document only to those who see health, a signature only to those who see full IDs;
// every download is a sensitive.read event, every refusal an access.denied one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { GET as getEvidence } from "@/app/api/evidence/[id]/route";
import { MASKING, canSeeHealth, fieldAccess } from "@/lib/domain/masking";

let t: TestDb;
let uploadDir: string;
const files: Record<string, string> = {};
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "jz-evidence-fields-"));
  process.env.UPLOAD_DIR = uploadDir;
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201200" });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "township", role: "county_official", regionId: "520603201" });
  await createUser(t.prisma, { username: "facilitator", role: "facilitator", regionId: "520603201200" });
  await createUser(t.prisma, { username: "admin", role: "admin", regionId: "520603" });
  const h = await createHousehold(t.prisma, { villageId: "520603201200", number: "0001", members: 2 });
  await assign(t.prisma, h.id, cadre.id);
  for (const [name, kind, indicator] of [
    ["medical", "photo", "medical"],
    ["signature", "signature", null],
    ["house", "photo", "housing"],
  ] as const) {
    const key = `520603/${h.id}/${name}.png`;
    fs.mkdirSync(path.join(uploadDir, path.dirname(key)), { recursive: true });
    fs.writeFileSync(path.join(uploadDir, key), PNG);
    const e = await t.prisma.evidence.create({
      data: {
        householdId: h.id,
        countyId: "520603",
        kind,
        indicator,
        fileName: `${name}.png`,
        mimeType: "image/png",
        sizeBytes: PNG.length,
        storageKey: key,
        sha256: "0".repeat(64),
      },
    });
    files[name] = e.id;
  }
});
afterAll(async () => {
  signOut();
  await t?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

async function get(who: string, file: string) {
  await signInAs(t.prisma, who);
  const res = await getEvidence(new Request("http://x"), { params: Promise.resolve({ id: files[file]! }) });
  signOut();
  return res.status;
}

describe("evidence files follow the field rules", () => {
  it("a medical document: only to those who see health", async () => {
    expect(await get("cadre1", "medical")).toBe(200);
    expect(await get("official", "medical")).toBe(200);
    expect(await get("township", "medical")).toBe(200); // its household page shows health too
    for (const who of ["facilitator", "admin"]) expect(await get(who, "medical"), who).toBe(404);
  });

  it("a signature: only to those who see full national IDs", async () => {
    expect(await get("cadre1", "signature")).toBe(200);
    for (const who of ["facilitator", "admin"]) expect(await get(who, "signature"), who).toBe(404);
  });

  it("a house photo: to everyone who reads the household", async () => {
    for (const who of ["cadre1", "official", "facilitator", "admin"]) expect(await get(who, "house"), who).toBe(200);
  });

  it("every download is a sensitive.read event; every refusal an access.denied one", async () => {
    const reads = await t.prisma.auditEvent.count({ where: { action: "sensitive.read" } });
    const denied = await t.prisma.auditEvent.count({ where: { action: "access.denied", entity: "evidence" } });
    expect(await get("official", "medical")).toBe(200);
    expect(await get("admin", "medical")).toBe(404);
    expect(await t.prisma.auditEvent.count({ where: { action: "sensitive.read" } })).toBe(reads + 1);
    expect(await t.prisma.auditEvent.count({ where: { action: "access.denied", entity: "evidence" } })).toBe(denied + 1);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "sensitive.read" }, orderBy: { id: "desc" } });
    expect(ev.after).toMatchObject({ fields: ["health"], via: `evidence:${files.medical}` });
  });
});

describe("the masking table is the one source (#16.13)", () => {
  it("evaluators see health only as an audited read; the helpers read the table", () => {
    expect(MASKING.evaluator.health).toEqual(["audited", "audited"]);
    expect(canSeeHealth({ role: "evaluator" }, false)).toBe(true);
    expect(canSeeHealth({ role: "facilitator" }, true)).toBe(false);
    expect(canSeeHealth({ role: "county_official", regionLevel: "township" }, false)).toBe(true);
    expect(fieldAccess({ role: "cadre" }, "health", false)).toBe("none");
  });
});
