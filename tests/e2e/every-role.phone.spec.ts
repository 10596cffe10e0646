// The cadre at 360 px with touch: the menu fits (a menu button, a bottom bar for the four main
// places), every link of the menu and the landing page opens without a 5xx, without a page wider
// than the screen, without raw ids; a household's members are cards with masked IDs, one revealed
// on a tap.
import fs from "node:fs";
import { test, expect, signIn } from "./fixtures";
import { horizontalOverflow, linksOf, rawIdsIn, representatives } from "./crawl";

const SHOTS = process.env.E2E_SHOTS_DIR;
const shot = async (page: import("@playwright/test").Page, name: string) => {
  const path = SHOTS ? `${SHOTS}/${name}` : `test-results/${name}`;
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path });
};

test("cadre at 360 px: the menu fits, every page of the menu and the landing page fits the screen", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "cadre");
  await expect(page).toHaveURL(/\/cadre$/);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  // the bottom bar: the four main places, whole words
  const bar = page.getByTestId("bottom-bar");
  await expect(bar.getByRole("link")).toHaveCount(4);
  await expect(bar.getByRole("link", { name: "我的帮扶户" })).toBeVisible();
  // the menu button opens every place, "打印明白卡" uncut
  // (a tap before the page has hydrated does nothing: tap again until the menu opens, as a person would)
  const menu = page.locator("#mobile-menu");
  await expect(async () => {
    if (!(await menu.getByRole("link", { name: "打印明白卡" }).isVisible())) await page.getByTestId("menu-button").click();
    await expect(menu.getByRole("link", { name: "打印明白卡" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const box = await menu.getByRole("link", { name: "打印明白卡" }).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await shot(page, "menu-360.png");
  const links = representatives([
    ...(await linksOf(page)),
    ...(await page.$$eval("#mobile-menu a[href], [data-testid=bottom-bar] a[href]", (as) => as.map((a) => a.getAttribute("href") ?? ""))),
  ]);
  await page.keyboard.press("Escape");

  const problems: string[] = [];
  for (const href of [...new Set(links)]) {
    const res = await page.goto(href);
    if ((res?.status() ?? 0) >= 500) {
      problems.push(`${href}: HTTP ${res?.status()}`);
      continue;
    }
    const path = new URL(page.url()).pathname;
    if (/^\/(cadre|outbox|procedure|leads|cards|households)/.test(path)) {
      const over = await horizontalOverflow(page);
      if (over > 0) problems.push(`${href}: ${over} px wider than the screen`);
    }
    for (const raw of rawIdsIn(await page.locator("body").innerText())) problems.push(`${href}: ${raw}`);
  }
  expect(problems, problems.join("\n")).toEqual([]);
});

test("a household's members on a phone: cards, IDs masked, one revealed on a tap", async ({ page, cadre, household }) => {
  const me = await cadre();
  const h = await household({ cadre: me.username, nationalIds: true });
  await signIn(page, me.username, me.password);
  await page.getByTestId("my-households").getByRole("link", { name: h.headName }).first().click();
  await expect(page).toHaveURL(/\/households\//);
  const cards = page.getByTestId("member-cards");
  await expect(cards).toBeVisible();
  await expect(page.getByTestId("members-table")).toBeHidden();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  // the first member with an ID (held by position: the button goes once the ID shows)
  const withId = await cards.locator("li").evaluateAll((lis) => lis.findIndex((li) => li.querySelector("[data-testid=reveal-id]")));
  expect(withId).toBeGreaterThanOrEqual(0);
  const first = cards.locator("li").nth(withId);
  const id = first.getByTestId("national-id");
  await expect(id).toHaveText(/^\d{6}\*{8}\d{3}[\dX]$/);
  await first.scrollIntoViewIfNeeded();
  await shot(page, "members-phone.png");
  await first.getByTestId("reveal-id").tap();
  await expect(id).toHaveText(/^\d{17}[\dX]$/);
  await expect(first.getByTestId("reveal-id")).toHaveCount(0);
});
