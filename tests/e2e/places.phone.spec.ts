// A cadre at 360 px reads the relocation record of a household they serve (no form: officials record it).
import { test, expect } from "./fixtures";
import { relocatedHouseholds } from "./seed-data";

const SHOTS = process.env.SHOTS_DIR ?? "test-results";

test("cadre: a served household's relocation, read-only, at 360 px", async ({ page, loginAs }) => {
  const { cadreHousehold, cadreUsername } = relocatedHouseholds();
  await loginAs(cadreUsername);
  await page.goto(`/households/${cadreHousehold}`);
  const card = page.getByTestId("relocation-card");
  await expect(card.getByTestId("relocation-destination")).toContainText("安置点");
  await expect(page.getByTestId("relocation-form")).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/household-relocation-cadre-360.png`, fullPage: false });
});
