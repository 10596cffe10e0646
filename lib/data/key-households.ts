// The county's register of key households (重点户, decision 0045): the rule of
// lib/domain/key-household.ts computed in SQL over the active members, so the register is never
// stale; with each household's current type (户属性). Filters: village, reason, type; paginated;
// exported as CSV/XLSX like the county's other lists.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewCountyId } from "@/lib/auth/scope";
import { KEY_REASONS, SEVERE_DISABILITY, type KeyReason } from "@/lib/domain/key-household";
import { resolvePolicy } from "@/lib/domain/policy";
import { loadPolicyRows } from "./assessment";
import { HOUSEHOLD_TYPES, type HouseholdTypeValue } from "@/lib/validation/income-record";

export const KEY_PAGE_SIZE = 50;

export interface KeyFilters {
  villageId?: string;
  reason?: KeyReason;
  type?: HouseholdTypeValue;
  page?: number;
}

export interface KeyHouseholdRow {
  id: string;
  number: string;
  headName: string;
  villageId: string;
  villageName: string;
  townshipName: string;
  memberCount: number;
  type: HouseholdTypeValue;
  reasons: KeyReason[];
}

/** Parses the page's search parameters; anything unknown is dropped (the list then shows all). */
export function parseKeyFilters(raw: Record<string, string | string[] | undefined>): KeyFilters {
  const one = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const village = one("village");
  const reason = one("reason");
  const type = one("type");
  const page = Number(one("page") ?? "1");
  return {
    villageId: village && /^\d{12}$/.test(village) ? village : undefined,
    reason: (KEY_REASONS as readonly string[]).includes(reason ?? "") ? (reason as KeyReason) : undefined,
    type: (HOUSEHOLD_TYPES as readonly string[]).includes(type ?? "") ? (type as HouseholdTypeValue) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/**
 * The elders-alone age (policy keyElderAge, decision 0049) in force on `asOf` for the county's
 * province: the policy table's value for that year, carried forward like every policy value.
 */
export async function keyElderAge(countyId: ReviewCountyId, asOf: string): Promise<number> {
  const year = Number(asOf.slice(0, 4));
  return resolvePolicy(await loadPolicyRows(db()), year, countyId.slice(0, 2)).values.keyElderAge;
}

/** The SQL of the three conditions, per household `h`, on `asOf` (YYYY-MM-DD). Mirrors keyHouseholdReasons. */
function conditions(asOf: string, elderAge: number) {
  const severe = SEVERE_DISABILITY.source;
  return Prisma.sql`
    (EXISTS (SELECT 1 FROM member m WHERE m."householdId" = h.id AND m.active)
      AND NOT EXISTS (SELECT 1 FROM member m WHERE m."householdId" = h.id AND m.active AND m."laborCapacity" <> 'none')) AS no_labour,
    EXISTS (SELECT 1 FROM member m WHERE m."householdId" = h.id AND m.active AND m.counted
      AND (m.health = 'serious_illness' OR coalesce(m.disability, '') ~ ${severe})) AS illness_or_disability,
    (EXISTS (SELECT 1 FROM member m WHERE m."householdId" = h.id AND m.active AND m.counted)
      AND NOT EXISTS (SELECT 1 FROM member m WHERE m."householdId" = h.id AND m.active AND m.counted
        AND m."birthDate" > (${asOf}::date - make_interval(years => ${elderAge}::int))::date)) AS elders_alone`;
}

function keyQuery(countyId: ReviewCountyId, asOf: string, elderAge: number, f: KeyFilters) {
  const where = [Prisma.sql`h."countyId" = ${countyId}`];
  if (f.villageId) where.push(Prisma.sql`h."villageId" = ${f.villageId}`);
  const reasonWhere = f.reason
    ? Prisma.sql`k.${Prisma.raw(`"${f.reason}"`)}`
    : Prisma.sql`(k.no_labour OR k.illness_or_disability OR k.elders_alone)`;
  const typeWhere = f.type ? Prisma.sql`AND coalesce(t.type::text, 'ordinary') = ${f.type}` : Prisma.empty;
  return Prisma.sql`
    SELECT k.*, coalesce(t.type::text, 'ordinary') AS type
    FROM (SELECT h.id, h.number, h."headName", h."villageId", h."memberCount", ${conditions(asOf, elderAge)}
          FROM household h WHERE ${Prisma.join(where, " AND ")}) k
    LEFT JOIN household_type_record t ON t."householdId" = k.id AND t.current
    WHERE ${reasonWhere} ${typeWhere}`;
}

type Raw = {
  id: string;
  number: string;
  headName: string;
  villageId: string;
  memberCount: number;
  no_labour: boolean;
  illness_or_disability: boolean;
  elders_alone: boolean;
  type: HouseholdTypeValue;
};

async function withNames(rows: Raw[]): Promise<KeyHouseholdRow[]> {
  const villages = await db().region.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.villageId))] } },
    select: { id: true, name: true, parent: { select: { name: true } } },
  });
  const byId = new Map(villages.map((v) => [v.id, v]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    headName: r.headName,
    villageId: r.villageId,
    villageName: byId.get(r.villageId)?.name ?? r.villageId,
    townshipName: byId.get(r.villageId)?.parent?.name ?? "",
    memberCount: Number(r.memberCount),
    type: r.type,
    reasons: KEY_REASONS.filter((k) => r[k]),
  }));
}

/** One page of the county's key households, and how many there are under the filters. */
export async function keyHouseholds(
  countyId: ReviewCountyId,
  asOf: string,
  f: KeyFilters,
): Promise<{ rows: KeyHouseholdRow[]; total: number; page: number; pageSize: number }> {
  const page = f.page ?? 1;
  const q = keyQuery(countyId, asOf, await keyElderAge(countyId, asOf), f);
  const [rows, count] = await Promise.all([
    db().$queryRaw<Raw[]>`${q} ORDER BY k."villageId", k.number LIMIT ${KEY_PAGE_SIZE} OFFSET ${(page - 1) * KEY_PAGE_SIZE}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${q}) x`,
  ]);
  return { rows: await withNames(rows), total: Number(count[0]?.n ?? 0), page, pageSize: KEY_PAGE_SIZE };
}

/** Every key household under the filters, in batches of 500 (for the export). */
export async function* keyHouseholdBatches(countyId: ReviewCountyId, asOf: string, f: KeyFilters): AsyncGenerator<KeyHouseholdRow[]> {
  const q = keyQuery(countyId, asOf, await keyElderAge(countyId, asOf), f);
  for (let offset = 0; ; offset += 500) {
    const rows = await db().$queryRaw<Raw[]>`${q} ORDER BY k."villageId", k.number LIMIT 500 OFFSET ${offset}`;
    if (rows.length === 0) return;
    yield await withNames(rows);
    if (rows.length < 500) return;
  }
}

/** Which of these households (of one county) are key households: for the cadre's list badge. */
export async function keyHouseholdIds(countyIds: string[], householdIds: string[], asOf: string): Promise<Set<string>> {
  if (householdIds.length === 0) return new Set();
  const key = new Set<string>();
  // one query per county: each county's elders-alone age is its province's policy
  for (const countyId of [...new Set(countyIds)]) {
    const elderAge = await keyElderAge(countyId as ReviewCountyId, asOf);
    const rows = await db().$queryRaw<{ id: string; no_labour: boolean; illness_or_disability: boolean; elders_alone: boolean }[]>`
      SELECT h.id, ${conditions(asOf, elderAge)} FROM household h
      WHERE h.id IN (${Prisma.join(householdIds)}) AND h."countyId" = ${countyId}`;
    for (const r of rows) if (r.no_labour || r.illness_or_disability || r.elders_alone) key.add(r.id);
  }
  return key;
}

/** The county's number of key households today (a figure on the county page). */
export async function keyHouseholdCount(countyId: ReviewCountyId, asOf: string): Promise<number> {
  const q = keyQuery(countyId, asOf, await keyElderAge(countyId, asOf), {});
  const [c] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${q}) x`;
  return Number(c?.n ?? 0);
}

/** The county's villages (for the register's filter), by township then name. */
export async function countyVillageOptions(countyId: ReviewCountyId): Promise<{ id: string; name: string; township: string }[]> {
  const vs = await db().region.findMany({
    where: { level: "village", parent: { parentId: countyId } },
    select: { id: true, name: true, parent: { select: { name: true } } },
    orderBy: { id: "asc" },
    take: 2000,
  });
  return vs.map((v) => ({ id: v.id, name: v.name, township: v.parent?.name ?? "" }));
}
