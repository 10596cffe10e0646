// Issue #16.9 and #16.16: what the proxy answers before any page or action runs.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

const get = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers }));
const action = (body: string, type = "text/plain;charset=UTF-8") =>
  proxy(
    new NextRequest("http://127.0.0.1:3000/cadre", {
      method: "POST",
      body,
      headers: { "next-action": "abc", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "content-type": type },
    }),
  );

describe("input that used to end in HTTP 500 gets a 400", () => {
  it("a NUL in the query, on list pages and exports", async () => {
    expect((await get("/cadre?q=%00")).status).toBe(400);
    expect((await get("/api/county/export/households?q=a%00b")).status).toBe(400);
    expect((await get("/cadre?q=%E4%B8%AD")).status).toBe(200);
  });

  it("a sign-out callbackUrl that does not parse or leaves the site", async () => {
    expect((await get("/api/auth/signout?callbackUrl=http://a:b/")).status).toBe(400);
    expect((await get("/api/auth/signout?callbackUrl=https://evil.example/")).status).toBe(400);
    expect((await get("/api/auth/signout?callbackUrl=/login")).status).toBe(200);
  });

  it("an action body nested 4,000 levels deep", async () => {
    expect((await action("[".repeat(4000) + "]".repeat(4000))).status).toBe(400);
    expect((await action(JSON.stringify([{ a: [1, { b: "[[[[[[" }] }]))).status).toBe(200);
  });
});

describe("Content-Security-Policy with a nonce", () => {
  it("a fresh nonce per request, no 'unsafe-inline' scripts; Next gets the nonce", async () => {
    const a = await get("/login");
    const b = await get("/login");
    const csp = a.headers.get("content-security-policy")!;
    const script = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(script).not.toContain("unsafe-inline");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("HSTS only when served over HTTPS", async () => {
    expect((await get("/login")).headers.get("strict-transport-security")).toBeNull();
    const https = await proxy(new NextRequest("https://jz.example.gov.cn/login"));
    expect(https.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});

describe("?page= on list pages", () => {
  it("a huge, exponent or junk page number is page 1 or the last allowed, never a database error", async () => {
    const { pageParam } = await import("@/lib/http/guards");
    expect(pageParam("99999999999999999999")).toBe(1);
    expect(pageParam("1e308")).toBe(1);
    expect(pageParam("-3")).toBe(1);
    expect(pageParam("999999")).toBe(100_000);
    expect(pageParam("7")).toBe(7);
    expect(pageParam(["2", "3"])).toBe(2);
  });
});
