// What a log line may carry (issue #23, point 6): route patterns instead of paths, errors
// reduced to name, code, a scrubbed first line and code locations — never personal data.
import { describe, expect, it } from "vitest";
import { errorForLog, routeOf, routePatterns, scrubText } from "@/lib/log/scrub";

const MANIFEST = {
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/leads", regex: "^/leads(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/card/[token]", regex: "^/card/([^/]+?)(?:/)?$" },
    { page: "/households/[id]", regex: "^/households/([^/]+?)(?:/)?$" },
    { page: "/api/evidence/[id]", regex: "^/api/evidence/([^/]+?)(?:/)?$" },
  ],
};
const P = routePatterns(MANIFEST);

describe("routeOf: the pattern, never the path's own segments or its query", () => {
  it.each([
    ["/", "/"],
    ["/leads?filter=overdue", "/leads"],
    ["/card/Zm9vYmFyYmF6cXV4X3NlY3JldF90b2tlbl8xMjM0NTY3ODkw", "/card/[token]"],
    ["/households/0b8e3f0e-1c1e-4a4e-9f0e-7b1c2d3e4f50?q=%E7%8E%8B%E5%A4%A7%E5%B1%B1", "/households/[id]"],
    ["/api/evidence/abc", "/api/evidence/[id]"],
    ["/_next/static/chunks/app.js", "/_next/static/*"],
    ["/sw.js", "/sw.js"],
    ["/icons/icon-192.png", "/icons/*"],
    ["/520603198005011234", "(unmatched)"],
    ["/%E0%A4%A", "(unmatched)"],
  ])("%s → %s", (url, want) => {
    expect(routeOf(url, P)).toBe(want);
  });
  it("a manifest that cannot be read gives no patterns (every page is then unmatched)", () => {
    expect(routePatterns(null)).toEqual([]);
    expect(routePatterns({ dynamicRoutes: [{ page: "/x", regex: "(" }] })).toEqual([]);
  });
});

describe("errors: scrubbed", () => {
  it("a unique violation's key value, a quoted value, an e-mail, a phone and an ID are masked", () => {
    expect(
      scrubText(
        'duplicate key value violates unique constraint "member_nationalId_key" Key ("nationalId")=(52060319800501123X) already exists',
      ),
    ).toBe('duplicate key value violates unique constraint "…" Key ("…")=(…) already exists');
    expect(scrubText("call 13800000001 or mail wang@example.com about 520603198005011234")).toBe(
      "call ######## or mail …@… about ########",
    );
    expect(scrubText("invalid input syntax for type uuid: 'abc'")).toBe("invalid input syntax for type uuid: '…'");
  });
  it("Prisma's invocation dump (the query's arguments) is cut at the first line", () => {
    const e = new Error(
      '\nInvalid `prisma.household.create()` invocation:\n\n{\n  data: {\n    headName: "王大山",\n    phone: "13800000001"\n  }\n}\n\nArgument `number` is missing.',
    );
    e.name = "PrismaClientValidationError";
    const out = errorForLog(e);
    expect(out.name).toBe("PrismaClientValidationError");
    expect(out.message).toBe("Invalid `prisma.household.create()` invocation:");
    expect(JSON.stringify(out)).not.toContain("王大山");
    expect(JSON.stringify(out)).not.toContain("13800000001");
    expect(out.stack?.every((l) => l.startsWith("at "))).toBe(true);
  });
  it("code, digest and cause are kept; a thrown string is a message", () => {
    const e = Object.assign(new Error("boom"), { code: "P2002", digest: "1234567890", cause: new Error("inner 13800000001") });
    const out = errorForLog(e);
    expect(out).toMatchObject({
      name: "Error",
      code: "P2002",
      digest: "1234567890",
      message: "boom",
      cause: { message: "inner ########" },
    });
    expect(errorForLog("just a string")).toMatchObject({ name: "string", message: "just a string" });
  });
});
