// A cadre back in signal after days in the mountains: the outbox holds several visits, and they
// go to the server in ONE request (syncVisits), each answered on its own — the ones for the
// cadre's households stored once, the one for a household since moved to another cadre refused
// and handed to the county — without one refusal holding up the rest.
import { test, expect } from "./fixtures";
import { execFileSync } from "node:child_process";
import path from "node:path";

/** One of the demo data's households moved to another cadre on 2026-04-01, and its earlier cadre (the seed is deterministic). */
function movedHousehold(): { householdId: string; cadreId: string; username: string } {
  const script = `import { buildSeedData } from "./lib/seed/index.ts";
    const s = buildSeedData("unused");
    const a = s.assignments.find((x) => x.validTo !== null);
    const u = s.users.find((x) => x.id === a.cadreId);
    console.log(JSON.stringify({ householdId: a.householdId, cadreId: a.cadreId, username: u.username }));`;
  const out = execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "-e", script], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!);
}

test("a backlog of queued visits goes in one request, each stored or refused on its own", async ({ page, loginAs }) => {
  const moved = movedHousehold();
  await loginAs(moved.username);
  await expect(page.getByTestId("outbox-bar")).toContainText("已全部发送");
  const hrefs = await page.getByTestId("my-households").locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
  const mine = [...new Set(hrefs.map((h) => h.match(/\/households\/([0-9a-f-]{36})/)?.[1]).filter(Boolean))].slice(0, 3) as string[];
  expect(mine.length).toBeGreaterThanOrEqual(2);

  // the visits kept on the phone while there was no signal (what the form queues), oldest first
  const ids = await page.evaluate(async ({ userId, households }) => {
    const req = indexedDB.open("jingzhun-offline", 1);
    const db: IDBDatabase = await new Promise((ok, no) => ((req.onsuccess = () => ok(req.result)), (req.onerror = () => no(req.error))));
    const made: string[] = [];
    let n = 0;
    for (const householdId of households) {
      const id = crypto.randomUUID();
      made.push(id);
      const now = Date.now() + n++;
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
      const fields = {
        clientVisitId: id, householdId, baseVersion: 1, date: today, mode: "home", findings: `补传走访 ${id.slice(0, 8)}：户主在家，情况稳定。`,
        problems: "", actionsTaken: "", followUps: [], locationConsent: false, location: null, confirmation: "read_back",
      };
      await new Promise((ok) => {
        const tx = db.transaction("outbox", "readwrite");
        tx.objectStore("outbox").put({
          id, userId, householdId, label: "山里记下的走访", visitDate: fields.date, createdAt: now, updatedAt: now,
          state: "waiting", attempts: 0, lastError: null, result: null, rejection: null, fields, files: { signature: null, evidence: [] },
        });
        tx.oncomplete = ok;
      });
    }
    return made;
  }, { userId: moved.cadreId, households: [...mine, moved.householdId] });

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
    await expect(page.getByText(`补传走访 ${ids[k]!.slice(0, 8)}`)).toHaveCount(1);
  }
});
