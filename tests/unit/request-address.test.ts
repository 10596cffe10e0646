// The address used for per-address limits: the one the nearest proxy appended, never the
// client-supplied left-most entries of X-Forwarded-For.
import { afterEach, describe, expect, it } from "vitest";
import { addressFromHeaders, proxyHops } from "@/lib/request-address";

afterEach(() => {
  delete process.env.JINGZHUN_PROXY_HOPS;
});

describe("addressFromHeaders", () => {
  it("takes the right-most entry: what the proxy appended, not what the client sent", () => {
    expect(addressFromHeaders("6.6.6.6, 203.0.113.9", null)).toBe("203.0.113.9");
    expect(addressFromHeaders(" 1.1.1.1 ,2.2.2.2,  203.0.113.9 ", null)).toBe("203.0.113.9");
  });

  it("a client rotating a forged first entry stays one address", () => {
    const seen = new Set(Array.from({ length: 50 }, (_, i) => addressFromHeaders(`10.0.0.${i}, 198.51.100.7`, null)));
    expect([...seen]).toEqual(["198.51.100.7"]);
  });

  it("behind two proxies, the second from the right", () => {
    expect(addressFromHeaders("6.6.6.6, 203.0.113.9, 10.1.1.1", null, 2)).toBe("203.0.113.9");
    process.env.JINGZHUN_PROXY_HOPS = "2";
    expect(addressFromHeaders("6.6.6.6, 203.0.113.9, 10.1.1.1", null)).toBe("203.0.113.9");
  });

  it("a chain shorter than the hops gives its first entry", () => {
    expect(addressFromHeaders("203.0.113.9", null, 3)).toBe("203.0.113.9");
  });

  it("falls back to X-Real-IP, then to 'local'", () => {
    expect(addressFromHeaders(null, " 192.0.2.1 ")).toBe("192.0.2.1");
    expect(addressFromHeaders(" , ", undefined)).toBe("local");
    expect(addressFromHeaders(undefined, undefined)).toBe("local");
  });

  it("JINGZHUN_PROXY_HOPS outside 1–10 or not a whole number means 1", () => {
    for (const v of ["0", "-1", "11", "1.5", "many", ""]) {
      process.env.JINGZHUN_PROXY_HOPS = v;
      expect(proxyHops(), v).toBe(1);
    }
    process.env.JINGZHUN_PROXY_HOPS = "3";
    expect(proxyHops()).toBe(3);
  });
});
