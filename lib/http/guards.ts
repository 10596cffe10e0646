// Request checks the proxy makes before anything renders (#16.9): input that used to reach a
// page or action and end in HTTP 500 gets a clear 400 instead. Pure (no Next imports).

/** A NUL in the query (?q=%00) cannot reach PostgreSQL text. */
export function hasNul(search: string): boolean {
  if (!search) return false;
  if (/%00/i.test(search)) return true;
  try {
    return decodeURIComponent(search.replace(/\+/g, " ")).includes("\u0000");
  } catch {
    return true; // malformed %-escapes: refused as well
  }
}

/** next-auth's callbackUrl must be a same-origin path or URL that parses (http://a:b/ does not). */
export function badCallbackUrl(value: string | null, origin: string): boolean {
  if (value === null) return false;
  if (value.length > 2000) return true;
  if (value.startsWith("/") && !value.startsWith("//")) return false;
  try {
    return new URL(value).origin !== origin;
  } catch {
    return true;
  }
}

/** How deeply `text` nests JSON arrays/objects, stopping once past `limit` (strings skipped). */
export function jsonDepthOver(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

export const MAX_ACTION_DEPTH = 64;

/** The Content-Security-Policy of a page, with this request's nonce: no 'unsafe-inline' scripts. */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // Next puts the nonce on its own inline and loaded scripts; 'strict-dynamic' lets those load chunks
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Served over HTTPS: the request came in on https, or the configured public address is https. */
export function servedOverHttps(url: URL, forwardedProto: string | null, env: Record<string, string | undefined> = process.env): boolean {
  if (url.protocol === "https:") return true;
  if ((env.JINGZHUN_PUBLIC_URL ?? "").trim().toLowerCase().startsWith("https://")) return true;
  // X-Forwarded-Proto only from a configured proxy
  return Boolean(env.JINGZHUN_PROXY_HOPS?.trim()) && forwardedProto?.split(",")[0]?.trim() === "https";
}

/** A list's ?page=: a whole number 1–100000, else 1 (page=99999999999999999999 or 1e308 used to end in 500). */
export function pageParam(v: unknown): number {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === "string" && /^\d{1,6}$/.test(s) ? Math.min(100_000, Math.max(1, Number(s))) : 1;
}
