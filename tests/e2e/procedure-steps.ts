// Steps of the procedure the e2e specs share: the signed home verification on the proposal page.
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

export async function sign(page: Page, pad: Locator) {
  await expect(pad).toHaveAttribute("aria-busy", "false"); // the drawing code is loaded on demand
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 40);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 15, box.y + 40 + (i % 3) * 12);
  await page.mouse.up();
  await expect(pad).toHaveAttribute("data-ink", "true");
}

/** On a proposal's page: the home verification (入户核实) recorded and signed by the checker. */
export async function verifyAtHome(page: Page, checker: string, shots?: string) {
  await expect(page.getByTestId("verification-missing")).toBeVisible();
  const formEl = page.getByTestId("home-verification-form");
  await formEl.getByLabel("核实人").fill(checker);
  await formEl.getByLabel("核实情况").fill("入户查看住房、饮水，核对务工收入，与档案一致");
  if (shots) {
    for (const [w, h] of [
      [360, 740],
      [1280, 900],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await formEl.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}-home-verification-${w}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  await sign(page, formEl.getByRole("img", { name: "签名区域" }));
  await formEl.getByRole("button", { name: "保存入户核实" }).click();
  await expect(page.getByTestId("verification")).toContainText(checker);
  await expect(page.getByTestId("verification-missing")).toHaveCount(0);
}
