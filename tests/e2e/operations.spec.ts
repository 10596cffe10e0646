// Running it for real (issue #23): the health endpoint of a real server, the request id on every
// answer, and the admin's holiday calendar — this year loaded from the State Council's schedule,
// next year flagged until it is loaded.
import { test, expect } from "./fixtures";

test("GET /api/health answers 200 with every check ok, and nothing about anyone", async ({ request }) => {
  const res = await request.get("/api/health");
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(200);
  expect(body.status).toBe("ok");
  expect(body.checks.migrations).toMatchObject({ ok: true, pending: 0 });
  expect(body.checks.audit.ok).toBe(true);
  expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers()["cache-control"]).toBe("no-store");
});

test("the admin's holiday calendar: the year's months, its holidays and make-up days, next year flagged", async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await loginAs("admin");
  await page.getByRole("link", { name: "节假日与调休" }).click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("节假日与调休");
  const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date());
  // the seeded years are loaded; the next one is flagged until an admin loads it
  await expect(page.getByTestId("calendar-years")).toContainText(`${year} 年`);
  await expect(page.getByTestId("calendar-missing-current")).toHaveCount(0);
  await expect(page.getByTestId("calendar-missing-next")).toContainText(`${Number(year) + 1} 年的放假安排尚未录入`);
  await page.goto("/admin/calendar?year=2025");
  await expect(page.locator('[data-date="2025-10-01"]')).toHaveAttribute("data-kind", "holiday");
  await expect(page.locator('[data-date="2025-09-28"]')).toHaveAttribute("data-kind", "workday");
  await expect(page.getByTestId("calendar-days")).toContainText("国庆节");
  await page.screenshot({ path: "test-results/admin-calendar.png", fullPage: true });
  await page.goto(`/admin/calendar?year=${Number(year) + 1}`);
  await expect(page.getByTestId("calendar-year-flag")).toBeVisible();
  await page.screenshot({ path: "test-results/admin-calendar-next.png", fullPage: true });
  await page.goto("/admin/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("通知渠道");
  await page.screenshot({ path: "test-results/admin-notifications.png", fullPage: true });
});
