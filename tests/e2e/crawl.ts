// Shared by the every-role walks (desktop and phone): collect the links of the menu and of the
// landing page, follow each, and check what a user would stumble on — a 5xx, a page wider than
// the screen, raw ids or developer text in what is shown.
import type { Page } from "@playwright/test";

/** Patterns that must never be visible text: ids, policy row ids, file paths, parameter names. */
export const RAW_ID_PATTERNS: { name: string; re: RegExp }[] = [
  { name: "uuid", re: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i },
  {
    name: "short hash",
    re: /(?:^|[^0-9A-Za-z])(?=[0-9a-f]{8}(?:[^0-9A-Za-z]|$))(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8}(?:[^0-9A-Za-z]|$)/,
  },
  { name: "policy row id", re: /\b\d{2}-\d{4}-r\d+\b/ },
  { name: "policy version", re: /\d{4}:\d{2}:[a-z]/ },
  { name: "file path", re: /\b(?:lib|app|docs|components)\/[\w./-]+|\.tsx?\b/ },
  { name: "parameter name", re: /\b[a-z]+[A-Z]\w*(?:Min|Max)\b/ },
];

export function rawIdsIn(text: string): string[] {
  const found: string[] = [];
  for (const { name, re } of RAW_ID_PATTERNS) {
    const m = text.match(re);
    if (m) found.push(`${name}: "${m[0].trim()}"`);
  }
  return found;
}

/** Same-origin page links of the menu and the main content (not downloads, not sign-out). */
export async function linksOf(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval("header a[href], nav a[href], main a[href]", (as) =>
    as.filter((a) => !a.hasAttribute("download")).map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""),
  );
  return [...new Set(hrefs.filter((h) => h.startsWith("/") && !h.startsWith("//") && !h.startsWith("/api/auth")))];
}

/** Downloads linked from the page (exports): fetched, not rendered. */
export async function downloadsOf(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval("main a[download][href]", (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => h.startsWith("/")))];
}

/**
 * One representative per shape: the path with every long number or id replaced, and at most
 * `perShape` links of each (sort and filter variants of a list are the same page).
 */
export function representatives(hrefs: string[], perShape = 2): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (const h of hrefs) {
    const shape = shapeOf(h.split(/[?#]/)[0]!);
    const n = seen.get(shape) ?? 0;
    if (n >= perShape) continue;
    seen.set(shape, n + 1);
    out.push(h);
  }
  return out;
}

/** A path with its ids replaced: the kind of page it is. */
export function shapeOf(path: string): string {
  return path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ":id").replace(/\d{6,}/g, ":n");
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
