// Lightweight proof of work for the public report forms (no captcha): the server hands out a
// signed, expiring challenge; the browser finds a nonce such that SHA-256(challenge + nonce)
// starts with `bits` zero bits (~2^bits hashes: 16 bits ≈ 0.2–1 s on a cheap phone); the server
// checks the signature, the expiry, the work, and (lib/ratelimit.ts claimOnce) that the
// challenge was not used before. It makes a flood cost CPU time; the per-address and
// per-village limits do the rest.
import crypto from "node:crypto";
import { derivedKey } from "./secret";

export const POW_TTL_MS = 10 * 60_000;
export const POW_MIN_BITS = 8;
export const POW_MAX_BITS = 24;

/** Difficulty: JINGZHUN_POW_BITS (8–24), else 16. */
export function powBits(): number {
  const n = Number(process.env.JINGZHUN_POW_BITS);
  return Number.isInteger(n) && n >= POW_MIN_BITS && n <= POW_MAX_BITS ? n : 16;
}

const CHALLENGE_RE = /^v1\.([A-Za-z0-9_-]{22})\.(\d{13})\.(\d{1,2})\.([A-Za-z0-9_-]{43})$/;
const NONCE_RE = /^\d{1,16}$/;

function sign(body: string, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(body).digest("base64url");
}

export interface Challenge {
  challenge: string;
  id: string;
  bits: number;
  expiresAt: number;
}

export function issueChallenge(now = Date.now(), opts: { bits?: number; key?: Buffer } = {}): Challenge {
  const id = crypto.randomBytes(16).toString("base64url");
  const bits = opts.bits ?? powBits();
  const expiresAt = now + POW_TTL_MS;
  const body = `v1.${id}.${String(expiresAt).padStart(13, "0")}.${bits}`;
  return { challenge: `${body}.${sign(body, opts.key ?? derivedKey("pow"))}`, id, bits, expiresAt };
}

/** Number of leading zero bits of a byte string. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

export function workDone(challenge: string, nonce: string, bits: number): boolean {
  const digest = crypto
    .createHash("sha256")
    .update(challenge + nonce, "utf8")
    .digest();
  return leadingZeroBits(digest) >= bits;
}

export type PowVerdict =
  { ok: true; id: string; expiresAt: number } | { ok: false; reason: "malformed" | "signature" | "expired" | "too_easy" | "work" };

export function verifyPow(challenge: unknown, nonce: unknown, now = Date.now(), opts: { key?: Buffer; minBits?: number } = {}): PowVerdict {
  if (typeof challenge !== "string" || typeof nonce !== "string") return { ok: false, reason: "malformed" };
  const m = CHALLENGE_RE.exec(challenge);
  if (!m || !NONCE_RE.test(nonce)) return { ok: false, reason: "malformed" };
  const [, id, exp, bitsText, sig] = m as unknown as [string, string, string, string, string];
  const body = challenge.slice(0, challenge.length - sig.length - 1);
  const expected = Buffer.from(sign(body, opts.key ?? derivedKey("pow")), "utf8");
  const given = Buffer.from(sig, "utf8");
  // the sender controls the signature: compare in constant time
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return { ok: false, reason: "signature" };
  const expiresAt = Number(exp);
  if (!(expiresAt > now)) return { ok: false, reason: "expired" };
  const bits = Number(bitsText);
  if (bits < (opts.minBits ?? POW_MIN_BITS)) return { ok: false, reason: "too_easy" };
  if (!workDone(challenge, nonce, bits)) return { ok: false, reason: "work" };
  return { ok: true, id, expiresAt };
}
