// The county official's day: the village list sorted by incidence, Danyang's mismatches,
// a reassignment (of a household the spec makes: below the monitoring line, not registered, so
// its register and assessment disagree), and the CSV exports (UTF-8 with a BOM, Chinese header).
import type { Download } from "@playwright/test";
import { test, expect } from "./fixtures";
import { MONITORING_CANDIDATE_WAGES } from "./data";

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

test("official: sort villages by incidence, filter Danyang's mismatches, reassign a household, export CSV", async ({
  page,
  loginAs,
  cadre,
  household,
}) => {
  const mine = await household({ cadre: (await cadre()).username, incomeWages: MONITORING_CANDIDATE_WAGES });
  await loginAs("official");
  await expect(page).toHaveURL(/\/county$/);
  const villages = page.getByTestId("village-table");
  await expect(villages).toContainText("丹阳村");

  // sort by incidence: highest first
  await page.getByTestId("sort-incidence").click();
  await expect(page).toHaveURL(/sort=incidence&dir=desc/);
  await expect(page.locator('th[aria-sort="descending"]')).toContainText("贫困发生率");
  // no household is registered poor after 2020 (#14): every village with people reads 0%
  await expect(villages.locator("tbody tr").first()).toContainText("0");
  await page.screenshot({ path: "test-results/county-sorted.png", fullPage: false });

  // the village list export: UTF-8 BOM, then the Chinese header
  const [villageCsv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-villages").click()]);
  expect(villageCsv.suggestedFilename()).toMatch(/^万山区-村庄-\d{4}-\d{2}-\d{2}\.csv$/);
  const vbytes = await bytesOf(villageCsv);
  expect([...vbytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(vbytes.subarray(3).toString("utf8").split("\r\n")[0]).toMatch(/^区划代码,乡镇,村,户数,人口,建档贫困户,贫困人口,贫困发生率\(%\)/);

  // open Danyang and keep only the households whose register and assessment disagree
  await villages.getByRole("link", { name: "丹阳村" }).click();
  await expect(page).toHaveURL(/\/county\/villages\/520603201200$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("丹阳村");
  await page.getByTestId("filter-mismatch").selectOption("any");
  await expect(page).toHaveURL(/mismatch=any/);
  const rows = page.getByTestId("household-table").locator("tbody tr");
  await expect(page.getByTestId("household-count")).toHaveText(/符合条件 \d+ 户/);
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText(/拟(退出|纳入监测|识别)/);
  await page.screenshot({ path: "test-results/county-danyang-mismatches.png", fullPage: false });

  // the filtered household export
  const [householdCsv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-households").click()]);
  expect(householdCsv.suggestedFilename()).toMatch(/^万山区-丹阳村-农户-\d{4}-\d{2}-\d{2}\.csv$/);
  const hbytes = await bytesOf(householdCsv);
  expect([...hbytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = hbytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "村,户编号,户主,户主身份证号,人口,登记状态,监测类别,评估状态,登记与评估不一致,拟纳入监测类别,未达标指标,人均纯收入(元),主要致贫原因,其他致贫原因,帮扶干部,最近走访,走访情况",
  );
  expect(lines).toHaveLength(count + 1); // the same filter as the page (one page of at most 50 shown)

  // the spec's own among them (found by its head's name), reassigned to another cadre of the county
  await page.goto(`${page.url()}&q=${encodeURIComponent(mine.headName)}`);
  await expect(rows).toHaveCount(1);
  const first = rows.first();
  const head = (await first.locator("a").first().textContent())!.trim();
  expect(head).toBe(mine.headName);
  await first.getByTestId("reassign-link").click();
  await expect(page).toHaveURL(/\/county\/assignments\?household=/);
  const panel = page.getByTestId("household-panel");
  const before = (await panel.getByTestId("current-cadre").textContent())!.trim();
  await expect(page.getByRole("heading", { name: `${head}户的帮扶干部` })).toBeVisible();
  const options = panel.getByTestId("cadre-option");
  await expect(options.first()).toBeVisible();
  const other = options.filter({ hasNotText: before }).first();
  const chosen = (await other.locator("span.font-medium").textContent())!.trim();
  await other.click();
  await expect(panel.getByTestId("picked-cadres")).toContainText(chosen);
  await panel.getByLabel("原因").fill("原帮扶干部调任乡镇工作，工作交接");
  await panel.getByRole("button", { name: "改派" }).click();
  await expect(panel.getByTestId("assign-status")).toContainText("已保存");
  await expect(panel.getByTestId("current-cadre")).toHaveText(chosen);
  await expect(panel.getByTestId("assignment-history").locator("li").first()).toContainText("原帮扶干部调任乡镇工作");
  await page.screenshot({ path: "test-results/county-reassigned.png", fullPage: false });
});

test("official: bad address parameters get a message naming them, another county's village is not found", async ({ page, loginAs }) => {
  await loginAs("official");
  await page.goto("/county/villages/520603201200?unmet=roof&page=abc");
  await expect(page.getByTestId("param-errors")).toContainText("未达标指标");
  await expect(page.getByTestId("param-errors")).toContainText("页码");
  await expect(page.getByTestId("household-table")).toBeVisible();
  const res = await page.goto("/county/villages/520602204202");
  expect(res?.status()).toBe(404);
});

test("charts load on their own page with summaries for screen readers", async ({ page, loginAs }) => {
  await loginAs("official");
  await page.goto("/county/charts");
  for (const id of ["incidence", "status", "causes", "coverage", "trend"]) {
    const fig = page.getByTestId(`chart-${id}`);
    await expect(fig.locator("figcaption")).not.toBeEmpty();
    await expect(fig.locator("table")).toHaveCount(1);
  }
  await expect(page.getByTestId("chart-incidence").locator("svg").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("chart-incidence")).toContainText("退出标准 3%");
});
