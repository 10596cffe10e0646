// The household card (明白卡): the public page a household opens from the QR code on its card,
// and the cadre's or official's issuing, printing and revoking of cards.
//
// The public side trusts nothing but the token. It shows the household's own record in plain
// words — registered status, the indicators and why, the cadre, measures, visit dates,
// proposals and notices — and never a national ID, a member's health, a member's name other
// than the head's, or anything of another household. Every select below is explicit for that
// reason; getCardView's output is what the page renders and what the tests inspect.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import { STORED_ASSESSMENT_SELECT, withResults } from "@/lib/data/assessment-read";
import { audit, type Actor } from "@/lib/audit";
import { currentYear, today } from "@/lib/clock";
import { lookupHash } from "@/lib/card/token";
import { addressKey } from "@/lib/security/secret";
import { plainIndicators, measureText, type PlainIndicator } from "@/lib/card/plain";
import { noticeEnd, objectionsOpen } from "@/lib/domain/notice";
import { hit, LIMITS } from "@/lib/ratelimit";
import { chinaDay } from "@/lib/domain/china-time";
import { displayHotline } from "@/lib/domain/hotline";

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
    year: number;
    asOf: string;
    status: string;
    perCapitaIncome: number;
    povertyLine: number;
    indicators: PlainIndicator[];
    /** money recorded but never counted as income (medical reimbursement, relief, subsidies, gifts), non-zero items */
    notCounted: { item: string; amount: number }[];
  } | null;
  cadre: { name: string; phone: string | null } | null;
  hotline: string;
  /** kind: the measure's type, except a health measure, which shows only its category (no illness named) */
  measures: {
    category: string;
    kind: string | null;
    loanStatus: string | null;
    text: string | null;
    amount: number;
    startDate: string;
    endDate: string | null;
  }[];
  /** this year's plan (一户一策) in plain figures: expected income, steps done of all (the steps' words stay off the card) */
  plan: { year: number; expectedIncome: number; done: number; total: number } | null;
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

export type OpenCardResult = { kind: "ok"; view: CardView } | { kind: "not_found" } | { kind: "limited"; retryAfterS: number };

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
      measures: {
        orderBy: { startDate: "desc" },
        take: 30,
        select: { category: true, kind: true, loanStatus: true, description: true, amount: true, startDate: true, endDate: true },
      },
      plans: {
        where: { year: currentYear() },
        select: { year: true, expectedIncome: true, items: { select: { doneAt: true } } },
      },
      visits: {
        where: { state: "accepted" },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
        take: 12,
        select: { date: true, mode: true },
      },
      assessments: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { year: true, asOf: true, status: true, perCapitaIncome: true, ...STORED_ASSESSMENT_SELECT },
      },
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
  const [latest] = await withResults(client, h.assessments);
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
      kind: m.category === "health" || m.kind === m.category ? null : m.kind,
      loanStatus: m.loanStatus,
      text: measureText(m.category, m.description, otherNames),
      amount: Number(m.amount),
      startDate: isoDay(m.startDate)!,
      endDate: isoDay(m.endDate),
    })),
    plan: h.plans[0]
      ? {
          year: h.plans[0].year,
          expectedIncome: Number(h.plans[0].expectedIncome),
          done: h.plans[0].items.filter((i) => i.doneAt).length,
          total: h.plans[0].items.length,
        }
      : null,
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
        return {
          kind: n.kind,
          startDate: start,
          endDate: noticeEnd(start, days),
          open: n.kind !== "announcement" && objectionsOpen(start, days, on),
        };
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

/** The recorded-but-never-counted items of a stored assessment (older results have none). */
function notCountedOf(result: unknown): { item: string; amount: number }[] {
  const excluded = (result as { indicators?: { income?: { numbers?: { excluded?: Record<string, unknown> } } } } | null)?.indicators?.income
    ?.numbers?.excluded;
  if (!excluded || typeof excluded !== "object") return [];
  return Object.entries(excluded)
    .filter(([, v]) => typeof v === "number" && v > 0)
    .map(([item, v]) => ({ item, amount: v as number }));
}
