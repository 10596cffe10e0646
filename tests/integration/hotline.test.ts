// One hotline everywhere (#17 point 13): the card's page, the help form and the card's
// not-found page (which knows no county) show the same number, formatted one way; the
// national 12317 only where no county set one (or the counties disagree).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers";
import { createHousehold, seedRegions } from "../factories";
import { getCardView } from "@/lib/data/card";
import { helpVillage } from "@/lib/data/help";
import { installationHotline } from "@/lib/data/hotline";

let t: TestDb;
let household = "";
const A = "520603201200";

beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  household = (await createHousehold(t.prisma, { villageId: A, number: "0001", registeredStatus: "lifted" })).id;
});
afterAll(async () => {
  await t?.close();
});

describe("the hotline", () => {
  it("no county set one: the national 12317 on every page", async () => {
    expect(await installationHotline()).toEqual({ hotline: "12317", national: true });
    expect((await helpVillage(A))?.hotline).toBe("12317");
    expect((await getCardView(household))?.hotline).toBe("12317");
  });

  it("the counties' one setting, however typed, reads the same on the card, the help form and the not-found page", async () => {
    await t.prisma.region.update({ where: { id: "520603" }, data: { hotline: "0856 12317" } });
    await t.prisma.region.update({ where: { id: "520602" }, data: { hotline: "0856-12317" } });
    const shown = ["0856-12317"];
    expect([(await installationHotline()).hotline]).toEqual(shown);
    expect([(await helpVillage(A))?.hotline]).toEqual(shown);
    expect([(await getCardView(household))?.hotline]).toEqual(shown);
  });

  it("counties that differ: a page without a county shows the national number; a county's page its own", async () => {
    await t.prisma.region.update({ where: { id: "520602" }, data: { hotline: "0856-5222222" } });
    expect(await installationHotline()).toEqual({ hotline: "12317", national: true });
    expect((await helpVillage(A))?.hotline).toBe("0856-12317");
  });
});
