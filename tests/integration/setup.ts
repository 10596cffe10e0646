// Per test file: stand-ins for the Next.js request context that actions and data functions
// read (session, translations, cache revalidation). The database is real: see helpers.ts.
import { vi } from "vitest";
import { createTranslator } from "next-intl";
import { messages } from "@/i18n/messages";
import { testSession } from "./session-state";

vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: async () => testSession.current };
});

vi.mock("next-intl/server", () => {
  const locale = () => testSession.locale;
  return {
    getLocale: async () => locale(),
    getTranslations: async (ns?: string | { namespace?: string }) => {
      const namespace = typeof ns === "string" ? ns : ns?.namespace;
      return createTranslator({ locale: locale(), messages: messages[locale()], namespace: namespace as never });
    },
    getMessages: async () => messages[locale()],
    getNow: async () => new Date(),
    getTimeZone: async () => "Asia/Shanghai",
  };
});

vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_cache: <T>(fn: T) => fn,
}));

vi.mock("next/headers", () => ({
  // as scripts/next-server.mjs stamps it: the socket's address
  headers: async () => new Headers({ "x-jingzhun-peer": testSession.address }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));

// The audit key and a per-file anchors file (lib/audit-key.ts): events are sealed as in production.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
process.env.JINGZHUN_AUDIT_KEY ??= "test-audit-key-0123456789abcdefghijklmnopqrstuvwxyz";
process.env.JINGZHUN_AUDIT_ANCHORS = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jz-anchors-")), "audit-anchors.jsonl");
