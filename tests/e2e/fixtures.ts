import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Jingzhun@2026";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

export const test = base.extend<{ loginAs: (username: string) => Promise<void> }>({
  loginAs: async ({ page }, use) => {
    await use((username: string) => signIn(page, username));
  },
});

export { expect };
