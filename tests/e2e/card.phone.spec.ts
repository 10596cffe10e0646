// The household card on a 360-pixel phone. A cadre prints the card of one of their households
// and takes the link printed under the QR code; signed out, the household opens it, reads the
// indicators in plain words and reports a difficulty (the proof of work runs in the browser);
// the cadre, signed in again, finds the report among their leads. Then anyone, signed out,
// reports a household on the village's public form.
import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";

import { DANYANG } from "./data";

async function signOutVia(page: Page) {
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("a cadre prints a card; the household opens it, reads the indicators and asks for help; the cadre sees the lead", async ({
  page,
  loginAs,
  cadre,
  household,
}) => {
  const me = await cadre();
  const h = await household({ cadre: me.username });
  await loginAs(me.username, me.password);

  // the printable card of the spec's household, among the cadre's
  await page.goto("/cards");
  await page.getByTestId("card-households").locator("a", { hasText: h.headName }).first().click();
  await expect(page).toHaveURL(/\/cards\?household=/);
  const head = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/^打印明白卡：/, "").replace(/户$/, "");
  await page.getByTestId("issue-cards").click();
  const printed = page.getByTestId("printed-card");
  await expect(printed).toHaveCount(1);
  await expect(printed).toContainText("扫码查看本户帮扶信息");
  await expect(printed).toContainText(`户主：${head}`);
  await expect(printed.locator("svg")).toBeVisible();
  const link = (await page.getByTestId("card-url").textContent())!.trim();
  expect(link).toMatch(/\/card\/[A-Za-z0-9_-]{43}$/);

  await signOutVia(page);

  // the household's own page, no sign-in
  const response = await page.goto(link);
  expect(response!.status()).toBe(200);
  await expect(page.getByTestId("card-head")).toHaveText(`${head}户`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  const indicators = page.getByTestId("card-indicators");
  await expect(indicators.locator("[data-indicator]")).toHaveCount(7);
  await expect(indicators).toContainText("不愁吃");
  await expect(indicators).toContainText("住房安全");
  await expect(page.getByTestId("card-summary")).toContainText(/达标/);
  await expect(page.getByTestId("card-cadre").locator('a[href^="tel:"]').first()).toBeVisible();
  const html = await page.content();
  expect(html).not.toMatch(/\b\d{17}[\dX]\b/); // no national ID anywhere in the page

  // ask for help: the proof of work completes in the browser
  const form = page.getByTestId("report-form-card");
  await form.getByText("生病", { exact: true }).click();
  const text = `老伴住院了，医药费还差两万 ${Date.now()}`;
  await form.getByLabel("请说说情况").fill(text);
  await form.getByTestId("report-submit").click();
  await expect(page.getByTestId("report-received")).toContainText("已收到", { timeout: 30_000 });

  // an unknown link reads "not found" with a 404
  const bad = await page.goto("/card/" + "A".repeat(43));
  expect(bad!.status()).toBe(404);
  await expect(page.getByTestId("card-not-found")).toContainText("未找到");

  // the cadre finds the lead, with its deadline
  await loginAs(me.username, me.password);
  await page.goto("/leads");
  const lead = page.getByTestId("leads").locator("li", { hasText: text });
  await expect(lead).toBeVisible();
  await expect(lead).toContainText("生病");
  await expect(lead).toContainText(/期限 \d{4}-\d{2}-\d{2}/);
  await expect(lead).toContainText(`${head}户`);
});

test("anyone reports a household on the village's public form, without signing in", async ({ page }) => {
  await page.goto(`/help/${DANYANG}`);
  await expect(page.getByTestId("help-village")).toContainText("丹阳村");
  const form = page.getByTestId("report-form-village");
  await form.getByText("受灾", { exact: true }).click();
  await form.getByLabel(/请说说这一户的情况/).fill("村东头的房子昨晚被山洪冲坏了半边，老两口没地方住。");
  await form.getByLabel(/您的联系电话/).fill("13800000000");
  await form.getByTestId("report-submit").click();
  await expect(page.getByTestId("report-received")).toContainText("已收到", { timeout: 30_000 });
  const status = await page.getByTestId("status-link").getAttribute("href");
  await page.goto(status!);
  await expect(page.getByTestId("help-status")).toContainText("已收到，等待处理");
});
