// What may go into a log line, and how an error is reduced to it. Pure (no I/O).
//
// Logs never carry personal data: no request bodies, query strings, form fields, names, national
// IDs or phone numbers. A request is logged by its ROUTE PATTERN (/households/[id], never the
// path itself: a card's path is its secret token). An error is logged by its name, code, a
// scrubbed first line of its message and its stack frames (code locations only): Prisma's
// "Invalid invocation" messages print the query's arguments and PostgreSQL's unique-violation
// detail prints the key's value, so a message is cut at its first line and digits, quoted
// values and e-mail addresses are masked.

/** A route pattern of the app (from the build's routes manifest) and its regex. */
export interface RoutePattern {
  page: string;
  regex: RegExp;
}

/** The routes of a build's routes-manifest.json, static ones first (as Next matches them). */
export function routePatterns(manifest: unknown): RoutePattern[] {
  const m = manifest as { staticRoutes?: { page: string; regex: string }[]; dynamicRoutes?: { page: string; regex: string }[] } | null;
  const out: RoutePattern[] = [];
  for (const r of [...(m?.staticRoutes ?? []), ...(m?.dynamicRoutes ?? [])]) {
    try {
      out.push({ page: r.page, regex: new RegExp(r.regex) });
    } catch {
      // a pattern this engine cannot read is skipped
    }
  }
  return out;
}

/**
 * The route pattern a request path belongs to: a page or route handler of the app, Next's own
 * assets, or a placeholder. Never the path's own segments (ids, tokens).
 */
export function routeOf(url: string | undefined, patterns: readonly RoutePattern[]): string {
  const raw = (url ?? "/").split("?")[0]!.split("#")[0]!;
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    path = raw;
  }
  if (path.startsWith("/_next/static/")) return "/_next/static/*";
  if (path.startsWith("/_next/image")) return "/_next/image";
  if (path.startsWith("/_next/")) return "/_next/*";
  for (const p of patterns) if (p.regex.test(path)) return p.page;
  // files of public/ (icons, the service worker, the manifest): named by their folder only
  if (/^\/[\w.-]+\.(?:js|json|png|ico|svg|webmanifest|txt|xml)$/.test(path)) return path;
  if (/^\/icons\//.test(path)) return "/icons/*";
  return "(unmatched)";
}

/** Masks what may identify a person in a line of text: long digit runs, quoted values, e-mails, key values. */
export function scrubText(text: string, max = 300): string {
  return text
    .replace(/Key \(([^)]*)\)=\([^)]*\)/g, "Key ($1)=(…)")
    .replace(/"[^"\n]{0,500}"/g, '"…"')
    .replace(/'[^'\n]{0,500}'/g, "'…'")
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "…@…")
    .replace(/\d{6,}[\dXx]?/g, (d) => "#".repeat(Math.min(d.length, 8)))
    .slice(0, max);
}

export interface LoggedError {
  name: string;
  code?: string;
  message: string;
  /** "at …" frames only */
  stack?: string[];
  digest?: string;
  cause?: LoggedError;
}

/** An error as a log line may carry it (see the module note). */
export function errorForLog(e: unknown, depth = 0): LoggedError {
  if (!(e instanceof Error)) return { name: typeof e, message: scrubText(String(e).split("\n")[0] ?? "") };
  const err = e as Error & { code?: unknown; digest?: unknown; cause?: unknown };
  const first = (err.message ?? "").split("\n").find((l) => l.trim()) ?? "";
  const out: LoggedError = {
    name: err.name || "Error",
    message: scrubText(first.trim()),
  };
  if (typeof err.code === "string" || typeof err.code === "number") out.code = String(err.code);
  if (typeof err.digest === "string") out.digest = err.digest;
  const frames = (err.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 12)
    .map((l) => scrubText(l.trim(), 240));
  if (frames.length) out.stack = frames;
  if (err.cause !== undefined && depth < 2) out.cause = errorForLog(err.cause, depth + 1);
  return out;
}
