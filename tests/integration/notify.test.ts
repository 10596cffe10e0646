// Notifications where a person must act (issue #23, point 9): a lead near its deadline, a notice
// about to end, an evaluation released. Log only by default; an SMS gateway over HTTP and the
// WeCom / DingTalk group robots, tested against a local HTTP receiver this test starts; every
// message recorded (who, what, channel, result), none sent twice, failures tried again, nothing
// personal in any text, one process at a time by the job's lease.
import crypto from "node:crypto";
import http from "node:http";
import { Writable } from "node:stream";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { runNotifications } from "@/lib/notify/run";
import { claim, release } from "@/lib/jobs/lease";
import { saveNotifyChannel } from "@/lib/actions/admin/save-notify-channel";
import { sendTestNotification } from "@/lib/actions/admin/send-test-notification";
import { setLogDestination } from "@/lib/log/logger";

const COUNTY = "520603";
const VILLAGE = "520603201200";
const TODAY = "2026-12-03"; // a Thursday: the next working day is Friday 2026-12-04
const NOW = new Date("2026-12-03T02:00:00Z");
let t: TestDb;
const ids: Record<string, string> = {};

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}
let received: Received[] = [];
let answer: (r: Received) => { status: number; body: unknown } = () => ({ status: 200, body: { ok: true } });
let server: http.Server;
let base = "";
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: Received = { url: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") };
      received.push(r);
      const a = answer(r);
      res.writeHead(a.status, { "content-type": "application/json" });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setLogDestination(
    new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(l));
        done();
      },
    }),
  );

  t = await createTestDb();
  await seedRegions(t.prisma);
  const mk = async (
    username: string,
    role: "admin" | "county_official" | "cadre" | "facilitator" | "evaluator",
    regionId: string,
    phone: string | null,
  ) => {
    const u = await createUser(t.prisma, { username, role, regionId, name: username });
    if (phone) await t.prisma.user.update({ where: { id: u.id }, data: { phone } });
    ids[username] = u.id;
    return u;
  };
  await mk("admin", "admin", "52", "13900000000");
  await mk("cadre1", "cadre", VILLAGE, "13800000001");
  await mk("cadre2", "cadre", VILLAGE, null);
  await mk("facilitator", "facilitator", VILLAGE, "13800000003");
  await mk("official", "county_official", COUNTY, "13800000004");
  await mk("township", "county_official", "520603201", "13800000005");
  await mk("official2", "county_official", "520602", "13800000006");
  await mk("evaluator", "evaluator", "5206", null);
  const h = await createHousehold(t.prisma, { villageId: VILLAGE, number: "0001", headName: "王大山" });
  ids.household = h.id;
  await assign(t.prisma, h.id, ids.cadre1!);
  const lead = (id: string, deadline: string, householdId: string | null) =>
    t.prisma.helpRequest.create({
      data: {
        id,
        villageId: VILLAGE,
        countyId: COUNTY,
        householdId,
        source: householdId ? "card" : "village_form",
        category: "illness",
        text: "老伴住院，医药费不够",
        deadline: new Date(`${deadline}T00:00:00Z`),
      },
    });
  ids.leadTomorrow = crypto.randomUUID();
  ids.leadToday = crypto.randomUUID();
  ids.leadLater = crypto.randomUUID();
  await lead(ids.leadTomorrow, "2026-12-04", h.id);
  await lead(ids.leadToday, "2026-12-03", null);
  await lead(ids.leadLater, "2026-12-07", h.id);
  ids.notice = crypto.randomUUID();
  await t.prisma.notice.create({
    data: {
      id: ids.notice,
      villageId: VILLAGE,
      countyId: COUNTY,
      kind: "first",
      startDate: new Date("2026-11-28T00:00:00Z"),
      days: 7,
      endDate: new Date("2026-12-04T00:00:00Z"),
    },
  });
  ids.evaluation = crypto.randomUUID();
  ids.oldEvaluation = crypto.randomUUID();
  const evaluation = (id: string, countyId: string, releaseAt: Date) =>
    t.prisma.evaluation.create({
      data: { id, countyId, year: 2026, name: "2026年第三方评估", state: "drawn", plan: {}, createdById: ids.evaluator!, releaseAt },
    });
  await evaluation(ids.evaluation, COUNTY, new Date("2026-12-02T12:00:00Z"));
  await evaluation(ids.oldEvaluation, "520602", new Date("2026-10-01T00:00:00Z"));
});

afterAll(async () => {
  signOut();
  setLogDestination();
  await t?.close();
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  received = [];
  answer = () => ({ status: 200, body: { ok: true } });
});

const run = () => runNotifications(t.prisma, { everyMs: 0, force: true, now: NOW, today: TODAY });
const rows = (where: Record<string, unknown> = {}) => t.prisma.notification.findMany({ where, orderBy: { dedupeKey: "asc" } });

async function setChannel(values: Record<string, string>) {
  await signInAs(t.prisma, "admin");
  const current = await t.prisma.notifyChannel.findUnique({ where: { provinceId: "52" } });
  const r = await saveNotifyChannel(undefined, form({ version: current?.version ?? 1, enabled: "on", ...values }));
  signOut();
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

describe("log only (the default): who must act, recorded; nothing leaves the machine", () => {
  it("a lead due today or on the next working day, a notice ending tomorrow, an evaluation released this week", async () => {
    const r = await run();
    expect(r).not.toBeNull();
    expect(received).toEqual([]);
    const all = await rows();
    const keys = all.map((n) => n.dedupeKey);
    // the household's lead goes to its cadre; the village's lead to the village's cadres
    expect(keys).toContain(`lead_due:${ids.leadTomorrow}:${ids.cadre1}`);
    expect(keys).not.toContain(`lead_due:${ids.leadTomorrow}:${ids.cadre2}`);
    expect(keys).toContain(`lead_due:${ids.leadToday}:${ids.cadre1}`);
    expect(keys).toContain(`lead_due:${ids.leadToday}:${ids.cadre2}`);
    expect(keys.filter((k) => k.includes(ids.leadLater!))).toEqual([]);
    // the notice: the facilitator and the officials over the village (county and township)
    for (const u of ["facilitator", "official", "township"]) expect(keys).toContain(`notice_ending:${ids.notice}:${ids[u]}`);
    expect(keys.filter((k) => k.startsWith("notice_ending") && k.endsWith(ids.official2!))).toEqual([]);
    // the evaluation: the county's officials; the old one (another county, two months ago) is not news
    expect(keys).toContain(`evaluation_released:${ids.evaluation}:${ids.official}`);
    expect(keys.filter((k) => k.includes(ids.oldEvaluation!))).toEqual([]);
    for (const n of all) {
      expect(n).toMatchObject({ channel: "log", status: "logged", attempts: 1, provinceId: "52", countyId: COUNTY });
      expect(n.sentAt).not.toBeNull();
    }
    expect(logLines.filter((l) => l.msg === "notification").length).toBe(all.length);
  });

  it("the texts name a place, a date and what to do — never the household, its need or what was written", async () => {
    const all = await rows();
    const lead = all.find((n) => n.kind === "lead_due" && n.dedupeKey.includes(ids.leadTomorrow!))!;
    expect(lead.text).toBe("【精准】丹阳村有一条求助线索将于2026-12-04到期，请登录精准系统处理。");
    const notice = all.find((n) => n.kind === "notice_ending")!;
    expect(notice.text).toContain("丹阳村的第一次公示（2026-11-28至2026-12-04）");
    for (const n of all) for (const bad of ["王大山", "住院", "医药", "illness", "0001", "13800000001"]) expect(n.text).not.toContain(bad);
  });

  it("a second run sends nothing twice", async () => {
    const before = (await rows()).length;
    const r = await run();
    expect(r?.created).toBe(0);
    expect((await rows()).length).toBe(before);
  });
});

describe("an SMS gateway over HTTP", () => {
  it("the admin sets it (audited without the secret); each recipient with a phone gets one message", async () => {
    await setChannel({ kind: "sms_http", url: `${base}/sms`, secret: "gateway-token-1" });
    const audit = await t.sql<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_event WHERE action = 'notify.channel.set' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]!.after).toMatchObject({ kind: "sms_http", url: `${base}/sms`, secretSet: true, secretChanged: true });
    expect(JSON.stringify(audit)).not.toContain("gateway-token-1");

    const lead = crypto.randomUUID();
    await t.prisma.helpRequest.create({
      data: {
        id: lead,
        villageId: VILLAGE,
        countyId: COUNTY,
        householdId: null,
        source: "hotline",
        category: "disaster",
        text: "房屋漏雨",
        deadline: new Date("2026-12-04T00:00:00Z"),
      },
    });
    const r = await run();
    expect(r?.created).toBe(2); // cadre1 and cadre2
    expect(received).toHaveLength(1); // cadre2 has no phone
    expect(received[0]!.url).toBe("/sms");
    expect(received[0]!.headers.authorization).toBe("Bearer gateway-token-1");
    expect(received[0]!.body).toMatchObject({
      to: "13800000001",
      text: "【精准】丹阳村有一条求助线索将于2026-12-04到期，请登录精准系统处理。",
    });
    const mine = await rows({ dedupeKey: { startsWith: `lead_due:${lead}` } });
    expect(received[0]!.body.ref).toBe(mine.find((n) => n.recipientId === ids.cadre1)!.id);
    expect(mine.map((n) => [n.recipientId, n.channel, n.status, n.detail])).toEqual(
      expect.arrayContaining([
        [ids.cadre1, "sms_http", "sent", "http_200"],
        [ids.cadre2, "sms_http", "skipped", "no_phone"],
      ]),
    );
  });

  it("a gateway failure is recorded and tried again on the next run, three times at most", async () => {
    const lead = crypto.randomUUID();
    await t.prisma.helpRequest.create({
      data: {
        id: lead,
        villageId: VILLAGE,
        countyId: COUNTY,
        householdId: ids.household!,
        source: "card",
        category: "accident",
        text: "摔伤",
        deadline: new Date("2026-12-04T00:00:00Z"),
      },
    });
    answer = () => ({ status: 500, body: { error: "down" } });
    await run();
    let row = (await rows({ dedupeKey: `lead_due:${lead}:${ids.cadre1}` }))[0]!;
    expect(row).toMatchObject({ status: "failed", detail: "http_500", attempts: 1 });
    answer = () => ({ status: 200, body: { ok: true } });
    received = [];
    const r = await run();
    expect(r?.retried).toBe(1);
    row = (await rows({ dedupeKey: `lead_due:${lead}:${ids.cadre1}` }))[0]!;
    expect(row).toMatchObject({ status: "sent", detail: "http_200", attempts: 2 });
    expect(received).toHaveLength(1);
    // a message that failed three times is left alone (and shown as failed)
    await t.prisma.notification.update({ where: { id: row.id }, data: { status: "failed", attempts: 3 } });
    received = [];
    await run();
    expect(received).toHaveLength(0);
  });

  it("the test button sends to the admin's own phone; recorded and audited", async () => {
    await signInAs(t.prisma, "admin");
    const r = await sendTestNotification(undefined, {});
    signOut();
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(received.at(-1)!.body).toMatchObject({ to: "13900000000" });
    expect(String(received.at(-1)!.body.text)).toContain("测试消息");
    const row = (await rows({ kind: "test" })).at(-1)!;
    expect(row).toMatchObject({ recipientId: ids.admin, channel: "sms_http", status: "sent" });
    const audit = await t.sql(`SELECT 1 FROM audit_event WHERE action = 'notify.test' AND "entityId" = $1`, [row.id]);
    expect(audit).toHaveLength(1);
  });
});

describe("group robots: one message per event, to the group", () => {
  it("WeCom: its message format; errcode 0 is delivered, anything else a failure", async () => {
    await setChannel({ kind: "wecom", url: `${base}/cgi-bin/webhook/send?key=abc` });
    // (the events so far were sent to people; the group would get them too: settle them first)
    await t.prisma.helpRequest.updateMany({ data: { state: "visited" } });
    await t.prisma.notice.updateMany({ data: { endDate: new Date("2026-11-30T00:00:00Z") } });
    await t.prisma.evaluation.updateMany({ data: { releaseAt: new Date("2026-10-01T00:00:00Z") } });
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    for (const id of [a, b]) {
      await t.prisma.helpRequest.create({
        data: {
          id,
          villageId: VILLAGE,
          countyId: COUNTY,
          householdId: null,
          source: "hotline",
          category: "other",
          text: "x",
          deadline: new Date("2026-12-04T00:00:00Z"),
        },
      });
    }
    let n = 0;
    answer = () => ({ status: 200, body: n++ === 0 ? { errcode: 0, errmsg: "ok" } : { errcode: 93000, errmsg: "invalid webhook url" } });
    await run();
    expect(received).toHaveLength(2);
    expect(received[0]!.url).toBe("/cgi-bin/webhook/send?key=abc");
    expect(received[0]!.body).toEqual({
      msgtype: "text",
      text: { content: "【精准】丹阳村有一条求助线索将于2026-12-04到期，请登录精准系统处理。" },
    });
    const group = await rows({ OR: [{ dedupeKey: `lead_due:${a}:group` }, { dedupeKey: `lead_due:${b}:group` }] });
    expect(group.map((g) => g.recipientId)).toEqual([null, null]);
    expect(group.map((g) => g.status).sort()).toEqual(["failed", "sent"]);
    expect(group.find((g) => g.status === "failed")!.detail).toBe("errcode_93000");
  });

  it("DingTalk with a signing secret: timestamp and sign on the URL", async () => {
    await setChannel({ kind: "dingtalk", url: `${base}/robot/send?access_token=tok`, secret: "SEC-dingtalk" });
    const id = crypto.randomUUID();
    await t.prisma.helpRequest.create({
      data: {
        id,
        villageId: VILLAGE,
        countyId: COUNTY,
        householdId: null,
        source: "hotline",
        category: "other",
        text: "x",
        deadline: new Date("2026-12-03T00:00:00Z"),
      },
    });
    answer = () => ({ status: 200, body: { errcode: 0 } });
    await run();
    const hit = received.find((r) => r.url.startsWith("/robot/send"))!;
    const u = new URL(hit.url, base);
    const ts = u.searchParams.get("timestamp")!;
    expect(u.searchParams.get("access_token")).toBe("tok");
    expect(u.searchParams.get("sign")).toBe(crypto.createHmac("sha256", "SEC-dingtalk").update(`${ts}\nSEC-dingtalk`).digest("base64"));
    expect((await rows({ dedupeKey: `lead_due:${id}:group` }))[0]!.status).toBe("sent");
  });
});

describe("one process at a time", () => {
  it("the lease: a second holder gets nothing until the first lets go; a due check holds back a forced-less run", async () => {
    const a = await claim(t.prisma, "notify-lease-test", { leaseMs: 60_000, holder: "server-a" });
    const b = await claim(t.prisma, "notify-lease-test", { leaseMs: 60_000, holder: "server-b" });
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    await release(t.prisma, "notify-lease-test", { ok: true, state: { n: 1 } }, "server-a");
    expect(await claim(t.prisma, "notify-lease-test", { leaseMs: 60_000, holder: "server-b", everyMs: 3_600_000 })).toBeNull(); // ran just now: not due
    const c = await claim<{ n: number }>(t.prisma, "notify-lease-test", { leaseMs: 60_000, holder: "server-b" });
    expect(c?.state).toEqual({ n: 1 });
  });

  it("two runs at once: one sends, the other finds the job taken", async () => {
    const [x, y] = await Promise.all([run(), run()]);
    expect([x, y].filter((r) => r === null)).toHaveLength(1);
  });
});
