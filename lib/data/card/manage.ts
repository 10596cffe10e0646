// Household cards, signed in: a cadre (their current households) or a county official (their
// region) issues, prints and revokes cards (lib/auth/scope/cards.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { audit, type Actor } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { cardManagerScope, regionScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { generateToken } from "@/lib/card/token";
import { loadPolicyRows } from "@/lib/data/assessment";
import { resolvePolicy } from "@/lib/domain/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { chinaDay } from "@/lib/domain/china-time";
import { displayHotline } from "@/lib/domain/hotline";

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
    select: {
      id: true,
      number: true,
      headName: true,
      cardTokenHash: true,
      cardIssuedAt: true,
      cardViews: true,
      villageId: true,
      village: { select: { name: true } },
    },
  });
  const villageId = target.villageId ?? rows[0]?.villageId ?? null;
  const village = villageId
    ? await db().region.findFirst({ where: { id: villageId, level: "village" }, select: { id: true, name: true } })
    : null;
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
        id: true,
        number: true,
        headName: true,
        countyId: true,
        villageId: true,
        cardTokenHash: true,
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
      const reachable = await tx.household.findFirst({
        where: { AND: [cardManagerScope(viewer), { villageId: target.villageId }] },
        select: { id: true },
      });
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
    const h = await tx.household.findFirst({
      where: { AND: [scope, { id: input.householdId }] },
      select: { id: true, countyId: true, cardTokenHash: true, cardIssuedAt: true },
    });
    if (!h) throw new AppError("not_found");
    if (!h.cardTokenHash) throw new AppError("invalid", "no card");
    await tx.household.update({ where: { id: h.id }, data: { cardTokenHash: null, cardIssuedAt: null } });
    await audit(
      tx,
      { id: viewer.id, role: viewer.role },
      {
        action: "card.revoke",
        entity: "household",
        entityId: h.id,
        countyId: h.countyId,
        before: { cardIssuedAt: h.cardIssuedAt?.toISOString() ?? null },
        reason: input.reason,
      },
    );
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
      households: households.map((h) => ({
        id: h.id,
        number: h.number,
        headName: h.headName,
        villageName: h.village.name,
        cardIssuedOn: h.cardIssuedAt ? chinaDay(h.cardIssuedAt) : null,
      })),
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
