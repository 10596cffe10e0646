// Every demo role signs in and follows every link of its menu and of its landing page: no page
// answers 5xx, none shows a raw id (uuid, policy row id, short hash, file path, parameter name),
// every page has its own tab title, and the exports linked answer.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { test, expect, signIn } from "./fixtures";
import { downloadsOf, linksOf, rawIdsIn, representatives, shapeOf } from "./crawl";

const ROLES = ["admin", "official", "official2", "township", "cadre", "facilitator", "evaluator", "auditor"] as const;

/**
 * The one exception to "no raw id": the audit viewer's record-id column (each event names the
 * record it changed, by id, by design), for the audit administrator, on /audit only. Each exempt
 * cell must hold an id and nothing else, and only its own text is taken out of the page's.
 */
const RAW_ID_EXEMPT: Partial<Record<(typeof ROLES)[number], { path: RegExp; selector: string }>> = {
  auditor: { path: /^\/audit$/, selector: '[data-testid="audit-row"] summary [data-audit-record-id]' },
};

for (const user of ROLES) {
  test(`${user}: every link of the menu and the landing page opens without an error or a raw id`, async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, user);
    const landing = new URL(page.url()).pathname;
    const problems: string[] = [];
    const check = async (where: string) => {
      let text = await page.locator("body").innerText();
      const exempt = RAW_ID_EXEMPT[user];
      if (exempt && exempt.path.test(new URL(page.url()).pathname)) {
        for (const cell of await page.locator(exempt.selector).allInnerTexts()) {
          if (!/^[0-9A-Za-z_.:-]+$/.test(cell.trim())) problems.push(`${where}: the record-id cell holds more than an id: "${cell}"`);
          text = text.replace(cell.trim(), "");
        }
      }
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

const SHOTS = process.env.E2E_SHOTS_DIR;
const out = (name: string) => {
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  return SHOTS ? `${SHOTS}/${name}` : `test-results/${name}`;
};

test("the township reviewer lands on its township: its villages, its review queue, what is late", async ({ page }) => {
  await signIn(page, "township");
  await expect(page).toHaveURL(/\/township$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("黄道侗族乡");
  await expect(page.getByTestId("township-villages")).toContainText("丹阳村");
  await expect(page.getByText("等待乡镇审核的评议事项")).toBeVisible();
  await expect(page.getByText("逾期未处理的求助")).toBeVisible();
  await page.screenshot({ path: out("township-landing.png"), fullPage: true });
  // its village's households open; another township's village is not found; the county pages send it home
  await page.getByTestId("township-villages").getByRole("link", { name: "丹阳村" }).click();
  await expect(page).toHaveURL(/\/county\/villages\/520603201200/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("丹阳村");
  expect((await page.goto("/county/villages/520603001001"))?.status()).toBe(404);
  for (const p of ["/county", "/county/charts", "/county/assignments", "/county/approvals"]) {
    await page.goto(p);
    await expect(page).toHaveURL(/\/township$/);
  }
});

test("the village's households as XLSX: IDs and numbers are text, whole", async ({ page }) => {
  await signIn(page, "official");
  await page.goto("/county/villages/520603201200");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-households-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = out("danyang-households.xlsx");
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(4).value).toBe("户主身份证号");
  const row = ws.getRow(2);
  expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
  expect(String(row.getCell(2).value)).toMatch(/^\d+$/);
  expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String);
  expect(String(row.getCell(4).value)).toMatch(/^\d{17}[\dX]$/);
  expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Number);
});

test("township: the county's own pages send it to its township page, never to an error", async ({ page }) => {
  await signIn(page, "township");
  for (const href of ["/county", "/county/charts", "/county/assignments", "/county/approvals"]) {
    const res = await page.goto(href);
    expect(res?.status(), href).toBeLessThan(400);
    await expect(page, href).toHaveURL(/\/township$/);
  }
});
