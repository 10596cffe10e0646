// The card link token: 32 random bytes in base64url, only its SHA-256 stored; a presented token
// is hashed and looked up, so anything that is not exactly a token (tampered, truncated, padded,
// another alphabet) is refused before the database.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateToken, hashToken, isWellFormedToken, lookupHash, TOKEN_LENGTH } from "@/lib/card/token";
import { plainIndicators, measureText, withoutHealthDetails } from "@/lib/card/plain";

describe("card tokens", () => {
  it("are 43 base64url characters carrying 32 random bytes", () => {
    const { token } = generateToken();
    expect(token).toHaveLength(TOKEN_LENGTH);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("differ every time", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateToken().token));
    expect(seen.size).toBe(1000);
  });

  it("are stored only as their SHA-256 (64 hex), which is what a lookup computes", () => {
    const { token, hash } = generateToken();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(hash).not.toContain(token);
    expect(hashToken(token)).toBe(hash);
    expect(lookupHash(token)).toBe(hash);
  });

  it("a tampered token hashes to something else, or is not a token at all", () => {
    const { token, hash } = generateToken();
    const flipped = token[5] === "A" ? "B" : "A";
    const tampered = token.slice(0, 5) + flipped + token.slice(6);
    expect(isWellFormedToken(tampered)).toBe(true);
    expect(lookupHash(tampered)).not.toBe(hash);
    expect(lookupHash(token.slice(0, 42))).toBeNull(); // truncated
    expect(lookupHash(token + "A")).toBeNull(); // too long
    expect(lookupHash(token.slice(0, 42) + "=")).toBeNull(); // padding
    expect(lookupHash(token.slice(0, 42) + "+")).toBeNull(); // base64, not base64url
    expect(lookupHash(` ${token.slice(1)}`)).toBeNull();
    expect(lookupHash(undefined)).toBeNull();
    expect(lookupHash(123)).toBeNull();
  });

  it("has one spelling: the last character may carry only 4 bits", () => {
    const { token } = generateToken();
    const last = token.at(-1)!;
    // the base64url alphabet index of the last character is a multiple of 4
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    expect(alphabet.indexOf(last) % 4).toBe(0);
    const other = alphabet[alphabet.indexOf(last) + 1]!;
    expect(isWellFormedToken(token.slice(0, 42) + other)).toBe(false);
  });
});

describe("what the card may say", () => {
  it("drops a child's medical exemption from the education reason, in both languages", () => {
    const zh = "无适龄子女辍学（6–15 周岁计入人口 2 名；1 名因病经医学认定无法就学）";
    const en = "No school-age child has dropped out (2 counted children aged 6–15; 1 medically unable to study)";
    expect(withoutHealthDetails(zh)).toBe("无适龄子女辍学（6–15 周岁计入人口 2 名）");
    expect(withoutHealthDetails(en)).toBe("No school-age child has dropped out (2 counted children aged 6–15)");
  });

  it("keeps the seven indicators in order with reasons, and fixes only where unmet", () => {
    const ind = (met: boolean) => ({
      met,
      reason: "r",
      reasonEn: "e",
      fix: met ? null : "f",
      fixEn: met ? null : "fe",
      numbers: { secret: 1 },
    });
    const out = plainIndicators({
      indicators: {
        water: ind(true),
        income: ind(false),
        food: ind(true),
        clothing: ind(true),
        medical: ind(true),
        housing: ind(true),
        education: ind(true),
      },
    });
    expect(out.map((i) => i.key)).toEqual(["income", "food", "clothing", "medical", "housing", "water", "education"]);
    expect(out[0]).toEqual({ key: "income", met: false, reason: "r", reasonEn: "e", fix: "f", fixEn: "fe" });
    expect(JSON.stringify(out)).not.toContain("secret");
    expect(plainIndicators(null)).toEqual([]);
  });

  it("hides a measure's words when they concern health or name another member", () => {
    expect(measureText("health", "大病专项救治", [])).toBeNull();
    expect(measureText("education", "为张小明申请雨露计划", ["张小明"])).toBeNull();
    expect(measureText("industry", "产业扶贫：养牛", ["张小明"])).toBe("产业扶贫：养牛");
  });
});
