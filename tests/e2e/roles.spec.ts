// Each role signs in and lands on its own home page, showing real seeded data in Chinese.
import { test, expect, signIn } from "./fixtures";

test("a wrong password gets a clear message in Chinese, and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("official");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#login-error")).toHaveText("用户名或密码错误。");
  await page.goto("/county");
  await expect(page).toHaveURL(/\/login/);
});

test("county official sees the village list of Wanshan district", async ({ page, loginAs }) => {
  await loginAs("official");
  await expect(page).toHaveURL(/\/county$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("万山区");
  await expect(page.getByTestId("village-table")).toContainText("高楼坪村");
  await expect(page.getByTestId("township-table")).toContainText("黄道侗族乡");
  await page.screenshot({ path: "test-results/home-official.png", fullPage: true });
});

test("facilitator sees Danyang's candidates for the next meeting", async ({ page, loginAs }) => {
  await loginAs("facilitator");
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("丹阳村");
  await expect(page.getByTestId("candidates").locator("li").first()).toBeVisible();
  await page.screenshot({ path: "test-results/home-facilitator.png", fullPage: true });
});

test("evaluator sees the counties of Tongren", async ({ page, loginAs }) => {
  await loginAs("evaluator");
  await expect(page).toHaveURL(/\/evaluator$/);
  await expect(page.getByTestId("county-table")).toContainText("万山区");
  await expect(page.getByTestId("county-table")).toContainText("碧江区");
  await page.screenshot({ path: "test-results/home-evaluator.png", fullPage: true });
});

test("admin lands on the administration home", async ({ page, loginAs }) => {
  await loginAs("admin");
  await expect(page).toHaveURL(/\/admin/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: "test-results/home-admin.png", fullPage: true });
});

test("the language can be switched to English and back", async ({ page }) => {
  await signIn(page, "official");
  await page.getByRole("button", { name: "语言" }).click();
  await expect(page.getByTestId("township-table")).toContainText("County total");
  await page.getByRole("button", { name: "Language" }).click();
  await expect(page.getByTestId("township-table")).toContainText("全县合计");
});
