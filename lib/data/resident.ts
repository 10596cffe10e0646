// Resident teams and first secretaries (驻村工作队, 第一书记): postings, their monthly days in the
// village, the county's gaps (villages without a team or a first secretary, members below the
// days required: SQL), and a pairing cadre's sending unit (结对帮扶). Every write is scoped to the
// official's county (a township reviewer: its township), audited, in one transaction.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/session";
import type { ReviewCountyId } from "@/lib/auth/scope";
import { AppError, fieldError, outOfScopeField } from "@/lib/auth/errors";
import { messageKey } from "@/i18n/keys";
import { audit, actorOf } from "@/lib/audit";
import { currentYear, today } from "@/lib/clock";
import { loadPolicyRows } from "./assessment";
import { reviewArea } from "./county";
import { resolvePolicy } from "@/lib/domain/policy";
import { VILLAGE_COMMITTEE_MAX, VILLAGE_COMMITTEE_MIN } from "@/lib/domain/committee";
import type { CadreUnitInput, PostingInput, ResidentDaysInput } from "@/lib/validation/resident";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The days a resident must spend in the village each month (policy). */
export async function daysRequired(client: Db | Tx, countyId: string): Promise<number> {
  return resolvePolicy(await loadPolicyRows(client), currentYear(), countyId.slice(0, 2)).values.residentDaysPerMonth;
}

/** Find or make the county's unit of this name. */
async function unitNamed(tx: Tx, countyId: string, name: string) {
  return tx.unit.upsert({ where: { countyId_name: { countyId, name } }, create: { countyId, name }, update: {}, select: { id: true } });
}

/** Record a posting (create with the form's id, or correct it with its version). */
export async function savePosting(viewer: Viewer, input: PostingInput) {
  const { county, within } = await reviewArea(viewer);
  return db().$transaction(async (tx) => {
    const village = input.villageId.startsWith(within)
      ? await tx.region.findFirst({
          where: { id: input.villageId, level: "village", parent: { parentId: county.id } },
          select: { id: true },
        })
      : null;
    if (!village) throw outOfScopeField("villageId", messageKey("places.teams.errors.village"), { villageId: input.villageId });
    if (input.userId) {
      const user = await tx.user.findFirst({ where: { id: input.userId, regionId: { startsWith: county.id } }, select: { id: true } });
      if (!user) throw outOfScopeField("userId", messageKey("places.teams.errors.user"), { userId: input.userId });
    }
    const unit = await unitNamed(tx, county.id, input.unitName);
    const data = {
      villageId: village.id,
      unitId: unit.id,
      userId: input.userId ?? null,
      personName: input.personName,
      role: input.role,
      validFrom: day(input.validFrom),
      validTo: input.validTo ? day(input.validTo) : null,
    };
    const before = await tx.residentPosting.findUnique({ where: { id: input.id } });
    if (before && (before.countyId !== county.id || !before.villageId.startsWith(within)))
      throw new AppError("not_found", "posting not in scope", { postingId: input.id });
    if (data.role === "first_secretary" && !(before && input.version === undefined)) {
      // one first secretary per village at a time (the import's secretary_overlap, the same rule)
      const other = await tx.residentPosting.findFirst({
        where: {
          villageId: village.id,
          role: "first_secretary",
          id: { not: input.id },
          validFrom: { lte: data.validTo ?? new Date("9999-12-31") },
          OR: [{ validTo: null }, { validTo: { gte: data.validFrom } }],
        },
        orderBy: { validFrom: "asc" },
        select: { personName: true, validFrom: true },
      });
      if (other)
        throw fieldError("validFrom", messageKey("places.teams.errors.secretaryOverlap"), {
          name: other.personName,
          from: iso(other.validFrom)!,
        });
    }
    let after;
    if (before) {
      if (input.version === undefined) return { id: before.id, version: before.version }; // a retried create: already done
      const n = await tx.residentPosting.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (n.count !== 1) throw new AppError("conflict", "errors.conflict");
      after = await tx.residentPosting.findUniqueOrThrow({ where: { id: before.id } });
    } else {
      if (input.version !== undefined) throw new AppError("not_found", "posting not found", { postingId: input.id });
      after = await tx.residentPosting.create({ data: { ...data, id: input.id, countyId: county.id } });
    }
    await audit(tx, actorOf(viewer), {
      action: before ? "resident.update" : "resident.create",
      entity: "resident_posting",
      entityId: after.id,
      countyId: county.id,
      before,
      after,
    });
    return { id: after.id, version: after.version };
  });
}

/** Record one month's days in the village for a posting of the viewer's county (township). */
export async function saveResidentDays(viewer: Viewer, input: ResidentDaysInput) {
  const { county, within } = await reviewArea(viewer);
  return db().$transaction(async (tx) => {
    // one county (decision 0044): countyId named, the prefix narrows to a township
    const posting = await tx.residentPosting.findFirst({
      where: { id: input.postingId, countyId: county.id, villageId: { startsWith: within } },
      select: { id: true, countyId: true },
    });
    if (!posting) throw new AppError("not_found", "posting not in scope", { postingId: input.postingId });
    const month = day(`${input.month}-01`);
    const before = await tx.residentMonth.findUnique({ where: { postingId_month: { postingId: posting.id, month } } });
    const after = await tx.residentMonth.upsert({
      where: { postingId_month: { postingId: posting.id, month } },
      create: { postingId: posting.id, countyId: posting.countyId, month, days: input.days, recordedById: viewer.id },
      update: { days: input.days, recordedById: viewer.id },
    });
    await audit(tx, actorOf(viewer), {
      action: "resident.days",
      entity: "resident_posting",
      entityId: posting.id,
      countyId: posting.countyId,
      before: before ? { month: input.month, days: before.days } : null,
      after: { month: input.month, days: after.days },
    });
    return { days: after.days };
  });
}

/**
 * A pairing cadre's sending unit: set on the cadre, and on the cadre's current pairings that have
 * none (a pairing made earlier keeps the unit it was made with: the assignment rows are history).
 */
export async function saveCadreUnit(viewer: Viewer, input: CadreUnitInput) {
  const { county } = await reviewArea(viewer);
  return db().$transaction(async (tx) => {
    const cadre = await tx.user.findFirst({
      where: { id: input.userId, role: "cadre", regionId: { startsWith: county.id } },
      select: { id: true, unitId: true },
    });
    if (!cadre) throw outOfScopeField("userId", messageKey("places.teams.errors.cadre"), { userId: input.userId });
    const unit = await unitNamed(tx, county.id, input.unitName);
    await tx.user.update({ where: { id: cadre.id }, data: { unitId: unit.id } });
    const now = new Date();
    const n = await tx.cadreAssignment.updateMany({
      where: { cadreId: cadre.id, countyId: county.id, unitId: null, OR: [{ validTo: null }, { validTo: { gt: now } }] },
      data: { unitId: unit.id },
    });
    await audit(tx, actorOf(viewer), {
      action: "pairing.unit",
      entity: "user",
      entityId: cadre.id,
      countyId: county.id,
      before: { unitId: cadre.unitId },
      after: { unitId: unit.id, unitName: input.unitName, pairingsUpdated: n.count },
    });
    return { updated: n.count };
  });
}

// ───────────────────────── the county's page ─────────────────────────

export interface PostingRow {
  id: string;
  villageId: string;
  villageName: string;
  townshipName: string;
  personName: string;
  unitName: string;
  role: "first_secretary" | "team_leader" | "team_member";
  validFrom: string;
  validTo: string | null;
  days: number | null;
  /** under the days required, or not recorded for a month that has ended */
  below: boolean;
}

/**
 * The county's resident teams for a month ("YYYY-MM"): the postings serving in it with their days
 * (null: not recorded), the villages with no one serving and with no first secretary (villages
 * only: an urban community at the village level is not one, lib/domain/committee.ts), and the
 * members below the days required. One query for the postings, one for the villages.
 */
export async function teamsOverview(countyId: ReviewCountyId, month: string) {
  const client = db();
  const start = `${month}-01`;
  const required = await daysRequired(client, countyId);
  const [postings, gaps] = await Promise.all([
    client.$queryRaw<(Omit<PostingRow, "validFrom" | "validTo"> & { validFrom: Date; validTo: Date | null })[]>(Prisma.sql`
      SELECT p.id, p."villageId", v.name AS "villageName", t.name AS "townshipName", p."personName", u.name AS "unitName",
             p.role::text AS role, p."validFrom", p."validTo", m.days,
             (CASE WHEN m.days IS NULL THEN ${start}::date < ${`${today().slice(0, 7)}-01`}::date ELSE m.days < ${required} END) AS below
      FROM resident_posting p
      JOIN region v ON v.id = p."villageId" JOIN region t ON t.id = v."parentId" JOIN unit u ON u.id = p."unitId"
      LEFT JOIN resident_month m ON m."postingId" = p.id AND m.month = ${start}::date
      WHERE p."countyId" = ${countyId}
        AND p."validFrom" <= (${start}::date + interval '1 month' - interval '1 day')
        AND (p."validTo" IS NULL OR p."validTo" >= ${start}::date)
      ORDER BY p."villageId", p.role, p."personName"`),
    client.$queryRaw<
      { id: string; name: string; townshipName: string; designatedPoor: boolean; team: number; secretary: number }[]
    >(Prisma.sql`
      SELECT v.id, v.name, t.name AS "townshipName", v."designatedPoor",
             count(p.id)::int AS team,
             count(p.id) FILTER (WHERE p.role = 'first_secretary')::int AS secretary
      FROM region v JOIN region t ON t.id = v."parentId"
      LEFT JOIN resident_posting p ON p."villageId" = v.id
        AND p."validFrom" <= (${start}::date + interval '1 month' - interval '1 day')
        AND (p."validTo" IS NULL OR p."validTo" >= ${start}::date)
      WHERE v.level = 'village' AND t."parentId" = ${countyId}
        AND substr(v.id, 10, 3)::int BETWEEN ${VILLAGE_COMMITTEE_MIN} AND ${VILLAGE_COMMITTEE_MAX}
      GROUP BY v.id, v.name, t.name, v."designatedPoor"
      HAVING count(p.id) = 0 OR count(p.id) FILTER (WHERE p.role = 'first_secretary') = 0
      ORDER BY v."designatedPoor" DESC, v.id`),
  ]);
  const rows: PostingRow[] = postings.map((p) => ({ ...p, validFrom: iso(p.validFrom)!, validTo: iso(p.validTo) }));
  return {
    month,
    required,
    postings: rows,
    noTeam: gaps.filter((g) => g.team === 0),
    noSecretary: gaps.filter((g) => g.secretary === 0),
    below: rows.filter((r) => r.below),
  };
}

/** The county's villages (the posting form's list). */
export async function countyVillageOptions(countyId: ReviewCountyId) {
  const rows = await db().region.findMany({
    where: { level: "village", parent: { parentId: countyId } },
    select: { id: true, name: true, parent: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ id: r.id, label: `${r.parent?.name ?? ""} · ${r.name}` }));
}
