// The proof of work of the public report forms: the browser's solver (lib/security/pow-solver.ts,
// plain JS SHA-256 with a mid-state) and the server's verifier (node:crypto) agree; a forged,
// expired, altered or unworked challenge is refused.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueChallenge, leadingZeroBits, verifyPow, workDone, POW_TTL_MS } from "@/lib/security/pow";
import { createPowSolver } from "@/lib/security/pow-solver";

const key = crypto.randomBytes(32);
const NOW = 1_800_000_000_000;

function solve(challenge: string, bits: number): string {
  const n = createPowSolver().search(challenge, bits, 0, 1 << 24);
  if (n < 0) throw new Error("no nonce");
  return String(n);
}

describe("leading zero bits", () => {
  it("counts whole and partial bytes", () => {
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0x00, 0x80]))).toBe(8);
    expect(leadingZeroBits(new Uint8Array([0x00, 0x00, 0x01]))).toBe(23);
    expect(leadingZeroBits(new Uint8Array([0x0f]))).toBe(4);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });
});

describe("the browser solver", () => {
  it("computes SHA-256 exactly as node:crypto does, over one and two final blocks", () => {
    // bits = 0 accepts the first nonce: compare the digest through workDone at higher bits
    for (const len of [0, 1, 40, 55, 56, 63, 64, 65, 100, 119, 120, 127, 128, 200]) {
      const challenge = "x".repeat(len);
      const nonce = solve(challenge, 10);
      const digest = crypto
        .createHash("sha256")
        .update(challenge + nonce)
        .digest();
      expect(leadingZeroBits(digest)).toBeGreaterThanOrEqual(10);
      // and it is the first such nonce
      for (let n = 0; n < Number(nonce); n++) expect(workDone(challenge, String(n), 10)).toBe(false);
    }
  });

  it("solves a real challenge that the server accepts", () => {
    const c = issueChallenge(NOW, { bits: 12, key });
    const nonce = solve(c.challenge, c.bits);
    expect(verifyPow(c.challenge, nonce, NOW + 1000, { key })).toEqual({ ok: true, id: c.id, expiresAt: NOW + POW_TTL_MS });
  });
});

describe("verifying", () => {
  const c = issueChallenge(NOW, { bits: 12, key });
  const nonce = solve(c.challenge, 12);

  it("refuses a nonce that does not do the work", () => {
    let bad = 0;
    while (workDone(c.challenge, String(bad), 12)) bad++;
    expect(verifyPow(c.challenge, String(bad), NOW, { key })).toEqual({ ok: false, reason: "work" });
  });

  it("refuses an expired challenge", () => {
    expect(verifyPow(c.challenge, nonce, NOW + POW_TTL_MS, { key })).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a challenge signed with another key, or altered", () => {
    expect(verifyPow(c.challenge, nonce, NOW, { key: crypto.randomBytes(32) })).toEqual({ ok: false, reason: "signature" });
    const easier = c.challenge.replace(/\.12\./, ".1.");
    expect(verifyPow(easier, "0", NOW, { key })).toEqual({ ok: false, reason: "signature" });
    const later = c.challenge.replace(/\.(\d{13})\./, (_m, d: string) => `.${String(Number(d) + 1e9).padStart(13, "0")}.`);
    expect(verifyPow(later, nonce, NOW, { key })).toEqual({ ok: false, reason: "signature" });
    const sig = c.challenge.slice(-43);
    const flipped = c.challenge.slice(0, -1) + (sig.at(-1) === "A" ? "B" : "A");
    expect(verifyPow(flipped, nonce, NOW, { key })).toEqual({ ok: false, reason: "signature" });
  });

  it("refuses malformed input", () => {
    expect(verifyPow("nonsense", "1", NOW, { key }).ok).toBe(false);
    expect(verifyPow(c.challenge, "-1", NOW, { key })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyPow(c.challenge, "1".repeat(17), NOW, { key })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyPow(undefined, nonce, NOW, { key })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses a challenge signed too easy for the server's minimum", () => {
    const easy = issueChallenge(NOW, { bits: 4, key });
    expect(verifyPow(easy.challenge, solve(easy.challenge, 4), NOW, { key, minBits: 8 })).toEqual({ ok: false, reason: "too_easy" });
  });

  it("takes well under a second at 16 bits in Node (the phone budget is ~1 s)", () => {
    const hard = issueChallenge(NOW, { bits: 16, key });
    const t0 = performance.now();
    const n = solve(hard.challenge, 16);
    const ms = performance.now() - t0;
    expect(verifyPow(hard.challenge, n, NOW, { key }).ok).toBe(true);
    expect(ms).toBeLessThan(5000);
  });
});
