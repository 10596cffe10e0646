// The demo seed's village exit (decision 0051): Danyang, a designated poor village, exited in 2018
// — announced, its incidence frozen from the seed's own households (the last five households, lifted
// in 2019, still poor at the end of 2018), three steps, the announcement readable, and the
// designation kept with the exit year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { seed } from "@/lib/seed/index";
import { DANYANG_ID } from "@/lib/seed/constants";
import { villageExitAnnouncement } from "@/lib/data/village-exit";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.prisma);
}, 600_000);

afterAll(async () => {
  await t?.close();
});

describe("the seed's village exit", () => {
  it("Danyang exited in 2018: announced, the counts from its households, three steps, the designation kept", async () => {
    const e = await t.prisma.villageExit.findUniqueOrThrow({ where: { villageId_year: { villageId: DANYANG_ID, year: 2018 } } });
    expect(e.stage).toBe("announced");
    const [people] = await t.sql<{ n: number }>(`SELECT sum("memberCount")::int AS n FROM household WHERE "villageId" = $1`, [DANYANG_ID]);
    expect(e.population).toBe(people!.n);
    expect(e.poorPeople).toBeGreaterThan(0);
    expect((e.poorPeople! * 100) / e.population!).toBeLessThanOrEqual(3);
    expect(await t.prisma.villageExitStep.count({ where: { exitId: e.id } })).toBe(3);
    expect(await t.prisma.region.findUniqueOrThrow({ where: { id: DANYANG_ID } })).toMatchObject({
      designatedPoor: true,
      designatedExitYear: 2018,
    });
    const a = await villageExitAnnouncement(e.id);
    expect(a).toMatchObject({ village: "丹阳村", announcedOn: "2018-12-10", collectiveIncome: 56000 });
  });
});
