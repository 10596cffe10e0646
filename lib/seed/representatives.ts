/**
 * The appraisal procedure's demo data: Danyang village's villagers' representative assembly
 * (31 representatives: a meeting sits with 21, two thirds) and a township reviewer — a
 * county_official whose scope is Huangdao Dong ethnic township (黄道侗族乡 520603201), who
 * reviews the proposals of its villages after the first public notice.
 *
 * Deterministic (its own PRNG stream) and idempotent: rows that exist are kept (ON CONFLICT DO
 * NOTHING on the fixed ids and the unique username), so it can run inside the seed's transaction
 * or on its own against a database seeded before it existed.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertRows } from "@/lib/db/bulk";
import { DANYANG_ID, HUANGDAO_ID, WANSHAN_ID } from "./constants";
import { fullName, mobile, pickSurname } from "./names";
import { Rng } from "./random";

export const DANYANG_REPRESENTATIVES = 31;
export const TOWNSHIP_REVIEWER_USERNAME = "township";

/** The 31 representatives of Danyang village, with distinct Chinese names. */
export function buildRepresentatives(): (Prisma.RepresentativeCreateManyInput & { id: string })[] {
  const rng = new Rng("representatives:danyang");
  const names = new Set<string>();
  const rows: (Prisma.RepresentativeCreateManyInput & { id: string })[] = [];
  while (rows.length < DANYANG_REPRESENTATIVES) {
    const sex = rng.chance(0.6) ? "male" : "female";
    const name = fullName(rng, pickSurname(rng), sex, rng.int(1952, 1992));
    const id = rng.uuid();
    const phone = mobile(rng);
    if (names.has(name)) continue;
    names.add(name);
    rows.push({ id, villageId: DANYANG_ID, countyId: WANSHAN_ID, name, phone, active: true });
  }
  return rows;
}

/** The township reviewer of Huangdao township (password: the demo password, hashed by the caller). */
export function buildTownshipReviewer(passwordHash: string): Prisma.UserCreateManyInput & { id: string } {
  const rng = new Rng("users:township");
  return {
    id: rng.uuid(),
    username: TOWNSHIP_REVIEWER_USERNAME,
    name: fullName(rng, pickSurname(rng), "female", 1984),
    phone: mobile(rng),
    passwordHash,
    role: "county_official",
    regionId: HUANGDAO_ID,
  };
}

type Runner = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/**
 * Writes the representatives and the township reviewer, keeping whatever already exists.
 * Call it inside lib/seed/index.ts's transaction, after the regions and users are written:
 *   await seedProcedure(tx, { passwordHash, now });
 */
export async function seedProcedure(
  client: Runner,
  opts: { passwordHash: string; now?: Date },
): Promise<{ representatives: number; users: number }> {
  const now = opts.now ?? new Date();
  const representatives = await insertRows(
    client,
    "representative",
    buildRepresentatives().map((r) => ({ ...r, createdAt: now })),
    now,
    { skipDuplicates: true },
  );
  const users = await insertRows(client, "app_user", [buildTownshipReviewer(opts.passwordHash)], now, { skipDuplicates: true });
  return { representatives, users };
}
