// Each client tree is sent only the messages it uses (issue #23 point 2): the root sends the
// shell's, a segment's layout adds its feature namespaces. This walks every page's imports (as
// the bundler would, from its "use client" modules down) and fails when a client component
// uses a feature namespace that the page's segment does not send — the page would show keys.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientMessages, FEATURE_NAMESPACES, FEATURE_SEGMENTS } from "@/i18n/client-messages";
import { messages } from "@/i18n/messages";

const ROOT = path.resolve(".");
const FEATURE = new Set<string>(FEATURE_NAMESPACES);
const EXTS = [".ts", ".tsx", "/index.ts", "/index.tsx", ""];

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const e of EXTS) {
    const p = base + e;
    if (fs.existsSync(p) && fs.statSync(p).isFile() && /\.(ts|tsx)$/.test(p)) return p;
  }
  return null;
}

interface Info {
  imports: string[];
  client: boolean;
  ns: Set<string>;
  literals: Set<string>;
}
const cache = new Map<string, Info>();
function info(file: string): Info {
  const hit = cache.get(file);
  if (hit) return hit;
  const src = fs.readFileSync(file, "utf8");
  const imports: string[] = [];
  for (const m of src.matchAll(
    /(?:import|export)\s+(type\s+)?[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g,
  )) {
    if (m[1]) continue; // type-only: nothing at run time
    const r = resolve(file, (m[2] ?? m[3] ?? m[4])!);
    if (r) imports.push(r);
  }
  const literals = new Set<string>();
  for (const m of src.matchAll(/["'`]([a-zA-Z]+)\.[a-zA-Z]/g)) if (FEATURE.has(m[1]!)) literals.add(m[1]!);
  const ns = new Set<string>();
  for (const m of src.matchAll(/useTranslations\(\s*["'`]([A-Za-z]+)/g)) ns.add(m[1]!);
  const r: Info = { imports, client: /^\s*["']use client["']/.test(src), ns, literals };
  // a translator without a namespace reads keys by their full name: take the feature names its file spells
  if (/useTranslations\(\s*\)/.test(src)) for (const l of literals) ns.add(l);
  cache.set(file, r);
  return r;
}

/** The feature namespaces the client components under a page (or layout) use. */
function clientFeatures(entry: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (f: string, inClient: boolean) => {
    const key = `${f}|${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const i = info(f);
    const client = inClient || i.client;
    if (client) for (const n of i.ns) if (FEATURE.has(n)) out.add(n);
    for (const x of i.imports) walk(x, client);
  };
  walk(entry, false);
  return [...out].sort();
}

function entries(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...entries(p));
    else if (/^(page|layout|error|not-found|template|loading)\.tsx$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The nearest segment with a feature layout above a file (its own folder included). */
function segmentOf(file: string): keyof typeof FEATURE_SEGMENTS | null {
  let dir = path.relative(ROOT, path.dirname(file));
  for (;;) {
    if (dir in FEATURE_SEGMENTS) return dir as keyof typeof FEATURE_SEGMENTS;
    const up = path.dirname(dir);
    if (up === dir || dir === "app") return null;
    dir = up;
  }
}

describe("client messages per tree", () => {
  const pages = entries(path.join(ROOT, "app"));

  it.each(pages.map((p) => [path.relative(ROOT, p), p] as const))(
    "%s gets every feature namespace its client components use",
    (_name, file) => {
      const segment = segmentOf(file);
      const sent: readonly string[] = segment ? FEATURE_SEGMENTS[segment] : [];
      const used = clientFeatures(file);
      expect(
        used.filter((n) => !sent.includes(n)),
        `add them to FEATURE_SEGMENTS (i18n/client-messages.ts) for ${segment ?? "a new segment with a layout"}`,
      ).toEqual([]);
    },
  );

  it("every segment of FEATURE_SEGMENTS has a layout that sends its namespaces", () => {
    for (const segment of Object.keys(FEATURE_SEGMENTS)) {
      const layout = path.join(ROOT, segment, "layout.tsx");
      expect(fs.existsSync(layout), layout).toBe(true);
      expect(fs.readFileSync(layout, "utf8"), layout).toContain(`segment="${segment}"`);
    }
  });

  it("the shell is what remains without the feature namespaces, in both languages; a segment adds only its own", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const shell = clientMessages(locale);
      for (const ns of FEATURE_NAMESPACES) expect(shell, ns).not.toHaveProperty(ns);
      expect(Object.keys(shell).length + FEATURE_NAMESPACES.length).toBe(Object.keys(messages[locale]).length);
      const households = clientMessages(locale, FEATURE_SEGMENTS["app/(app)/households"]);
      expect(households).toHaveProperty("visit");
      expect(households).not.toHaveProperty("householdEdit");
      expect(households).not.toHaveProperty("procedure");
      // the shell carries a fraction of the whole
      expect(JSON.stringify(shell).length).toBeLessThan(JSON.stringify(messages[locale]).length / 3);
    }
  });

  it("the walk sees what it must: the visit page's form uses the visit namespace, the meeting page the procedure", () => {
    expect(clientFeatures(path.join(ROOT, "app/(app)/households/[id]/visit/page.tsx"))).toContain("visit");
    expect(clientFeatures(path.join(ROOT, "app/(app)/meetings/[id]/page.tsx"))).toContain("procedure");
  });
});
