// One log line per request (issue #23, point 6): request id (also sent back as X-Request-Id),
// method, route pattern, status, duration, the signed-in user's id — and nothing else: no path,
// no query, no cookie, no body.
import http from "node:http";
import { Writable } from "node:stream";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { installRequestLogging } from "@/lib/log/request-log";
import { routePatterns } from "@/lib/log/scrub";
import { setLogDestination } from "@/lib/log/logger";

const lines: Record<string, unknown>[] = [];
let server: http.Server;
let base = "";
const SECRET = "test-secret-for-request-log-0123456789";

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  setLogDestination(
    new Writable({
      write(chunk, _e, done) {
        for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    }),
  );
  installRequestLogging({
    patterns: routePatterns({
      staticRoutes: [{ page: "/leads", regex: "^/leads(?:/)?$" }],
      dynamicRoutes: [
        { page: "/card/[token]", regex: "^/card/([^/]+?)(?:/)?$" },
        { page: "/households/[id]", regex: "^/households/([^/]+?)(?:/)?$" },
      ],
    }),
  });
  server = http.createServer((req, res) => {
    if (req.url?.startsWith("/boom")) {
      res.statusCode = 500;
      res.end("no");
      return;
    }
    req.resume();
    req.on("end", () => res.end(`seen ${req.headers["x-request-id"]}`));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setLogDestination();
  await new Promise((r) => server.close(r));
});

async function waitForLines(n: number) {
  for (let i = 0; i < 100 && lines.filter((l) => l.msg === "request").length < n; i++) await new Promise((r) => setTimeout(r, 10));
  return lines.filter((l) => l.msg === "request");
}

describe("the request line", () => {
  it("id, method, route pattern, status, duration; the id also on the response and on the request Next sees", async () => {
    const res = await fetch(`${base}/households/0b8e3f0e-1c1e-4a4e-9f0e-7b1c2d3e4f50?q=${encodeURIComponent("王大山")}`);
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.text()).toBe(`seen ${id}`);
    const [line] = await waitForLines(1);
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      app: "jingzhun",
      reqId: id,
      method: "GET",
      route: "/households/[id]",
      status: 200,
      uid: null,
    });
    expect(typeof line!.ms).toBe("number");
    const text = JSON.stringify(line);
    for (const bad of ["0b8e3f0e", "王大山", "%E7", "q="]) expect(text).not.toContain(bad);
  });

  it("the signed-in user's id from the session cookie, and nothing of the cookie", async () => {
    const token = await encode({ token: { uid: "user-1234", sv: 1, name: "王大山" }, secret: SECRET });
    await fetch(`${base}/card/SECRET-CARD-TOKEN-abcdefghijklmnopqrstuvwxyz`, {
      headers: { cookie: `next-auth.session-token=${token}; other=1` },
    });
    const line = (await waitForLines(2))[1]!;
    expect(line).toMatchObject({ route: "/card/[token]", uid: "user-1234", status: 200 });
    const text = JSON.stringify(line);
    for (const bad of ["SECRET-CARD-TOKEN", token.slice(0, 20), "王大山", "other=1"]) expect(text).not.toContain(bad);
  });

  it("a server error is logged at level error; a server action's id is named, its body never", async () => {
    await fetch(`${base}/boom?x=1`);
    await fetch(`${base}/leads`, {
      method: "POST",
      headers: { "next-action": "7f3a9c0d1e2b3a4c5d6e7f8091a2b3c4d5e6f708", "content-type": "text/plain" },
      body: "520603198005011234",
    });
    const [boom, action] = (await waitForLines(4)).slice(2);
    expect(boom).toMatchObject({ level: "error", status: 500, route: "(unmatched)" });
    expect(action).toMatchObject({ method: "POST", route: "/leads", action: "7f3a9c0d1e2b3a4c5d6e7f8091a2b3c4d5e6f708" });
    expect(JSON.stringify(action)).not.toContain("520603198005011234");
  });
});

describe("onRequestError: every server error with the reference the user sees", () => {
  it("logs Next's digest as ref, the request id and the route pattern; the message scrubbed", async () => {
    const { onRequestError } = await import("@/instrumentation");
    process.env.NEXT_RUNTIME = "nodejs";
    const err = Object.assign(new Error('duplicate key Key ("nationalId")=(520603198005011234) already exists'), { digest: "3187605813" });
    await onRequestError(
      err,
      { path: "/households/abc?q=王大山", method: "GET", headers: { "x-request-id": "req-1" } },
      {
        routerKind: "App Router",
        routePath: "/households/[id]",
        routeType: "render",
        renderSource: "react-server-components",
        revalidateReason: undefined,
      },
    );
    const line = lines.find((l) => l.msg === "server error")!;
    expect(line).toMatchObject({
      level: "error",
      ref: "3187605813",
      reqId: "req-1",
      route: "/households/[id]",
      routeType: "render",
      method: "GET",
    });
    expect((line.err as { message: string }).message).toBe('duplicate key Key ("…")=(…) already exists');
    const text = JSON.stringify(line);
    for (const bad of ["520603198005011234", "王大山", "abc?q"]) expect(text).not.toContain(bad);
  });
});
