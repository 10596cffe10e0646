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
  // every page a test opens must find its messages: each client tree is sent only the namespaces
  // its segment lists (i18n/client-messages.ts), and a missing one shows as MISSING_MESSAGE here
  page: async ({ page }, use) => {
    const missing: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /MISSING_MESSAGE/.test(m.text())) missing.push(`${page.url()}: ${m.text().slice(0, 200)}`);
    });
    await use(page);
    expect(missing, "messages a page's client components could not find (add the namespace to its segment)").toEqual([]);
  },
  loginAs: async ({ page }, use) => {
    await use((username: string) => signIn(page, username));
  },
});

export { expect };
