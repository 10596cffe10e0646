// A cadre back in signal after days in the mountains: the outbox holds several visits, and they
// go to the server in ONE request (syncVisits), each answered on its own — the ones for the
// cadre's households stored once, the one for a household since moved to another cadre refused
// and handed to the county — without one refusal holding up the rest.
import { test, expect } from "./fixtures";
import { queueInOutbox } from "./outbox";
import { daysAgo, reassign } from "./data";

test("a backlog of queued visits goes in one request, each stored or refused on its own", async ({
  page,
  loginAs,
  cadre,
  household,
  db,
}) => {
  // the spec's own cadre with three households, and a fourth since moved to another cadre
  const me = await cadre();
  const other = await cadre();
  const mine = await Promise.all([1, 2, 3].map(async () => (await household({ cadre: me.username })).id));
  const moved = await household({ cadre: me.username });
  await reassign(db, moved.id, other.id, daysAgo(3));
  await loginAs(me.username, me.password);
  await expect(page.getByTestId("outbox-bar")).toContainText("已全部发送");
  for (const id of mine) await expect(page.getByTestId("my-households").locator(`a[href*="${id}"]`).first()).toBeVisible();

  // the visits kept on the phone while there was no signal (what the form queues), oldest first
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const tag = Date.now();
  const ids = await queueInOutbox(
    page,
    me.id,
    [...mine, moved.id].map((householdId, n) => ({
      householdId,
      date: today,
      findings: `补传走访 ${tag}-${n}：户主在家，情况稳定。`,
      label: "山里记下的走访",
    })),
  );

  // count the action requests that carry visits: one, with all of them
  const carrying: number[] = [];
  page.on("request", (r) => {
    if (r.method() !== "POST" || !r.headers()["next-action"]) return;
    const body = r.postData() ?? "";
    const n = ids.filter((id) => body.includes(id)).length;
    if (n) carrying.push(n);
  });
  await page.goto("/outbox");
  const items = page.getByTestId("outbox-item");
  await expect(items).toHaveCount(ids.length);
  await expect(page.locator('[data-testid="outbox-item"][data-state="sent"]')).toHaveCount(mine.length, { timeout: 30_000 });
  await expect(page.locator('[data-testid="outbox-item"][data-state="reported"]')).toHaveCount(1, { timeout: 30_000 });
  expect(carrying[0]).toBe(ids.length); // the first request carried the whole backlog
  expect(carrying.filter((n) => n > 1)).toHaveLength(1); // and only one request carried more than one
  await page.screenshot({ path: "test-results/offline-backlog-synced.png", fullPage: true });

  // every visit of the cadre's own households is on its household page once
  for (const [k, householdId] of mine.entries()) {
    await page.goto(`/households/${householdId}`);
    await expect(page.getByText(`补传走访 ${tag}-${k}`)).toHaveCount(1);
  }
});
