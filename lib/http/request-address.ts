// The caller's address, for per-address limits only (sign-in throttle, public forms, card views;
// used hashed or as a counter key, never shown).
//
// - No proxy configured (JINGZHUN_PROXY_HOPS unset, the default `npm start`): the socket's own
//   address. `npm start` serves Next through scripts/next-server.mjs, which drops whatever
//   X-Jingzhun-Peer the client sent and sets it to the socket's address. X-Forwarded-For is then
//   entirely the client's own text and is never used: trusting it let every spoofed value have a
//   fresh budget.
// - JINGZHUN_PROXY_HOPS=N: N proxies each append one entry to X-Forwarded-For; the N-th entry
//   from the right is the address the outermost one of ours saw. The left-most entries are
//   whatever the client sent and are never trusted.
// - Neither (a bare `next dev`/`next start`, not our server): the right-most X-Forwarded-For
//   entry, which Next fills with the socket address when the client sent none.
// Whatever the source, an address is at most 64 characters of [0-9A-Za-z.:_-] ("invalid"
// otherwise), so no header can become a long stored key.

export const PEER_HEADER = "x-jingzhun-peer";

export interface AddressHeaders {
  forwardedFor?: string | null;
  realIp?: string | null;
  peer?: string | null;
}

/** The caller's address from the request's headers; "local" when there is none. */
export function requestAddress(h: AddressHeaders, hops = proxyHops()): string {
  if (hops === null && h.peer?.trim()) return clean(h.peer);
  const chain = (h.forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length) return clean(chain[Math.max(0, chain.length - (hops ?? 1))]!);
  return h.realIp?.trim() ? clean(h.realIp) : "local";
}

/** The address from X-Forwarded-For / X-Real-IP values (behind a proxy); "local" when there is none. */
export function addressFromHeaders(
  forwardedFor: string | null | undefined,
  realIp: string | null | undefined,
  hops: number | null = proxyHops() ?? 1,
): string {
  return requestAddress({ forwardedFor, realIp }, hops ?? 1);
}

function clean(address: string): string {
  let a = address.trim().toLowerCase();
  if (a.startsWith("::ffff:") && a.includes(".")) a = a.slice(7); // IPv4 mapped into IPv6
  return a.length > 0 && a.length <= 64 && /^[0-9a-z.:_[\]-]+$/.test(a) ? a : "invalid";
}

/** JINGZHUN_PROXY_HOPS: how many proxies append to X-Forwarded-For in front of the app (1–10); null when unset (no proxy). */
export function proxyHops(): number | null {
  const raw = process.env.JINGZHUN_PROXY_HOPS?.trim();
  if (!raw) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}
