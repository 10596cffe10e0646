// Keys for the public card and help endpoints, derived from the installation's server secret
// (NEXTAUTH_SECRET, which `npm run dev`/`npm start` always set), one per purpose, so a key used
// to sign proof-of-work challenges is never the key that hashes addresses.
// Without a secret (a bare test process) a random per-process secret is used: challenges then
// only verify in the process that issued them, which is all a test needs.
import crypto from "node:crypto";

const g = globalThis as typeof globalThis & { __jzPublicSecret?: Buffer };

function rootSecret(): Buffer {
  const configured = process.env.JINGZHUN_PUBLIC_SECRET || process.env.NEXTAUTH_SECRET;
  if (configured) return Buffer.from(configured, "utf8");
  g.__jzPublicSecret ??= crypto.randomBytes(32);
  return g.__jzPublicSecret;
}

export type KeyPurpose = "pow" | "address" | "status";

export function derivedKey(purpose: KeyPurpose): Buffer {
  return crypto.createHmac("sha256", rootSecret()).update(`jingzhun:public:${purpose}`).digest();
}

/**
 * An address (IP) as a counter key: HMAC-SHA-256 under the server's key, 32 hex characters.
 * The raw address is never stored; without the key the hash cannot be reversed by trying all
 * 2^32 IPv4 addresses.
 */
export function addressKey(address: string): string {
  return crypto.createHmac("sha256", derivedKey("address")).update(address.trim().toLowerCase()).digest("hex").slice(0, 32);
}
