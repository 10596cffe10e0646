// Every demo role signs in and follows every link of its menu and of its landing page: no page
// answers 5xx, none shows a raw id (uuid, policy row id, short hash, file path, parameter name),
// every page has its own tab title, and the exports linked answer.
import { test, expect, signIn } from "./fixtures";
import { downloadsOf, linksOf, rawIdsIn, representatives, shapeOf } from "./crawl";

const ROLES = ["admin", "official", "official2", "township", "cadre", "facilitator", "evaluator"] as const;

for (const user of ROLES) {
  test(`${user}: every link of the menu and the landing page opens without an error or a raw id`, async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, user);
    const landing = new URL(page.url()).pathname;
    const problems: string[] = [];
    const check = async (where: string) => {
      const text = await page.locator("body").innerText();
      for (const raw of rawIdsIn(text)) problems.push(`${where}: ${raw}`);
      await expect(page.locator("header nav").first(), `${where}: the menu is shown`).toBeVisible();
    };
    await check(landing);
    const links = representatives(await linksOf(page));
    const downloads = await downloadsOf(page);
    // each kind of page names itself in the tab (two households may share "农户详情"; a household and a village may not)
    const titles = new Map<string, string>();
    const noteTitle = async (where: string) => {
      const title = await page.title();
      const kind = shapeOf(new URL(page.url()).pathname);
      const other = titles.get(title);
      if (other !== undefined && other !== kind) problems.push(`${where}: same tab title as ${other} ("${title}")`);
      titles.set(title, kind);
    };
    await noteTitle(landing);
    for (const href of links) {
      const res = await page.goto(href);
      const status = res?.status() ?? 0;
      if (status >= 500) {
        problems.push(`${href}: HTTP ${status}`);
        continue;
      }
      await check(href);
      await noteTitle(href);
    }
    for (const href of downloads) {
      const res = await page.request.get(href);
      if (res.status() >= 500) problems.push(`${href}: HTTP ${res.status()}`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
}

test("an unknown page keeps the menu and the sign-out, with its own title", async ({ page }) => {
  await signIn(page, "township");
  const res = await page.goto("/households/no-such-household");
  expect(res?.status()).toBe(404);
  await expect(page.locator("header nav").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
  await expect(page).toHaveTitle(/页面不存在/);
  await page.goto("/no/such/page");
  await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
  await expect(page).toHaveTitle(/页面不存在/);
});
