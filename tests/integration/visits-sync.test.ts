// A phone's backlog in one request (syncVisits): each visit stored as logVisit stores it, in its
// own transaction and idempotent by its id, each answered on its own; one refusal (a household
// now another cadre's, a bad field) never fails the rest; the batch's limits are named.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { syncVisits } from "@/lib/actions/visits/sync-visits";
import { recomputeHousehold } from "@/lib/data/assessment";
import { SYNC_MAX_BYTES, SYNC_MAX_VISITS } from "@/lib/validation/sync-limits";
import { today } from "@/lib/clock";

let t: TestDb;
let uploadDir: string;
let mine: string;
let mine2: string;
let theirs: string;
let cadreId: string;
const TODAY = today();
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF fake body for the test"), Buffer.from([0xff, 0xd9])]);

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "jz-sync-uploads-"));
  process.env.UPLOAD_DIR = uploadDir;
  t = await createTestDb();
  await seedRegions(t.prisma);
  cadreId = (await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201200", name: "李帮扶" })).id;
  const other = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: "520603201200", name: "张帮扶" });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  const a = await createHousehold(t.prisma, { villageId: "520603201200", number: "0001", incomeWages: 60000, members: 3 });
  const b = await createHousehold(t.prisma, { villageId: "520603201200", number: "0002", incomeWages: 60000, members: 3 });
  const c = await createHousehold(t.prisma, { villageId: "520603201200", number: "0003", incomeWages: 60000, members: 2 });
  [mine, mine2, theirs] = [a.id, b.id, c.id];
  await assign(t.prisma, mine, cadreId);
  await assign(t.prisma, mine2, cadreId);
  await assign(t.prisma, theirs, other.id);
  for (const id of [mine, mine2, theirs])
    await t.prisma.$transaction((tx) => recomputeHousehold(tx, id, { trigger: "seed", actorId: null }));
});

afterAll(async () => {
  signOut();
  await t?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

const version = async (id: string) => (await t.prisma.household.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
async function visit(householdId: string, extra: Record<string, unknown> = {}) {
  return {
    clientVisitId: crypto.randomUUID(),
    householdId,
    baseVersion: await version(householdId),
    date: TODAY,
    mode: "home",
    findings: "粮食够吃，衣被齐全。",
    confirmation: "read_back",
    ...extra,
  };
}
type Results = {
  results: {
    id: string | null;
    result: { ok: boolean; code?: string; fieldErrors?: Record<string, string[]>; data?: { replay?: boolean } };
  }[];
};

describe("syncVisits", () => {
  it("stores each visit on its own: one in scope, one another cadre's (not found, audited), one with a bad field", async () => {
    await signInAs(t.prisma, "cadre1");
    const good = await visit(mine, { evidence: [{ file: new File([JPEG], "house.jpg", { type: "image/jpeg" }), indicator: "housing" }] });
    const foreign = await visit(theirs);
    const bad = await visit(mine2, { findings: "" });
    const deniedBefore = await t.prisma.auditEvent.count({ where: { action: "access.denied", actorId: cadreId } });
    const r = await syncVisits(undefined, { visits: [good, foreign, bad] });
    expect(r.ok).toBe(true);
    const { results } = (r as { data: Results }).data;
    expect(results.map((x) => x.id)).toEqual([good.clientVisitId, foreign.clientVisitId, bad.clientVisitId]);
    expect(results[0]!.result).toMatchObject({ ok: true, data: { replay: false } });
    expect(results[1]!.result).toMatchObject({ ok: false, code: "not_found" });
    expect(results[2]!.result).toMatchObject({ ok: false, code: "invalid" });
    expect(results[2]!.result.fieldErrors?.findings?.length).toBeGreaterThan(0);
    expect(await t.prisma.visit.count({ where: { id: { in: [good.clientVisitId, foreign.clientVisitId, bad.clientVisitId] } } })).toBe(1);
    expect(await t.prisma.evidence.count({ where: { visitId: good.clientVisitId } })).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { action: "access.denied", actorId: cadreId } })).toBe(deniedBefore + 1);
  });

  it("the same backlog sent again (the answer was lost on the way) stores nothing twice", async () => {
    await signInAs(t.prisma, "cadre1");
    const batch = [await visit(mine), await visit(mine2), await visit(mine)];
    const first = await syncVisits(undefined, { visits: batch });
    const again = await syncVisits(undefined, { visits: batch });
    const r1 = (first as { data: Results }).data.results;
    const r2 = (again as { data: Results }).data.results;
    expect(r1.every((x) => x.result.ok)).toBe(true);
    expect(r2.every((x) => x.result.ok && x.result.data?.replay === true)).toBe(true);
    expect(await t.prisma.visit.count({ where: { id: { in: batch.map((v) => v.clientVisitId) } } })).toBe(3);
  });

  it("the same backlog sent twice at once still stores each visit once", async () => {
    await signInAs(t.prisma, "cadre1");
    const batch = [await visit(mine), await visit(mine2)];
    const [a, b] = await Promise.all([syncVisits(undefined, { visits: batch }), syncVisits(undefined, { visits: batch })]);
    for (const r of [a, b]) expect((r as { data: Results }).data.results.every((x) => x.result.ok)).toBe(true);
    expect(await t.prisma.visit.count({ where: { id: { in: batch.map((v) => v.clientVisitId) } } })).toBe(2);
  });

  it("limits: more than SYNC_MAX_VISITS visits, or more than SYNC_MAX_BYTES of files, refused on `visits`; an empty batch too", async () => {
    await signInAs(t.prisma, "cadre1");
    const many = await Promise.all(Array.from({ length: SYNC_MAX_VISITS + 1 }, () => visit(mine)));
    const tooMany = await syncVisits(undefined, { visits: many });
    expect(tooMany).toMatchObject({ ok: false, code: "invalid" });
    expect((tooMany as { fieldErrors: Record<string, string[]> }).fieldErrors.visits?.length).toBeGreaterThan(0);
    const big = (n: number) => new File([Buffer.concat([JPEG, Buffer.alloc(n)])], "big.jpg", { type: "image/jpeg" });
    const half = SYNC_MAX_BYTES / 2;
    const heavy = await syncVisits(undefined, {
      visits: [
        await visit(mine, { evidence: [{ file: big(half), indicator: "general" }] }),
        await visit(mine, { evidence: [{ file: big(half), indicator: "general" }] }),
      ],
    });
    expect(heavy).toMatchObject({ ok: false, code: "invalid" });
    expect((heavy as { fieldErrors: Record<string, string[]> }).fieldErrors.visits?.join()).toMatch(/8 MB/);
    expect(await syncVisits(undefined, { visits: [] })).toMatchObject({ ok: false, code: "invalid" });
    expect(await t.prisma.visit.count({ where: { id: { in: many.map((v) => v.clientVisitId) } } })).toBe(0);
  });

  it("refused to anyone not signed in, and to roles that do not log visits", async () => {
    signOut();
    expect(await syncVisits(undefined, { visits: [await visit(mine)] })).toMatchObject({ ok: false, code: "unauthenticated" });
    await signInAs(t.prisma, "official");
    expect(await syncVisits(undefined, { visits: [await visit(mine)] })).toMatchObject({ ok: false, code: "forbidden" });
  });
});
