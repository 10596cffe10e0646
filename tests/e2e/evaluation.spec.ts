// The evaluator's spot check, end to end on a county of the spec's own (tests/e2e/data.ts
// freshCounty: five villages of six households, an evaluator over it): create an evaluation,
// draw with a recorded seed, re-draw to verify (一致), check one sampled household with a
// questionnaire that disagrees with its record, and see the findings and the metrics change.
import { test, expect } from "./fixtures";

test("evaluator draws a sample of a county, verifies it, records a check and sees the metrics change", async ({
  page,
  loginAs,
  county,
}) => {
  test.setTimeout(180_000);
  const c = await county(5, 6);
  await loginAs(c.evaluator.username, c.evaluator.password);
  await expect(page).toHaveURL(/\/evaluator$/);

  // a plan asking for more villages than exist is refused, naming the counts
  await page.getByTestId("new-evaluation").click();
  await page.locator("#ev-countyId").selectOption(c.id);
  await page.locator("#ev-plan-villages").fill("500");
  await page.getByTestId("create-submit").click();
  await expect(page.getByTestId("error-summary")).toContainText(`抽取村数：计划抽取 500 个村，但${c.name}只有 5 个村有农户`);

  await page.locator("#ev-plan-villages").fill("4");
  await page.locator("#ev-name").fill(`${c.name}端到端抽查`);
  await page.getByTestId("create-submit").click();
  await expect(page).toHaveURL(/\/evaluator\/[0-9a-f-]{36}$/);
  const evaluationUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${c.name}端到端抽查`);

  // the draw, with a seed anyone can reuse
  await page.locator("#ev-seed").fill("e2e-抽查-seed");
  await page.getByTestId("draw-submit").click();
  await expect(page.getByTestId("draw-seed")).toHaveText("e2e-抽查-seed", { timeout: 60_000 });
  await expect(page.getByTestId("draw-hash")).toHaveText(/^[0-9a-f]{64}$/);
  await page.getByTestId("verify-submit").click();
  await expect(page.getByTestId("verify-result")).toContainText("一致");

  // before any check: nothing answered
  await expect(page.getByTestId("metric-approval_rate-value")).toHaveText("—");
  await expect(page.getByTestId("metrics-progress")).toContainText("已核查 0 /");
  await expect(page.getByTestId("discrepancy-list")).toHaveCount(0);

  // one sampled household, checked: nothing earned, the house found unsafe, the family disagrees
  await page.getByTestId("sample-list").locator("details").first().locator("summary").click();
  await page.getByTestId("sample-household").first().click();
  await expect(page.getByTestId("questionnaire-form")).toBeVisible();
  await expect(page.getByTestId("read-audited")).toContainText("抽样核查");
  for (const item of ["wages", "business", "businessCosts", "property", "transfers"]) await page.getByTestId(`income-${item}`).fill("0");
  for (const k of ["food", "clothing", "medical", "water", "education"]) await page.getByTestId(`met-${k}-true`).check();
  await page.getByTestId("met-housing-false").check();
  await page.getByTestId("evidence-housing-photo").check();
  await page.getByTestId("approval-disapprove").check();
  await page.getByTestId("questionnaire-submit").click();
  await expect(page.getByTestId("questionnaire-result")).toContainText("问卷已保存，发现");
  await expect(page.getByTestId("questionnaire-discrepancies")).toContainText("收入多记");

  // back on the evaluation: the finding is listed and the metrics moved
  await page.goto(evaluationUrl);
  await expect(page.getByTestId("metrics-progress")).toContainText("已核查 1 /");
  await expect(page.getByTestId("metric-approval_rate-value")).toHaveText("0%");
  await expect(page.getByTestId("discrepancy-list")).toContainText("收入多记");
  await page.screenshot({ path: "test-results/evaluation-after-check.png", fullPage: true });

  // the printable report carries the same figures
  await page.getByTestId("open-report").click();
  await expect(page.getByTestId("report")).toContainText(c.name);
  await expect(page.getByTestId("metrics-table")).toContainText("群众认可度");
});
