import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Bytes, sha256Hex, toHex, utf8Encode } from "@/lib/domain/sha256";

// The tests may use node:crypto as an oracle; lib/domain itself never does.
const oracle = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

describe("sha256Hex: published test vectors (FIPS 180-4 examples, NIST CAVS)", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
    [
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ],
    ["The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"],
  ])("%j", (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it("one million 'a'", () => {
    expect(sha256Hex("a".repeat(1_000_000))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });
});

describe("sha256Bytes: padding boundaries", () => {
  // 55 bytes fits one block with the length; 56..64 need a second; 119/120 the third
  it.each([0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000])("%i bytes", (n) => {
    const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
    expect(toHex(sha256Bytes(data))).toBe(oracle(data));
  });

  it("agrees with node:crypto on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(toHex(sha256Bytes(data))).toBe(oracle(data));
      }),
      { numRuns: 300 },
    );
  });
});

describe("utf8Encode", () => {
  it("Chinese and astral characters", () => {
    expect(toHex(utf8Encode("丹阳村"))).toBe("e4b8b9e998b3e69d91");
    expect(toHex(utf8Encode("𠀀"))).toBe("f0a08080"); // U+20000, a surrogate pair
    expect(toHex(utf8Encode("é"))).toBe("c3a9");
  });

  it("lone surrogates become U+FFFD, as TextEncoder does", () => {
    for (const s of ["\ud800", "a\udc00b", "\ud83d", "x\ud83d"]) {
      expect(utf8Encode(s)).toEqual(new TextEncoder().encode(s));
    }
  });

  it("agrees with TextEncoder and node:crypto on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => {
        expect(utf8Encode(s)).toEqual(new TextEncoder().encode(s));
        expect(sha256Hex(s)).toBe(oracle(s));
      }),
      { numRuns: 300 },
    );
  });

  it("hashes the seed's Chinese text as UTF-8", () => {
    expect(sha256Hex("丹阳村 2019 评估")).toBe(oracle(Buffer.from("丹阳村 2019 评估", "utf8")));
  });
});
