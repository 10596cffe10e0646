// A cadre on a 360-pixel phone in the mountains: the service worker keeps their pages, a visit
// saved without a signal waits in the phone's outbox (status bar: "1 条走访待发送"), and is
// sent by itself when the network returns, stored exactly once. Then what the outbox shows for
// a visit that met a changed household (需要确认) and for one the server refused.
import { test, expect } from "./fixtures";
import type { BrowserContext, Page } from "@playwright/test";
import { queueInOutbox } from "./outbox";
import { daysAgo, reassign } from "./data";

/** Entries of the household page's visit list (走访记录). */
const visitEntries = (page: Page) =>
  page.locator("section", { has: page.getByRole("heading", { name: "走访记录", exact: true }) }).locator("ol > li");

async function workerReady(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration("/"))?.active), { timeout: 20_000 })
    .toBe(true);
}

/** The pages /cadre asks the worker to keep, kept. */
async function precached(page: Page, paths: string[]) {
  for (const p of paths) {
    await expect
      .poll(() => page.evaluate(async (u) => !!(await caches.match(u, { ignoreVary: true })), p), { timeout: 30_000, message: `${p} kept` })
      .toBe(true);
  }
}

async function fillVisit(page: Page, findings: string) {
  await page.getByLabel("走访发现").fill(findings);
  await page.getByLabel(/读回确认/).check();
}

async function setOffline(context: BrowserContext, page: Page, offline: boolean) {
  await context.setOffline(offline);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(!offline);
}

test("a visit saved without a signal waits on the phone and is sent once when the network returns", async ({
  page,
  context,
  loginAs,
  cadre,
  household,
}) => {
  const me = await cadre();
  const href = `/households/${(await household({ cadre: me.username })).id}`;
  await loginAs(me.username, me.password);
  await expect(page).toHaveURL(/\/cadre$/);
  const bar = page.getByTestId("outbox-bar");
  await expect(bar).toContainText("已全部发送");
  await workerReady(page);
  // the worker took over: reload so the page itself is served through it, and /cadre asks for the rest ahead
  await page.reload();
  await expect(page.getByTestId("my-households").locator(`a[href="${href}"]`).first()).toBeVisible();
  await precached(page, ["/cadre", "/outbox", href, `${href}/visit`]);

  await page.goto(href);
  const before = await visitEntries(page).count();
  await page.getByTestId("log-visit").click();
  await expect(page).toHaveURL(new RegExp(`${href}/visit$`));
  await expect(page.getByRole("button", { name: "保存走访记录" })).toBeEnabled();

  // the signal goes
  await setOffline(context, page, true);
  await expect(bar).toContainText("离线");
  const findings = `离线走访 ${Date.now()}：户主在家，情况稳定。`;
  await fillVisit(page, findings);
  await page.getByRole("button", { name: "保存走访记录" }).click();
  await expect(page.getByTestId("visit-queued")).toContainText("走访已保存在手机上");
  await expect(bar).toContainText("1 条走访待发送");
  await expect(bar).toHaveAttribute("data-waiting", "1");
  await page.screenshot({ path: "test-results/offline-queued.png" });

  // still offline: the outbox opens from the phone (the worker's kept copy) and shows it waiting
  await page.getByRole("link", { name: "查看待发送的走访" }).click();
  await expect(page).toHaveURL(/\/outbox$/);
  const item = page.getByTestId("outbox-item");
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute("data-state", "waiting");
  await expect(item.getByTestId("outbox-state")).toHaveText("等待发送");
  await expect(page.getByTestId("outbox-bar")).toContainText("1 条走访待发送");
  await page.screenshot({ path: "test-results/offline-outbox-waiting.png" });

  // a household page opens offline too: the worker's kept copy
  const kept = await page.goto(href);
  expect(kept?.fromServiceWorker()).toBe(true);
  expect(kept?.headers()["x-jz-cached-at"]).toBeTruthy();
  await expect(page.getByTestId("log-visit")).toBeVisible();
  await page.goto("/outbox");

  // the network returns: sent by itself, once
  await setOffline(context, page, false);
  await expect(page.getByTestId("outbox-item")).toHaveAttribute("data-state", "sent", { timeout: 30_000 });
  await expect(page.getByTestId("outbox-item")).toContainText("已发送");
  await expect(page.getByTestId("outbox-bar")).toContainText("已全部发送");
  await page.screenshot({ path: "test-results/offline-outbox-sent.png" });

  // a second flush (send-now, a reload) stores nothing more
  await page.reload();
  await expect(page.getByTestId("outbox-item")).toHaveAttribute("data-state", "sent");
  await page.goto(href);
  await expect(visitEntries(page)).toHaveCount(before + 1);
  await expect(visitEntries(page).filter({ hasText: findings })).toHaveCount(1);
  await expect(page.getByTestId("outbox-bar")).toContainText("已全部发送");
  await page.screenshot({ path: "test-results/offline-household-after.png" });
});

test("a queued visit that meets a changed household is kept, and the outbox asks for the confirmation", async ({
  page,
  context,
  browser,
  loginAs,
  cadre,
  household,
}) => {
  const me = await cadre();
  const href = `/households/${(await household({ cadre: me.username })).id}`;
  await loginAs(me.username, me.password);
  await workerReady(page);
  await precached(page, ["/outbox", href, `${href}/visit`]);

  // offline, a visit that changes the housing grade, on the version the page was loaded with
  await page.goto(`${href}/visit`);
  await expect(page.getByRole("button", { name: "保存走访记录" })).toBeEnabled();
  await setOffline(context, page, true);
  await fillVisit(page, "离线走访：房屋需要复核。");
  await page.getByText("两不愁三保障", { exact: false }).first().click();
  const grade = page.getByLabel("住房安全鉴定等级");
  await grade.selectOption((await grade.inputValue()) === "C" ? "B" : "C");
  await page.getByRole("button", { name: "保存走访记录" }).click();
  await expect(page.getByTestId("visit-queued")).toBeVisible();

  // meanwhile, on another phone with a signal, the same household changes
  const other = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const p2 = await other.newPage();
  await p2.goto("/login");
  await p2.getByLabel("用户名").fill(me.username);
  await p2.getByLabel("密码").fill(me.password);
  await p2.getByRole("button", { name: "登录" }).click();
  await expect(p2).not.toHaveURL(/\/login/, { timeout: 30_000 });
  await p2.goto(`${href}/visit`);
  await p2.getByLabel("走访发现").fill("在线走访：收入有变化。");
  await p2.getByLabel(/读回确认/).check();
  await p2.getByText("收入（近 12 个月，元）").first().click();
  const wages = p2.getByLabel("工资性收入");
  await wages.fill(String(Number((await wages.inputValue()) || 0) + 1200));
  await p2.getByRole("button", { name: "保存走访记录" }).click();
  await expect(p2.getByTestId("visit-result")).toContainText("走访已保存");
  await other.close();

  const bar = page.getByTestId("outbox-bar");
  await expect(bar).toContainText("1 条走访待发送");

  // the signal returns: sent by itself (a tap on "send now" on top of it still sends it once)
  await setOffline(context, page, false);
  await bar
    .getByRole("button", { name: "立即发送" })
    .click({ timeout: 2000 })
    .catch(() => {});
  await expect(bar).toContainText("1 条需要确认", { timeout: 30_000 });
  await page.screenshot({ path: "test-results/offline-bar-conflict.png" });

  await page.goto("/outbox");
  const conflict = page.locator('[data-testid="outbox-item"][data-state="conflict"]');
  await expect(conflict).toHaveCount(1);
  await expect(page.getByTestId("outbox-item")).toHaveCount(1);
  await expect(conflict.getByTestId("outbox-state")).toHaveText("需要确认");
  await expect(conflict.getByRole("link", { name: /去本户页面确认/ })).toHaveAttribute("href", href);
  await page.screenshot({ path: "test-results/offline-outbox-conflict.png", fullPage: true });
  // seen here: the bar on the other pages stops counting it
  await expect(bar).toContainText("已全部发送");

  // the household page asks for the confirmation
  await conflict.getByRole("link", { name: /去本户页面确认/ }).click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByTestId("pending-changes")).toBeVisible();
});

test("a visit queued for a household since moved to another cadre is refused, kept on the phone and handed to the county", async ({
  page,
  loginAs,
  cadre,
  household,
  db,
}) => {
  // a household of the spec's own cadre, moved to another cadre since
  const me = await cadre();
  const other = await cadre();
  const moved = await household({ cadre: me.username });
  await reassign(db, moved.id, other.id, daysAgo(3));
  await loginAs(me.username, me.password);
  await expect(page.getByTestId("outbox-bar")).toContainText("已全部发送");

  // a visit the old cadre logged offline before the move, still in the phone's outbox
  await queueInOutbox(page, me.id, [
    { householdId: moved.id, date: daysAgo(5), findings: "三月底入户：户主务工返乡，收入下降。", label: "调整前的帮扶户" },
  ]);

  await page.goto("/outbox");
  const item = page.getByTestId("outbox-item");
  await expect(item).toHaveAttribute("data-state", "reported", { timeout: 30_000 });
  await expect(item.getByTestId("outbox-rejection")).toContainText("已被拒绝：该户已不由您帮扶");
  await expect(item.getByTestId("outbox-reported")).toContainText("已转交县扶贫办留存");
  await expect(item).toContainText("不会被删除");
  await page.screenshot({ path: "test-results/offline-outbox-reassigned.png", fullPage: true });
  await expect(page.getByTestId("outbox-bar")).toContainText("已全部发送"); // seen on this page

  // sending again changes nothing: still one item, still kept
  await page.reload();
  await expect(page.getByTestId("outbox-item")).toHaveCount(1);
  await expect(page.getByTestId("outbox-item")).toHaveAttribute("data-state", "reported");
});
