// What a cadre's phone downloads first on the cadre pages (issue #20 point 5, decision 0061): the
// modules their client components import statically, walked as the bundler would (a dynamic
// import() starts a chunk of its own, fetched later). Fails when something that is meant to come
// later, or never to the browser, is pulled back into a first load by a static import.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(".");
const EXTS = [".ts", ".tsx", "/index.ts", "/index.tsx", ""];

function resolveLocal(from: string, spec: string): string | null {
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

/** Static value imports of a file (type-only imports and dynamic import() left out). */
function staticImports(file: string): string[] {
  const src = fs.readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
    if (m[1]) continue;
    // `import { type A, type B } from` is type-only too
    const clause = m[0].match(/\{([^}]*)\}/)?.[1];
    if (clause && !/\bdefault\b|\*/.test(m[0].split("{")[0]!) && clause.split(",").every((x) => !x.trim() || x.trim().startsWith("type ")))
      continue;
    out.push(m[2]!);
  }
  return out;
}

/** The client side of a page: every module (file or package) its client components import statically. */
function clientFirstLoad(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const out = new Set<string>();
  const walk = (file: string, inClient: boolean) => {
    const key = `${file}|${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const src = fs.readFileSync(file, "utf8");
    const client = inClient || /^\s*["']use client["']/.test(src);
    if (client) out.add(path.relative(ROOT, file));
    // a server action's module is a reference in the browser: nothing it imports travels
    if (client && /^\s*["']use server["']/.test(src)) return;
    for (const spec of staticImports(file)) {
      const local = resolveLocal(file, spec);
      if (local) walk(local, client);
      else if (client) out.add(spec);
    }
  };
  for (const e of entries) walk(path.join(ROOT, e), false);
  return out;
}

const LAYOUTS = ["app/layout.tsx", "app/error.tsx", "app/(app)/layout.tsx", "app/(app)/error.tsx"];
const PAGES = {
  "cadre list": ["app/(app)/cadre/page.tsx"],
  household: ["app/(app)/households/layout.tsx", "app/(app)/households/[id]/page.tsx"],
  visit: ["app/(app)/households/layout.tsx", "app/(app)/households/[id]/visit/page.tsx"],
  outbox: ["app/(app)/outbox/page.tsx"],
};

/** Never in a cadre page's first load: server-side weight, or parts loaded on demand. */
const LATER = [
  "zod",
  "intl-messageformat",
  "@formatjs/icu-messageformat-parser",
  "signature_pad",
  "idb",
  "components/signature/signature-pad.tsx",
  "components/visit/visit-result.tsx",
  "lib/validation/visit.ts",
  "lib/offline/outbox.ts",
  "components/income/household-type-form.tsx",
  "components/places/relocation-form.tsx",
];

describe("a cadre page's first load", () => {
  for (const [page, files] of Object.entries(PAGES)) {
    it(`${page}: nothing meant for later (or for the server) is imported statically`, () => {
      const entries = [...LAYOUTS, ...files].filter((f) => fs.existsSync(path.join(ROOT, f)));
      const loaded = clientFirstLoad(entries);
      expect(loaded.size).toBeGreaterThan(5);
      expect(LATER.filter((m) => loaded.has(m))).toEqual([]);
    });
  }

  it("the walk sees a static import (the visit form is in the visit page's first load)", () => {
    const loaded = clientFirstLoad([...LAYOUTS, ...PAGES.visit]);
    expect(loaded.has("components/visit/visit-form.tsx")).toBe(true);
    expect(loaded.has("next-intl")).toBe(true);
  });
});
