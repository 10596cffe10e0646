/**
 * The demo data set: the Tongren division tree, the default policy rows, ten villages of
 * households (Danyang village as in the source study), users, cadre assignments, a year of
 * visits and follow-ups, and one assessment per household.
 *
 * Deterministic (seeded PRNG, fixed dates) and idempotent: when Danyang village already has
 * households it writes nothing. Everything is written in one transaction, in bulk (bulk.ts).
 */
import { hash } from "@node-rs/argon2";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { buildAssessments } from "./assessments";
import { validateNationalId } from "@/lib/national-id";
import { audit } from "@/lib/audit";
import { seedProcedure } from "./representatives";
import { insertRows, type InsertOptions } from "@/lib/db/bulk";
import { chinaTime, DANYANG_ID, DEFAULT_TODAY, DEMO_PASSWORD } from "./constants";
import { buildHouseholds } from "./households";
import { buildMeasures } from "./measures";
import { regionRows } from "./regions";
import { buildUsers } from "./users";
import { buildVisits } from "./visits";
import { buildCountyRecords } from "./county-records";
import { VILLAGE_PLANS } from "./villages";
import { buildTeams } from "./teams";
import { buildPlaces } from "./places";
import { buildPlanRecords } from "./plans";
import { buildVillageExit, DANYANG_EXIT_YEAR } from "./village-exit";

export { DEMO_PASSWORD, DANYANG_ID, DEFAULT_TODAY } from "./constants";

export interface SeedOptions {
  log?: (msg: string) => void;
  /** the demo's "today" (YYYY-MM-DD): visits cover the twelve months up to it */
  today?: string;
  /** tests: alter the built data before it is checked and written */
  mutate?: (data: SeedData) => SeedData;
}

export interface SeedResult {
  created: boolean;
  households: number;
  members: number;
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Everything the seed writes, built in memory (pure apart from the password hash). */
export function buildSeedData(passwordHash: string, today: string = DEFAULT_TODAY) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
  const assessedAt = chinaTime(today, 8);
  const regions = regionRows(new Set(VILLAGE_PLANS.filter((v) => v.designatedPoor).map((v) => v.id)));
  const policyRows: Prisma.PolicyRowCreateManyInput[] = DEFAULT_POLICY_ROWS.map((r) => ({
    id: r.id,
    year: r.year,
    provinceId: r.provinceCode,
    values: r.values as Prisma.InputJsonValue,
    note:
      r.id === "national-2023"
        ? "按公开报道，请以本省通知为准 (as reported; confirm against the province's notice)"
        : "默认值（docs/rules.md，种子数据）",
  }));
  const { plans, members, registrationChanges } = buildHouseholds();
  const measures = buildMeasures(plans);
  const assessments = buildAssessments(plans, assessedAt);
  const { users, assignments } = buildUsers(plans, assessments, passwordHash);
  const { visits, followUps, lastVisit } = buildVisits(assignments, assessments, today);

  const households: Prisma.HouseholdCreateManyInput[] = plans.map((p) => ({
    ...p.row,
    ...assessments.latest.get(p.row.id)!.household,
    lastVisitAt: lastVisit.get(p.row.id) ?? null,
  }));
  // issue #18's resident teams and pairing units, built last from their own stream (lib/seed/teams.ts)
  const teams = buildTeams(
    users,
    assignments.map((a) => a.row),
    today,
  );
  return {
    regions,
    policyRows,
    users: users.map((u) => ({ ...u, unitId: teams.unitOfUser.get(u.id) ?? null })),
    households,
    members,
    measures,
    registrationChanges,
    assignments: assignments.map((a) => ({ ...a.row, unitId: teams.unitOfAssignment(a.row) })),
    visits,
    followUps,
    assessments: assessments.rows,
    // issue #18's county records, built last from their own stream (lib/seed/places.ts)
    places: buildPlaces(plans, users.find((u) => u.username === "official")!.id as string),
    teams: { units: teams.units, postings: teams.postings, months: teams.months },
    // issue #18's plans and typed measures for Danyang, built after everything else from their own stream
    householdPlans: buildPlanRecords(
      plans,
      measures,
      new Map(assignments.filter((a) => !a.row.validTo).map((a) => [a.row.householdId, a.row.cadreId])),
      today,
    ),
  };
}

export type SeedData = ReturnType<typeof buildSeedData>;

export class SeedDataError extends Error {}

/** Every national ID is checked before anything is written: a bad one stops the seed whole. */
export function checkSeedData(data: Pick<SeedData, "members" | "households">): void {
  const numberOf = new Map(data.households.map((h) => [h.id, `${h.villageId}/${h.number}`]));
  for (const m of data.members) {
    if (!m.nationalId) continue;
    const r = validateNationalId(m.nationalId);
    if (!r.ok) {
      throw new SeedDataError(
        `种子数据有误：户 ${numberOf.get(m.householdId) ?? m.householdId} 成员 ${m.name} 的身份证号 ${m.nationalId}：${r.message}` +
          ` (seed data: household ${numberOf.get(m.householdId) ?? m.householdId}, member ${m.name}, national ID ${m.nationalId}: ${r.messageEn})`,
      );
    }
  }
}

export async function seed(prisma: PrismaClient, opts: SeedOptions = {}): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const existing = await prisma.household.count({ where: { villageId: DANYANG_ID } });
  if (existing > 0) {
    log(`seed: Danyang village already has ${existing} households; nothing written`);
    return { created: false, households: await prisma.household.count(), members: await prisma.member.count() };
  }

  const started = Date.now();
  const passwordHash = await hash(DEMO_PASSWORD);
  const data = opts.mutate
    ? opts.mutate(buildSeedData(passwordHash, opts.today ?? DEFAULT_TODAY))
    : buildSeedData(passwordHash, opts.today ?? DEFAULT_TODAY);
  checkSeedData(data);
  log(`seed: data built and checked in ${Date.now() - started} ms`);

  const counts = {
    regions: data.regions.length,
    policyRows: data.policyRows.length,
    users: data.users.length,
    households: data.households.length,
    members: data.members.length,
    measures: data.measures.length,
    registrationChanges: data.registrationChanges.length,
    assignments: data.assignments.length,
    visits: data.visits.length,
    followUps: data.followUps.length,
    assessments: data.assessments.length,
    relocations: data.places.relocations.length,
    plans: data.householdPlans.plans.length,
    planItems: data.householdPlans.planItems.length,
    typedMeasures: data.householdPlans.measures.length,
  };

  const result = await prisma.$transaction(
    async (tx: Tx) => {
      // re-check inside the transaction: another seed may have run meanwhile
      if ((await tx.household.count({ where: { villageId: DANYANG_ID } })) > 0) return false;

      const now = new Date();
      const put = (table: string, rows: readonly object[], options?: InsertOptions) => insertRows(tx, table, rows, now, options);
      await put("region", data.regions, { skipDuplicates: true });
      await put("policy_row", data.policyRows, { skipDuplicates: true });

      await put("unit", data.teams.units, { skipDuplicates: true });
      // accounts that already exist (e.g. an admin made by hand) are kept and reused
      await put("app_user", data.users, { skipDuplicates: true });
      const stored = await tx.user.findMany({
        where: { username: { in: data.users.map((u) => u.username) } },
        select: { id: true, username: true },
      });
      const byName = new Map(stored.map((u) => [u.username, u.id]));
      const userId = new Map(data.users.map((u) => [u.id, byName.get(u.username) ?? u.id]));
      const remap = (id: string) => userId.get(id) ?? id;

      await put("household", data.households);
      await put("member", data.members);
      await put("assistance_measure", data.measures);
      await put("registration_change", data.registrationChanges);
      await put(
        "cadre_assignment",
        data.assignments.map((a) => ({ ...a, cadreId: remap(a.cadreId), createdById: a.createdById ? remap(a.createdById) : null })),
      );
      await put(
        "visit",
        data.visits.map((v) => ({ ...v, cadreId: remap(v.cadreId) })),
      );
      await put("follow_up", data.followUps);
      await seedProcedure(tx, { passwordHash, now });
      await put("assessment", data.assessments, { batchSize: 500 });
      // county records (income): built after everything above, from their own random stream
      const records = buildCountyRecords(data, opts.today ?? DEFAULT_TODAY);
      await put(
        "income_record",
        records.incomeRecords.map((r) => ({
          ...r,
          recordedById: remap(r.recordedById as string),
          signedRecordedById: r.signedRecordedById ? remap(r.signedRecordedById as string) : null,
        })),
      );
      await put("household_type_record", records.householdTypes);
      await put("settlement", data.places.settlements);
      await put(
        "relocation",
        data.places.relocations.map((r) => ({ ...r, updatedById: r.updatedById ? remap(r.updatedById) : null })),
      );
      await put("resident_posting", data.teams.postings);
      await put("resident_month", data.teams.months);
      // issue #18: typed measures and plans for Danyang (their own stream, lib/seed/plans.ts)
      const hp = data.householdPlans;
      await put("assistance_measure", hp.measures);
      await put(
        "household_plan",
        hp.plans.map((p) => ({ ...p, updatedById: p.updatedById ? remap(p.updatedById) : null })),
      );
      await put("plan_measure", hp.planMeasures);
      await put(
        "plan_item",
        hp.planItems.map((i) => ({ ...i, doneById: i.doneById ? remap(i.doneById) : null })),
      );
      // decision 0051: Danyang's exit as a designated poor village (its own stream, lib/seed/village-exit.ts)
      const idOf = async (username: string) => (await tx.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
      const ve = buildVillageExit(data.households, {
        facilitator: await idOf("facilitator"),
        township: await idOf("township"),
        official: await idOf("official"),
      });
      await put("village_exit", [ve.exit]);
      await put("village_exit_step", ve.steps);
      await tx.region.update({ where: { id: DANYANG_ID }, data: { designatedExitYear: DANYANG_EXIT_YEAR } });
      await audit(tx, null, { action: "seed.run", entity: "seed", after: counts, reason: "演示数据初始化 (demo data)" });
      return true;
    },
    { timeout: 300_000, maxWait: 60_000 },
  );

  if (!result) {
    log("seed: another run seeded Danyang village first; nothing written");
    return { created: false, households: await prisma.household.count(), members: await prisma.member.count() };
  }
  // the demo department feeds are loaded by npm run seed:feeds (lib/seed/feeds.ts): the loader is
  // server-only code (lib/feeds, lib/import) that a process without the react-server condition cannot import
  log(
    `seed: wrote ${counts.households} households, ${counts.members} members, ${counts.visits} visits, ` +
      `${counts.assessments} assessments, ${counts.users} users in ${Date.now() - started} ms`,
  );
  return { created: true, households: counts.households, members: counts.members };
}
