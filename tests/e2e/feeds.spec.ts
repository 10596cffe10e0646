// Department data (#19, docs/department-feeds.md) end to end, on rows of the spec's own
// (decision 0050): the county official uploads a small medical-insurance CSV on the feeds page and
// reads the report (one row matched, one unmatched by its line, the lead it opened); the
// household's cadre, on a phone, finds the lead with the department as its source, and the
// household page shows where it came from.
import { test, expect } from "./fixtures";
import { daysAgo } from "./data";
import { makeNationalId } from "@/lib/national-id";

test("official uploads a department feed; the cadre sees the lead it opened, the department as source", async ({
  page,
  loginAs,
  cadre,
  household,
}) => {
  const me = await cadre();
  const h = await household({ cadre: me.username, nationalIds: true, members: 2 });
  const billOn = daysAgo(3);
  // a valid ID of nobody in Wanshan (a region code no county has): unmatched, whatever the name says
  const nobody = makeNationalId("539999", "1988-08-08", 1 + Math.floor(Math.random() * 998));
  const csv = [
    "身份证号,事项,日期,金额,姓名",
    `${h.nationalIds[0]},large_bill,${billOn},26800,${h.headName}`,
    `${nobody},insured,,,${h.headName}`,
  ].join("\n");

  await loginAs("official");
  await page.goto("/county/feeds");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("部门数据比对");
  const form = page.getByTestId("feed-upload");
  await form.getByLabel("部门").selectOption("medical_insurance");
  await form.getByLabel("文件（CSV 或 XLSX）").setInputFiles({
    name: `医保大额费用-${h.number}.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8"),
  });
  await form.getByRole("button", { name: "检查并导入" }).click();
  const report = page.getByTestId("feed-report");
  await expect(report).toContainText("已导入：匹配 1 行，未匹配 1 行", { timeout: 30_000 });
  await expect(report).toContainText("预警线索 1 条");
  await expect(report).toContainText("未匹配的行（身份证号不是本范围内的成员，不按姓名猜测）：3");
  // the feed in the list, with its counts
  await page.reload();
  const row = page.getByTestId("feed-table").locator("tr", { hasText: `医保大额费用-${h.number}.csv` });
  await expect(row).toContainText("医疗保障");
  await expect(row.locator("td").nth(4)).toHaveText("1"); // matched
  await expect(row.locator("td").nth(5)).toHaveText("1"); // unmatched
  await expect(row.locator("td").nth(7)).toHaveText("1"); // leads

  // the cadre, on a phone: the lead, from the department, for their household
  await page.setViewportSize({ width: 360, height: 740 });
  await page.context().clearCookies(); // signed out: /login shows its form again
  await loginAs(me.username, me.password);
  await page.goto("/leads");
  const lead = page.getByTestId("leads").locator("li", { hasText: h.headName });
  await expect(lead).toBeVisible();
  await expect(lead).toContainText("部门");
  await expect(lead).toContainText("生病");
  await expect(lead).toContainText(new RegExp(`医保 \\d{4}-\\d{2}-\\d{2}：大额自付医疗费用（${billOn}） 26800(\\.00)? 元`));
  await expect(lead).toContainText(/期限 \d{4}-\d{2}-\d{2}/);

  // the household page says where it came from
  await page.goto(`/households/${h.id}`);
  const dept = page.getByTestId("department-data");
  await expect(dept).toContainText("预警线索");
  await expect(dept).toContainText("大额自付医疗费用");
  await expect(dept).toContainText("来源：医疗保障");
});
