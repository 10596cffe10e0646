// A cadre on a 360-pixel phone: their households, and one household's page.
import { test, expect } from "./fixtures";

test("cadre sees only their households and opens one with its indicator checklist", async ({ page, loginAs, cadre, household }) => {
  // the spec's own cadre with two households, and a household of the same village that is not theirs
  const me = await cadre();
  const mine = [await household({ cadre: me.username }), await household({ cadre: me.username })];
  const notMine = await household();
  await loginAs(me.username, me.password);
  await expect(page).toHaveURL(/\/cadre$/);
  const list = page.getByTestId("my-households");
  await expect(list.locator("li")).toHaveCount(2);
  for (const h of mine) await expect(list).toContainText(h.headName);
  await page.screenshot({ path: "test-results/home-cadre.png", fullPage: true });
  await list.locator("a", { hasText: mine[0]!.headName }).first().click();
  await expect(page).toHaveURL(/\/households\//);
  const checklist = page.getByTestId("indicator-checklist");
  await expect(checklist.locator("li")).toHaveCount(7);
  await expect(checklist).toContainText("人均纯收入");
  // nothing outside the assignments is reachable
  await page.goto(`/households/${notMine.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  await page.goto("/households/00000000-0000-0000-0000-000000000000");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
});
