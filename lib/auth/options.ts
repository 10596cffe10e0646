// next-auth: credentials provider, JWT sessions. The JWT carries the user id and the
// session version; every request re-reads the user (lib/auth/session.ts), so disabling a
// user or changing their role ends their sessions at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { accountDelay, addressLockedUntil, clearFailures, recordFailure, throttleKeys } from "./throttle";
import { audit } from "@/lib/audit";
import { PEER_HEADER, requestAddress } from "@/lib/http/request-address";
import { secureCookies } from "./public-url";

export const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

// verified against when the account does not exist, so timing does not reveal it
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$GFx1zj79U3NRu6+4wCASzw$FwWctFNFqTaJwBGnqoi9jUNUxt8LNZ3TzAHvAxABeko";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const text = (v: unknown) => (typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : undefined);
  return requestAddress({
    forwardedFor: text(headers?.["x-forwarded-for"]),
    realIp: text(headers?.["x-real-ip"]),
    peer: text(headers?.[PEER_HEADER]),
  });
}

/** A session ends after this long without a request (the cookie slides forward while used)… */
export const SESSION_IDLE_S = 60 * 60;
/** …and at the latest this long after signing in, however busy: a working day. */
export const SESSION_ABSOLUTE_S = 10 * 60 * 60;
/** How often a used session's cookie is re-issued (sliding the idle limit). */
export const SESSION_UPDATE_S = 5 * 60;

/**
 * The JWT's contents after the absolute limit: an expired token carries no user, so the
 * session reads as signed out (lib/auth/session.ts getViewer returns null).
 */
export function sessionToken<T extends Record<string, unknown>>(token: T, now = Date.now()): T | Record<string, never> {
  const signedInAt = typeof token.at === "number" ? token.at : null;
  if (signedInAt === null || now - signedInAt > SESSION_ABSOLUTE_S * 1000 || signedInAt > now + 60_000) return {};
  return token;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_IDLE_S, updateAge: SESSION_UPDATE_S },
  jwt: { maxAge: SESSION_IDLE_S },
  pages: { signIn: "/login", error: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  // Secure cookie behind HTTPS (NEXTAUTH_URL follows JINGZHUN_PUBLIC_URL: scripts/run.ts)
  useSecureCookies: secureCookies(),
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new Error("invalid");
        const { username, password } = parsed.data;
        const prisma = db();
        const keys = throttleKeys(username, clientAddress(req?.headers));
        if (await addressLockedUntil(prisma, keys)) throw new Error("throttled");
        const wait = await accountDelay(prisma, keys);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const user = await prisma.user.findUnique({ where: { username } });
        const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
        if (!user || !ok || user.disabled) {
          await recordFailure(prisma, keys);
          await audit(prisma, user ? { id: user.id, role: user.role } : null, {
            action: "auth.sign_in_failed",
            entity: "user",
            entityId: user?.id ?? null,
            after: { username, reason: !user ? "unknown" : user.disabled ? "disabled" : "password" },
          });
          throw new Error("invalid"); // one generic message: never say which part was wrong
        }
        await clearFailures(prisma, keys.account);
        await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        await audit(prisma, { id: user.id, role: user.role }, { action: "auth.sign_in", entity: "user", entityId: user.id });
        return { id: user.id, name: user.name, sv: user.sessionVersion } as never;
      },
    }),
  ],
  events: {
    /**
     * Signing out ends the session on the server too: the user's session version moves on, so a
     * cookie kept from before (a copy, a shared computer) opens nothing any more (#16.6). Every
     * session of the user ends with it, as with a password change.
     */
    async signOut({ token }) {
      const uid = typeof token?.uid === "string" ? token.uid : null;
      const sv = typeof token?.sv === "number" ? token.sv : null;
      if (!uid || sv === null) return;
      const prisma = db();
      const changed = await prisma.user.updateMany({ where: { id: uid, sessionVersion: sv }, data: { sessionVersion: { increment: 1 } } });
      if (changed.count === 1) {
        const user = await prisma.user.findUnique({ where: { id: uid }, select: { role: true } });
        await audit(prisma, { id: uid, role: user?.role ?? null }, { action: "auth.sign_out", entity: "user", entityId: uid });
      }
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as unknown as { sv: number }).sv;
        token.at = Date.now();
      }
      return sessionToken(token);
    },
    async session({ session, token }) {
      const s = session as unknown as { uid?: string; sv?: number };
      s.uid = token.uid as string | undefined;
      s.sv = token.sv as number | undefined;
      return session;
    },
  },
};
