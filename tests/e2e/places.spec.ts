// The county's relocation records (#18): the settlement page (Danyang's resettlement site and
// Wangjia community with their origins), and an official correcting a household's record — the
// cap refused on its field, then saved. Screenshots at 1440 px.
import { test, expect } from "./fixtures";

const SHOTS = process.env.SHOTS_DIR ?? "test-results";

test("official: the settlement page, and a relocation corrected on the household page", async ({ page, loginAs, db }) => {
  // one of the demo's 86 relocated Danyang households (the seed's relocation records are what is shown)
  const { householdId: danyang } = await db.relocation.findFirstOrThrow({
    where: { household: { villageId: "520603201200" } },
    orderBy: { householdId: "asc" },
    select: { householdId: true },
  });
  await page.setViewportSize({ width: 1440, height: 1000 });
  await loginAs("official");
  await page.goto("/county/relocation");
  const table = page.getByTestId("settlements");
  await expect(table).toContainText("丹阳村易地扶贫搬迁安置点");
  await expect(table).toContainText("旺家社区");
  await expect(table).toContainText("思南县");
  await expect(table).toContainText("印江土家族苗族自治县");
  await page.screenshot({ path: `${SHOTS}/county-relocation-1440.png`, fullPage: true });

  await page.goto(`/households/${danyang}`);
  const card = page.getByTestId("relocation-card");
  await expect(card.getByTestId("relocation-destination")).toContainText("丹阳村易地扶贫搬迁安置点");
  await expect(card.getByTestId("relocation-per-person")).toContainText("平方米");
  await card.getByText("修改搬迁信息").click();
  const form = page.getByTestId("relocation-form");
  await form.getByLabel("自筹资金（元）").fill("3500");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#reloc-contribution-error")).toContainText("3000");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/household-relocation-cap-error-1440.png`, fullPage: false });
  await form.getByLabel("自筹资金（元）").fill("3000");
  await form.getByLabel("宅基地复垦日期（复垦）").fill("");
  await form.getByLabel("就业帮扶").check();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("relocation-status")).toContainText("搬迁信息已保存");
  await expect(card).toContainText("3,000");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/household-relocation-saved-1440.png`, fullPage: false });
});
