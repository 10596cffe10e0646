// Relocation (易地扶贫搬迁): a household's record (read and written in the viewer's scope) and the
// county's settlement page, aggregated in SQL (one grouped query per table of the page, no loop
// over households). The origin stays on the household (relocatedFromId/Name/Year); the record
// holds the destination and what followed (decision 0046).
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/session";
import { householdScope, type ReviewCountyId } from "@/lib/auth/scope";
import { AppError, fieldError } from "@/lib/auth/errors";
import { audit, actorOf } from "@/lib/audit";
import { currentYear } from "@/lib/clock";
import { loadPolicyRows } from "./assessment";
import { resolvePolicy } from "@/lib/domain/policy";
import { areaPerPerson, areaWithinRule, contributionWithinCap, EMPLOYED_WORK, LABOUR_CAPABLE, percentShare } from "@/lib/domain/relocation";
import type { RelocationInput } from "@/lib/validation/relocation";

/** The relocation policy of a county's province this year: the contribution cap and the area rule. */
export async function relocationPolicy(client: Db | Tx, countyId: string) {
  const p = resolvePolicy(await loadPolicyRows(client), currentYear(), countyId.slice(0, 2)).values;
  return { cap: p.relocationContributionCap, areaRule: p.relocationAreaPerPerson };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/** A household's relocation as the viewer may read it, or null when the household is out of scope. */
export async function householdRelocation(viewer: Viewer, householdId: string) {
  const h = await db().household.findFirst({
    where: { AND: [{ id: householdId }, householdScope(viewer)] },
    select: {
      id: true,
      countyId: true,
      villageId: true,
      memberCount: true,
      relocatedFromId: true,
      relocatedFromName: true,
      relocatedYear: true,
      relocation: {
        select: {
          version: true,
          mode: true,
          floorArea: true,
          contribution: true,
          movedOn: true,
          demolishedOn: true,
          reclaimedOn: true,
          supportJob: true,
          supportSchool: true,
          supportCommunity: true,
          updatedAt: true,
          updatedBy: { select: { name: true } },
          settlement: { select: { regionId: true, name: true, region: { select: { name: true } } } },
        },
      },
    },
  });
  if (!h) return null;
  const policy = await relocationPolicy(db(), h.countyId);
  const r = h.relocation;
  const floorArea = r ? Number(r.floorArea) : null;
  return {
    householdId: h.id,
    countyId: h.countyId,
    villageId: h.villageId,
    people: h.memberCount,
    origin: { id: h.relocatedFromId, name: h.relocatedFromName, year: h.relocatedYear },
    policy,
    record: r
      ? {
          version: r.version,
          mode: r.mode,
          floorArea: floorArea!,
          perPerson: areaPerPerson(floorArea!, h.memberCount),
          withinAreaRule: areaWithinRule(floorArea!, h.memberCount, policy.areaRule),
          contribution: Number(r.contribution),
          movedOn: iso(r.movedOn)!,
          demolishedOn: iso(r.demolishedOn),
          reclaimedOn: iso(r.reclaimedOn),
          supportJob: r.supportJob,
          supportSchool: r.supportSchool,
          supportCommunity: r.supportCommunity,
          destinationId: r.settlement.regionId,
          destinationName: r.settlement.region.name,
          siteName: r.settlement.name,
          updatedAt: iso(r.updatedAt)!,
          updatedBy: r.updatedBy?.name ?? null,
        }
      : null,
  };
}

export type HouseholdRelocation = NonNullable<Awaited<ReturnType<typeof householdRelocation>>>;

/** The county's villages and townships a family may be settled in (the form's destination list). */
export async function destinationOptions(countyId: string) {
  const rows = await db().region.findMany({
    where: { id: { startsWith: countyId }, level: { in: ["township", "village"] } },
    select: { id: true, name: true, level: true, parent: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ id: r.id, label: r.level === "village" ? `${r.parent?.name ?? ""} · ${r.name}` : r.name }));
}

/**
 * Record (or correct) a household's relocation: the settlement found or made, the record written
 * with its version checked, the origin kept on the household, and one audit event — one transaction.
 * Out of scope reads as not found; a stale version is a conflict; the cap and the destination are
 * field errors.
 */
export async function saveRelocation(viewer: Viewer, input: RelocationInput) {
  return db().$transaction(async (tx) => {
    const h = await tx.household.findFirst({
      where: { AND: [{ id: input.householdId }, householdScope(viewer)] },
      select: { id: true, countyId: true, version: true, relocatedFromId: true, relocatedFromName: true, relocatedYear: true },
    });
    if (!h) throw new AppError("not_found", "household not in scope", { householdId: input.householdId.slice(0, 64) });
    const destination = await tx.region.findFirst({
      where: { id: input.destinationId, level: { in: ["township", "village"] } },
      select: { id: true },
    });
    if (!destination || !input.destinationId.startsWith(h.countyId))
      throw fieldError("destinationId", "places.relocation.errors.destination");
    const { cap } = await relocationPolicy(tx, h.countyId);
    if (!contributionWithinCap(input.contribution, cap)) throw fieldError("contribution", "places.relocation.errors.overCap", { cap });

    const before = await tx.relocation.findUnique({ where: { householdId: h.id } });
    if (before && input.version !== before.version) throw new AppError("conflict", "errors.conflict");
    if (!before && input.version !== undefined) throw new AppError("conflict", "errors.conflict");

    const settlement = await tx.settlement.upsert({
      where: { regionId_name: { regionId: destination.id, name: input.siteName } },
      create: { countyId: h.countyId, regionId: destination.id, name: input.siteName },
      update: {},
      select: { id: true },
    });
    const data = {
      settlementId: settlement.id,
      mode: input.mode,
      floorArea: input.floorArea,
      contribution: input.contribution,
      movedOn: new Date(`${input.movedOn}T00:00:00Z`),
      demolishedOn: input.demolishedOn ? new Date(`${input.demolishedOn}T00:00:00Z`) : null,
      reclaimedOn: input.reclaimedOn ? new Date(`${input.reclaimedOn}T00:00:00Z`) : null,
      supportJob: input.supportJob,
      supportSchool: input.supportSchool,
      supportCommunity: input.supportCommunity,
      updatedById: viewer.id,
    };
    let after;
    if (before) {
      const n = await tx.relocation.updateMany({
        where: { id: before.id, version: before.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (n.count !== 1) throw new AppError("conflict", "errors.conflict");
      after = await tx.relocation.findUniqueOrThrow({ where: { id: before.id } });
    } else {
      after = await tx.relocation.create({ data: { ...data, householdId: h.id, countyId: h.countyId } });
    }
    const origin = {
      relocatedFromId: input.originId ?? null,
      relocatedFromName: input.originName,
      relocatedYear: Number(input.movedOn.slice(0, 4)),
    };
    const originChanged =
      origin.relocatedFromId !== h.relocatedFromId ||
      origin.relocatedFromName !== h.relocatedFromName ||
      origin.relocatedYear !== h.relocatedYear;
    if (originChanged) {
      const n = await tx.household.updateMany({ where: { id: h.id, version: h.version }, data: { ...origin, version: { increment: 1 } } });
      if (n.count !== 1) throw new AppError("conflict", "errors.conflict");
    }
    await audit(tx, actorOf(viewer), {
      action: before ? "relocation.update" : "relocation.create",
      entity: "household",
      entityId: h.id,
      countyId: h.countyId,
      before: before ? { ...before, origin: { id: h.relocatedFromId, name: h.relocatedFromName, year: h.relocatedYear } } : null,
      after: { ...after, origin: { id: origin.relocatedFromId, name: origin.relocatedFromName, year: origin.relocatedYear } },
    });
    return { version: after.version };
  });
}

// ───────────────────────── the county's settlement page ─────────────────────────

export interface SettlementRow {
  id: string;
  regionId: string;
  regionName: string;
  siteName: string;
  households: number;
  people: number;
  centralised: number;
  scattered: number;
  demolished: number;
  reclaimed: number;
  supportJob: number;
  supportSchool: number;
  supportCommunity: number;
  capable: number;
  employed: number;
}

interface OriginRow {
  settlementId: string;
  originName: string;
  households: number;
  people: number;
}

/**
 * The settlements of the county (or of a township reviewer's township, `within`), each with its
 * households and people, how they were settled, demolition and reclamation, follow-up support and
 * the employment of its labour-capable members; and the households by origin. Three grouped
 * queries, whatever the county's size.
 */
export async function settlementOverview(countyId: ReviewCountyId, within: string = countyId) {
  const client = db();
  const like = `${within}%`;
  const [rows, origins, unrecorded] = await Promise.all([
    client.$queryRaw<SettlementRow[]>(Prisma.sql`
      WITH r AS (
        SELECT r."settlementId", r."householdId", r.mode, r."demolishedOn", r."reclaimedOn", r."supportJob", r."supportSchool", r."supportCommunity",
               h."memberCount"
        FROM relocation r JOIN household h ON h.id = r."householdId"
        WHERE r."countyId" = ${countyId} AND h."villageId" LIKE ${like}
      ), m AS (
        SELECT r."settlementId",
          count(*) FILTER (WHERE mb."laborCapacity"::text IN (${Prisma.join([...LABOUR_CAPABLE])}))::int AS capable,
          count(*) FILTER (WHERE mb."laborCapacity"::text IN (${Prisma.join([...LABOUR_CAPABLE])})
                             AND mb."workStatus"::text IN (${Prisma.join([...EMPLOYED_WORK])}))::int AS employed
        FROM r JOIN member mb ON mb."householdId" = r."householdId" AND mb.active AND mb."countyId" = ${countyId}
        GROUP BY r."settlementId"
      ), a AS (
        SELECT "settlementId",
          count(*)::int AS households,
          coalesce(sum("memberCount"), 0)::int AS people,
          count(*) FILTER (WHERE mode = 'centralised')::int AS centralised,
          count(*) FILTER (WHERE mode = 'scattered')::int AS scattered,
          count("demolishedOn")::int AS demolished,
          count("reclaimedOn")::int AS reclaimed,
          count(*) FILTER (WHERE "supportJob")::int AS "supportJob",
          count(*) FILTER (WHERE "supportSchool")::int AS "supportSchool",
          count(*) FILTER (WHERE "supportCommunity")::int AS "supportCommunity"
        FROM r GROUP BY "settlementId"
      )
      SELECT s.id, s."regionId", g.name AS "regionName", s.name AS "siteName", a.households, a.people, a.centralised, a.scattered,
             a.demolished, a.reclaimed, a."supportJob", a."supportSchool", a."supportCommunity",
             coalesce(m.capable, 0)::int AS capable, coalesce(m.employed, 0)::int AS employed
      FROM a JOIN settlement s ON s.id = a."settlementId" JOIN region g ON g.id = s."regionId"
      LEFT JOIN m ON m."settlementId" = a."settlementId"
      ORDER BY a.households DESC, s."regionId", s.name`),
    client.$queryRaw<OriginRow[]>(Prisma.sql`
      SELECT r."settlementId", coalesce(h."relocatedFromName", h."relocatedFromId", '—') AS "originName",
             count(*)::int AS households, coalesce(sum(h."memberCount"), 0)::int AS people
      FROM relocation r JOIN household h ON h.id = r."householdId"
      WHERE r."countyId" = ${countyId} AND h."villageId" LIKE ${like}
      GROUP BY 1, 2 ORDER BY 1, households DESC, 2`),
    // one county (decision 0044): countyId named, the prefix narrows to a township
    client.household.count({
      where: { countyId, villageId: { startsWith: within }, relocatedYear: { not: null }, relocation: { is: null } },
    }),
  ]);
  const byOrigin = new Map<string, OriginRow[]>();
  for (const o of origins) byOrigin.set(o.settlementId, [...(byOrigin.get(o.settlementId) ?? []), o]);
  const settlements = rows.map((s) => ({
    ...s,
    origins: byOrigin.get(s.id) ?? [],
    shares: {
      employed: percentShare(s.employed, s.capable),
      supportJob: percentShare(s.supportJob, s.households),
      supportSchool: percentShare(s.supportSchool, s.households),
      supportCommunity: percentShare(s.supportCommunity, s.households),
      demolished: percentShare(s.demolished, s.households),
      reclaimed: percentShare(s.reclaimed, s.households),
    },
  }));
  const sum = (k: keyof SettlementRow) => rows.reduce((n, r) => n + (r[k] as number), 0);
  const total = {
    households: sum("households"),
    people: sum("people"),
    capable: sum("capable"),
    employed: sum("employed"),
    demolished: sum("demolished"),
    reclaimed: sum("reclaimed"),
  };
  return { settlements, total, employedShare: percentShare(total.employed, total.capable), unrecorded };
}
