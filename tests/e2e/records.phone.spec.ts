// The county records of issue #18 on a cadre's phone (360 px), on a household of the spec's own
// (decision 0050): the annual income record entered, shown unsigned, read back and signed on the
// pad; the household's plan (一户一策) made, its items shown on the visit form; the household
// handbook (扶贫手册) downloaded as an A5 PDF.
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const SHOTS = process.env.SHOTS_DIR ?? "test-results";

async function stroke(page: Page, pad: Locator) {
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 40);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 15, box.y + 40 + i * 4);
  await page.mouse.up();
}

test("income record entered and signed, a plan made and seen on the visit form, the handbook as a PDF", async ({
  page,
  loginAs,
  cadre,
  household,
}) => {
  const me = await cadre();
  const h = await household({ cadre: me.username, members: 2 });
  await loginAs(me.username, me.password);

  // the income record: entered, unsigned until the household signs
  await page.goto(`/households/${h.id}/income`);
  const form = page.getByTestId("income-record-form");
  await form.getByLabel("工资性收入").fill("12000");
  await form.getByLabel("生产经营收入").fill("3000");
  await form.getByLabel("医疗报销及医疗救助").fill("5000"); // recorded, not counted
  await form.getByRole("button", { name: "保存收入记录" }).click();
  await expect(page.getByText("收入记录已保存，请向农户读核并签字确认")).toBeVisible();
  const record = page.locator(`[data-testid^="income-record-"]`).first();
  await expect(record).toContainText("未签字确认");
  await page.screenshot({ path: `${SHOTS}/records-income-unsigned-360.png`, fullPage: true });

  const sign = page.getByTestId("sign-income-form");
  const pad = sign.getByRole("img").first();
  await expect(pad).toHaveAttribute("aria-busy", "false");
  await stroke(page, pad);
  await sign.getByRole("button", { name: "确认签字" }).click();
  // the signing form goes once the record is signed (the page is refreshed): the record says so
  await expect(page.getByTestId("sign-income-form")).toHaveCount(0);
  await expect(record).toContainText("签字方式：户主签名");
  await expect(record).not.toContainText("未签字确认");
  await page.screenshot({ path: `${SHOTS}/records-income-signed-360.png`, fullPage: true });

  // the plan: causes, expected income, items; the visit form shows it
  await page.goto(`/households/${h.id}/plan`);
  await page.getByLabel("主要致贫原因").selectOption({ index: 1 });
  await page.getByLabel("预计今年人均纯收入（元）").fill("8000");
  await page.getByLabel("推进事项").fill("申请公益性岗位\n参加技能培训");
  await page.getByRole("button", { name: "保存计划" }).click();
  await expect(page.getByText("帮扶计划已保存。")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/records-plan-360.png`, fullPage: true });
  await page.goto(`/households/${h.id}/visit`);
  await expect(page.getByText("本户帮扶计划")).toBeVisible();
  await expect(page.getByText("申请公益性岗位")).toBeVisible();

  // the handbook: linked from the household page, an A5 PDF
  await page.goto(`/households/${h.id}`);
  const link = page.getByTestId("household-handbook");
  await expect(link).toHaveAttribute("href", `/households/${h.id}/handbook`);
  const pdf = await page.request.get(`/households/${h.id}/handbook`, { timeout: 120_000 });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  expect(body.length).toBeGreaterThan(10_000); // the page size and the text: tests/integration/handbook.test.ts (pdfinfo, pdftotext)
});
