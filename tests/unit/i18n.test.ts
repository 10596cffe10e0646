// Every message exists in both languages, and every lib/domain module stays pure.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { messages } from "@/i18n/messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object") return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("zh-CN and en have exactly the same keys", () => {
    const zh = new Set(keys(messages["zh-CN"]));
    const en = new Set(keys(messages.en));
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  it("no namespace file is left unregistered", () => {
    const registered = fs.readFileSync(path.resolve("i18n/messages.ts"), "utf8");
    for (const locale of ["zh-CN", "en"]) {
      for (const file of fs.readdirSync(path.resolve("messages", locale))) {
        expect(registered, `messages/${locale}/${file}`).toContain(`@/messages/${locale}/${file}`);
      }
    }
  });
});

describe("lib/domain is pure", () => {
  // Values come only from lib/domain itself; a type may also come from the role list or a zod schema's
  // inferred shape (erased at build time, so no runtime dependency). Nothing from Next, Prisma, the data
  // layer or Node's I/O, not even as a side-effect import ("server-only").
  const TYPE_ONLY_FROM = ["@/lib/auth/roles", "@/lib/validation/"];
  it("imports nothing from Next, Prisma, zod, the data layer or Node's I/O", () => {
    const dir = path.resolve("lib/domain");
    const bad: string[] = [];
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!/\.tsx?$/.test(file)) continue;
      const src = fs.readFileSync(path.join(dir, file), "utf8");
      for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
        const typeOnly = Boolean(m[2]);
        const spec = m[3]!;
        if (spec.startsWith(".") || spec.startsWith("@/lib/domain")) continue;
        if (typeOnly && TYPE_ONLY_FROM.some((p) => spec.startsWith(p))) continue;
        bad.push(`${file}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
