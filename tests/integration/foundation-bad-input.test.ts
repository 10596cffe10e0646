// Bad input at the foundation: a wrong password, a malformed national ID in the seed, a
// DATABASE_URL that does not answer. Each gets a clear message and nothing is half-written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { createTestDb, form, signInAs, signOut, type TestDb } from "./helpers";
import { createUser, seedRegions, TEST_PASSWORD } from "../factories";
import { authOptions } from "@/lib/auth/options";
import { seed, SeedDataError } from "@/lib/seed/index";
import { ACCOUNT_DELAY_MAX_MS, MAX_FAILURES, accountDelay, accountDelayMs, pruneLoginThrottle, throttleKeys } from "@/lib/auth/throttle";
import { setDb } from "@/lib/db/client";
import { searchCadres } from "@/lib/actions/county/search-cadres";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedRegions(t.prisma);
  await createUser(t.prisma, { username: "official", role: "county_official", regionId: "520603" });
  await createUser(t.prisma, { username: "gone", role: "cadre", regionId: "520603201200" });
  await createUser(t.prisma, { username: "fresh", role: "cadre", regionId: "520603201200" });
  await t.prisma.user.update({ where: { username: "gone" }, data: { disabled: true } });
});
afterAll(async () => t?.close());

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
/** A sign-in as `npm start` passes it on: the socket's address in X-Jingzhun-Peer, plus whatever headers the client sent. */
const signIn = (username: string, password: string, ip = "10.0.0.1", sent: Record<string, string> = {}) =>
  authorize({ username, password }, { headers: { ...sent, "x-jingzhun-peer": ip } }).then(
    () => "ok",
    (e: Error) => e.message,
  );

describe("sign-in", () => {
  it("a wrong password, an unknown user and a disabled user all get the same generic refusal", async () => {
    expect(await signIn("official", "wrong", "10.0.0.2")).toBe("invalid");
    expect(await signIn("nobody", TEST_PASSWORD, "10.0.0.3")).toBe("invalid");
    expect(await signIn("gone", TEST_PASSWORD, "10.0.0.4")).toBe("invalid");
    expect(await signIn("official", TEST_PASSWORD, "10.0.0.5")).toBe("ok");
  });

  it("failing on purpose against an account slows further tries but never locks the real user out", async () => {
    for (let i = 0; i < MAX_FAILURES + 2; i++) expect(await signIn("official", `wrong-${i}`, `10.1.0.${i}`)).toBe("invalid");
    const keys = throttleKeys("official", "10.1.1.1");
    expect(await accountDelay(t.prisma, keys)).toBeGreaterThan(0);
    const t0 = Date.now();
    expect(await signIn("official", TEST_PASSWORD, "10.1.1.1")).toBe("ok");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(accountDelayMs(MAX_FAILURES + 2) - 50);
    const failures = await t.prisma.auditEvent.count({ where: { action: "auth.sign_in_failed" } });
    expect(failures).toBeGreaterThanOrEqual(MAX_FAILURES);
    expect(accountDelayMs(1000)).toBe(ACCOUNT_DELAY_MAX_MS);
  });

  it("one address failing against many accounts is throttled", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await signIn(`user${i}`, "x", "10.9.9.9");
    expect(await signIn("gone", TEST_PASSWORD, "10.9.9.9")).toBe("throttled");
  });

  it("with no proxy configured, a client rotating X-Forwarded-For / X-Real-IP stays its socket's address", async () => {
    const sent = (i: number) => ({ "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` });
    for (let i = 0; i < MAX_FAILURES; i++) await signIn(`other${i}`, "x", "10.8.8.8", sent(i));
    expect(await signIn("fresh", TEST_PASSWORD, "10.8.8.8", sent(99))).toBe("throttled");
    expect(await signIn("fresh", TEST_PASSWORD, "10.7.7.7")).toBe("ok"); // the account itself is not throttled
  });

  it("behind a configured proxy, the entry the proxy appended counts, not the client's", async () => {
    process.env.JINGZHUN_PROXY_HOPS = "1";
    try {
      const via = (i: number) =>
        authorize({ username: `p${i}`, password: "x" }, { headers: { "x-forwarded-for": `203.0.113.${i}, 10.6.6.6` } }).then(
          () => "ok",
          (e: Error) => e.message,
        );
      for (let i = 0; i < MAX_FAILURES; i++) await via(i);
      expect(await via(99)).toBe("throttled");
    } finally {
      delete process.env.JINGZHUN_PROXY_HOPS;
    }
  });

  it("a huge address header never becomes a stored key, and old rows are pruned", async () => {
    await signIn("nobody", "x", "9".repeat(8000), { "x-forwarded-for": "1".repeat(8000) });
    const rows = await t.prisma.loginThrottle.findMany();
    expect(Math.max(...rows.map((r) => r.key.length))).toBeLessThanOrEqual(80);
    expect(rows.some((r) => r.key.includes("10.8.8.8") || r.key.includes("9".repeat(20)))).toBe(false);
    const later = new Date(Date.now() + 3 * 24 * 3600_000);
    await pruneLoginThrottle(t.prisma, later);
    expect(await t.prisma.loginThrottle.count()).toBe(0);
  });
});

describe("the database unreachable during an action", () => {
  it("answers 'internal' with a reference (no thrown error, no HTTP 500), and works again when it is back", async () => {
    await signInAs(t.prisma, "official");
    const down = new Error("Can't reach database server at 127.0.0.1:5432");
    const unreachable = new Proxy({}, { get: () => () => Promise.reject(down) });
    setDb(unreachable as never);
    try {
      const r = await searchCadres(undefined, form({ q: "李" }));
      expect(r).toMatchObject({ ok: false, code: "internal" });
      if (!r.ok) expect(r.message).toMatch(/[0-9a-z]{4,}/);
    } finally {
      setDb(t.prisma);
    }
    expect(await searchCadres(undefined, form({ q: "李" }))).toMatchObject({ ok: true });
    signOut();
  });
});

describe("seed", () => {
  it("a malformed national ID stops the seed with a message naming it, and writes nothing", async () => {
    const before = await t.prisma.household.count();
    const run = seed(t.prisma, {
      mutate: (d) => ({
        ...d,
        members: d.members.map((m, i) =>
          i === 7 ? { ...m, nationalId: `${m.nationalId!.slice(0, 17)}${m.nationalId!.endsWith("0") ? "1" : "0"}` } : m,
        ),
      }),
    });
    await expect(run).rejects.toBeInstanceOf(SeedDataError);
    await expect(run).rejects.toThrow(/身份证号.*校验/);
    expect(await t.prisma.household.count()).toBe(before);
  });
});

describe("start-up", () => {
  it("a DATABASE_URL that does not answer stops start-up with a clear message and no stack trace", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", path.resolve("scripts/run.ts"), "db"], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("无法连接数据库");
    expect(r.stderr).toContain("Cannot connect");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a DATABASE_URL that is not PostgreSQL is refused by name", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", path.resolve("scripts/run.ts"), "db"], {
      env: { ...process.env, DATABASE_URL: "mysql://x@localhost/db" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("DATABASE_URL");
  });
});
