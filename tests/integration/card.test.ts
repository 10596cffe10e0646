// The household card on a real database: issuing and printing (only hashes stored; a village
// print issues only missing cards unless "reissue", as one audited event), revoking (the old
// link stops at once), what the public page holds (no national ID, no health, no other member,
// no other household), view counting without the viewer, the per-address view limit, and an
// objection from the card during a notice.
import { currentYear } from "@/lib/clock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, form, signInAs, signOut, useAddress, type TestDb } from "./helpers";
import { assign, createHousehold, createUser, seedRegions } from "../factories";
import { recomputeHousehold } from "@/lib/data/assessment";
import { getCardView, openCard } from "@/lib/data/card";
import { issueCards } from "@/lib/actions/card/issue-cards";
import { revokeCard } from "@/lib/actions/card/revoke-card";
import { lodgeCardObjection } from "@/lib/actions/card/lodge-objection";
import { getChallenge } from "@/lib/actions/help/get-challenge";
import { createPowSolver } from "@/lib/security/pow-solver";
import { hashToken } from "@/lib/card/token";
import { LIMITS } from "@/lib/ratelimit";
import { today } from "@/lib/clock";

let t: TestDb;
let mine: string; // cadre1's household, with sensitive member data
let theirs: string; // cadre2's household, same village
let spare: string; // cadre1's second household
const NATIONAL_IDS = ["52060319700501001X", "520603197305010028", "520603201505010031"];

beforeAll(async () => {
  process.env.JINGZHUN_POW_BITS = "8";
  t = await createTestDb();
  await seedRegions(t.prisma);
  const cadre1 = await createUser(t.prisma, { username: "cadre1", role: "cadre", regionId: "520603201200", name: "李帮扶" });
  const cadre2 = await createUser(t.prisma, { username: "cadre2", role: "cadre", regionId: "520603201200", name: "张帮扶" });
  await t.prisma.user.update({ where: { id: cadre1.id }, data: { phone: "13800000001" } });
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "official2", role: "county_official", regionId: "520602" });
  await createUser(t.prisma, { username: "facilitator", role: "facilitator", regionId: "520603201200" });
  const a = await createHousehold(t.prisma, {
    villageId: "520603201200",
    number: "0001",
    headName: "王大山",
    incomeWages: 3000,
    members: 3,
  });
  const b = await createHousehold(t.prisma, {
    villageId: "520603201200",
    number: "0002",
    headName: "赵邻居",
    incomeWages: 60000,
    members: 2,
  });
  const c = await createHousehold(t.prisma, {
    villageId: "520603201200",
    number: "0003",
    headName: "孙备用",
    incomeWages: 60000,
    members: 2,
  });
  [mine, theirs, spare] = [a.id, b.id, c.id];
  await assign(t.prisma, mine, cadre1.id);
  await assign(t.prisma, spare, cadre1.id);
  await assign(t.prisma, theirs, cadre2.id);
  // the sensitive facts the card must never show
  const members = await t.prisma.member.findMany({ where: { householdId: mine }, orderBy: { birthDate: "asc" } });
  for (const [i, m] of members.entries()) {
    await t.prisma.member.update({
      where: { id: m.id },
      data: { nationalId: NATIONAL_IDS[i], health: i === 1 ? "serious_illness" : "healthy", disability: i === 2 ? "肢体残疾二级" : null },
    });
  }
  await t.prisma.assistanceMeasure.createMany({
    data: [
      {
        householdId: mine,
        countyId: "520603",
        category: "health",
        kind: "health",
        description: "大病专项救治：王大山家人1 住院",
        amount: 8000,
        startDate: new Date("2025-03-01"),
      },
      {
        householdId: mine,
        countyId: "520603",
        category: "education",
        kind: "education",
        description: "雨露计划：王大山家人2 中职补助",
        amount: 3000,
        startDate: new Date("2025-09-01"),
      },
      {
        householdId: mine,
        countyId: "520603",
        category: "industry",
        kind: "industry",
        description: "产业扶贫：养牛补助",
        amount: 5000,
        startDate: new Date("2024-05-01"),
      },
    ],
  });
  await t.prisma.visit.create({
    data: {
      id: crypto.randomUUID(),
      householdId: mine,
      countyId: "520603",
      cadreId: cadre1.id,
      date: new Date("2026-10-12"),
      mode: "home",
      findings: "王大山家人1 患大病住院，身份证 520603197305010028",
    },
  });
  for (const id of [mine, theirs, spare])
    await t.prisma.$transaction((tx) => recomputeHousehold(tx, id, { trigger: "seed", actorId: null }));
});

afterAll(async () => {
  signOut();
  await t?.close();
});

async function issue(username: string, values: Record<string, string | boolean>) {
  await signInAs(t.prisma, username);
  const r = await issueCards(undefined, form(values as Record<string, string>));
  signOut();
  return r;
}

const tokenOf = (url: string) => url.split("/card/")[1]!;

async function proofOfWork() {
  const r = await getChallenge();
  if (!r.ok || !r.data) throw new Error("no challenge");
  const n = createPowSolver().search(r.data.challenge, r.data.bits, 0, 1 << 22);
  return { challenge: r.data.challenge, nonce: String(n) };
}

describe("issuing and revoking cards", () => {
  let token = "";

  it("the assigned cadre issues a card: the token is shown once, only its hash is stored, the event audited", async () => {
    const r = await issue("cadre1", { householdId: mine });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data!.cards).toHaveLength(1);
    const card = r.data!.cards[0]!;
    expect(card.headName).toBe("王大山");
    expect(card.cadreName).toBe("李帮扶");
    expect(card.cadrePhone).toBe("13800000001");
    expect(card.hotline).toBe("12317"); // the county has no hotline set: the national one
    expect(card.svg).toContain("<svg");
    token = tokenOf(card.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const h = await t.prisma.household.findUniqueOrThrow({ where: { id: mine } });
    expect(h.cardTokenHash).toBe(hashToken(token));
    expect(JSON.stringify(h)).not.toContain(token);
    const events = await t.prisma.auditEvent.findMany({ where: { action: "card.issue", entityId: mine } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.after)).not.toContain(token);
  });

  it("another cadre, an official of another county and a facilitator cannot issue it", async () => {
    expect((await issue("cadre2", { householdId: mine })).ok).toBe(false);
    expect((await issue("official2", { householdId: mine })).ok).toBe(false);
    const f = await issue("facilitator", { householdId: mine });
    expect(f.ok).toBe(false);
    expect(await t.prisma.household.findUniqueOrThrow({ where: { id: mine } }).then((h) => h.cardTokenHash)).toBe(hashToken(token));
  });

  it("another county's village prints nothing and is refused as not found, audited", async () => {
    const official2 = await t.prisma.user.findUniqueOrThrow({ where: { username: "official2" } });
    const r = await issue("official2", { villageId: "520603201200", reissue: "on" });
    expect(r).toMatchObject({ ok: false, code: "not_found" });
    const denied = await t.prisma.auditEvent.findMany({
      where: { action: "access.denied", actorId: official2.id, entityId: "card.issue" },
    });
    expect(denied.filter((e) => JSON.stringify(e.after).includes("520603201200"))).toHaveLength(1);
    expect(await t.prisma.household.findUniqueOrThrow({ where: { id: mine } }).then((h) => h.cardTokenHash)).toBe(hashToken(token));
  });

  it("printing again does not rotate silently: without 'reissue' nothing is issued", async () => {
    const r = await issue("cadre1", { householdId: mine });
    expect(r.ok && r.data!.cards.length).toBe(0);
    expect(r.ok && r.data!.skipped).toBe(1);
    const open = await openCard(token, "10.0.0.1");
    expect(open.kind).toBe("ok");
  });

  it("a revoked token opens nothing at once, like an unknown or malformed one", async () => {
    await signInAs(t.prisma, "cadre1");
    const r = await revokeCard(undefined, form({ householdId: mine, reason: "卡片遗失" }));
    signOut();
    expect(r.ok).toBe(true);
    expect((await openCard(token, "10.0.0.1")).kind).toBe("not_found");
    expect((await openCard("A".repeat(43), "10.0.0.1")).kind).toBe("not_found");
    expect((await openCard("../../etc/passwd", "10.0.0.1")).kind).toBe("not_found");
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "card.revoke", entityId: mine } });
    expect(audit.reason).toBe("卡片遗失");
  });

  it("reissuing (a lost card) gives a new token; the old one stays dead", async () => {
    const r = await issue("official", { householdId: mine, reissue: "on" });
    expect(r.ok).toBe(true);
    const fresh = tokenOf(r.ok ? r.data!.cards[0]!.url : "");
    expect(fresh).not.toBe(token);
    expect((await openCard(token, "10.0.0.1")).kind).toBe("not_found");
    expect((await openCard(fresh, "10.0.0.1")).kind).toBe("ok");
    const again = await issue("official", { householdId: mine, reissue: "on" });
    const newest = tokenOf(again.ok ? again.data!.cards[0]!.url : "");
    expect((await openCard(fresh, "10.0.0.1")).kind).toBe("not_found");
    expect((await openCard(newest, "10.0.0.1")).kind).toBe("ok");
  });

  it("a village print issues only the missing cards, in one audited event with the count", async () => {
    const before = await t.prisma.auditEvent.count({ where: { action: "card.issue_village" } });
    const r = await issue("official", { villageId: "520603201200" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data!.cards.map((c) => c.headName).sort()).toEqual(["孙备用", "赵邻居"]);
    expect(r.data!.skipped).toBe(1);
    const events = await t.prisma.auditEvent.findMany({ where: { action: "card.issue_village" }, orderBy: { id: "desc" } });
    expect(events.length).toBe(before + 1);
    expect(events[0]!.after).toMatchObject({ count: 2, issued: 2, reissued: 0, skipped: 1 });
    // the cadre's village print covers only their own households
    const c = await issue("cadre1", { villageId: "520603201200", reissue: "on" });
    expect(c.ok && c.data!.cards.map((x) => x.headName).sort()).toEqual(["孙备用", "王大山"]);
  });
});

describe("the public card page", () => {
  let token = "";
  beforeAll(async () => {
    const r = await issue("cadre1", { householdId: mine, reissue: "on" });
    token = tokenOf(r.ok ? r.data!.cards[0]!.url : "");
  });

  it("holds the household's own record and nothing else: no ID, no health, no other member, no other household", async () => {
    const view = await getCardView(mine);
    expect(view).not.toBeNull();
    const json = JSON.stringify(view);
    for (const id of NATIONAL_IDS) expect(json).not.toContain(id);
    expect(json).not.toMatch(/\d{17}[\dX]/);
    expect(json).not.toMatch(/serious_illness|chronic|disab|肢体残疾|大病|住院/);
    // no member-level field at all (the measure category "health" is a value, not a field)
    expect(json).not.toMatch(/"(health|disability|nationalId|birthDate|members|findings|problems|address)":/);
    expect(json).not.toContain("家人"); // members' names (王大山家人1 …)
    expect(json).not.toContain("赵邻居");
    expect(json).not.toContain("孙备用");
    expect(json).not.toContain(theirs);
    expect(json).not.toContain(mine); // not even its id: the page knows it by the token only
    expect(view!.headName).toBe("王大山");
    expect(view!.cadre).toEqual({ name: "李帮扶", phone: "13800000001" });
    expect(view!.assessment!.indicators).toHaveLength(7);
    expect(view!.assessment!.indicators[0]!.key).toBe("income");
    expect(view!.visits).toEqual([{ date: "2026-10-12", mode: "home" }]);
    // measures: amounts and dates; the words only where they reveal no health and name no member
    expect(view!.measures.map((m) => [m.category, m.text, m.amount])).toEqual([
      ["education", null, 3000],
      ["health", null, 8000],
      ["industry", "产业扶贫：养牛补助", 5000],
    ]);
  });

  it("shows each measure's type in plain words (a health measure only as 健康帮扶) and the year's plan as figures", async () => {
    const made = await t.prisma.assistanceMeasure.createManyAndReturn({
      data: [
        {
          householdId: mine,
          countyId: "520603",
          category: "health",
          kind: "serious_illness",
          description: "大病救治",
          amount: 0,
          startDate: new Date("2026-01-05"),
        },
        {
          householdId: mine,
          countyId: "520603",
          category: "industry",
          kind: "microcredit",
          description: "扶贫小额信贷",
          amount: 50000,
          startDate: new Date("2026-01-04"),
          bank: "农商银行",
          termMonths: 36,
          interestSubsidy: 0,
          loanStatus: "overdue",
          overdueSince: new Date("2026-06-01"),
        },
      ],
    });
    const plan = await t.prisma.householdPlan.create({
      data: { householdId: mine, countyId: "520603", year: currentYear(), expectedIncome: 5200 },
    });
    await t.prisma.planItem.createMany({
      data: [
        { planId: plan.id, householdId: mine, countyId: "520603", position: 0, text: "办理慢病签约", doneAt: new Date() },
        { planId: plan.id, householdId: mine, countyId: "520603", position: 1, text: "落实护路员岗位" },
      ],
    });
    try {
      const view = await getCardView(mine);
      const json = JSON.stringify(view);
      expect(json).not.toMatch(/serious_illness|大病|慢病|护路员/);
      expect(view!.measures.slice(0, 2).map((m) => [m.category, m.kind, m.loanStatus])).toEqual([
        ["health", null, null],
        ["industry", "microcredit", "overdue"],
      ]);
      expect(view!.plan).toEqual({ year: currentYear(), expectedIncome: 5200, done: 1, total: 2 });
    } finally {
      await t.prisma.householdPlan.delete({ where: { id: plan.id } });
      await t.prisma.assistanceMeasure.deleteMany({ where: { id: { in: made.map((m) => m.id) } } });
    }
  });

  it("every view is counted and audited without the viewer (no actor, no address)", async () => {
    const before = (await t.prisma.household.findUniqueOrThrow({ where: { id: mine } })).cardViews;
    const r = await openCard(token, "203.0.113.77");
    expect(r.kind).toBe("ok");
    const after = (await t.prisma.household.findUniqueOrThrow({ where: { id: mine } })).cardViews;
    expect(after).toBe(before + 1);
    const e = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "card.view", entityId: mine }, orderBy: { id: "desc" } });
    expect(e.actorId).toBeNull();
    expect(JSON.stringify(e, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("203.0.113.77");
    const counters = await t.prisma.rateCounter.findMany();
    expect(JSON.stringify(counters)).not.toContain("203.0.113.77");
  });

  it("a flood of views from one address is refused (429 page), others still get through", async () => {
    const address = "198.51.100.9";
    for (let i = 0; i < LIMITS.cardViewPerAddress.max; i++) expect((await openCard(token, address)).kind).toBe("ok");
    const refused = await openCard(token, address);
    expect(refused.kind).toBe("limited");
    // a bad token from a flooding address is refused the same way: guessing costs the same
    expect((await openCard("B".repeat(43), address)).kind).toBe("limited");
    expect((await openCard(token, "198.51.100.10")).kind).toBe("ok");
  });
});

describe("an objection from the card during a notice", () => {
  let token = "";
  const proposalId = crypto.randomUUID();
  const otherProposal = crypto.randomUUID();

  beforeAll(async () => {
    const r = await issue("cadre1", { householdId: mine, reissue: "on" });
    token = tokenOf(r.ok ? r.data!.cards[0]!.url : "");
    const day = new Date(`${today()}T00:00:00Z`);
    for (const [id, householdId] of [
      [proposalId, mine],
      [otherProposal, theirs],
    ] as const) {
      await t.prisma.proposal.create({
        data: {
          id,
          householdId,
          countyId: "520603",
          villageId: "520603201200",
          kind: "monitor",
          monitoringCategory: "marginal",
          source: "cadre",
          reason: "走访发现",
          householdVersion: 1,
          stage: "first_notice",
        },
      });
      const noticeId = crypto.randomUUID();
      await t.prisma.notice.create({
        data: {
          id: noticeId,
          villageId: "520603201200",
          countyId: "520603",
          kind: "first",
          startDate: day,
          days: 5,
          endDate: new Date(day.getTime() + 4 * 86_400_000),
        },
      });
      await t.prisma.noticeItem.create({ data: { noticeId, proposalId: id } });
    }
  });

  it("the card page shows the notice and until when objections are open", async () => {
    const view = await getCardView(mine);
    const p = view!.proposals.find((x) => x.id === proposalId)!;
    expect(p.notices[0]!.open).toBe(true);
    expect(p.objectionOpenUntil).toBe(p.notices[0]!.endDate);
    expect(view!.proposals.some((x) => x.id === otherProposal)).toBe(false);
  });

  it("is recorded open, from the card, through the procedure's function", async () => {
    useAddress("192.0.2.50");
    const r = await lodgeCardObjection(
      undefined,
      form({ token, proposalId, text: "我家老人常年吃药，收入不稳，不同意现在解除。", contact: "", ...(await proofOfWork()) }),
    );
    expect(r.ok).toBe(true);
    const o = await t.prisma.objection.findMany({ where: { proposalId } });
    expect(o).toHaveLength(1);
    expect(o[0]!.source).toBe("card");
  });

  it("cannot touch another household's proposal, nor come from a dead link", async () => {
    useAddress("192.0.2.51");
    const r = await lodgeCardObjection(
      undefined,
      form({ token, proposalId: otherProposal, text: "试试别人家的", ...(await proofOfWork()) }),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe("未找到：链接无效或已作废。");
    const dead = await lodgeCardObjection(undefined, form({ token: "C".repeat(43), proposalId, text: "x", ...(await proofOfWork()) }));
    expect(!dead.ok && dead.message).toBe("未找到：链接无效或已作废。");
    expect(await t.prisma.objection.count({ where: { proposalId: otherProposal } })).toBe(0);
  });
});
