// The signature pad on a 360-pixel phone (issue #23, point 3): a tap alone is a mark (a dot
// counts), undo takes back the last stroke, and after the phone is turned the canvas is redrawn
// at its new size — the ink lands under the finger, and what was signed before is still there.
import { test, expect } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

/** The darkest value (0 black … 255 white) in a 9×9 square of the canvas around a point given in CSS pixels. */
async function inkNear(pad: Locator, x: number, y: number): Promise<number> {
  return pad.evaluate(
    (el, [cx, cy]) => {
      const c = el as HTMLCanvasElement;
      const r = c.width / c.getBoundingClientRect().width;
      const d = c.getContext("2d")!.getImageData(Math.round(cx! * r) - 4, Math.round(cy! * r) - 4, 9, 9).data;
      let min = 255;
      for (let i = 0; i < d.length; i += 4) min = Math.min(min, d[i]!, d[i + 1]!, d[i + 2]!);
      return min;
    },
    [x, y],
  );
}

async function stroke(page: Page, pad: Locator, from: [number, number], to: [number, number]) {
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + from[0], box.y + from[1]);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(box.x + from[0] + ((to[0] - from[0]) * i) / 10, box.y + from[1] + ((to[1] - from[1]) * i) / 10);
  await page.mouse.up();
}

test("a tap is a mark, undo takes it back; after turning the phone the ink lands under the finger", async ({
  page,
  loginAs,
  cadre,
  household,
}) => {
  const me = await cadre();
  const h = await household({ cadre: me.username });
  await loginAs(me.username, me.password);
  await page.goto(`/households/${h.id}/visit`);
  const pad = page.getByRole("img", { name: "签名区域" });
  // the pad's code is fetched after the first load: a placeholder of the same role and name stands
  // in until then and is replaced, so wait for the pad itself before acting on it (scrolling the
  // placeholder as it was swapped failed with "Element is not attached to the DOM")
  await expect(pad).toHaveAttribute("aria-busy", "false");
  await pad.scrollIntoViewIfNeeded();

  // a tap alone (a finger, not a drag) is a mark
  const box = (await pad.boundingBox())!;
  await page.touchscreen.tap(box.x + 40, box.y + 40);
  await expect(page.getByText("已签名")).toBeVisible();
  await expect(pad).toHaveAttribute("data-ink", "true");
  expect(await inkNear(pad, 40, 40)).toBeLessThan(100);
  // undo takes it back: nothing signed
  await page.getByRole("button", { name: "撤销一笔" }).click();
  await expect(page.getByText("已签名")).toBeHidden();
  await expect(pad).toHaveAttribute("data-ink", "false");
  expect(await inkNear(pad, 40, 40)).toBeGreaterThan(200);

  // signed in portrait
  await stroke(page, pad, [30, 60], [200, 110]);
  await expect(page.getByText("已签名")).toBeVisible();
  const portrait = (await pad.boundingBox())!;

  // the phone is turned: 740 × 360
  await page.setViewportSize({ width: 740, height: 360 });
  await expect.poll(async () => (await pad.boundingBox())!.width).toBeGreaterThan(portrait.width * 1.5);
  // the bitmap follows the canvas's new size (device pixels), so a pixel is where the finger is
  await expect
    .poll(() =>
      pad.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        return Math.abs(c.width - Math.round(c.getBoundingClientRect().width * Math.min(3, devicePixelRatio))) <= 1;
      }),
    )
    .toBe(true);
  // what was signed before is redrawn (the middle of the first stroke)
  expect(await inkNear(pad, 115, 85)).toBeLessThan(120);
  // a new stroke on the right of the wider pad lands under the finger, not twice as far right
  await pad.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const wide = (await pad.boundingBox())!.width;
  const [x1, x2, xm] = [Math.round(wide * 0.6), Math.round(wide * 0.9), Math.round(wide * 0.75)];
  await stroke(page, pad, [x1, 50], [x2, 50]);
  expect(await inkNear(pad, xm, 50)).toBeLessThan(100);
  expect(await inkNear(pad, xm, 120)).toBeGreaterThan(200);
  await pad.screenshot({ path: "test-results/signature-rotated-pad.png" });
  await page.screenshot({ path: "test-results/signature-rotated.png", fullPage: false });

  // undo removes the last stroke only
  await page.getByRole("button", { name: "撤销一笔" }).click();
  expect(await inkNear(pad, xm, 50)).toBeGreaterThan(200);
  expect(await inkNear(pad, 115, 85)).toBeLessThan(120);
  await expect(page.getByText("已签名")).toBeVisible();

  // turned back: still signed, the ink fitted into the narrower pad
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(pad).toHaveAttribute("data-ink", "true");
  await page.getByRole("button", { name: "清除签名" }).click();
  await expect(page.getByText("已签名")).toBeHidden();
});
