// The address used for per-address limits: the one the nearest proxy appended, never the
// client-supplied left-most entries of X-Forwarded-For.
import { afterEach, describe, expect, it } from "vitest";
import { addressFromHeaders, proxyHops, requestAddress } from "@/lib/http/request-address";

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

  it("JINGZHUN_PROXY_HOPS unset means no proxy (null); outside 1–10 or not a whole number means 1", () => {
    expect(proxyHops()).toBeNull();
    process.env.JINGZHUN_PROXY_HOPS = "";
    expect(proxyHops()).toBeNull();
    for (const v of ["0", "-1", "11", "1.5", "many"]) {
      process.env.JINGZHUN_PROXY_HOPS = v;
      expect(proxyHops(), v).toBe(1);
    }
    process.env.JINGZHUN_PROXY_HOPS = "3";
    expect(proxyHops()).toBe(3);
  });
});

describe("requestAddress", () => {
  it("without a proxy, the socket's address (X-Jingzhun-Peer) whatever X-Forwarded-For / X-Real-IP say", () => {
    const seen = new Set(
      Array.from({ length: 45 }, (_, i) => requestAddress({ forwardedFor: `10.0.0.${i}`, realIp: `10.1.0.${i}`, peer: "198.51.100.7" })),
    );
    expect([...seen]).toEqual(["198.51.100.7"]);
    expect(requestAddress({ peer: "::ffff:127.0.0.1" })).toBe("127.0.0.1");
  });

  it("with JINGZHUN_PROXY_HOPS set, the proxy's entry, and the peer (the proxy itself) is ignored", () => {
    process.env.JINGZHUN_PROXY_HOPS = "1";
    expect(requestAddress({ forwardedFor: "6.6.6.6, 203.0.113.9", peer: "10.0.0.1" })).toBe("203.0.113.9");
  });

  it("an address is short and plain, or 'invalid'", () => {
    expect(requestAddress({ peer: "1".repeat(8000) })).toBe("invalid");
    expect(requestAddress({ peer: "<script>" })).toBe("invalid");
    expect(requestAddress({ peer: "2001:db8::1" })).toBe("2001:db8::1");
  });
});
