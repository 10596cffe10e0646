// Facts about the current request that the public pages need: the caller's address (only ever
// used hashed, as a rate-limit key) and the site's public origin for links printed on cards.
import "server-only";
import { headers } from "next/headers";
import { PEER_HEADER, requestAddress } from "@/lib/http/request-address";

/** The caller's address: the socket's, or the one our proxy reports (lib/http/request-address.ts); "local" when there is none. */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return requestAddress({ forwardedFor: h.get("x-forwarded-for"), realIp: h.get("x-real-ip"), peer: h.get(PEER_HEADER) });
}

/**
 * The origin printed into QR codes: JINGZHUN_PUBLIC_URL, else NEXTAUTH_URL, else the request's
 * own host (fine for a cadre printing from the server they use).
 */
export async function publicOrigin(): Promise<string> {
  const configured = process.env.JINGZHUN_PUBLIC_URL || process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/** True when JINGZHUN_PUBLIC_URL names the address households reach: else printed codes point at whatever host this page was opened on. */
export function publicUrlConfigured(): boolean {
  return Boolean(process.env.JINGZHUN_PUBLIC_URL?.trim());
}
