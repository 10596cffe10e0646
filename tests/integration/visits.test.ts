// Logging visits on a real database: idempotent by the device's visit id (also when sent twice
// at once), a stale version keeps the visit and holds its changes, an indicator change
// recomputes the assessment in the same transaction as the visit and the audit, out-of-scope
// households are not found, dates follow the assignment; evidence files, their route, and
// follow-ups.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { logVisit } from "@/lib/actions/visits/log-visit";
import { confirmPending } from "@/lib/actions/visits/confirm-pending";
import { resolveFollowUp } from "@/lib/actions/visits/resolve-follow-up";
import { updateHousehold } from "@/lib/actions/households/update-household";
import { recomputeHousehold } from "@/lib/data/assessment";
import { followUpCounts } from "@/lib/data/visits/follow-ups";
import { getViewer } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { GET as getEvidence } from "@/app/api/evidence/[id]/route";

let t: TestDb;
let uploadDir: string;
let mine: string; // the cadre's household
let theirs: string; // another cadre's household, same village
let recent: string; // assigned to the cadre only ten days ago
let cadreId: string;
const TODAY = today();
const daysAgo = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF fake body for the test"), Buffer.from([0xff, 0xd9])]);

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "jz-visit-uploads-"));
  process.env.UPLOAD_DIR = uploadDir;
  t = await createTestDb();
  await seedRegions(t.prisma);
  cadreId = (await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201200", name: "李帮扶" })).id;
  const other = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: "520603201200", name: "张帮扶" });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  const a = await createHousehold(t.prisma, { villageId: "520603201200", number: "0001", incomeWages: 60000, members: 3 });
  const b = await createHousehold(t.prisma, { villageId: "520603201200", number: "0002", incomeWages: 60000, members: 3 });
  const c = await createHousehold(t.prisma, { villageId: "520603201200", number: "0003", incomeWages: 60000, members: 2 });
  [mine, theirs, recent] = [a.id, b.id, c.id];
  await assign(t.prisma, mine, cadreId);
  await assign(t.prisma, theirs, other.id);
  await assign(t.prisma, recent, cadreId, new Date(`${daysAgo(10)}T09:00:00+08:00`));
  for (const id of [mine, theirs, recent])
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

const storedFiles = () =>
  (fs.readdirSync(uploadDir, { recursive: true }) as string[]).filter((f) => /\.(jpg|png|webp|pdf)$/.test(f)).length;
const visitCount = (id: string) => t.prisma.visit.count({ where: { id } });
const audits = (action: string, entityId?: string) => t.prisma.auditEvent.count({ where: { action, ...(entityId ? { entityId } : {}) } });

describe("idempotent by the device's visit id", () => {
  it("the same visit sent twice is stored once; the second answer is the stored one", async () => {
    await signInAs(t.prisma, "cadre1");
    const input = await visit(mine, { followUps: [{ description: "协助办理参保", dueDate: daysAgo(-5) }] });
    const first = await logVisit(undefined, input);
    expect(first).toMatchObject({
      ok: true,
      message: "走访已保存。",
      data: { visitId: input.clientVisitId, state: "accepted", replay: false },
    });
    const second = await logVisit(undefined, input);
    expect(second).toMatchObject({
      ok: true,
      message: "这次走访此前已经保存，没有重复记录。",
      data: { visitId: input.clientVisitId, replay: true },
    });
    expect(await visitCount(input.clientVisitId)).toBe(1);
    expect(await t.prisma.followUp.count({ where: { visitId: input.clientVisitId } })).toBe(1);
    expect(await audits("visit.create", input.clientVisitId)).toBe(1);
    const h = await t.prisma.household.findUniqueOrThrow({ where: { id: mine }, select: { lastVisitAt: true } });
    expect(h.lastVisitAt?.toISOString().slice(0, 10)).toBe(TODAY);
  });

  it("sent twice at the same moment, it is still stored once", async () => {
    await signInAs(t.prisma, "cadre1");
    const input = await visit(mine, { updates: { indicators: { waterOutageDays: 3 } } });
    const before = await version(mine);
    const results = await Promise.all([logVisit(undefined, input), logVisit(undefined, input)]);
    for (const r of results) expect(r).toMatchObject({ ok: true, data: { visitId: input.clientVisitId, state: "accepted" } });
    expect(await visitCount(input.clientVisitId)).toBe(1);
    expect(await audits("visit.create", input.clientVisitId)).toBe(1);
    expect(await version(mine)).toBe(before + 1); // the change landed once
  });

  it("a visit id that is someone else's is not found, never replayed", async () => {
    await signInAs(t.prisma, "cadre1");
    const input = await visit(recent);
    expect((await logVisit(undefined, input)).ok).toBe(true);
    await signInAs(t.prisma, "cadre2");
    const r = await logVisit(undefined, { ...input, householdId: theirs, baseVersion: await version(theirs) });
    expect(r).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("a stale version keeps the visit and holds its changes", () => {
  it("stores the visit as conflict, changes nothing, says who changed what; the cadre then confirms", async () => {
    await signInAs(t.prisma, "cadre1");
    const stale = await version(mine);
    // meanwhile the household is corrected (by the cadre on another phone)
    const edit = await updateHousehold(undefined, {
      householdId: mine,
      baseVersion: stale,
      reason: "复核收入",
      changes: { income: { incomeTransfers: 1200 } },
    });
    expect(edit.ok).toBe(true);
    const before = await t.prisma.household.findUniqueOrThrow({ where: { id: mine } });
    const assessments = await t.prisma.assessment.count({ where: { householdId: mine } });

    const input = await visit(mine, { baseVersion: stale, updates: { indicators: { housingGrade: "C" } } });
    const r = await logVisit(undefined, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("conflict");
    expect(r.message).toContain("走访已保存");
    expect(r.message).toContain("李帮扶");
    expect(r.message).toContain("（其他稳定转移性收入）"); // the lump column is "other stable transfers" since itemisation (#14)
    expect(r.message).not.toContain("members");

    const stored = await t.prisma.visit.findUniqueOrThrow({ where: { id: input.clientVisitId } });
    expect(stored).toMatchObject({ state: "conflict", baseVersion: stale, pendingChanges: { indicators: { housingGrade: "C" } } });
    expect(stored.stateReason).toContain("李帮扶");
    const after = await t.prisma.household.findUniqueOrThrow({ where: { id: mine } });
    expect(after.housingGrade).toBe("A");
    expect(after.version).toBe(before.version);
    expect(after.assessedStatus).toBe(before.assessedStatus);
    expect(await t.prisma.assessment.count({ where: { householdId: mine } })).toBe(assessments);
    expect(await audits("visit.create", input.clientVisitId)).toBe(1);

    // the cadre looks at the household as it now stands and applies the visit's changes
    const stillStale = await confirmPending(undefined, { visitId: input.clientVisitId, baseVersion: stale, decision: "apply" });
    expect(stillStale).toMatchObject({ ok: false, code: "conflict" });
    if (!stillStale.ok) expect(stillStale.message).toMatch(/^该户已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 被李帮扶修改/);
    const ok = await confirmPending(undefined, { visitId: input.clientVisitId, baseVersion: after.version, decision: "apply" });
    expect(ok).toMatchObject({ ok: true, data: { decision: "apply", assessedStatus: "below_standard" } });
    expect(await t.prisma.visit.findUniqueOrThrow({ where: { id: input.clientVisitId } })).toMatchObject({
      state: "accepted",
      pendingChanges: null,
    });
    expect((await t.prisma.household.findUniqueOrThrow({ where: { id: mine } })).housingGrade).toBe("C");
    expect(
      await confirmPending(undefined, { visitId: input.clientVisitId, baseVersion: after.version + 1, decision: "apply" }),
    ).toMatchObject({ ok: false, code: "closed" });
    // put the house back for the next cases
    await updateHousehold(undefined, {
      householdId: mine,
      baseVersion: await version(mine),
      reason: "复原",
      changes: { indicators: { housingGrade: "A" } },
    });
  });
});

describe("an indicator change recomputes the assessment, atomically with the visit and the audit", () => {
  it("housing grade C: a new assessment with its policy version, below standard, audited in the same transaction", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = await t.prisma.assessment.count({ where: { householdId: mine } });
    const input = await visit(mine, { updates: { indicators: { housingGrade: "C" } } });
    const r = await logVisit(undefined, input);
    expect(r).toMatchObject({ ok: true, data: { state: "accepted", assessedStatus: "below_standard", changed: ["housingGrade"] } });
    if (r.ok) expect(r.data?.unmetIndicators).toContain("housing");
    expect(await t.prisma.assessment.count({ where: { householdId: mine } })).toBe(before + 1);
    const latest = await t.prisma.assessment.findFirstOrThrow({ where: { householdId: mine }, orderBy: { createdAt: "desc" } });
    expect(latest).toMatchObject({ status: "below_standard", trigger: "visit", createdById: cadreId });
    expect(latest.policyVersion).toBeTruthy();
    const h = await t.prisma.household.findUniqueOrThrow({ where: { id: mine } });
    expect(h.assessedStatus).toBe("below_standard");
    expect(h.unmetIndicators).toContain("housing");
    const change = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: "household.update_from_visit", entityId: mine },
      orderBy: { id: "desc" },
    });
    expect(change.after).toMatchObject({
      housingGrade: "C",
      visitId: input.clientVisitId,
      assessment: { status: "below_standard", policyVersion: latest.policyVersion },
    });
    expect(await audits("visit.create", input.clientVisitId)).toBe(1);
  });

  it("when the changes fail after the visit was inserted, nothing of the visit is written", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = {
      version: await version(mine),
      assessments: await t.prisma.assessment.count({ where: { householdId: mine } }),
      audits: await t.prisma.auditEvent.count(),
      files: storedFiles(),
    };
    const strayMember = crypto.randomUUID(); // valid shape, not a member of this household
    const input = await visit(mine, {
      followUps: [{ description: "联系住建部门", dueDate: daysAgo(-7) }],
      evidence: [{ file: new File([JPEG], "house.jpg", { type: "image/jpeg" }), indicator: "housing" }],
      updates: { indicators: { housingGrade: "D" }, members: [{ id: strayMember, medicalInsurance: false }] },
    });
    const r = await logVisit(undefined, input);
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(await visitCount(input.clientVisitId)).toBe(0);
    expect(await t.prisma.followUp.count({ where: { visitId: input.clientVisitId } })).toBe(0);
    expect(await t.prisma.evidence.count({ where: { visitId: input.clientVisitId } })).toBe(0);
    expect(await version(mine)).toBe(before.version);
    expect((await t.prisma.household.findUniqueOrThrow({ where: { id: mine } })).housingGrade).toBe("C");
    expect(await t.prisma.assessment.count({ where: { householdId: mine } })).toBe(before.assessments);
    expect(await t.prisma.auditEvent.count()).toBe(before.audits);
    // the file written before the transaction is gone again
    expect(storedFiles()).toBe(before.files);
  });
});

describe("walls and rules", () => {
  it("another cadre's household is not found, and the attempt is audited", async () => {
    await signInAs(t.prisma, "cadre1");
    const before = await audits("access.denied");
    const input = await visit(theirs);
    const r = await logVisit(undefined, input);
    expect(r).toMatchObject({ ok: false, code: "not_found", message: "未找到该记录，或不在您的权限范围内。" });
    expect(await visitCount(input.clientVisitId)).toBe(0);
    expect(await audits("access.denied")).toBe(before + 1);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "access.denied" }, orderBy: { id: "desc" } });
    expect(ev).toMatchObject({ actorId: cadreId, entityId: "visit.create" });
    expect(ev.after).toMatchObject({ code: "not_found", detail: { householdId: theirs } });
  });

  it("a county official may not log visits", async () => {
    await signInAs(t.prisma, "official");
    expect(await logVisit(undefined, await visit(mine))).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("a date before the assignment began is an error on the date field, naming the first day", async () => {
    await signInAs(t.prisma, "cadre1");
    const r = await logVisit(undefined, await visit(recent, { date: daysAgo(20) }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("invalid");
    expect(r.fieldErrors).toEqual({ date: [`不能早于您开始帮扶本户的日期（${daysAgo(10)}）`] });
    expect(await logVisit(undefined, await visit(recent, { date: daysAgo(10) }))).toMatchObject({ ok: true });
  });

  it("a future date, a negative income item and an unknown school status are named, in the cadre's language", async () => {
    await signInAs(t.prisma, "cadre1");
    const member = await t.prisma.member.findFirstOrThrow({ where: { householdId: mine }, select: { id: true } });
    const r = await logVisit(
      undefined,
      await visit(mine, {
        date: daysAgo(-1),
        updates: { income: { incomeWages: -100 }, members: [{ id: member.id, schoolStatus: "truant" }] },
      }),
    );
    expect(r).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        date: ["日期不能晚于今天"],
        "updates.income.incomeWages": ["不能为负数"],
        "updates.members.0.schoolStatus": ["不是允许的取值"],
      },
    });
  });
});

describe("evidence", () => {
  it("stores files by their real type under county/household, with sha256 and the consented location; serves them only in scope", async () => {
    await signInAs(t.prisma, "cadre1");
    const location = { latitude: 27.5186, longitude: 109.2135, accuracyM: 15, locatedAt: new Date().toISOString() };
    const disguised = new File([Buffer.from("<html><script>alert(1)</script></html>")], "photo.jpg", { type: "image/jpeg" });
    const refused = await logVisit(
      undefined,
      await visit(mine, { evidence: [{ file: new File([JPEG], "a.jpg", { type: "image/jpeg" }) }, { file: disguised }] }),
    );
    expect(refused).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { "evidence.1.file": ["文件类型不支持（只接受 JPG、PNG、WebP、PDF）"] },
    });

    const input = await visit(mine, {
      locationConsent: true,
      location,
      confirmation: "signature",
      signature: new File([PNG], "signature.png", { type: "image/png" }),
      evidence: [{ file: new File([JPEG], "房屋.jpg", { type: "image/jpeg" }), indicator: "housing" }],
    });
    const r = await logVisit(undefined, input);
    expect(r).toMatchObject({ ok: true });
    const v = await t.prisma.visit.findUniqueOrThrow({ where: { id: input.clientVisitId } });
    expect(v).toMatchObject({ confirmation: "signature", locationConsent: true, latitude: 27.5186, longitude: 109.2135, accuracyM: 15 });
    const rows = await t.prisma.evidence.findMany({ where: { visitId: input.clientVisitId }, orderBy: { kind: "asc" } });
    expect(rows.map((e) => [e.kind, e.indicator, e.mimeType])).toEqual([
      ["photo", "housing", "image/jpeg"],
      ["signature", null, "image/png"],
    ]);
    for (const e of rows) {
      expect(e.storageKey).toMatch(new RegExp(`^520603/${mine}/[0-9a-f-]{36}\\.(jpg|png)$`));
      const bytes = fs.readFileSync(path.join(uploadDir, e.storageKey));
      expect(e.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
      expect(e).toMatchObject({ latitude: 27.5186, longitude: 109.2135, uploadedById: cadreId });
      expect(e.capturedAt?.toISOString()).toBe(location.locatedAt);
    }
    const photo = rows[0]!;

    const ok = await getEvidence(new Request("http://x/api/evidence/" + photo.id), { params: Promise.resolve({ id: photo.id }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/jpeg");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(ok.headers.get("cache-control")).toMatch(/^private/);
    expect(Buffer.from(await ok.arrayBuffer()).equals(JPEG)).toBe(true);

    await signInAs(t.prisma, "official"); // the county's official reads the county
    expect((await getEvidence(new Request("http://x"), { params: Promise.resolve({ id: photo.id }) })).status).toBe(200);

    await signInAs(t.prisma, "cadre2");
    const denied = await audits("access.denied");
    const no = await getEvidence(new Request("http://x"), { params: Promise.resolve({ id: photo.id }) });
    expect(no.status).toBe(404);
    expect(await audits("access.denied")).toBe(denied + 1);
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "access.denied" }, orderBy: { id: "desc" } });
    expect(ev).toMatchObject({ entity: "evidence", entityId: photo.id });
  });
});

describe("follow-through", () => {
  it("counts open and overdue follow-ups, and resolves one with a note, once", async () => {
    await signInAs(t.prisma, "cadre1");
    const input = await visit(recent, {
      date: daysAgo(5),
      followUps: [
        { description: "联系学校劝返", dueDate: daysAgo(1) },
        { description: "办理医保", dueDate: daysAgo(-10) },
      ],
    });
    expect((await logVisit(undefined, input)).ok).toBe(true);
    const viewer = (await getViewer())!;
    const counts = await followUpCounts(viewer);
    expect(counts.overdue).toBe(1);
    expect(counts.open).toBeGreaterThanOrEqual(2);

    const overdue = await t.prisma.followUp.findFirstOrThrow({ where: { visitId: input.clientVisitId, description: "联系学校劝返" } });
    expect(await resolveFollowUp(undefined, { followUpId: overdue.id, resolution: "  " })).toMatchObject({
      ok: false,
      fieldErrors: { resolution: ["必填"] },
    });
    expect(await resolveFollowUp(undefined, { followUpId: overdue.id, resolution: "孩子已返校" })).toMatchObject({
      ok: true,
      message: "督办事项已办结。",
    });
    expect(await t.prisma.followUp.findUniqueOrThrow({ where: { id: overdue.id } })).toMatchObject({ resolution: "孩子已返校" });
    expect(await audits("followup.resolve", overdue.id)).toBe(1);
    expect(await resolveFollowUp(undefined, { followUpId: overdue.id, resolution: "再次" })).toMatchObject({
      ok: false,
      code: "closed",
      message: "该事项此前已办结。",
    });
    expect((await followUpCounts(viewer)).overdue).toBe(0);

    await signInAs(t.prisma, "cadre2");
    const other = await t.prisma.followUp.findFirstOrThrow({ where: { visitId: input.clientVisitId, resolvedAt: null } });
    expect(await resolveFollowUp(undefined, { followUpId: other.id, resolution: "不是我的" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});
