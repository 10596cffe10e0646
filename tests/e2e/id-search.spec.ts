// The county official finds a household by a member's national ID (a department's letter, a
// hotline call): typed, checked, found, opened; a mistyped ID is named on its field; the ID never
// appears in the page's address.
import { test, expect } from "./fixtures";

test("find a household by national ID, and a mistyped one refused by name", async ({ page, loginAs, household }) => {
  // a household of the spec's own in the official's county; the member looked for is not the head
  const h = await household({ members: 3, nationalIds: true });
  const m = { nationalId: h.nationalIds[1]!, householdId: h.id, headName: h.headName };
  await loginAs("official");
  await page.getByRole("link", { name: "身份证查找" }).first().click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole("heading", { name: "按身份证号查找" })).toBeVisible();

  const field = page.getByLabel("身份证号（18 位）");
  const wrong = m.nationalId.slice(0, 17) + (m.nationalId[17] === "1" ? "2" : "1");
  await field.fill(wrong);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.locator("#nationalId-error")).toContainText("校验位");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue(wrong); // kept to be corrected, not typed again

  await field.fill(m.nationalId);
  await page.getByRole("button", { name: "查找" }).click();
  const hit = page.getByTestId("id-search-hit");
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(m.headName);
  await expect(hit).not.toContainText(m.nationalId); // masked in the answer
  expect(page.url()).not.toContain(m.nationalId);
  await page.screenshot({ path: "test-results/id-search.png", fullPage: true });
  await hit.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/households/${m.householdId}$`));
});
