// Client trees get their messages compiled on the server (i18n/compiled-messages.ts) and the browser
// formats them with use-intl's format-only formatter; the server formats both forms
// (i18n/format-message.ts). Every message of both languages must read the same all three ways.
import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import formatRaw from "use-intl/format-message";
import formatCompiled from "use-intl/format-message/format-only";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import { messages } from "@/i18n/messages";
import { compiledMessages } from "@/i18n/compiled-messages";
import formatOnServer from "@/i18n/format-message";

type Tree = { [k: string]: string | Tree };
type Values = Record<string, string | number | Date>;

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}
function at(tree: unknown, key: string): unknown {
  return key.split(".").reduce((o, k) => (o as Record<string, unknown>)[k], tree);
}

/** Two sets of values for a message's arguments: plural 2 / a select's first option, and plural 1 / "other". */
function valuesFor(ast: MessageFormatElement[]): [Values, Values] {
  const a: Values = {};
  const b: Values = {};
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument) {
        a[el.value] ??= `«${el.value}»`;
        b[el.value] ??= "乙";
      } else if (el.type === TYPE.number) {
        a[el.value] = 1234.5;
        b[el.value] = 0;
      } else if (el.type === TYPE.date || el.type === TYPE.time) {
        a[el.value] = new Date("2026-12-05T04:00:00Z");
        b[el.value] = new Date("2014-01-01T00:00:00Z");
      } else if (el.type === TYPE.plural) {
        a[el.value] = 2;
        b[el.value] = 1;
        Object.values(el.options).forEach((o) => walk(o.value));
      } else if (el.type === TYPE.select) {
        a[el.value] = Object.keys(el.options).find((k) => k !== "other") ?? "other";
        b[el.value] = "other";
        Object.values(el.options).forEach((o) => walk(o.value));
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(ast);
  return [a, b];
}

describe("compiled client messages", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    it(`${locale}: every message reads the same compiled (browser, server) as raw`, () => {
      const cache = _createCache();
      const options = { cache, formatters: _createIntlFormatters(cache), locale, timeZone: "Asia/Shanghai" };
      const raw = messages[locale] as unknown as Tree;
      const compiled = compiledMessages(raw);
      const all = leaves(raw);
      expect(all.length).toBeGreaterThan(1000);
      const differ: string[] = [];
      const notIcu: string[] = [];
      for (const [key, source] of all) {
        const c = at(compiled, key);
        let ast;
        try {
          ast = parse(source);
        } catch {
          notIcu.push(key);
          expect(c).toBe(source);
          continue;
        }
        for (const values of valuesFor(ast)) {
          const want = formatRaw(key, source, Object.keys(values).length ? values : undefined, options);
          const browser = formatCompiled(key, c as never, values, options);
          const server = formatOnServer(key, c, Object.keys(values).length ? values : undefined, options);
          if (browser !== want || server !== want) differ.push(`${key}: ${String(want)} | ${String(browser)} | ${String(server)}`);
        }
      }
      expect(differ).toEqual([]);
      // a message that is not ICU is sent as it is: the browser would show it, the server's render
      // its key (a hydration mismatch); every message must be ICU (a literal brace quoted: '{')
      expect(notIcu).toEqual([]);
    });
  }

  it("is made of plain objects, arrays and strings only (what a server component may pass to a client one)", () => {
    const compiled = compiledMessages(messages["zh-CN"] as unknown as Tree);
    const odd: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (v === null || typeof v !== "object") return;
      if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) odd.push(at);
      Object.entries(v).forEach(([k, x]) => walk(x, `${at}.${k}`));
    };
    walk(compiled, "");
    expect(odd).toEqual([]);
  });

  it("a text whose source has an ICU escape is sent as a one-part array (the server never reads it as ICU)", () => {
    const out = compiledMessages({ ns: { quoted: "'{'literal'}' braces", plain: "no escape", arg: "Hi {name}" } });
    expect(out).toEqual({ ns: { quoted: ["{literal} braces"], plain: "no escape", arg: ["Hi ", ["name"]] } });
    const cache = _createCache();
    const options = { cache, formatters: _createIntlFormatters(cache), locale: "en", timeZone: "Asia/Shanghai" };
    expect(formatOnServer("ns.quoted", (out.ns as Record<string, unknown>).quoted, undefined, options)).toBe("{literal} braces");
  });
});
