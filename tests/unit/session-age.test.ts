// Sessions: an idle limit (the cookie's maxAge, sliding while used) and an absolute limit from
// sign-in that no amount of use extends.
import { describe, expect, it } from "vitest";
import { authOptions, sessionToken, SESSION_ABSOLUTE_S, SESSION_IDLE_S, SESSION_UPDATE_S } from "@/lib/auth/options";

const at = Date.UTC(2026, 10, 28, 1, 0, 0);
const token = { uid: "u1", sv: 3, at };

describe("session limits", () => {
  it("are short: one idle hour, ten hours at most, re-issued every five minutes", () => {
    expect(SESSION_IDLE_S).toBe(3600);
    expect(SESSION_ABSOLUTE_S).toBe(36000);
    expect(authOptions.session?.maxAge).toBe(SESSION_IDLE_S);
    expect(authOptions.session?.updateAge).toBe(SESSION_UPDATE_S);
    expect(authOptions.jwt?.maxAge).toBe(SESSION_IDLE_S);
  });

  it("keeps the user up to the absolute limit and drops them one millisecond after", () => {
    expect(sessionToken(token, at)).toEqual(token);
    expect(sessionToken(token, at + SESSION_ABSOLUTE_S * 1000)).toEqual(token);
    expect(sessionToken(token, at + SESSION_ABSOLUTE_S * 1000 + 1)).toEqual({});
  });

  it("drops tokens without a sign-in time (issued before the limit existed) and ones from the future", () => {
    expect(sessionToken({ uid: "u1", sv: 1 }, at)).toEqual({});
    expect(sessionToken({ ...token, at: at + 61_000 }, at)).toEqual({});
    expect(sessionToken({ ...token, at: "yesterday" }, at)).toEqual({});
  });

  it("the jwt callback stamps the sign-in time and applies the limit on every later call", async () => {
    const jwt = authOptions.callbacks!.jwt!;
    const fresh = (await jwt({ token: {}, user: { id: "u9", sv: 2 } as never, account: null } as never)) as Record<string, unknown>;
    expect(fresh.uid).toBe("u9");
    expect(fresh.sv).toBe(2);
    expect(typeof fresh.at).toBe("number");
    const later = await jwt({ token: { ...fresh, at: Date.now() - SESSION_ABSOLUTE_S * 1000 - 5 }, account: null } as never);
    expect(later).toEqual({});
  });
});
