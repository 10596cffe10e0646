// One log line per HTTP request: request id, method, route pattern, status, duration, the
// signed-in user's id (never anything else about them). Installed once per server process by
// instrumentation.ts (decision 0013: Next 16 has no hook that sees a request's end, so the
// Node HTTP server's "request" event is wrapped there; the proxy runs before the route and
// cannot see the status or the duration).
//
// The request id is made here (never taken from the client), set on the request's headers so
// Next's onRequestError sees it, and sent back as X-Request-Id.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { log } from "./logger";
import { routeOf, routePatterns, type RoutePattern } from "./scrub";

export const REQUEST_ID_HEADER = "x-request-id";
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

const g = globalThis as typeof globalThis & { __jzRequestLog?: boolean };

function loadPatterns(): RoutePattern[] {
  const dir = process.env.NEXT_DIST_DIR || ".next";
  try {
    return routePatterns(
      JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), dir, "routes-manifest.json"), "utf8")),
    );
  } catch {
    return [];
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

/** The user id inside the session cookie (next-auth's encrypted JWT), or null. Logging only: no authority. */
async function userIdOf(req: http.IncomingMessage): Promise<string | null> {
  const header = req.headers.cookie;
  if (!header || !process.env.NEXTAUTH_SECRET) return null;
  const token = SESSION_COOKIES.map((n) => cookieValue(header, n)).find(Boolean);
  if (!token) return null;
  try {
    const { decode } = await import("next-auth/jwt");
    const claims = await decode({ token, secret: process.env.NEXTAUTH_SECRET });
    return typeof claims?.uid === "string" ? claims.uid : null;
  } catch {
    return null;
  }
}

export interface RequestLine {
  reqId: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  uid: string | null;
  /** a server action call (its id is the build's, not data) */
  action?: string;
  /** the client went away before the answer was complete */
  aborted?: true;
}

/**
 * Wraps the HTTP server's "request" event (once per process). The route patterns come from the
 * build's routes manifest (read at the first request), or from `opts` (tests).
 */
export function installRequestLogging(opts: { patterns?: RoutePattern[] } = {}): void {
  if (g.__jzRequestLog) return;
  g.__jzRequestLog = true;
  let patterns: RoutePattern[] | null = opts.patterns ?? null;
  const original = http.Server.prototype.emit;
  http.Server.prototype.emit = function patched(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      try {
        const started = process.hrtime.bigint();
        const reqId = crypto.randomUUID();
        req.headers[REQUEST_ID_HEADER] = reqId;
        res.setHeader("X-Request-Id", reqId);
        const actionId = req.method === "POST" ? req.headers["next-action"] : undefined;
        let done = false;
        const finish = (aborted: boolean) => {
          if (done) return;
          done = true;
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          patterns ??= loadPatterns();
          const line: RequestLine = {
            reqId,
            method: req.method ?? "GET",
            route: routeOf(req.url, patterns),
            status: res.statusCode,
            ms: Math.round(ms * 10) / 10,
            uid: null,
          };
          if (typeof actionId === "string" && /^[0-9a-f]{20,64}$/i.test(actionId)) line.action = actionId;
          if (aborted) line.aborted = true;
          void userIdOf(req).then((uid) => {
            line.uid = uid;
            const level = res.statusCode >= 500 ? "error" : "info";
            log()[level](line, "request");
          });
        };
        res.once("finish", () => finish(false));
        res.once("close", () => finish(!res.writableFinished));
      } catch {
        // logging never stands in a request's way
      }
    }
    return original.apply(this, [event, ...args] as Parameters<typeof original>);
  } as typeof original;
}
