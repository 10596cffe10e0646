// The proxy never authorises anything (every action and page checks the session itself). It:
//  - refuses server-action calls from a foreign or `null` origin before they reach an action, as a
//    second line behind Next's own origin check;
//  - answers 400 to input that used to end in HTTP 500 (#16.9): a NUL in the query, a next-auth
//    callbackUrl that does not parse or points elsewhere, an action body nested deeper than any
//    form sends;
//  - sets the Content-Security-Policy with a fresh nonce per request, so pages run without
//    'unsafe-inline' scripts (#16.16; Next reads the nonce from the request's CSP header and puts
//    it on its scripts), and HSTS when served over HTTPS.
import { NextResponse, type NextRequest } from "next/server";
import { MAX_ACTION_DEPTH, badCallbackUrl, contentSecurityPolicy, hasNul, jsonDepthOver, servedOverHttps } from "@/lib/http/guards";

const bad = (message: string) =>
  new NextResponse(`Bad request: ${message}`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function proxy(request: NextRequest) {
  const url = request.nextUrl;
  if (hasNul(url.search)) return bad("the address contains a NUL character");
  if (url.pathname.startsWith("/api/auth/") && badCallbackUrl(url.searchParams.get("callbackUrl"), url.origin)) return bad("callbackUrl");

  if (request.method === "POST" && request.headers.has("next-action")) {
    const origin = request.headers.get("origin");
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    let sameOrigin = false;
    try {
      sameOrigin = !!origin && origin !== "null" && new URL(origin).host === host;
    } catch {
      sameOrigin = false;
    }
    if (!sameOrigin) return new NextResponse("Forbidden: cross-origin action", { status: 403 });
    // arguments sent as JSON text (no files): nested deeper than any form, refused before decoding
    const type = request.headers.get("content-type") ?? "";
    const length = Number(request.headers.get("content-length") ?? "0");
    if (!type.startsWith("multipart/") && length <= 2_000_000) {
      const body = await request.clone().text();
      if (jsonDepthOver(body, MAX_ACTION_DEPTH)) return bad("nested too deeply");
    }
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(url, request.headers.get("x-forwarded-proto")))
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icons/).*)"] };
