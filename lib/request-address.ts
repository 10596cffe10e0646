// The caller's address, for per-address limits only (sign-in throttle, public forms, card views;
// used hashed or as a counter key, never shown). Behind a reverse proxy the address is the entry
// the proxy appended to X-Forwarded-For — the right-most one, or the N-th from the right behind
// N proxies (JINGZHUN_PROXY_HOPS, default 1). The left-most entries are whatever the client sent
// and are never trusted: taking them would let anyone pick a fresh address per request. Without
// a proxy, Next.js fills X-Forwarded-For with the socket's address when the client sent none.

/** The address from X-Forwarded-For / X-Real-IP values; "local" when there is none. */
export function addressFromHeaders(forwardedFor: string | null | undefined, realIp: string | null | undefined, hops = proxyHops()): string {
  const chain = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (chain.length) return chain[Math.max(0, chain.length - hops)]!;
  return realIp?.trim() || "local";
}

/** JINGZHUN_PROXY_HOPS: how many proxies append to X-Forwarded-For in front of the app (1–10). */
export function proxyHops(): number {
  const n = Number(process.env.JINGZHUN_PROXY_HOPS ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}
