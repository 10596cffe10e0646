// The household card (明白卡): the public page a household opens from the QR code on its card,
// and the cadre's or official's issuing, printing and revoking of cards.
//
// The public side trusts nothing but the token. It shows the household's own record in plain
// words — registered status, the indicators and why, the cadre, measures, visit dates,
// proposals and notices — and never a national ID, a member's health, a member's name other
// than the head's, or anything of another household. Every select below is explicit for that
// reason; getCardView's output is what the page renders and what the tests inspect.
import { displayHotline } from "@/lib/domain/hotline";
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import { audit, type Actor } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { cardManagerScope, regionScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { generateToken, lookupHash } from "@/lib/card/token";
import { addressKey } from "@/lib/security/secret";
import { plainIndicators, measureText, type PlainIndicator } from "@/lib/card/plain";
import { noticeEnd, objectionsOpen } from "@/lib/domain/notice";
import { hit, LIMITS } from "@/lib/ratelimit";
import { loadPolicyRows } from "@/lib/data/assessment";
import { resolvePolicy } from "@/lib/domain/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay } from "@/lib/domain/china-time";

const PUBLIC: Actor = { id: null, role: "public" };

const isoDay = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);

// ───────────────────────── the public card ─────────────────────────

export interface CardNotice {
  kind: "first" | "second" | "announcement";
  startDate: string;
  /** last day objections are accepted (inclusive) */
  endDate: string;
  open: boolean;
}

export interface CardProposal {
  id: string;
  kind: string;
  monitoringCategory: string | null;
  stage: string;
  raisedOn: string;
  steps: { stage: string; on: string }[];
  notices: CardNotice[];
  /** a notice concerning it is running today: the household may object */
  objectionOpenUntil: string | null;
}

export interface CardRequest {
  category: string;
  receivedOn: string;
  deadline: string;
  state: string;
  outcome: string | null;
  handledOn: string | null;
}

export interface CardView {
  headName: string;
  villageName: string;
  townshipName: string | null;
  countyName: string | null;
  registeredStatus: string;
  registeredOn: string | null;
  liftedOn: string | null;
  monitoringCategory: string | null;
  monitoringSince: string | null;
  mainCause: string | null;
  secondaryCauses: string[];
  assessment: {
    year: number; asOf: string; status: string; perCapitaIncome: number; povertyLine: number; indicators: PlainIndicator[];
    /** money recorded but never counted as income (medical reimbursement, relief, subsidies, gifts), non-zero items */
    notCounted: { item: string; amount: number }[];
  } | null;
  cadre: { name: string; phone: string | null } | null;
  hotline: string;
  measures: { category: string; text: string | null; amount: number; startDate: string; endDate: string | null }[];
  visits: { date: string; mode: string }[];
  proposals: CardProposal[];
  requests: CardRequest[];
  cardIssuedOn: string | null;
}

export type CardLookup = { householdId: string; countyId: string; villageId: string };

/** The household a presented token opens, or null (malformed, unknown or revoked alike). */
export async function resolveCardToken(client: Db | Tx, presented: unknown): Promise<CardLookup | null> {
  const hash = lookupHash(presented);
  if (!hash) return null;
  const h = await client.household.findUnique({ where: { cardTokenHash: hash }, select: { id: true, countyId: true, villageId: true } });
  return h ? { householdId: h.id, countyId: h.countyId, villageId: h.villageId } : null;
}

export type OpenCardResult =
  | { kind: "ok"; view: CardView }
  | { kind: "not_found" }
  | { kind: "limited"; retryAfterS: number };

/**
 * One view of the card page: counted against the address (hashed), then the token is looked up;
 * a found card's view count goes up and an audit event records the view without the viewer
 * (no actor, no address).
 */
export async function openCard(presented: unknown, address: string, now = new Date()): Promise<OpenCardResult> {
  const limit = await hit(db(), `card:view:${addressKey(address)}`, LIMITS.cardViewPerAddress, now);
  if (!limit.ok) return { kind: "limited", retryAfterS: limit.retryAfterS };
  const found = await resolveCardToken(db(), presented);
  if (!found) return { kind: "not_found" };
  await db().$transaction(async (tx) => {
    await tx.household.update({ where: { id: found.householdId }, data: { cardViews: { increment: 1 } } });
    await audit(tx, PUBLIC, { action: "card.view", entity: "household", entityId: found.householdId, countyId: found.countyId });
  });
  const view = await getCardView(found.householdId);
  return view ? { kind: "ok", view } : { kind: "not_found" };
}

/** Everything the card page shows for one household (no identity check: callers resolve the token). */
export async function getCardView(householdId: string, on: string = today()): Promise<CardView | null> {
  const client = db();
  const now = new Date();
  const h = await client.household.findUnique({
    where: { id: householdId },
    select: {
      id: true,
      countyId: true,
      headName: true,
      registeredStatus: true,
      registeredAt: true,
      liftedAt: true,
      monitoringCategory: true,
      monitoringSince: true,
      mainCause: true,
      secondaryCauses: true,
      cardIssuedAt: true,
      village: { select: { name: true, parent: { select: { name: true, parent: { select: { name: true, hotline: true } } } } } },
      // names only to keep them OUT of free text (measureText); never returned
      members: { where: { relation: { not: "head" } }, select: { name: true } },
      measures: { orderBy: { startDate: "desc" }, take: 30, select: { category: true, description: true, amount: true, startDate: true, endDate: true } },
      visits: { where: { state: "accepted" }, orderBy: [{ date: "desc" }, { createdAt: "desc" }], take: 12, select: { date: true, mode: true } },
      assessments: { orderBy: { createdAt: "desc" }, take: 1, select: { year: true, asOf: true, status: true, perCapitaIncome: true, result: true } },
      assignments: {
        where: { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
        orderBy: { validFrom: "desc" },
        take: 1,
        select: { cadre: { select: { name: true, phone: true } } },
      },
    },
  });
  if (!h) return null;
  const county = await client.region.findUnique({ where: { id: h.countyId }, select: { name: true, hotline: true } });
  const [proposals, requests] = await Promise.all([cardProposals(householdId, on), cardRequests(householdId)]);
  const otherNames = h.members.map((m) => m.name);
  const latest = h.assessments[0];
  const result = latest?.result as { povertyLine?: unknown } | undefined;
  const cadre = h.assignments[0]?.cadre;
  return {
    headName: h.headName,
    villageName: h.village.name,
    townshipName: h.village.parent?.name ?? null,
    countyName: county?.name ?? h.village.parent?.parent?.name ?? null,
    registeredStatus: h.registeredStatus,
    registeredOn: isoDay(h.registeredAt),
    liftedOn: isoDay(h.liftedAt),
    monitoringCategory: h.monitoringCategory,
    monitoringSince: isoDay(h.monitoringSince),
    mainCause: h.mainCause,
    secondaryCauses: h.secondaryCauses,
    assessment: latest
      ? {
          year: latest.year,
          asOf: isoDay(latest.asOf)!,
          status: latest.status,
          perCapitaIncome: Number(latest.perCapitaIncome),
          povertyLine: typeof result?.povertyLine === "number" ? result.povertyLine : 0,
          indicators: plainIndicators(latest.result),
          notCounted: notCountedOf(latest.result),
        }
      : null,
    cadre: cadre ? { name: cadre.name, phone: cadre.phone } : null,
    hotline: displayHotline(county?.hotline),
    measures: h.measures.map((m) => ({
      category: m.category,
      text: measureText(m.category, m.description, otherNames),
      amount: Number(m.amount),
      startDate: isoDay(m.startDate)!,
      endDate: isoDay(m.endDate),
    })),
    visits: h.visits.map((v) => ({ date: isoDay(v.date)!, mode: v.mode })),
    proposals,
    requests,
    cardIssuedOn: h.cardIssuedAt ? chinaDay(h.cardIssuedAt) : null,
  };
}

async function cardProposals(householdId: string, on: string): Promise<CardProposal[]> {
  const rows = await db().proposal.findMany({
    where: { householdId },
    orderBy: { raisedAt: "desc" },
    take: 10,
    select: {
      id: true,
      kind: true,
      monitoringCategory: true,
      stage: true,
      raisedAt: true,
      steps: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { stage: true, at: true } },
      notices: { select: { notice: { select: { kind: true, startDate: true, days: true, publishedAt: true } } } },
    },
  });
  return rows.map((p) => {
    const notices = p.notices
      .map((n) => n.notice)
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
      .map((n) => {
        const start = isoDay(n.startDate)!;
        const days = Math.max(1, n.days);
        return { kind: n.kind, startDate: start, endDate: noticeEnd(start, days), open: n.kind !== "announcement" && objectionsOpen(start, days, on) };
      });
    const running = p.stage === "first_notice" ? "first" : p.stage === "second_notice" ? "second" : null;
    const current = running ? notices.filter((n) => n.kind === running).at(-1) : undefined;
    return {
      id: p.id,
      kind: p.kind,
      monitoringCategory: p.monitoringCategory,
      stage: p.stage,
      raisedOn: chinaDay(p.raisedAt),
      steps: p.steps.map((s) => ({ stage: s.stage, on: chinaDay(s.at) })),
      notices,
      objectionOpenUntil: current?.open ? current.endDate : null,
    };
  });
}

/** The household's own reports from its card (not neighbours' reports about it). */
async function cardRequests(householdId: string): Promise<CardRequest[]> {
  const rows = await db().helpRequest.findMany({
    where: { householdId, source: "card" },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { category: true, createdAt: true, deadline: true, state: true, outcome: true, handledAt: true },
  });
  return rows.map((r) => ({
    category: r.category,
    receivedOn: chinaDay(r.createdAt),
    deadline: isoDay(r.deadline)!,
    state: r.state,
    outcome: r.outcome,
    handledOn: r.handledAt ? chinaDay(r.handledAt) : null,
  }));
}

// ───────────────────────── issuing, printing, revoking (signed in) ─────────────────────────


const currentAssignment = (now: Date): Prisma.HouseholdWhereInput => ({
  assignments: { some: { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] } },
});

export interface PrintTarget {
  householdId?: string;
  villageId?: string;
}

/** A village print covers the households in the viewer's reach that have a cadre now. */
function targetWhere(viewer: Viewer, target: PrintTarget, now: Date): Prisma.HouseholdWhereInput {
  const scope = cardManagerScope(viewer);
  if (target.householdId) return { AND: [scope, { id: target.householdId }] };
  if (target.villageId) return { AND: [scope, { villageId: target.villageId }, currentAssignment(now)] };
  throw new AppError("invalid", "no print target");
}

export interface PrintableHousehold {
  id: string;
  number: string;
  headName: string;
  hasCard: boolean;
  cardIssuedOn: string | null;
  cardViews: number;
}

/** The households a print would cover, with their card state (no tokens: only hashes exist). */
export async function listPrintable(viewer: Viewer, target: PrintTarget) {
  const now = new Date();
  const where = targetWhere(viewer, target, now);
  const rows = await db().household.findMany({
    where,
    orderBy: [{ number: "asc" }],
    take: 1000,
    select: { id: true, number: true, headName: true, cardTokenHash: true, cardIssuedAt: true, cardViews: true, villageId: true, village: { select: { name: true } } },
  });
  const villageId = target.villageId ?? rows[0]?.villageId ?? null;
  const village = villageId ? await db().region.findFirst({ where: { id: villageId, level: "village" }, select: { id: true, name: true } }) : null;
  const households: PrintableHousehold[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    headName: r.headName,
    hasCard: r.cardTokenHash !== null,
    cardIssuedOn: r.cardIssuedAt ? chinaDay(r.cardIssuedAt) : null,
    cardViews: r.cardViews,
  }));
  return { village, households };
}

export interface PrintedCard {
  householdId: string;
  number: string;
  headName: string;
  villageName: string;
  townshipName: string | null;
  cadreName: string | null;
  cadrePhone: string | null;
  hotline: string;
  /** the link in the QR code: shown once, never stored */
  token: string;
}

export interface IssueOutcome {
  cards: PrintedCard[];
  issued: number;
  reissued: number;
  /** households skipped because they already have a card and reissue was not asked for */
  skipped: number;
}

/**
 * Issue tokens for a print job, in one transaction with one audit event (with the count).
 * Households that already have a card keep it unless `reissue`: its token cannot be shown again
 * (only the hash is stored), so a reprint means a new token, and the old card stops working.
 */
export async function issueCards(viewer: Viewer, target: PrintTarget & { reissue: boolean }, now = new Date()): Promise<IssueOutcome> {
  const where = targetWhere(viewer, target, now);
  const actor: Actor = { id: viewer.id, role: viewer.role };
  return db().$transaction(async (tx) => {
    const rows = await tx.household.findMany({
      where,
      orderBy: [{ number: "asc" }],
      take: 1000,
      select: {
        id: true, number: true, headName: true, countyId: true, villageId: true, cardTokenHash: true,
        village: { select: { name: true, parent: { select: { name: true } } } },
        assignments: {
          where: { validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
          orderBy: { validFrom: "desc" },
          take: 1,
          select: { cadre: { select: { name: true, phone: true } } },
        },
      },
    });
    if (target.householdId && rows.length === 0) throw new AppError("not_found");
    // a village with nothing to print: fine when it is the caller's, a refusal (audited) when it is not
    if (target.villageId && rows.length === 0) {
      const reachable = await tx.household.findFirst({ where: { AND: [cardManagerScope(viewer), { villageId: target.villageId }] }, select: { id: true } });
      if (!reachable) throw new AppError("not_found", "village not found", { villageId: target.villageId });
    }
    const countyIds = [...new Set(rows.map((r) => r.countyId))];
    const counties = await tx.region.findMany({ where: { id: { in: countyIds } }, select: { id: true, hotline: true } });
    const hotline = new Map(counties.map((c) => [c.id, displayHotline(c.hotline)]));
    const cards: PrintedCard[] = [];
    let reissued = 0;
    let skipped = 0;
    for (const r of rows) {
      if (r.cardTokenHash && !target.reissue) {
        skipped++;
        continue;
      }
      if (r.cardTokenHash) reissued++;
      const { token, hash } = generateToken();
      await tx.household.update({ where: { id: r.id }, data: { cardTokenHash: hash, cardIssuedAt: now } });
      const cadre = r.assignments[0]?.cadre;
      cards.push({
        householdId: r.id,
        number: r.number,
        headName: r.headName,
        villageName: r.village.name,
        townshipName: r.village.parent?.name ?? null,
        cadreName: cadre?.name ?? null,
        cadrePhone: cadre?.phone ?? null,
        hotline: hotline.get(r.countyId) ?? displayHotline(null),
        token,
      });
    }
    if (cards.length > 0) {
      await audit(tx, actor, {
        action: target.villageId ? "card.issue_village" : "card.issue",
        entity: target.villageId ? "region" : "household",
        entityId: target.villageId ?? target.householdId ?? null,
        countyId: rows[0]!.countyId,
        after: { count: cards.length, issued: cards.length - reissued, reissued, skipped, householdIds: cards.map((c) => c.householdId) },
      });
    }
    return { cards, issued: cards.length - reissued, reissued, skipped };
  });
}

/** A lost card: the token stops working at once; a new card is issued by printing again. */
export async function revokeCard(viewer: Viewer, input: { householdId: string; reason: string }): Promise<void> {
  const scope = cardManagerScope(viewer);
  await db().$transaction(async (tx) => {
    const h = await tx.household.findFirst({ where: { AND: [scope, { id: input.householdId }] }, select: { id: true, countyId: true, cardTokenHash: true, cardIssuedAt: true } });
    if (!h) throw new AppError("not_found");
    if (!h.cardTokenHash) throw new AppError("invalid", "no card");
    await tx.household.update({ where: { id: h.id }, data: { cardTokenHash: null, cardIssuedAt: null } });
    await audit(tx, { id: viewer.id, role: viewer.role }, {
      action: "card.revoke",
      entity: "household",
      entityId: h.id,
      countyId: h.countyId,
      before: { cardIssuedAt: h.cardIssuedAt?.toISOString() ?? null },
      reason: input.reason,
    });
  });
}

/** The village a poster is printed for, when the viewer works there (cadre) or over it (official). */
export async function posterVillage(viewer: Viewer, villageId: string) {
  if (!/^\d{12}$/.test(villageId)) return null;
  if (viewer.role !== "cadre" && viewer.role !== "county_official") return null;
  const village = await db().region.findFirst({
    where: { AND: [{ id: villageId, level: "village" }, viewer.role === "county_official" ? regionScope(viewer) : {}] },
    select: { id: true, name: true, parent: { select: { name: true } } },
  });
  if (!village) return null;
  if (viewer.role === "cadre") {
    const now = new Date();
    const works = await db().cadreAssignment.count({
      where: { cadreId: viewer.id, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }], household: { villageId } },
    });
    if (works === 0) return null;
  }
  const county = await db().region.findUnique({ where: { id: villageId.slice(0, 6) }, select: { name: true, hotline: true } });
  const policy = resolvePolicy(await loadPolicyRows(db()), Number(today().slice(0, 4)), villageId.slice(0, 2));
  return {
    id: village.id,
    name: village.name,
    townshipName: village.parent?.name ?? null,
    countyName: county?.name ?? null,
    hotline: displayHotline(county?.hotline),
    responseDays: policy.values.leadResponseWorkingDays,
  };
}

/** What a viewer may print: their households (cadre) and the villages they serve or oversee. */
export async function printChoices(viewer: Viewer) {
  const scope = cardManagerScope(viewer);
  const now = new Date();
  if (viewer.role === "cadre") {
    const households = await db().household.findMany({
      where: scope,
      orderBy: [{ villageId: "asc" }, { number: "asc" }],
      take: 200,
      select: { id: true, number: true, headName: true, cardIssuedAt: true, village: { select: { id: true, name: true } } },
    });
    const villages = [...new Map(households.map((h) => [h.village.id, h.village])).values()];
    return {
      households: households.map((h) => ({ id: h.id, number: h.number, headName: h.headName, villageName: h.village.name, cardIssuedOn: h.cardIssuedAt ? chinaDay(h.cardIssuedAt) : null })),
      villages,
    };
  }
  const villages = await db().region.findMany({
    where: { level: "village", ...regionScope(viewer), households: { some: currentAssignment(now) } },
    orderBy: { id: "asc" },
    take: 500,
    select: { id: true, name: true },
  });
  return { households: [], villages };
}

/** The recorded-but-never-counted items of a stored assessment (older results have none). */
function notCountedOf(result: unknown): { item: string; amount: number }[] {
  const excluded = (result as { indicators?: { income?: { numbers?: { excluded?: Record<string, unknown> } } } } | null)?.indicators?.income?.numbers?.excluded;
  if (!excluded || typeof excluded !== "object") return [];
  return Object.entries(excluded)
    .filter(([, v]) => typeof v === "number" && v > 0)
    .map(([item, v]) => ({ item, amount: v as number }));
}
