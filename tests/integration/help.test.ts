// Asking for help on a real database: a report from a card reaches the household's cadre (and the
// county) with a deadline of 5 working days that skips the weekend; a village report reaches the
// village's cadres, or the matched household's; retries store once; bad input, a used or forged
// proof of work, a dead card link and a flood from one address are refused in plain words; the
// outcome is recorded (reason required for "no action"), audited, and shown to the reporter.
import fs from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, useAddress, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { issueCards } from "@/lib/actions/card/issue-cards";
import { getChallenge } from "@/lib/actions/help/get-challenge";
import { submitCardReport } from "@/lib/actions/help/submit-card-report";
import { submitVillageReport } from "@/lib/actions/help/submit-village-report";
import { recordOutcome } from "@/lib/actions/help/record-outcome";
import { helpStatus, leadDeadline, listLeads, receiveCardReport } from "@/lib/data/help";
import { getCardView } from "@/lib/data/card";
import { getViewer } from "@/lib/auth/session";
import { createPowSolver } from "@/lib/security/pow-solver";
import { issueChallenge } from "@/lib/security/pow";
import { LIMITS } from "@/lib/ratelimit";
import { today } from "@/lib/clock";
import { addWorkingDays } from "@/lib/domain/working-days";
import { loadWorkCalendar } from "@/lib/data/calendar";
import { GET as getLeadPhoto } from "@/app/(app)/leads/photo/[id]/route";

const VILLAGE = "520603201200";
const OTHER_VILLAGE = "520603201201";
let t: TestDb;
let uploadDir: string;
let mine: string; // cadre1's
let theirs: string; // cadre2's, same village
let token = ""; // mine's card
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

beforeAll(async () => {
  process.env.JINGZHUN_POW_BITS = "8";
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "jz-help-uploads-"));
  process.env.UPLOAD_DIR = uploadDir;
  t = await createTestDb();
  await seedRegions(t.prisma);
  const c1 = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: VILLAGE });
  const c2 = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: VILLAGE });
  const c3 = await createUser(t.prisma, { username: "cadre3", role: "cadre", regionId: OTHER_VILLAGE });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602" });
  const a = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", headName: "王大山" });
  const b = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0002", headName: "赵邻居" });
  const c = await createHousehold(t.prisma, { villageId: OTHER_VILLAGE, number: "0001", headName: "钱远方" });
  [mine, theirs] = [a.id, b.id];
  await assign(t.prisma, mine, c1.id);
  await assign(t.prisma, theirs, c2.id);
  await assign(t.prisma, c.id, c3.id);
  await signInAs(t.prisma, "cadre1");
  const r = await issueCards(undefined, form({ householdId: mine }));
  signOut();
  token = r.ok ? r.data!.cards[0]!.url.split("/card/")[1]! : "";
});

afterAll(async () => {
  signOut();
  await t?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

async function pow() {
  const r = await getChallenge();
  if (!r.ok || !r.data) throw new Error(`no challenge: ${!r.ok && r.message}`);
  return { challenge: r.data.challenge, nonce: String(createPowSolver().search(r.data.challenge, r.data.bits, 0, 1 << 22)) };
}

async function leadsOf(username: string) {
  await signInAs(t.prisma, username);
  const viewer = (await getViewer())!;
  const out = await listLeads(viewer, { filter: "all" });
  signOut();
  return out.items;
}

function cardReport(values: Record<string, string | Blob>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return submitCardReport(undefined, fd);
}

describe("a report from the household card", () => {
  const id = crypto.randomUUID();

  it("lands with the household's cadre and the county, with a deadline of 5 working days", async () => {
    useAddress("203.0.113.1");
    const r = await cardReport({
      token,
      id,
      category: "illness",
      text: "老伴住院，医药费不够。",
      photo: new File([PNG], "x.png", { type: "image/png" }),
      ...(await pow()),
    });
    expect(r.ok).toBe(true);
    const row = await t.prisma.helpRequest.findUniqueOrThrow({ where: { id } });
    expect(row.householdId).toBe(mine);
    expect(row.source).toBe("card");
    expect(row.villageId).toBe(VILLAGE);
    expect(row.deadline.toISOString().slice(0, 10)).toBe(addWorkingDays(today(), 5, await loadWorkCalendar(t.prisma)));
    expect(row.photoKey).toMatch(/^help\/520603\/[0-9a-f-]{36}\.png$/);
    expect(row.photoSha256).toBe(createHash("sha256").update(PNG).digest("hex")); // a restore checks the file against it
    expect(fs.readFileSync(path.join(uploadDir, row.photoKey!))).toEqual(PNG);
    expect((await leadsOf("cadre1")).map((l) => l.id)).toContain(id);
    expect((await leadsOf("official")).map((l) => l.id)).toContain(id);
    expect((await leadsOf("cadre2")).map((l) => l.id)).not.toContain(id);
    expect((await leadsOf("cadre3")).map((l) => l.id)).not.toContain(id);
    expect((await leadsOf("official2")).map((l) => l.id)).not.toContain(id);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "help.report", entityId: id } });
    expect(audit.actorId).toBeNull();
    expect(JSON.stringify(audit.after)).not.toContain("203.0.113.1");
  });

  it("its photo is served to the cadres who follow the lead, and to nobody else", async () => {
    const get = async (who: string | null) => {
      if (who) await signInAs(t.prisma, who);
      else signOut();
      const res = await getLeadPhoto(new Request("http://x/"), { params: Promise.resolve({ id }) });
      signOut();
      return res;
    };
    const ok = await get("cadre1");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(PNG);
    expect((await get("official")).status).toBe(200);
    expect((await get("cadre2")).status).toBe(404);
    expect((await get("official2")).status).toBe(404);
    expect((await get(null)).status).toBe(401);
  });

  it("a retry of the same report (same id) stores it once", async () => {
    useAddress("203.0.113.1");
    const again = await cardReport({ token, id, category: "illness", text: "老伴住院，医药费不够。", ...(await pow()) });
    expect(again.ok).toBe(true);
    expect(await t.prisma.helpRequest.count({ where: { id } })).toBe(1);
    // the same id with other content is refused, and says nothing about the stored one
    const other = await cardReport({ token, id, category: "water", text: "别的内容", ...(await pow()) });
    expect(other.ok).toBe(false);
    expect(!other.ok && other.message).not.toContain("老伴");
  });

  it("the card page lists the household's own reports with their state", async () => {
    const view = await getCardView(mine);
    expect(view!.requests).toHaveLength(1);
    expect(view!.requests[0]).toMatchObject({ category: "illness", state: "open" });
  });

  it("a deadline skips the weekend: received on a Friday, due the next Friday", async () => {
    expect(await leadDeadline(t.prisma, "520603", "2025-01-03")).toBe("2025-01-10");
    expect(await leadDeadline(t.prisma, "520603", "2025-01-04")).toBe("2025-01-10"); // Saturday
    const friday = new Date("2025-01-03T10:00:00+08:00");
    const c = issueChallenge(friday.getTime(), { bits: 8 });
    const nonce = String(createPowSolver().search(c.challenge, 8, 0, 1 << 22));
    const r = await receiveCardReport(
      { token, id: crypto.randomUUID(), category: "disaster", text: "周五报的", challenge: c.challenge, nonce },
      { address: "203.0.113.200", now: friday },
    );
    expect(r.deadline).toBe("2025-01-10");
  });
});

describe("bad input is refused in plain words", () => {
  it("an over-long report", async () => {
    useAddress("203.0.113.2");
    const r = await cardReport({ token, id: crypto.randomUUID(), category: "other", text: "长".repeat(501), ...(await pow()) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors?.text).toEqual(["最多写 500 个字"]);
  });

  it("a photo of the wrong type (by its bytes, whatever its name) or too large", async () => {
    useAddress("203.0.113.3");
    const fake = await cardReport({
      token,
      id: crypto.randomUUID(),
      category: "other",
      text: "照片",
      photo: new File([Buffer.from("GIF89a....")], "x.jpg", { type: "image/jpeg" }),
      ...(await pow()),
    });
    expect(!fake.ok && fake.fieldErrors?.photo).toEqual(["照片只能是 JPG、PNG 或 WebP 格式"]);
    const pdf = await cardReport({
      token,
      id: crypto.randomUUID(),
      category: "other",
      text: "照片",
      photo: new File([Buffer.from("%PDF-1.4 ...")], "x.png", { type: "image/png" }),
      ...(await pow()),
    });
    expect(!pdf.ok && pdf.fieldErrors?.photo).toEqual(["照片只能是 JPG、PNG 或 WebP 格式"]);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const large = await cardReport({
      token,
      id: crypto.randomUUID(),
      category: "other",
      text: "照片",
      photo: new File([big], "x.png", { type: "image/png" }),
      ...(await pow()),
    });
    expect(!large.ok && large.fieldErrors?.photo).toEqual(["照片不能超过 5 MB"]);
    expect(fs.readdirSync(path.join(uploadDir, "help", "520603"))).toHaveLength(1); // only the first report's
  });

  it("a revoked or unknown card link, without saying whose", async () => {
    useAddress("203.0.113.4");
    const r = await cardReport({ token: "D".repeat(43), id: crypto.randomUUID(), category: "other", text: "x", ...(await pow()) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe("未找到：链接无效或已作废。");
  });

  it("a used, forged or unworked proof of work", async () => {
    useAddress("203.0.113.5");
    const p = await pow();
    const first = await cardReport({ token, id: crypto.randomUUID(), category: "other", text: "第一次", ...p });
    expect(first.ok).toBe(true);
    const reused = await cardReport({ token, id: crypto.randomUUID(), category: "other", text: "第二次", ...p });
    expect(!reused.ok && reused.message).toBe("这次提交已经用过，请再点一次“提交”。");
    const forged = issueChallenge(Date.now(), { bits: 8, key: Buffer.alloc(32, 7) });
    const f = await cardReport({
      token,
      id: crypto.randomUUID(),
      category: "other",
      text: "伪造",
      challenge: forged.challenge,
      nonce: String(createPowSolver().search(forged.challenge, 8, 0, 1 << 22)),
    });
    expect(f.ok).toBe(false);
    const q = await pow();
    let lazy = 0;
    while (createPowSolver().search(q.challenge, 8, lazy, 1) === lazy) lazy++;
    const l = await cardReport({
      token,
      id: crypto.randomUUID(),
      category: "other",
      text: "偷懒",
      challenge: q.challenge,
      nonce: String(lazy),
    });
    expect(l.ok).toBe(false);
  });

  it("a flood from one address: the 6th report in the hour is refused, another address is not", async () => {
    useAddress("198.51.100.77");
    for (let i = 0; i < LIMITS.reportPerAddress.max; i++) {
      const r = await submitVillageReport(
        undefined,
        form({ villageId: VILLAGE, id: crypto.randomUUID(), text: `第 ${i + 1} 条`, ...(await pow()) }),
      );
      expect(r.ok).toBe(true);
    }
    const sixth = await submitVillageReport(
      undefined,
      form({ villageId: VILLAGE, id: crypto.randomUUID(), text: "第 6 条", ...(await pow()) }),
    );
    expect(sixth.ok).toBe(false);
    expect(!sixth.ok && sixth.code).toBe("rate_limited");
    expect(!sixth.ok && sixth.message).toBe("提交太频繁了，请过一小时再试，或直接拨打求助热线。");
    useAddress("198.51.100.78");
    const other = await submitVillageReport(
      undefined,
      form({ villageId: VILLAGE, id: crypto.randomUUID(), text: "另一个地址", ...(await pow()) }),
    );
    expect(other.ok).toBe(true);
    // no raw address is stored anywhere
    const counters = await t.prisma.rateCounter.findMany({ select: { key: true } });
    expect(counters.map((c) => c.key).join(" ")).not.toMatch(/198\.51\.100/);
  });

  it("an unknown village", async () => {
    useAddress("203.0.113.6");
    const r = await submitVillageReport(
      undefined,
      form({ villageId: "520603201299", id: crypto.randomUUID(), text: "x", ...(await pow()) }),
    );
    expect(!r.ok && r.message).toBe("未找到：链接无效或已作废。");
  });
});

describe("the village form", () => {
  it("a report naming no household reaches the village's cadres, not other villages'", async () => {
    useAddress("203.0.113.10");
    const id = crypto.randomUUID();
    const r = await submitVillageReport(
      undefined,
      form({ villageId: VILLAGE, id, category: "disaster", text: "村东头房子被冲坏了", contact: "13900000000", ...(await pow()) }),
    );
    expect(r.ok).toBe(true);
    const row = await t.prisma.helpRequest.findUniqueOrThrow({ where: { id } });
    expect(row.householdId).toBeNull();
    expect((await leadsOf("cadre1")).map((l) => l.id)).toContain(id);
    expect((await leadsOf("cadre2")).map((l) => l.id)).toContain(id);
    expect((await leadsOf("cadre3")).map((l) => l.id)).not.toContain(id);
    // contact left: a status link that shows the progress only
    const link = r.ok ? r.data!.statusPath! : "";
    expect(link).toMatch(new RegExp(`^/help/${VILLAGE}/status/[A-Za-z0-9_-]{43}$`));
    const status = await helpStatus(link.split("/").pop());
    expect(status).toMatchObject({ villageId: VILLAGE, category: "disaster", state: "open" });
    expect(JSON.stringify(status)).not.toContain("13900000000");
  });

  it("a report naming exactly one household's head reaches that household's cadre only", async () => {
    useAddress("203.0.113.11");
    const id = crypto.randomUUID();
    const r = await submitVillageReport(
      undefined,
      form({ villageId: VILLAGE, id, category: "job_loss", headName: "赵邻居", text: "他家儿子工厂倒闭没了工作", ...(await pow()) }),
    );
    expect(r.ok).toBe(true);
    expect(r.ok && r.data!.statusPath).toBeNull(); // no contact: no link
    const row = await t.prisma.helpRequest.findUniqueOrThrow({ where: { id } });
    expect(row.householdId).toBe(theirs);
    expect((await leadsOf("cadre2")).map((l) => l.id)).toContain(id);
    expect((await leadsOf("cadre1")).map((l) => l.id)).not.toContain(id);
  });
});

describe("recording the outcome", () => {
  let id = "";
  beforeAll(async () => {
    id = (await t.prisma.helpRequest.findFirstOrThrow({ where: { householdId: mine, category: "illness" } })).id;
  });

  it("'no action' needs a reason", async () => {
    await signInAs(t.prisma, "cadre1");
    const r = await recordOutcome(undefined, form({ id, outcome: "no_action", note: "" }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors?.note).toEqual(["必填"]);
    signOut();
  });

  it("another village's cadre cannot record it", async () => {
    await signInAs(t.prisma, "cadre3");
    const r = await recordOutcome(undefined, form({ id, outcome: "visited" }));
    expect(!r.ok && r.code).toBe("not_found");
    signOut();
  });

  it("visited, then proposed: audited, shown on the card, then closed", async () => {
    await signInAs(t.prisma, "cadre1");
    expect((await recordOutcome(undefined, form({ id, outcome: "visited", note: "已入户了解" }))).ok).toBe(true);
    signOut();
    await signInAs(t.prisma, "official");
    expect((await recordOutcome(undefined, form({ id, outcome: "proposed", note: "提出纳入突发严重困难户监测" }))).ok).toBe(true);
    const closed = await recordOutcome(undefined, form({ id, outcome: "no_action", note: "改主意" }));
    expect(!closed.ok && closed.code).toBe("closed");
    signOut();
    const events = await t.prisma.auditEvent.findMany({ where: { action: "help.outcome", entityId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.after as { state: string }).state)).toEqual(["visited", "proposed"]);
    const view = await getCardView(mine);
    expect(view!.requests.find((x) => x.category === "illness")).toMatchObject({
      state: "proposed",
      outcome: "提出纳入突发严重困难户监测",
    });
  });
});
