// The rows a spec acts on are its own (docs/decisions/0050-e2e-specs-own-their-data.md): made
// with the integration tests' factories, written through the PostgreSQL wire on which the e2e
// server already serves its embedded PGlite (scripts/run.ts; playwright.config.ts fixes its port
// and hands the address to the spec processes as E2E_DATABASE_URL). The PGlite folder itself is
// never opened here: one process owns it (decision 0001).
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrisma } from "@/lib/db/client";
import { recomputeHousehold } from "@/lib/data/assessment";
import { assign, createHousehold, createUser, TEST_PASSWORD } from "@/tests/factories";

/** The demo data's county, township and village (regions are fixed data, not facts of the seed's random draw). */
export const WANSHAN = "520603";
export const DANYANG = "520603201200";

export function e2eDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the specs with `npx playwright test` (playwright.config.ts sets it)");
  return url;
}

/** A client on the e2e server's database: a small pool, for the spec process's few writes. */
export function openE2eDb(): PrismaClient {
  return createPrisma(e2eDatabaseUrl(), { max: 2 });
}

/** A short tag no other spec or worker shares: names and numbers of a spec's rows carry it. */
export function uniqueTag(): string {
  // no letter a–f: a tag shown on a page (a username beside a name) must not read as a short hash
  // to the every-role crawl (tests/e2e/crawl.ts); 8 of 25 characters, ~1.5 × 10^11 tags
  const alphabet = "ghjkmnpqrstuvwxyz23456789";
  return Array.from(crypto.randomBytes(8), (b) => alphabet[b % alphabet.length]).join("");
}

// heads of household: Chinese names like the demo's (a page must never show an id-like name), all
// of the family 丁, which sorts before the demo's names in lists ordered by name (a spec finds its own at the top)
const GIVEN = "安宝昌德福刚国海华建杰金康兰丽林明平庆荣瑞山胜淑涛伟文祥秀勇玉珍志忠".split("");

/** Yearly wages that make a three-member household of Danyang an engine candidate for monitoring. */
export const MONITORING_CANDIDATE_WAGES = 9000;

export interface FreshHousehold {
  id: string;
  number: string;
  headName: string;
  countyId: string;
  villageId: string;
  members: number;
  /** the members' national IDs, head first (when asked for with `nationalIds`) */
  nationalIds: string[];
}

export interface HouseholdSpec {
  /** the village (12 digits); Danyang by default */
  village?: string;
  /** the username of the cadre it is assigned to (since 2024-01-01), or none */
  cadre?: string;
  registeredStatus?: "not_registered" | "registered_poor" | "lifted";
  monitoringCategory?: "unstable_lifted" | "marginal" | "sudden_hardship";
  /** yearly wages of the household (30 000 by default: secure) */
  incomeWages?: number;
  members?: number;
  /** every member gets a valid national ID */
  nationalIds?: boolean;
}

/** A new household of the spec's own, assessed as the app would assess it (trigger "seed"). */
export async function freshHousehold(db: PrismaClient, spec: HouseholdSpec = {}): Promise<FreshHousehold> {
  const tag = crypto.randomBytes(4).readUInt32BE(0);
  const headName = `丁${GIVEN[tag % GIVEN.length]}${GIVEN[Math.floor(tag / GIVEN.length) % GIVEN.length]}${GIVEN[Math.floor(tag / GIVEN.length ** 2) % GIVEN.length]}`;
  const villageId = spec.village ?? DANYANG;
  // the demo's numbers run from 001 up; these stay apart from them (and digits only, as an export expects)
  const number = `9${String(tag % 100_000_000).padStart(8, "0")}`;
  const h = await createHousehold(db, {
    villageId,
    number,
    headName,
    registeredStatus: spec.registeredStatus,
    monitoringCategory: spec.monitoringCategory,
    incomeWages: spec.incomeWages,
    members: spec.members,
    idSeq: spec.nationalIds ? 500 + (tag % 496) : undefined,
  });
  if (spec.cadre) {
    const cadre = await db.user.findUniqueOrThrow({ where: { username: spec.cadre }, select: { id: true } });
    await assign(db, h.id, cadre.id);
  }
  await db.$transaction((tx) => recomputeHousehold(tx, h.id, { trigger: "seed", actorId: null }));
  const members = await db.member.findMany({
    where: { householdId: h.id },
    orderBy: { birthDate: "asc" },
    select: { nationalId: true },
  });
  return {
    id: h.id,
    number,
    headName,
    countyId: h.countyId,
    villageId,
    members: members.length,
    nationalIds: members.flatMap((m) => (m.nationalId ? [m.nationalId] : [])),
  };
}

/** A cadre of the spec's own in a village (Danyang by default); signs in with TEST_PASSWORD. */
export async function freshCadre(db: PrismaClient, village = DANYANG): Promise<{ id: string; username: string; password: string }> {
  const username = `e2e-cadre-${uniqueTag()}`;
  const u = await createUser(db, { username, role: "cadre", regionId: village, name: `试帮扶${GIVEN[Date.now() % GIVEN.length]}` });
  // a phone to call, as every cadre has (the household's card shows it)
  await db.user.update({
    where: { id: u.id },
    data: { phone: `139${String(crypto.randomBytes(4).readUInt32BE(0) % 1e8).padStart(8, "0")}` },
  });
  return { id: u.id, username, password: TEST_PASSWORD };
}

/** Moves a household to another cadre as of `on` (YYYY-MM-DD): the earlier assignment ends there. */
export async function reassign(db: PrismaClient, householdId: string, toCadreId: string, on: string) {
  const at = new Date(`${on}T01:00:00.000Z`);
  await db.cadreAssignment.updateMany({ where: { householdId, validTo: null }, data: { validTo: at } });
  const h = await db.household.findUniqueOrThrow({ where: { id: householdId }, select: { countyId: true } });
  await db.cadreAssignment.create({ data: { householdId, cadreId: toCadreId, countyId: h.countyId, validFrom: at, reason: "e2e: moved" } });
}

/** The day `n` days before today in China (YYYY-MM-DD), as the app's dates run. */
export function daysAgo(n: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() - n * 86_400_000));
}

/** The demo's Huangdao township (Danyang's), where a spec's own villages are made. */
export const HUANGDAO = "520603201";

/**
 * A designated poor village of the spec's own under Huangdao township (a code no real village of
 * it uses: 9xx), with its facilitator (signs in with TEST_PASSWORD) and `households` households
 * of three people each, none registered poor.
 */
export async function freshDesignatedVillage(
  db: PrismaClient,
  households = 3,
): Promise<{ id: string; name: string; facilitator: { username: string; password: string } }> {
  let id = "";
  for (let i = 0; i < 50 && !id; i++) {
    const candidate = `${HUANGDAO}9${String(crypto.randomBytes(2).readUInt16BE(0) % 100).padStart(2, "0")}`;
    if (!(await db.region.findUnique({ where: { id: candidate }, select: { id: true } }))) id = candidate;
  }
  if (!id) throw new Error("no free village code under Huangdao");
  const name = `丁${GIVEN[crypto.randomBytes(1)[0]! % GIVEN.length]}村`;
  await db.region.create({ data: { id, parentId: HUANGDAO, level: "village", name, zone: "west", designatedPoor: true } });
  for (let i = 0; i < households; i++) await freshHousehold(db, { village: id, members: 3 });
  const username = `e2e-village-${uniqueTag()}`;
  await createUser(db, { username, role: "facilitator", regionId: id, name: `试主持${GIVEN[Date.now() % GIVEN.length]}` });
  return { id, name, facilitator: { username, password: TEST_PASSWORD } };
}

/** The demo's city (Tongren), under which a spec's own counties are made. */
export const TONGREN = "5206";

export interface FreshCounty {
  id: string;
  name: string;
  villages: { id: string; name: string; designatedPoor: boolean }[];
  /** an evaluator over this county alone (signs in with TEST_PASSWORD) */
  evaluator: { username: string; password: string };
}

/**
 * A county of the spec's own under Tongren (a code no real county of it uses: 520670–520699), one
 * township, `villages` villages (the first half, rounded up, designated poor villages) of
 * `households` households each (the first half registered poor, the others not registered), and
 * an evaluator over it: what an evaluation's sampling frame needs, apart from the demo's counties.
 */
export async function freshCounty(db: PrismaClient, villages = 5, households = 6): Promise<FreshCounty> {
  let id = "";
  for (let i = 0; i < 50 && !id; i++) {
    const candidate = `${TONGREN}${70 + (crypto.randomBytes(1)[0]! % 30)}`;
    if (!(await db.region.findUnique({ where: { id: candidate }, select: { id: true } }))) id = candidate;
  }
  if (!id) throw new Error("no free county code under Tongren");
  const pick = () => GIVEN[crypto.randomBytes(1)[0]! % GIVEN.length];
  const name = `丁${pick()}区`;
  const township = `${id}100`;
  const made = Array.from({ length: villages }, (_, i) => ({
    id: `${township}${200 + i}`,
    name: `丁${pick()}${"一二三四五六七八九十"[i % 10]}村`,
    designatedPoor: i < Math.ceil(villages / 2),
  }));
  await db.region.createMany({
    data: [
      { id, parentId: TONGREN, level: "county", name, zone: "west" },
      { id: township, parentId: id, level: "township", name: `丁${pick()}乡`, zone: "west" },
      ...made.map((v) => ({ ...v, parentId: township, level: "village" as const, zone: "west" as const })),
    ],
  });
  for (const v of made) {
    for (let i = 0; i < households; i++) {
      await freshHousehold(db, { village: v.id, registeredStatus: i < households / 2 ? "registered_poor" : "not_registered" });
    }
  }
  const username = `e2e-evaluator-${uniqueTag()}`;
  await createUser(db, { username, role: "evaluator", regionId: id, name: `试评估${pick()}` });
  return { id, name, villages: made, evaluator: { username, password: TEST_PASSWORD } };
}
