// The messages a client tree is sent, compiled on the server (issue #20 point 5). The browser's
// formatter is then use-intl's format-only one (icu-minify's ~1 KB runtime) instead of
// IntlMessageFormat and its ICU parser (~12 KB gzip on every page's first load): next.config.js
// points `use-intl/format-message` at it for the browser, and at i18n/format-message.ts (both
// forms) on the server, where server components format the raw messages of the request config.
//
// A message with no argument compiles to its text; when that text differs from the source (an
// ICU escape such as '{'), it is sent as a one-part array, so the server's formatter, which
// formats a string as ICU, never reads an unescaped text as a message.
import compile from "icu-minify/compile";

type Tree = { [key: string]: string | Tree };

function compileOne(source: string): unknown {
  let c;
  try {
    c = compile(source);
  } catch {
    // not ICU (a text read with t.raw on the server): sent as it is, as before
    return source;
  }
  if (typeof c === "string") return c !== source ? [c] : c;
  // plain objects and arrays (React passes no null-prototype object to a client component; a
  // plural's or select's options are such objects)
  return JSON.parse(JSON.stringify(c)) as unknown;
}

function compileTree(tree: Tree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tree)) out[k] = typeof v === "string" ? compileOne(v) : compileTree(v);
  return out;
}

const cache = new WeakMap<object, Record<string, unknown>>();

/** Each namespace compiled once per process (the message catalogs are module constants). */
export function compiledMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(messages).map(([ns, tree]) => {
      if (typeof tree === "string") return [ns, compileOne(tree)];
      let done = cache.get(tree as object);
      if (!done) cache.set(tree as object, (done = compileTree(tree as Tree)));
      return [ns, done];
    }),
  );
}
