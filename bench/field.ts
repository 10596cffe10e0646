/**
 * bench:field — what a cadre's cheap phone on a weak signal downloads and waits for.
 *
 *   npm run bench:field [-- --no-build --keep --runs 3]
 *
 * Builds .next-bench if needed, recreates the bench database with the demo data, starts `next
 * start`, signs in as the demo cadre, and opens each cadre page cold in Debian's Chromium at
 * 360 × 740 with the DevTools "Regular 3G" profile (750 kbit/s down, 250 kbit/s up, 100 ms
 * latency) and a 4× CPU slowdown, the service worker blocked and the cache disabled. Per page:
 *  - JS: the scripts the page's HTML names (its first load), gzipped as `next start` sends
 *    them, in KB; what it imports on demand afterwards (once idle) is shown apart;
 *  - HTML: the page's document, as sent and gzipped (the messages its client components get
 *    travel in it);
 *  - load: until the load event; usable: until the page answers a tap (its hydration marker: the
 *    visit form's save button enabled, the outbox bar's state read from the phone).
 * Median over --runs cold loads. Ends with one JSON line: { pages: [{ page, path, html_kb, html_kb_gzip, js_kb_gzip,
 * later_js_kb_gzip, load_s, usable_s }] }. Targets (issue #20): ≤ 150 KB of JS on each cadre page; the visit page usable
 * within 3 s.
 */
import zlib from "node:zlib";
import { chromium, type BrowserContext } from "@playwright/test";
import { logger, parseFlags, setUp, watchdog } from "./lib/cli";
import { signIn } from "./lib/client";
import { query } from "./lib/db";
import { DEMO_PASSWORD } from "./lib/visit-load";

const REGULAR_3G = { offline: false, latency: 100, downloadThroughput: (750 * 1024) / 8, uploadThroughput: (250 * 1024) / 8 };

interface PageSpec {
  name: string;
  path: string;
  /** a selector that holds once the page answers a tap */
  ready: string;
}

function takeFlag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  process.argv.splice(i, 2);
  return v;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : Number.NaN;
};

async function measure(context: BrowserContext, baseUrl: string, spec: PageSpec) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", REGULAR_3G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const scripts: { url: string; bytes: Promise<number> }[] = [];
  page.on("request", (req) => {
    if (req.resourceType() !== "script") return;
    scripts.push({
      url: new URL(req.url()).pathname,
      bytes: req
        .response()
        .then((r) => (r ? r.body() : Buffer.alloc(0)))
        .then((b) => zlib.gzipSync(b).length)
        .catch(() => 0),
    });
  });
  const t0 = Date.now();
  const res = await page.goto(`${baseUrl}${spec.path}`, { waitUntil: "load", timeout: 120_000 });
  // the first load: the scripts the page's HTML names; anything else was imported on demand
  const html = (await res?.text()) ?? "";
  const htmlKb = Buffer.byteLength(html) / 1024;
  const htmlGzKb = zlib.gzipSync(html).length / 1024;
  const named = new Set(
    [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, "&"), baseUrl).pathname),
  );
  const load = (Date.now() - t0) / 1000;
  await page.waitForSelector(spec.ready, { timeout: 120_000 });
  const usable = (Date.now() - t0) / 1000;
  await page.waitForTimeout(3000); // what the page fetches once idle (loaded on demand) is counted apart
  const sum = async (xs: typeof scripts) => (await Promise.all(xs.map((x) => x.bytes))).reduce((a, b) => a + b, 0) / 1024;
  const js = await sum(scripts.filter((x) => named.has(x.url)));
  const later = await sum(scripts.filter((x) => !named.has(x.url)));
  await page.close();
  return { js, later, load, usable, htmlKb, htmlGzKb };
}

async function main(): Promise<number> {
  const runs = Number(takeFlag("--runs") ?? 3);
  const log = logger("bench:field");
  const flags = parseFlags();
  let cleanup = async () => {};
  const stop = watchdog(30 * 60, async () => cleanup());
  try {
    const setup = await setUp("field", flags, log);
    cleanup = () => setup.cleanup();
    const baseUrl = setup.app.baseUrl;
    const [cadre] = await query<{ username: string; hid: string }>(
      setup.databaseUrl,
      `SELECT u.username, min(a."householdId") AS hid FROM app_user u JOIN cadre_assignment a ON a."cadreId" = u.id
        WHERE u.role = 'cadre' AND a."validTo" IS NULL GROUP BY u.username ORDER BY (u.username = 'cadre') DESC, u.username LIMIT 1`,
    );
    if (!cadre) throw new Error("no cadre with a household in the demo data");
    const cookie = await signIn(baseUrl, cadre.username, DEMO_PASSWORD);
    const pages: PageSpec[] = [
      { name: "cadre list", path: "/cadre", ready: '[data-testid="outbox-bar"][data-waiting]' },
      { name: "household", path: `/households/${cadre.hid}`, ready: '[data-testid="outbox-bar"][data-waiting]' },
      { name: "visit", path: `/households/${cadre.hid}/visit`, ready: 'button[type="submit"]:not([disabled])' },
      { name: "outbox", path: "/outbox", ready: '[data-testid="outbox-bar"][data-waiting]' },
    ];
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    });
    const out: {
      page: string;
      path: string;
      html_kb: number;
      html_kb_gzip: number;
      js_kb_gzip: number;
      later_js_kb_gzip: number;
      load_s: number;
      usable_s: number;
    }[] = [];
    try {
      for (const spec of pages) {
        const rows = [];
        for (let i = 0; i < runs; i++) {
          // a new context each time: nothing cached, no service worker
          const context = await browser.newContext({
            viewport: { width: 360, height: 740 },
            isMobile: true,
            hasTouch: true,
            locale: "zh-CN",
            timezoneId: "Asia/Shanghai",
            serviceWorkers: "block",
          });
          await context.addCookies(
            cookie
              .split(/;\s*/)
              .filter(Boolean)
              .map((kv) => {
                const k = kv.indexOf("=");
                return { name: kv.slice(0, k), value: kv.slice(k + 1), url: baseUrl };
              }),
          );
          rows.push(await measure(context, baseUrl, spec));
          await context.close();
        }
        const r = {
          page: spec.name,
          path: spec.path.replace(cadre.hid, "<id>"),
          html_kb: Math.round(median(rows.map((x) => x.htmlKb)) * 10) / 10,
          html_kb_gzip: Math.round(median(rows.map((x) => x.htmlGzKb)) * 10) / 10,
          js_kb_gzip: Math.round(median(rows.map((x) => x.js)) * 10) / 10,
          later_js_kb_gzip: Math.round(median(rows.map((x) => x.later)) * 10) / 10,
          load_s: Math.round(median(rows.map((x) => x.load)) * 100) / 100,
          usable_s: Math.round(median(rows.map((x) => x.usable)) * 100) / 100,
        };
        out.push(r);
        log(
          `${spec.name.padEnd(10)} HTML ${r.html_kb.toFixed(1)} KB (${r.html_kb_gzip.toFixed(1)} KB gzip) · JS ${r.js_kb_gzip.toFixed(1)} KB gzip (+ ${r.later_js_kb_gzip.toFixed(1)} KB once idle) · load ${r.load_s.toFixed(2)} s · usable ${r.usable_s.toFixed(2)} s (median of ${runs}, Regular 3G, CPU ×4)`,
        );
      }
    } finally {
      await browser.close();
    }
    const worstJs = Math.max(...out.map((p) => p.js_kb_gzip));
    const visit = out.find((p) => p.page === "visit")!;
    console.log(
      `targets       JS ≤ 150 KB on every cadre page: ${worstJs <= 150 ? "met" : `NOT met (largest ${worstJs} KB)`} · visit page usable ≤ 3 s: ${visit.usable_s <= 3 ? "met" : `NOT met (${visit.usable_s} s)`}`,
    );
    console.log(JSON.stringify({ pages: out }));
    return 0;
  } finally {
    stop();
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[bench:field] ✖ ${(e as Error).stack ?? e}`);
    process.exit(2);
  },
);
