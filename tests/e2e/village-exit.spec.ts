// A designated poor village's exit (贫困村退出, decision 0051), walked through the browser on a
// village of the spec's own: the village (its facilitator, at 360 px) records the criteria and
// proposes; the township reviewer (1440 px) finds the proposal first on its list and approves; the
// county official (1440 px) judges the collective income and approves and announces (each step's
// success told by the page's status region); the printable announcement names the village.
import { test, expect } from "./fixtures";
import { freshDesignatedVillage } from "./data";

const SHOTS = process.env.SHOTS_DIR ?? "test-results";
const FACILITIES = ["road", "water", "power", "clinic", "school"] as const;

test("village exit: propose (village, phone) → township review → county approval → announcement", async ({ page, loginAs, db }) => {
  const village = await freshDesignatedVillage(db);

  // the village, on a phone
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs(village.facilitator.username, village.facilitator.password);
  await page.goto("/village-exit");
  await expect(page).toHaveURL(new RegExp(`/village-exit/${village.id}`));
  await expect(page.getByTestId("exit-verdict")).toContainText("尚有条件未达标");
  const form = page.getByTestId("village-exit-form");
  for (const f of FACILITIES.filter((x) => x !== "school")) await form.getByTestId(`exit-${f}-ok`).check();
  await form.locator("#exit-roadOn").fill("2018-06-01");
  await form.getByTestId("exit-collective-income").fill("52000");
  await form.getByTestId("exit-record-save").click();
  await expect(page.getByTestId("exit-record-status")).toContainText("已保存退出登记");
  // the collective income waits for the county's judgment (no national figure decides it)
  await expect(page.getByTestId("exit-criterion-collective_income")).toContainText("待县审定");
  // a criterion failing: the proposal is refused, naming it
  await page.getByTestId("exit-propose").click();
  await expect(page.getByTestId("exit-propose-status")).toContainText("义务教育就学有保障：未达标");
  await page.screenshot({ path: `${SHOTS}/village-exit-refused-360.png`, fullPage: true });
  await form.getByTestId("exit-school-ok").check();
  await form.getByTestId("exit-record-save").click();
  await expect(page.getByTestId("exit-verdict")).toContainText("各项条件均已达标");
  await page.getByTestId("exit-propose").click();
  // the form goes once the exit is proposed (the page is refreshed): the page's status says so
  await expect(page.getByTestId("exit-propose-form")).toHaveCount(0);
  await expect(page.getByTestId("page-status")).toContainText("已提出退出申请");
  await expect(page.getByTestId("exit-steps")).toContainText("提出");
  await expect(page.getByTestId("village-exit-form")).toHaveCount(0);
  // once proposed, the verdict no longer invites a proposal
  await expect(page.getByTestId("exit-verdict")).not.toContainText("可以提出");
  await page.screenshot({ path: `${SHOTS}/village-exit-proposed-360.png`, fullPage: true });

  // the township reviewer: its proposals to review first
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await loginAs("township");
  await page.goto("/village-exit");
  const row = page.getByTestId(`exit-row-${village.id}`);
  await expect(row).toContainText("待乡镇审核");
  await expect(page.getByTestId("village-exit-list").locator("tbody tr").first()).toHaveAttribute("data-testid", `exit-row-${village.id}`);
  await page.screenshot({ path: `${SHOTS}/village-exit-township-list-1440.png`, fullPage: true });
  await row.getByRole("link", { name: village.name }).click();
  await page.getByTestId("exit-township-approve").click();
  await expect(page.getByTestId("exit-steps")).toContainText("乡镇审核");
  await expect(page.getByTestId("page-status")).toContainText("已审核");

  // the county official approves and announces
  await page.context().clearCookies();
  await loginAs("official");
  await page.goto("/village-exit?stage=township_reviewed");
  await expect(page.getByTestId(`exit-row-${village.id}`)).toContainText("待县审定");
  await page.screenshot({ path: `${SHOTS}/village-exit-county-list-1440.png`, fullPage: true });
  await page.goto(`/village-exit/${village.id}`);
  const county = page.getByTestId("exit-county-form");
  await county.getByLabel("意见（退回时必填）").fill("同意退出");
  // approval needs the county's judgment of the collective income
  await page.getByTestId("exit-county-approve").click();
  await expect(page.getByTestId("exit-county-status")).toBeVisible();
  await expect(county.locator("#exit-county-incomeJudgment")).toHaveAttribute("aria-invalid", "true");
  await county.getByText("达标", { exact: true }).click();
  await county.getByTestId("exit-income-note").fill("合作社分红，连续两年稳定");
  await page.getByTestId("exit-county-approve").click();
  await expect(page.getByTestId("exit-county-form")).toHaveCount(0);
  await expect(page.getByTestId("page-status")).toContainText("已审定并公告退出");
  await expect(page.getByTestId("exit-income-judgment")).toContainText("合作社分红，连续两年稳定");
  await page.screenshot({ path: `${SHOTS}/village-exit-announced-1440.png`, fullPage: true });
  await page.getByTestId("exit-announcement-link").click();
  await expect(page.getByTestId("notice-title")).toContainText(`关于${village.name}退出贫困村的公告`);
  await expect(page.getByTestId("notice-items")).toContainText("52,000 元，经县审定达标");
  await page.screenshot({ path: `${SHOTS}/village-exit-announcement-1440.png`, fullPage: true });
  const stored = await db.region.findUniqueOrThrow({
    where: { id: village.id },
    select: { designatedPoor: true, designatedExitYear: true },
  });
  expect(stored).toEqual({ designatedPoor: true, designatedExitYear: new Date().getFullYear() });
});
