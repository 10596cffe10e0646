// A cadre at 360 px reads the relocation record of a household they serve (no form: officials record it).
import { test, expect } from "./fixtures";

const SHOTS = process.env.SHOTS_DIR ?? "test-results";

test("cadre: a served household's relocation, read-only, at 360 px", async ({ page, loginAs, household, cadre, db }) => {
  // a household of the spec's own, served by a cadre of its own, with a relocation record at Danyang's site
  const c = await cadre();
  const h = await household({ cadre: c.username });
  const site = await db.settlement.findFirstOrThrow({ where: { regionId: "520603201200", name: { not: "" } }, select: { id: true } });
  await db.household.update({ where: { id: h.id }, data: { relocatedFromName: "丹阳村（偏远村民组）", relocatedYear: 2017 } });
  await db.relocation.create({
    data: {
      householdId: h.id,
      countyId: "520603",
      settlementId: site.id,
      mode: "centralised",
      floorArea: 60,
      contribution: 2000,
      movedOn: new Date("2017-05-01T00:00:00Z"),
      supportJob: true,
    },
  });
  await loginAs(c.username, c.password);
  const cadreHousehold = h.id;
  await page.goto(`/households/${cadreHousehold}`);
  const card = page.getByTestId("relocation-card");
  await expect(card.getByTestId("relocation-destination")).toContainText("安置点");
  await expect(page.getByTestId("relocation-form")).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/household-relocation-cadre-360.png`, fullPage: false });
});
