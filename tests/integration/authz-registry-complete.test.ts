// Every endpoint is in the authorization registry (authz-registry.ts), and every registry entry is
// an endpoint: the source tree is scanned for "use server" files (each export is a POST endpoint,
// whatever wraps it) and for route handlers (each exported HTTP method), and the two lists must
// match. A new action or handler without an entry fails here, naming it; so does an entry whose
// export was renamed or removed. Each entry's function must be the very export its id names.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REGISTRY, expectation } from "./authz-registry";
import { ACTORS } from "./authz-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "lib", "components"];
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "generated" || e.name.startsWith(".")) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(full);
  }
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** Source without comments (string contents kept: a directive is a string). */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1");
}

/** A file whose first statement is the "use server" directive. */
function isServerFile(src: string): boolean {
  return /^\s*(["'])use server\1\s*;?/.test(stripComments(src));
}

/** The names a module exports (values only: types and interfaces are not endpoints). */
function exportedNames(src: string): string[] {
  const code = stripComments(src);
  const names = new Set<string>();
  for (const m of code.matchAll(/^\s*export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of code.matchAll(/^\s*export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of code.matchAll(/^\s*export\s+(?:const|let|var)\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(",")) {
      const name = part.split(":").pop()!.split("=")[0]!.trim();
      if (name) names.add(name);
    }
  }
  for (const m of code.matchAll(/^\s*export\s+class\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  if (/^\s*export\s+default\b/m.test(code)) names.add("default");
  for (const m of code.matchAll(/^\s*export\s*(type\s*)?\{([^}]*)\}/gm)) {
    if (m[1]) continue; // export type { … }
    for (const part of m[2]!.split(",")) {
      const p = part.trim();
      if (!p || p.startsWith("type ")) continue;
      const name = p
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (name) names.add(name);
    }
  }
  for (const m of code.matchAll(/^\s*export\s*\*\s*(?:as\s+([A-Za-z_$][\w$]*))?\s*from/gm)) names.add(m[1] ? m[1] : "*");
  return [...names].sort();
}

function endpointsInTree() {
  const files = SOURCE_DIRS.flatMap((d) => walk(path.join(ROOT, d)));
  const endpoints: string[] = [];
  const inline: string[] = [];
  for (const file of files) {
    const src = fs.readFileSync(file, "utf8");
    const name = rel(file);
    if (isServerFile(src)) {
      for (const e of exportedNames(src)) endpoints.push(`${name}#${e}`);
    } else if (/(["'])use server\1/.test(stripComments(src))) {
      // an action declared inside a component or function: an endpoint this registry cannot name
      inline.push(name);
    }
    if (/^app\/.*\/route\.(ts|tsx|js|jsx|mjs)$/.test(name)) {
      for (const e of exportedNames(src)) if (HTTP_METHODS.includes(e) || e === "default" || e === "*") endpoints.push(`${name}#${e}`);
    }
  }
  return { endpoints: endpoints.sort(), inline };
}

describe("the authorization registry covers every endpoint", () => {
  const { endpoints, inline } = endpointsInTree();
  const registered = REGISTRY.map((e) => e.id).sort();

  it("finds the endpoints it should (the scanner itself works)", () => {
    for (const known of [
      "lib/actions/set-locale.ts#setLocale",
      "lib/actions/policy/job-progress.ts#jobProgress",
      "lib/actions/help/get-challenge.ts#getChallenge",
      "lib/actions/meetings/create-meeting.ts#createMeetingAndOpen",
      "app/api/auth/[...nextauth]/route.ts#GET",
      "app/api/auth/[...nextauth]/route.ts#POST",
      "app/api/evidence/[id]/route.ts#GET",
    ])
      expect(endpoints).toContain(known);
    // helper modules of the actions are not endpoints (no directive)
    expect(endpoints.filter((e) => e.startsWith("lib/actions/safe-action.ts") || e.includes("/define.ts#"))).toEqual([]);
    expect(
      exportedNames(
        '"use server";\nexport { a as B, type C, d };\nexport type E = 1;\nexport interface F {}\nexport const g = 1, h = 2;\nexport default async function () {}',
      ),
    ).toEqual(["B", "d", "default", "g"]);
  });

  it("every server action and route handler has an entry", () => {
    const missing = endpoints.filter((e) => !registered.includes(e));
    expect(
      missing,
      `not in tests/integration/authz-registry.ts — add an entry (who may call it, how, what it writes):\n  ${missing.join("\n  ")}`,
    ).toEqual([]);
  });

  it("every entry names an endpoint that exists", () => {
    const stale = registered.filter((e) => !endpoints.includes(e));
    expect(stale, `registry entries with no such export (renamed or removed?):\n  ${stale.join("\n  ")}`).toEqual([]);
  });

  it('no "use server" inside components or functions (each action lives in its own lib/actions file)', () => {
    expect(inline).toEqual([]);
  });

  it("entries are unique, and each entry's function is the export its id names", async () => {
    expect(new Set(registered).size).toBe(registered.length);
    for (const entry of REGISTRY) {
      const [file, name] = entry.id.split("#") as [string, string];
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      expect(mod[name], entry.id).toBe(entry.fn);
    }
  });

  it("each entry says who may use it, and every actor has an expected outcome in and out of scope", () => {
    for (const entry of REGISTRY) {
      expect(entry.allowed.length, entry.id).toBeGreaterThan(0);
      if (entry.out === "field") expect(entry.field, entry.id).toBeTruthy();
      for (const actor of ACTORS) expect(expectation(entry, actor, "in"), `${entry.id} ${actor}`).not.toBeNull();
    }
  });
});
