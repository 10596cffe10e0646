// A cadre on a 360-pixel touch phone logs a home visit: the location with consent, a photo
// made smaller on the phone, the family's signature with a finger, and the housing grade set
// to C. The household's assessed status becomes 未达标 at once, and the household page shows
// the housing indicator unmet, the follow-up and the evidence.
import { test, expect } from "./fixtures";

test.use({ geolocation: { latitude: 27.5186, longitude: 109.2135, accuracy: 20 }, permissions: ["geolocation"] });

// 1×1 PNG: goes through the on-device downscaling (canvas → JPEG)
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

test("a cadre logs a home visit that marks the house grade C; the household turns 未达标", async ({ page, loginAs, cadre, household }) => {
  // the spec's own cadre and household: a house of grade A, met by the house itself (no resettlement flat)
  const me = await cadre();
  const href = `/households/${(await household({ cadre: me.username })).id}`;
  await loginAs(me.username, me.password);
  await expect(page).toHaveURL(/\/cadre$/);
  await expect(page.getByTestId("follow-up-summary")).toContainText("跟踪督办");
  await page.goto(href);
  await expect(page.locator('[data-indicator="housing"]')).toHaveAttribute("data-met", "true");

  await page.getByTestId("log-visit").click();
  await expect(page).toHaveURL(new RegExp(`${href}/visit$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("记录走访");

  // the home visit is the default; what was found, a problem to follow through
  await expect(page.getByRole("radio", { name: /入户走访/ })).toBeChecked();
  await page.getByLabel("走访发现").fill("房屋墙体开裂，经住建部门鉴定为 C 级局部危险。");
  await page.getByLabel("发现的问题").fill("住房存在安全隐患");
  await page.getByRole("button", { name: "添加督办事项" }).click();
  await page.getByLabel("要办的事").fill("申报农村危房改造");

  // only the changed fact is typed: the section is pre-filled
  await page.getByText("两不愁三保障", { exact: false }).first().click();
  const grade = page.getByLabel("住房安全鉴定等级");
  await expect(grade).not.toHaveValue("C");
  await grade.selectOption("C");
  await expect(page.getByText("已改 1 项")).toBeVisible();

  // a photo, downscaled on the phone
  await page.getByLabel("选择照片或文件").setInputFiles({ name: "house.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByTestId("evidence-items")).toContainText("house.jpg");
  await page.getByTestId("evidence-items").getByLabel("证明哪一项").selectOption("housing");

  // location with consent, shown plainly
  await page.getByLabel("户主同意记录位置").check();
  await expect(page.getByTestId("location-status")).toContainText("27.51860");

  // the family signs with a finger
  const pad = page.getByRole("img", { name: "签名区域" });
  await expect(pad).toHaveAttribute("aria-busy", "false"); // the pad's code comes after the first load
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 80);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + 80 + (i % 2 ? -25 : 25));
  await page.mouse.up();
  await expect(page.getByText("已签名")).toBeVisible();

  await page.screenshot({ path: "test-results/visit-form-filled.png", fullPage: true });
  await page.getByRole("button", { name: "保存走访记录" }).click();

  const result = page.getByTestId("visit-result");
  await expect(result).toContainText("走访已保存");
  await expect(page.getByTestId("result-status")).toHaveText("未达标");
  await expect(result).toContainText("住房安全");
  await page.screenshot({ path: "test-results/visit-saved.png", fullPage: true });

  await page.getByRole("link", { name: "返回本户页面" }).click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByTestId("assessed-status")).toHaveText(/未达标/);
  await expect(page.locator('[data-indicator="housing"]')).toHaveAttribute("data-met", "false");
  await expect(page.getByTestId("open-follow-ups")).toContainText("申报农村危房改造");
  const evidence = page.getByTestId("evidence-list");
  await expect(evidence).toContainText("house.jpg");
  await expect(evidence).toContainText("户主签名");

  // the files open through the authorised route, with the right headers
  const link = evidence.getByRole("link", { name: /house\.jpg/ });
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/jpeg");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
