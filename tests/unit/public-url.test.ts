// Issue #16.15: NEXTAUTH_URL follows JINGZHUN_PUBLIC_URL, and the session cookie is Secure behind HTTPS.
import { describe, expect, it } from "vitest";
import { nextAuthUrl, secureCookies } from "@/lib/auth/public-url";

describe("public address", () => {
  it("NEXTAUTH_URL: as set, else the public address, else this server's own port (not another app's)", () => {
    expect(nextAuthUrl({ NEXTAUTH_URL: "https://a.example" }, "3000")).toBe("https://a.example");
    expect(nextAuthUrl({ JINGZHUN_PUBLIC_URL: "https://jz.example.gov.cn/" }, "3000")).toBe("https://jz.example.gov.cn");
    expect(nextAuthUrl({}, "3403")).toBe("http://localhost:3403");
  });

  it("the cookie is Secure exactly when the address is https", () => {
    expect(secureCookies({ NEXTAUTH_URL: "https://jz.example.gov.cn" })).toBe(true);
    expect(secureCookies({ JINGZHUN_PUBLIC_URL: "HTTPS://jz.example.gov.cn" })).toBe(true);
    expect(secureCookies({ NEXTAUTH_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(secureCookies({})).toBe(false);
  });
});
