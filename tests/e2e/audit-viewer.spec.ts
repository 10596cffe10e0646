// The audit administrator (审计管理员): signs in to the audit log, sees the chain's state, filters,
// opens a record's before and after, exports the selection, and finds their own looks recorded.
// Nobody else reaches the page.
import { test, expect } from "./fixtures";

test("the audit administrator reads, filters and exports the audit history", async ({ page, loginAs }) => {
  await loginAs("auditor");
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await expect(page.getByTestId("chain-status")).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();

  // a record's before and after
  const first = page.getByTestId("audit-row").first();
  await first.locator("summary").click();
  await expect(first.getByText("修改后")).toBeVisible();
  await page.screenshot({ path: "test-results/audit-viewer.png", fullPage: true });

  // the viewer's own looks are in the history
  await page.getByLabel("操作", { exact: true }).fill("audit.view");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=audit.view/);
  await expect(page.getByTestId("audit-row").first()).toContainText("audit.view");

  // the selection as a workbook
  const download = page.waitForEvent("download");
  await page.getByTestId("audit-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);

  // a bad filter is named and the rest still apply
  await page.goto("/audit?from=2024-02-30&action=audit.view");
  await expect(page.getByTestId("param-errors")).toContainText("from");
  await expect(page.getByTestId("audit-row").first()).toContainText("audit.view");
});

test("other roles do not reach the audit log", async ({ page, loginAs }) => {
  await loginAs("admin");
  await page.goto("/audit");
  await expect(page).not.toHaveURL(/\/audit/);
  const res = await page.request.get("/audit/export");
  expect(res.status()).toBe(403);
});
