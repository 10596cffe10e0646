import { test as base, expect, type Page } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { freshCadre, freshCounty, freshHousehold, openE2eDb, type FreshCounty, type FreshHousehold, type HouseholdSpec } from "./data";

export const DEMO_PASSWORD = "Jingzhun@2026";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

export interface E2eFixtures {
  /** signs in as a demo user (README), or as a user the spec made (with its password) */
  loginAs: (username: string, password?: string) => Promise<void>;
  /** a new household of the spec's own (tests/e2e/data.ts): village, cadre, status, members */
  household: (spec?: HouseholdSpec) => Promise<FreshHousehold>;
  /** a new cadre of the spec's own in a village (Danyang by default) */
  cadre: (village?: string) => Promise<{ id: string; username: string; password: string }>;
  /** a new county of the spec's own: villages, households and an evaluator over it */
  county: (villages?: number, households?: number) => Promise<FreshCounty>;
}

export const test = base.extend<E2eFixtures, { db: PrismaClient }>({
  // one client per worker on the e2e server's database (the wire it serves PGlite on)
  db: [
    async ({}, use) => {
      const db = openE2eDb();
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  household: async ({ db }, use) => {
    await use((spec) => freshHousehold(db, spec));
  },
  cadre: async ({ db }, use) => {
    await use((village) => freshCadre(db, village));
  },
  county: async ({ db }, use) => {
    await use((villages, households) => freshCounty(db, villages, households));
  },
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
    await use((username, password) => signIn(page, username, password));
  },
});

export { expect };
