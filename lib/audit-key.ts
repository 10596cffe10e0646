// The audit key and the anchors: what lets someone who holds less than the database check that
// nobody rewrote the audit history (docs/decisions/0023-audit-keyed-and-anchored.md).
//
// - The key (JINGZHUN_AUDIT_KEY, else the file JINGZHUN_AUDIT_KEY_FILE, else <data>/audit-key that
//   `npm start` creates once) seals each event (lib/audit-chain.ts eventMac). It never enters the
//   database.
// - Anchors: at intervals the verified head of the chain (event id, hash, count) is appended, with
//   an HMAC under the same key, to a file outside the database (JINGZHUN_AUDIT_ANCHORS, else
//   <data>/audit-anchors.jsonl; put it on other storage in production). `npm run audit:verify`
//   checks that each anchored event still carries its hash at the same position.
// Node only (fs, crypto); used by the app (lib/audit.ts, lib/jobs/audit-head.ts) and the scripts.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.JINGZHUN_DATA_DIR?.trim() || "data");
}

export function auditKeyFile(): string {
  return process.env.JINGZHUN_AUDIT_KEY_FILE?.trim() || path.join(dataDir(), "audit-key");
}

const cache = new Map<string, Buffer | null>();

/** The audit key, or null when none is configured (events are then written unsealed). */
export function auditKey(): Buffer | null {
  const env = process.env.JINGZHUN_AUDIT_KEY?.trim();
  if (env) {
    if (env.length < 32) throw new Error("JINGZHUN_AUDIT_KEY must be at least 32 characters");
    return Buffer.from(env, "utf8");
  }
  const file = auditKeyFile();
  if (!cache.has(file)) {
    let key: Buffer | null = null;
    try {
      const text = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
      if (text.length >= 32) key = Buffer.from(text, "utf8");
    } catch {
      key = null;
    }
    cache.set(file, key);
  }
  return cache.get(file)!;
}

/** Creates <data>/audit-key once (mode 0600) when no key is configured; `npm start` calls it. */
export function ensureAuditKeyFile(): string | null {
  if (process.env.JINGZHUN_AUDIT_KEY?.trim()) return null;
  const file = auditKeyFile();
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return file;
}

export function anchorsFile(): string {
  return process.env.JINGZHUN_AUDIT_ANCHORS?.trim() || path.join(dataDir(), "audit-anchors.jsonl");
}

export interface Anchor {
  id: string;
  hash: string;
  events: number;
  at: string;
  mac: string;
}

function anchorMac(key: Buffer, a: Omit<Anchor, "mac">): string {
  return crypto.createHmac("sha256", key).update(`jingzhun-audit-anchor-v1\n${a.id}\n${a.hash}\n${a.events}\n${a.at}`).digest("hex");
}

/** Append an anchor of the verified head. No key: nothing is written (returns null). */
export function writeAnchor(
  head: { id: string; hash: string; events: number },
  key = auditKey(),
  file = anchorsFile(),
  now = new Date(),
): Anchor | null {
  if (!key) return null;
  const body = { id: head.id, hash: head.hash, events: head.events, at: now.toISOString() };
  const anchor: Anchor = { ...body, mac: anchorMac(key, body) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(/*turbopackIgnore: true*/ file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  return anchor;
}

export type AnchorRead =
  | { ok: true; anchors: Map<string, { hash: string; events: number }>; count: number; last: Anchor | null }
  | { ok: false; line: number; why: string };

/** The anchors file, every line's HMAC checked. A missing file is no anchors. */
export function readAnchors(key = auditKey(), file = anchorsFile()): AnchorRead {
  let text = "";
  try {
    text = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8");
  } catch {
    return { ok: true, anchors: new Map(), count: 0, last: null };
  }
  const anchors = new Map<string, { hash: string; events: number }>();
  let last: Anchor | null = null;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let a: Anchor;
    try {
      a = JSON.parse(line) as Anchor;
    } catch {
      return { ok: false, line: i + 1, why: "not JSON" };
    }
    if (
      typeof a.id !== "string" ||
      typeof a.hash !== "string" ||
      typeof a.events !== "number" ||
      typeof a.at !== "string" ||
      typeof a.mac !== "string"
    )
      return { ok: false, line: i + 1, why: "missing fields" };
    if (!key) return { ok: false, line: i + 1, why: "no audit key to check the anchors with" };
    const expected = anchorMac(key, { id: a.id, hash: a.hash, events: a.events, at: a.at });
    if (expected.length !== a.mac.length || !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(a.mac)))
      return { ok: false, line: i + 1, why: "its HMAC does not match (edited, or another key)" };
    if (last && (BigInt(a.id) < BigInt(last.id) || a.events < last.events))
      return { ok: false, line: i + 1, why: "goes back before the previous anchor" };
    anchors.set(a.id, { hash: a.hash, events: a.events });
    last = a;
  }
  return { ok: true, anchors, count: anchors.size, last };
}
