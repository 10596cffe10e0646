// The household card's link token (and the reporter's status token): 32 random bytes, base64url
// (43 characters, no padding). Only the SHA-256 of a token is ever stored; a presented token is
// hashed and looked up by that hash.
//
// Why no constant-time comparison: the secret is the token, and the database compares hashes,
// not tokens. A timing difference in the index lookup could at best tell an attacker how many
// leading bytes of SHA-256(their guess) match a stored hash; turning that into a working token
// needs a SHA-256 preimage, which timing does not give. (Where the attacker controls the value
// compared, e.g. an HMAC signature, lib/security/pow.ts does compare in constant time.)
import crypto from "node:crypto";

export const TOKEN_BYTES = 32;
/** base64url of 32 bytes without padding */
export const TOKEN_LENGTH = 43;
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedToken {
  /** what goes into the QR code and the link; never stored */
  token: string;
  /** SHA-256 hex: what the database keeps */
  hash: string;
}

export function generateToken(): IssuedToken {
  const token = crypto.randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** SHA-256 of the token's ASCII, lowercase hex (64 characters). */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** 43 base64url characters whose last one encodes only 4 bits (so every token has one spelling). */
export function isWellFormedToken(value: unknown): value is string {
  if (typeof value !== "string" || !TOKEN_RE.test(value)) return false;
  // 32 bytes = 256 bits; 43 × 6 = 258: the last character's 2 low bits must be zero
  return Buffer.from(value, "base64url").toString("base64url") === value;
}

/** The hash to look a presented token up by, or null when it cannot be a token at all. */
export function lookupHash(presented: unknown): string | null {
  return isWellFormedToken(presented) ? hashToken(presented) : null;
}
