// Rules v2 (#14) as the county official sees it: the stale monitoring threshold said, the
// guarantee-gap list, the post-2020 wording, and a household with its gap, relocation and the
// income that is recorded but never counted.
import { mkdirSync } from "node:fs";
import { test, expect } from "./fixtures";

const SHOTS = process.env.RULES_SHOTS_DIR ?? "test-results";

test("official: guarantee gaps, a stale threshold, 应纳未纳 and 返贫风险; a gap household's page", async ({ page, loginAs }) => {
  mkdirSync(SHOTS, { recursive: true });
  await loginAs("official");
  await expect(page).toHaveURL(/\/county$/);
  // 2023's 6,900 carried into the current year (more than one year): stale, and said so
  await expect(page.getByTestId("threshold-stale")).toContainText("6,900");
  await expect(page.getByText("应纳未纳").first()).toBeVisible();
  await expect(page.getByText("返贫风险").first()).toBeVisible();
  const gaps = page.getByTestId("guarantee-gaps");
  await expect(gaps).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/rules-county.png`, fullPage: true });

  await gaps.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/households\//);
  await expect(page.getByTestId("assessment-flags")).toContainText("三保障问题");
  await expect(page.getByTestId("threshold-stale")).toBeVisible();
  await expect(page.getByTestId("income-not-counted")).toContainText("医疗报销");
  await page.screenshot({ path: `${SHOTS}/rules-household.png`, fullPage: true });
});
